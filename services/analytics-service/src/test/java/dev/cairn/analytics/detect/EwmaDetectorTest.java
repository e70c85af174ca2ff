package dev.cairn.analytics.detect;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EwmaDetectorTest {

    @Test
    void noisyButSteadyValuesAreRarelyFlagged() {
        EwmaDetector detector = new EwmaDetector(0.1, 3.5, 10, 1.0);
        Random random = new Random(7);
        int flagged = 0;
        for (int i = 0; i < 2_000; i++) {
            flagged += detector.observe(100 + random.nextGaussian() * 5).isPresent() ? 1 : 0;
        }
        assertThat(flagged).as("false alarms in 2000 normal values (defaults)").isLessThan(20);
        assertThat(detector.mean()).isBetween(90.0, 110.0);
    }

    @Test
    void aSpikeAfterWarmupIsReportedWithItsZScore() {
        EwmaDetector detector = new EwmaDetector(0.3, 3.0, 10, 1.0);
        for (int i = 0; i < 20; i++) {
            detector.observe(i % 2 == 0 ? 19.0 : 21.0);
        }
        OptionalDouble z = detector.observe(200);
        assertThat(z).isPresent();
        assertThat(z.getAsDouble()).isGreaterThan(3.0);
        OptionalDouble drop = detector.observe(-200);
        assertThat(drop).isPresent();
        assertThat(drop.getAsDouble()).isLessThan(-3.0);
    }

    @Test
    void nothingIsReportedDuringWarmup() {
        EwmaDetector detector = new EwmaDetector(0.3, 3.0, 10, 1.0);
        for (int i = 0; i < 5; i++) {
            detector.observe(10);
        }
        assertThat(detector.observe(10_000)).isEmpty();
    }

    @Test
    void aFlatHistoryUsesTheMinimumDeviation() {
        EwmaDetector detector = new EwmaDetector(0.3, 3.0, 3, 1.0);
        for (int i = 0; i < 10; i++) {
            detector.observe(0);
        }
        assertThat(detector.observe(2)).as("2 orders after a quiet spell are not 'infinitely' surprising").isEmpty();
        EwmaDetector quiet = new EwmaDetector(0.3, 3.0, 3, 1.0);
        for (int i = 0; i < 10; i++) {
            quiet.observe(0);
        }
        assertThat(quiet.observe(40)).isPresent();
    }

    @Test
    void rejectsMeaninglessParameters() {
        assertThatThrownBy(() -> new EwmaDetector(0, 3, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EwmaDetector(0.3, 3, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
