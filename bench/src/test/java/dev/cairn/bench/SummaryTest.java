package dev.cairn.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SummaryTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        Summary summary = Summary.of(List.of(9.0, 1.0, 5.0));
        assertThat(summary.median()).isEqualTo(5.0);
        assertThat(summary.min()).isEqualTo(1.0);
        assertThat(summary.max()).isEqualTo(9.0);
        assertThat(summary.runs()).isEqualTo(3);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertThat(Summary.of(List.of(4.0, 1.0, 3.0, 10.0)).median()).isEqualTo(3.5);
    }

    @Test
    void ratiosCompareMedians() {
        Summary gateway = Summary.of(List.of(700.0, 650.0, 900.0));
        Summary direct = Summary.of(List.of(1000.0, 2000.0, 100.0));
        assertThat(gateway.ratioTo(direct)).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void formatsMedianWithMinAndMaxAndGroupsThousands() {
        assertThat(Summary.of(List.of(7806.4, 7512.0, 8010.0)).format(0)).isEqualTo("7 806 (7 512–8 010)");
        assertThat(Summary.of(List.of(1.234)).format(2)).isEqualTo("1.23");
        assertThat(Summary.of(List.of()).format(2)).isEqualTo("n/a");
        assertThat(Summary.number(-1234567.891, 1)).isEqualTo("-1 234 567.9");
        assertThat(Summary.number(12, 0)).isEqualTo("12");
        assertThat(Summary.number(Double.NaN, 2)).isEqualTo("n/a");
    }
}
