package dev.cairn.product.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RatingTest {

    @Test
    void averageHasTwoDecimals() {
        assertThat(new Rating(3, 10).average()).isEqualByComparingTo("3.33");
        assertThat(new Rating(2, 9).average()).isEqualByComparingTo("4.50");
        assertThat(Rating.NONE.average()).isEqualByComparingTo("0");
    }
}
