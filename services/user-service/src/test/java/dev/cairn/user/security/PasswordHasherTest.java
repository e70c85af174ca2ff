package dev.cairn.user.security;

import com.password4j.Password;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(19_456, 2, 1);

    @Test
    void hashesWithArgon2idAndASaltOfItsOwn() {
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");
        assertThat(first).startsWith("$argon2id$").doesNotContain("correct horse");
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches("correct horse battery staple", first)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", first)).isFalse();
    }

    @Test
    void verifiesImportedBcryptHashesAndAsksToUpgradeThem() {
        String bcrypt = Password.hash("imported password").withBcrypt().getResult();
        assertThat(hasher.matches("imported password", bcrypt)).isTrue();
        assertThat(hasher.matches("another password", bcrypt)).isFalse();
        assertThat(hasher.needsRehash(bcrypt)).isTrue();
    }

    @Test
    void asksToRehashWhenTheCostChanged() {
        String cheap = new PasswordHasher(4_096, 1, 1).hash("correct horse battery staple");
        assertThat(hasher.needsRehash(cheap)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("correct horse battery staple"))).isFalse();
    }

    @Test
    void unknownHashFormatsNeverMatch() {
        assertThat(hasher.matches("anything", "plaintext")).isFalse();
    }
}
