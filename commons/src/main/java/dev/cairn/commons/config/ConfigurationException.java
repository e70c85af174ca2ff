package dev.cairn.commons.config;

/** Bad or missing configuration, found at startup. The message names the key, its environment variable and the fix. */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
