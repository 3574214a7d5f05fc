package io.sitkit.bench;

import io.sitkit.config.SitkitConfig;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.StartPosition;
import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.record.Recorder;
import io.sitkit.record.RecorderSpec;
import io.sitkit.record.Replay;
import io.sitkit.record.ReplayResult;
import io.sitkit.record.Replayer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Child main of the {@code recording} suite, run with {@code -Xmx256m} against brokers in another
 * JVM ({@link BrokerProbe}): fills a topic with {@code bench.recording.messages} JSON orders
 * (default 1,000,000), then per round records the whole topic to a capture file with a
 * {@link Recorder} (from the beginning) and replays the file into a fresh topic as fast as
 * possible; reports the rates, the file size, the peak heap after a collection during each, and
 * the heap in use after a full collection halfway through each (what it keeps alive).
 *
 * <p>Usage: {@code RecordingProbe <bootstrap servers> <scratch dir>}.
 */
public final class RecordingProbe {
    private static final Duration WITHIN = Duration.ofMinutes(10);
    static final double HEAP_TARGET_MB = 256;

    private RecordingProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.recording.messages", 1_000_000);
        int rounds = Integer.getInteger("bench.recording.rounds", 3);
        Path scratch = Path.of(args[1]);
        Files.createDirectories(scratch);
        List<Double> recordRates = new ArrayList<>();
        List<Double> replayRates = new ArrayList<>();
        List<Double> recordHeap = new ArrayList<>();
        List<Double> replayHeap = new ArrayList<>();
        List<Double> recordLive = new ArrayList<>();
        List<Double> replayLive = new ArrayList<>();
        double fileMb = 0;
        try (Environment env = Environments.start(SitkitConfig.of(Map.of("sitkit.environment", "external",
                "sitkit.kafka.bootstrap-servers", args[0], "sitkit.jms.enabled", "false")));
             Bus bus = env.openBus();
             HeapWatch heap = new HeapWatch()) {
            long t0 = System.nanoTime();
            fill(bus, "rec-source", n);
            Probe.metric(Metric.of("fill_ms", Probe.millisSince(t0), "ms"));
            for (int round = 1; round <= rounds; round++) {
                Path file = scratch.resolve("recording-" + round + ".jsonl");
                System.gc();
                heap.reset();
                long r0 = System.nanoTime();
                try (Recorder recorder = RecorderSpec.to(file).from(StartPosition.beginning()).start(bus, "kafka:rec-source")) {
                    recorder.awaitRecorded(n / 2, WITHIN);
                    recordLive.add(liveHeapMb());
                    recorder.awaitRecorded(n, WITHIN);
                }
                double recordSeconds = (System.nanoTime() - r0) / 1e9;
                recordRates.add(n / recordSeconds);
                recordHeap.add(heap.peakMb());
                fileMb = Files.size(file) / (1024.0 * 1024.0);

                String target = "rec-target-" + round;
                bus.kafka().createTopic(target, 1);
                System.gc();
                heap.reset();
                ReplayResult result;
                try (Replayer replayer = Replay.of(file).mapDestination("kafka:rec-source", "kafka:" + target).start(bus)) {
                    replayer.awaitSent(n / 2, WITHIN);
                    replayLive.add(liveHeapMb());
                    result = replayer.await(WITHIN);
                }
                replayRates.add(result.sent() / (result.took().toNanos() / 1e9));
                replayHeap.add(heap.peakMb());
                long landed = bus.kafka().listDestinations().stream().filter(d -> d.destination().name().equals(target))
                        .mapToLong(DestinationInfo::messageCount).sum();
                if (result.sent() != n || landed != n) {
                    throw new IllegalStateException("round " + round + ": replayed " + result.sent() + " and " + target + " holds "
                            + landed + ", expected " + n);
                }
                Files.delete(file);
                Probe.progress("round %d: recorded %,.0f msgs/s, replayed %,.0f msgs/s, peak heap after GC %.0f / %.0f MB, file %.0f MB",
                        round, recordRates.get(round - 1), replayRates.get(round - 1), recordHeap.get(round - 1),
                        replayHeap.get(round - 1), fileMb);
            }
        }
        Probe.metric(Metric.median("record_rate_msgs_s", recordRates, "msgs/s"));
        Probe.metric(Metric.median("replay_rate_msgs_s", replayRates, "msgs/s"));
        Probe.metric(Metric.median("record_peak_heap_mb", recordHeap, "MB").withTarget(HEAP_TARGET_MB));
        Probe.metric(Metric.median("replay_peak_heap_mb", replayHeap, "MB").withTarget(HEAP_TARGET_MB));
        Probe.metric(Metric.median("record_live_heap_mb", recordLive, "MB"));
        Probe.metric(Metric.median("replay_live_heap_mb", replayLive, "MB"));
        Probe.metric(Metric.of("recording_file_mb", fileMb, "MB"));
        Probe.metric(Metric.of("recorded_messages", n, "count"));
        System.exit(0);
    }

    /** Heap in use right after a full collection, taken while the recorder or the replay is halfway: what it keeps alive. */
    private static double liveHeapMb() {
        System.gc();
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /** {@code n} JSON orders of about 200 bytes, keyed by order id, through the bus's callback form. */
    private static void fill(Bus bus, String topic, int n) throws InterruptedException {
        bus.kafka().createTopic(topic, 1);
        CountDownLatch acked = new CountDownLatch(n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < n; i++) {
            String id = "o-" + i;
            String json = "{\"orderId\":\"" + id + "\",\"customer\":{\"email\":\"c" + (i % 9973) + "@example.com\"},\"lines\":[{\"sku\":\"sku-"
                    + (i % 97) + "\",\"quantity\":" + (1 + i % 5) + ",\"unitPrice\":14.99}],\"total\":" + (14.99 * (1 + i % 5))
                    + ",\"currency\":\"USD\",\"placedAt\":\"2026-03-02T09:15:04.510Z\"}";
            bus.publishAsync(OutgoingMessage.bytes("kafka:" + topic, json.getBytes(StandardCharsets.UTF_8)).withKey(id), (r, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                acked.countDown();
            });
        }
        if (!acked.await(WITHIN.toMinutes(), TimeUnit.MINUTES) || failure.get() != null) {
            throw new IllegalStateException("filling " + topic + " failed: " + failure.get() + ", " + acked.getCount() + " unacknowledged");
        }
    }
}
