package dev.cairn.user.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void acceptsALongPassphrase() {
        assertThat(policy.violation("correct horse battery", "ann@example.com")).isEmpty();
    }

    @Test
    void rejectsShortPasswordsCountingCharactersNotBytes() {
        assertThat(policy.violation("elevenchars", "ann@example.com")).contains("must be at least 12 characters long");
        assertThat(policy.violation("🔒".repeat(11), "ann@example.com")).isPresent();
        assertThat(policy.violation("🔒".repeat(12), "ann@example.com")).isEmpty();
    }

    @Test
    void rejectsTheEmailOrItsLocalPartInAnyCase() {
        assertThat(policy.violation("Ann.Longname@Example.com", "ann.longname@example.com")).contains("must not be your email address");
        assertThat(policy.violation("ANN.LONGNAME", "ann.longname@example.com")).contains("must not be your email address");
    }

    @Test
    void rejectsBlankAndOverlongPasswords() {
        assertThat(policy.violation(" ".repeat(20), "ann@example.com")).contains("must not be blank");
        assertThat(policy.violation("x".repeat(129), "ann@example.com")).isPresent();
        assertThat(policy.violation(null, "ann@example.com")).isPresent();
    }

    @Test
    void refusesAnUnsafeMinimum() {
        assertThatThrownBy(() -> new PasswordPolicy(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
