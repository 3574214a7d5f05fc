package io.sitkit.bench;

import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;

import java.nio.charset.StandardCharsets;

/**
 * Child main of the {@code stubs} suite: one embedded environment with default settings; Kafka
 * ({@link KafkaStubRoundTrip}) then JMS ({@link JmsStubRoundTrip}), each compared by
 * {@link RoundTripRounds}: {@code bench.stubs.warmups} warm-up rounds (default 20: the stub's path
 * is compiled by C2 only after a few thousand requests), then {@code bench.stubs.rounds} measured
 * rounds (default 20) of 100 round trips per side.
 */
public final class StubsProbe {
    static final double P50_RATIO_TARGET = 1.2;
    private static final int PER_ROUND = 100;
    /** What both responders answer: a fixed JSON body (the stub's template has no expression). */
    static final String REPLY = "{\"status\":\"APPROVED\",\"paymentId\":\"p-0815\",\"provider\":\"bench\"}";

    private StubsProbe() {
    }

    public static void main(String[] args) throws Exception {
        RoundTripRounds rounds = new RoundTripRounds(Integer.getInteger("bench.stubs.warmups", 20),
                Integer.getInteger("bench.stubs.rounds", 20), PER_ROUND);
        byte[] payload = ("{\"orderId\":\"o-0004711\",\"status\":\"NEW\",\"customer\":{\"id\":\"c-28391\",\"tier\":\"GOLD\"},"
                + "\"items\":[{\"sku\":\"SKU-10293\",\"qty\":2,\"price\":19.99},{\"sku\":\"SKU-55120\",\"qty\":1,\"price\":5.50}],"
                + "\"total\":45.48,\"currency\":\"EUR\",\"channel\":\"web\",\"createdAt\":\"2024-05-01T10:15:30.123Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Environment env = Environments.embedded(); Bus bus = env.openBus()) {
            try (KafkaStubRoundTrip k = new KafkaStubRoundTrip(bus, "bench-stubs", payload, REPLY)) {
                rounds.compare("kafka", P50_RATIO_TARGET, k::stub, k::raw);
                k.check();
            }
            try (JmsStubRoundTrip j = new JmsStubRoundTrip(bus, env.jmsBrokerUrl().orElseThrow(), "bench.stubs", payload, REPLY)) {
                rounds.compare("jms", P50_RATIO_TARGET, j::stub, j::raw);
                j.check();
            }
        }
        System.exit(0);
    }
}
