package dev.cairn.commons.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import java.util.Map;

/** MicroProfile configs of fixed values for tests that build what CDI would otherwise configure. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** A config holding exactly {@code values}. */
    public static Config of(Map<String, String> values) {
        return ConfigProviderResolver.instance().getBuilder()
                .withSources(new FixedConfigSource("test", 100, values) {
                })
                .build();
    }
}
