package dev.cairn.product.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewTextTest {

    @Test
    void removesMarkupAndScripts() {
        assertThat(ReviewText.sanitize("<p>Nice <i>knife</i></p><script>steal()</script>")).isEqualTo("Nice knife");
        assertThat(ReviewText.sanitize("<a href=\"javascript:alert(1)\">click</a>")).isEqualTo("click");
    }

    @Test
    void keepsPlainTextWithComparisonsAndAmpersands() {
        assertThat(ReviewText.sanitize("5 < 6 & 7 > 3")).isEqualTo("5 < 6 & 7 > 3");
    }

    @Test
    void dropsControlCharactersAndCollapsesSpaces() {
        assertThat(ReviewText.sanitize("  too \u0000 many\t\tspaces  ")).isEqualTo("too many spaces");
        assertThat(ReviewText.sanitize(null)).isEmpty();
    }

    @Test
    void capsTheLength() {
        assertThat(ReviewText.sanitize("x".repeat(5000))).hasSize(ReviewText.MAX_LENGTH);
    }
}
