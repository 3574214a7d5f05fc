package io.sitkit.bench;

import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;

import java.util.Random;

/**
 * Child main of the {@code throughput} suite: one embedded environment with default settings, the
 * Kafka and JMS cases of {@link KafkaThroughput} and {@link JmsThroughput}, each compared by
 * {@link Rounds} ({@code bench.warmups} warm-up rounds, default 3, then {@code bench.rounds} measured
 * rounds, default 20, an even number; each round in {@code bench.slices} slices a side, default 10,
 * except Kafka capture). Message counts scale with {@code -Dbench.scale} (default 1).
 */
public final class ThroughputProbe {
    static final double PUBLISH_TARGET = 0.95;
    static final double CAPTURE_TARGET = 0.9;

    private ThroughputProbe() {
    }

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(System.getProperty("bench.scale", "1"));
        int warmups = Integer.getInteger("bench.warmups", 3);
        int measured = Integer.getInteger("bench.rounds", 20);
        Rounds rounds = new Rounds(warmups, measured, Integer.getInteger("bench.slices", 10));
        // Kafka capture trials include creating the consumer (raw) or starting the capture (sitkit), so
        // they stay whole: cut into slices of about 30 ms, they would measure start-up, not throughput.
        Rounds whole = new Rounds(warmups, measured, 1);
        byte[] b100 = payload(100);
        byte[] b1k = payload(1024);
        try (Environment env = Environments.embedded(); Bus bus = env.openBus()) {
            try (KafkaThroughput k = new KafkaThroughput(bus)) {
                int n100 = rounds.perSlice("kafka_publish_100b", 500_000, scale);
                int n1k = rounds.perSlice("kafka_publish_1k", 200_000, scale);
                int n100capture = whole.perSlice("kafka_capture_100b", 1_000_000, scale);
                int n1kcapture = whole.perSlice("kafka_capture_1k", 400_000, scale);
                bus.kafka().createTopic("pub-100b-raw", 1);
                bus.kafka().createTopic("pub-100b-sitkit", 1);
                bus.kafka().createTopic("pub-1k-raw", 1);
                bus.kafka().createTopic("pub-1k-sitkit", 1);
                rounds.compare("kafka_publish_100b", PUBLISH_TARGET,
                        i -> k.rawPublish("pub-100b-raw", b100, n100), i -> k.sitkitPublish("pub-100b-sitkit", b100, n100));
                // Not a target: the control. The raw side against a second raw producer of the same
                // settings, so identical code on both sides; how far its ratio strays from 1.0 is how
                // finely this run can tell two sides apart.
                // Both on fresh topics, as in the other cases: a partition log that grows by about 60 MB a
                // round rolls its segments as it goes, and neither side should start with a longer one.
                bus.kafka().createTopic("pub-100b-control-raw", 1);
                bus.kafka().createTopic("pub-100b-control-raw2", 1);
                try (KafkaThroughput k2 = new KafkaThroughput(bus)) {
                    rounds.compare("kafka_publish_100b_control", null, "raw", i -> k.rawPublish("pub-100b-control-raw", b100, n100),
                            "raw2", i -> k2.rawPublish("pub-100b-control-raw2", b100, n100));
                }
                rounds.compare("kafka_publish_1k", PUBLISH_TARGET,
                        i -> k.rawPublish("pub-1k-raw", b1k, n1k), i -> k.sitkitPublish("pub-1k-sitkit", b1k, n1k));
                // Not a target: what the CompletableFuture form of publishAsync costs next to the callback form.
                bus.kafka().createTopic("pub-100b-future-raw", 1);
                bus.kafka().createTopic("pub-100b-future-sitkit", 1);
                rounds.compare("kafka_publish_100b_future", null,
                        i -> k.rawPublish("pub-100b-future-raw", b100, n100),
                        i -> k.sitkitPublishFuture("pub-100b-future-sitkit", b100, n100));
                bus.kafka().createTopic("cap-100b", 1);
                bus.kafka().createTopic("cap-1k", 1);
                k.fill("cap-100b", b100, n100capture);
                k.fill("cap-1k", b1k, n1kcapture);
                whole.compare("kafka_capture_100b", CAPTURE_TARGET,
                        i -> k.rawCapture("cap-100b", n100capture), i -> k.sitkitCapture("cap-100b", n100capture));
                whole.compare("kafka_capture_1k", CAPTURE_TARGET,
                        i -> k.rawCapture("cap-1k", n1kcapture), i -> k.sitkitCapture("cap-1k", n1kcapture));
            }
            try (JmsThroughput j = new JmsThroughput(bus, env.jmsBrokerUrl().orElseThrow())) {
                // Both JMS cases time only sending and receiving: sitkit publishes through one anonymous producer, and a capture is listening
                // before its clock starts, so neither side has set-up in a slice.
                int nPublish = rounds.perSlice("jms_publish_100b", 30_000, scale);
                int nCapture = rounds.perSlice("jms_capture_100b", 100_000, scale);
                rounds.compare("jms_publish_100b", PUBLISH_TARGET,
                        i -> j.rawPublish("bench.pub.raw." + i, b100, nPublish),
                        i -> j.sitkitPublish("bench.pub.sitkit." + i, b100, nPublish));
                rounds.compare("jms_capture_100b", CAPTURE_TARGET,
                        i -> j.rawCapture("bench.cap.raw." + i, b100, nCapture),
                        i -> j.sitkitCapture("bench.cap.sitkit." + i, b100, nCapture));
            }
        }
        System.exit(0);
    }

    private static byte[] payload(int size) {
        byte[] b = new byte[size];
        new Random(42).nextBytes(b);
        return b;
    }
}
