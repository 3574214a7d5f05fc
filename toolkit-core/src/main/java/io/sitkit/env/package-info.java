/**
 * Environments — where the brokers are — and the {@link io.sitkit.env.Bus}, the one facade for
 * publishing, capturing, browsing and administering Kafka and JMS together.
 *
 * <p>Environments come from {@link io.sitkit.env.EnvironmentProvider}s found with
 * {@link java.util.ServiceLoader}: {@code embedded} (real brokers in this JVM, the default) and
 * {@code external} (brokers someone else runs) and {@code testcontainers} (brokers in Docker
 * containers; optional jars, and a sub-second {@link io.sitkit.env.DockerProbe} check first). {@link io.sitkit.env.Environments#start} picks one
 * by {@code sitkit.environment}; new providers join without touching callers.
 */
package io.sitkit.env;
