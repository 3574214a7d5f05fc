package io.sitkit.bench;

import io.sitkit.config.SitkitConfig;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;

import java.io.InputStream;
import java.util.Map;

/**
 * Child main that only runs brokers: an embedded Kafka (no JMS) with one partition per topic,
 * reported as {@code @bench kafka <bootstrap servers>}, until its standard input closes. It lets a
 * probe measure its own heap without the broker's in it.
 *
 * <p>Thread-safety: single-threaded.
 */
public final class BrokerProbe {
    private BrokerProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (Environment env = Environments.start(SitkitConfig.of(Map.of("sitkit.jms.enabled", "false",
                "sitkit.kafka.default-partitions", "1")))) {
            Probe.fact("kafka", env.kafkaBootstrapServers().orElseThrow());
            InputStream in = System.in;
            while (in.read() >= 0) {
                // until the suite closes our standard input
            }
        }
        System.exit(0);
    }
}
