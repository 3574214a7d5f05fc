package io.sitkit.bench;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;

import java.util.Locale;
import java.util.Map;

/**
 * Which embedded brokers a probe starts: the three modes of the {@code env} suite.
 *
 * <p>Thread-safety: immutable.
 */
enum Brokers {
    KAFKA(true, false), ACTIVEMQ(false, true), BOTH(true, true);

    final boolean kafka;
    final boolean jms;

    Brokers(boolean kafka, boolean jms) {
        this.kafka = kafka;
        this.jms = jms;
    }

    /** The user-facing configuration that selects these brokers, nothing else. */
    SitkitConfig config() {
        return SitkitConfig.of(Map.of(ConfigKeys.KAFKA_ENABLED, String.valueOf(kafka), ConfigKeys.JMS_ENABLED, String.valueOf(jms)));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Brokers parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown broker mode '" + s + "'; use kafka, activemq or both", e);
        }
    }
}
