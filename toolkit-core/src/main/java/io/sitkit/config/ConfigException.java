package io.sitkit.config;

import io.sitkit.core.SitkitException;

/**
 * A configuration value is missing or malformed. The message names the key, where its value came
 * from, and the accepted forms — never the value of a sensitive key.
 *
 * <pre>{@code
 * try { config.duration(ConfigKeys.KAFKA_TIMEOUT, d); } catch (ConfigException e) { System.err.println(e.getMessage()); }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
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
