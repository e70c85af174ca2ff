package dev.cairn.commons.logging;

import dev.cairn.commons.config.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogLevelTest {

    @Test
    void mapsTheOperatorsLevelNamesToJul() {
        assertThat(LogLevel.parse("DEBUG")).isEqualTo(Level.FINE);
        assertThat(LogLevel.parse("info")).isEqualTo(Level.INFO);
        assertThat(LogLevel.parse("WARN")).isEqualTo(Level.WARNING);
        assertThat(LogLevel.parse(" ERROR ")).isEqualTo(Level.SEVERE);
    }

    @Test
    void refusesAnUnknownLevelNamingTheVariableAndTheChoices() {
        assertThatThrownBy(() -> LogLevel.parse("LOUD")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CAIRN_LOG_LEVEL").hasMessageContaining("DEBUG, INFO, WARN or ERROR");
    }
}
