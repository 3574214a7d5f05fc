/**
 * Configuration: one naming scheme ({@code sitkit.kafka.bootstrap-servers}) read from a
 * properties or YAML file, environment variables ({@code SITKIT_KAFKA_BOOTSTRAP_SERVERS}) and
 * system properties, with one documented precedence. See {@link io.sitkit.config.SitkitConfig}.
 */
package io.sitkit.config;
