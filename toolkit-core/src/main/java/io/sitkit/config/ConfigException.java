package io.sitkit.config;

import io.sitkit.core.SitkitException;

/**
 * A configuration value is missing or malformed. The message names the key, where its value came
 * from, and the accepted forms — never the value of a sensitive key.
 */
public class ConfigException extends SitkitException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
