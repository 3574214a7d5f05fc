package io.sitkit.record;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.env.EmbeddedEnvironment;
import io.sitkit.env.SharedEmbedded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recorder listens on every destination when {@code start} returns: an injection and messages
 * published the moment it is returned are all recorded, the injection once. Many rounds on
 * destinations that do not exist yet (topics, queues and their mirror topics are created as the
 * recorder starts), Kafka and JMS, each injecting straight after start.
 */
@ExtendWith(SharedEmbedded.class)
class RecorderReadinessIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final int ROUNDS = 24;

    @TempDir
    Path dir;
    private Bus bus;

    @BeforeEach
    void setUp(EmbeddedEnvironment env) {
        bus = env.openBus();
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    @Test
    void whatIsPublishedRightAfterStartIsRecordedOnEveryDestinationAndAnInjectionOnce() {
        List<String> missed = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String id = "ready-" + RUN.incrementAndGet();
            List<String> watched = new ArrayList<>(List.of("kafka:" + id + "-a", "kafka:" + id + "-b", "kafka:" + id + "-c",
                    "kafka:" + id + "-d", "jms:queue:" + id + ".q1", "jms:queue:" + id + ".q2", "jms:topic:" + id + ".t"));
            // Every other round injects on a JMS queue: its echo comes through the broker's mirror topic.
            String injectOn = watched.get(round % 2 == 0 ? 0 : 4);
            Path file = dir.resolve(id + ".jsonl");
            try (Recorder recorder = RecorderSpec.to(file).start(bus, watched.toArray(String[]::new))) {
                recorder.inject(OutgoingMessage.text(injectOn, "{\"n\":0}").withKey("k"));
                for (String w : watched) {
                    // the injected destination included: once this is recorded there, the injection's echo has come by
                    bus.publish(OutgoingMessage.text(w, "{\"n\":1}").withKey("k"));
                }
                recorder.awaitRecorded(watched.size() + 1, WAIT);
            }
            Map<String, Integer> lines = new TreeMap<>();
            for (CaptureFileReader.Entry e : RecorderIT.entries(RecorderIT.items(file))) {
                lines.merge(e.message().destination() + (e.injected() ? " injected" : ""), 1, Integer::sum);
            }
            Map<String, Integer> expected = new TreeMap<>();
            watched.forEach(w -> expected.put(Destination.parse(w).toString(), 1));
            expected.put(Destination.parse(injectOn) + " injected", 1);
            if (!lines.equals(expected)) {
                missed.add("round " + round + ", injected on " + injectOn + ": " + lines);
            }
        }
        assertThat(missed).as("rounds whose recording differs from one line per destination plus the injection").isEmpty();
    }
}
