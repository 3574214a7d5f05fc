package io.sitkit.env;

import io.sitkit.config.SitkitConfig;

/**
 * Creates environments of one kind. Registered in
 * {@code META-INF/services/io.sitkit.env.EnvironmentProvider}; chosen by {@code sitkit.environment}.
 *
 * <p>Thread-safety: implementations are stateless.
 */
public interface EnvironmentProvider {

    /** The value of {@code sitkit.environment} that selects this provider. */
    String name();

    /** Starts (or connects to) the environment described by {@code config}. */
    Environment start(SitkitConfig config);
}
