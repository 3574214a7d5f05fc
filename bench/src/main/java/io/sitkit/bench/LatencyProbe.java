package io.sitkit.bench;

import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;

import java.nio.charset.StandardCharsets;

/**
 * Child main of the {@code latency} suite: one embedded environment with default settings; Kafka
 * ({@link KafkaLatency}) then JMS ({@link JmsLatency}), each compared by {@link LatencyRounds}:
 * 2 warm-up rounds, then {@code bench.latency.rounds} measured rounds (default 20) of 100 samples per side.
 */
public final class LatencyProbe {
    static final double OVERHEAD_TARGET_MS = 2.0;
    private static final int PER_ROUND = 100;

    private LatencyProbe() {
    }

    public static void main(String[] args) throws Exception {
        LatencyRounds rounds = new LatencyRounds(2, Integer.getInteger("bench.latency.rounds", 20), PER_ROUND);
        byte[] payload = ("{\"orderId\":\"o-0004711\",\"status\":\"NEW\",\"customer\":{\"id\":\"c-28391\",\"tier\":\"GOLD\"},"
                + "\"items\":[{\"sku\":\"SKU-10293\",\"qty\":2,\"price\":19.99},{\"sku\":\"SKU-55120\",\"qty\":1,\"price\":5.50}],"
                + "\"total\":45.48,\"currency\":\"EUR\",\"channel\":\"web\",\"createdAt\":\"2024-05-01T10:15:30.123Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Environment env = Environments.embedded(); Bus bus = env.openBus()) {
            try (KafkaLatency k = new KafkaLatency(bus, "bench-latency", payload)) {
                rounds.compare("kafka", OVERHEAD_TARGET_MS, k::raw, k::sitkit);
            }
            try (JmsLatency j = new JmsLatency(bus, env.jmsBrokerUrl().orElseThrow(), "bench.latency", payload)) {
                rounds.compare("jms", OVERHEAD_TARGET_MS, j::raw, j::sitkit);
            }
        }
        System.exit(0);
    }
}
