package io.sitkit.junit.scenarios;

import io.sitkit.junit.Observe;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.IntStream;

import static io.sitkit.match.Matchers.jsonPath;

/**
 * 500 short event-flow tests for the soak run: 250 repetitions that publish to Kafka and expect the
 * message, 250 parameterised ones that do the same on a JMS queue; each gets its own topic and captures.
 */
@SitTest(observe = "kafka:soak")
public class SoakScenario {
    static final Duration WITHIN = Duration.ofSeconds(10);
    /** Live threads and open descriptors as the 20th and the 250th test of each kind starts, its captures running. */
    public static final java.util.Map<String, Sample> IN_RUN = new java.util.concurrent.ConcurrentHashMap<>();

    /** Threads and descriptors at one moment of the run. */
    public record Sample(int threads, Descriptors fds) {
    }

    private static void sample(String kind, int n) {
        if (n == 20 || n == 250) {
            IN_RUN.put(kind + "-" + n, new Sample(Thread.activeCount(), Descriptors.now()));
        }
    }

    @RepeatedTest(250)
    void a_kafka_message_is_captured_and_expected(SitBus bus, RepetitionInfo repetition) {
        sample("kafka", repetition.getCurrentRepetition());
        publishAndExpectOnKafka(bus, repetition.getCurrentRepetition());
    }

    @ParameterizedTest
    @MethodSource("ids")
    @Observe("jms:queue:soak.payments")
    void a_jms_message_is_captured_and_expected(int id, SitBus bus) {
        sample("jms", id);
        publishAndExpectOnJms(bus, id);
    }

    static IntStream ids() {
        return IntStream.rangeClosed(1, 250);
    }

    static void publishAndExpectOnKafka(SitBus bus, int id) {
        bus.publish("kafka:soak", "o-" + id, "{\"orderId\":\"o-" + id + "\",\"n\":" + id + "}");
        bus.expect("kafka:soak").message(jsonPath("$.n").isEqualTo(id)).within(WITHIN);
    }

    static void publishAndExpectOnJms(SitBus bus, int id) {
        bus.publish("jms:queue:soak.payments", "{\"paymentId\":\"p-" + id + "\",\"n\":" + id + "}");
        bus.expect("jms:queue:soak.payments").message(jsonPath("$.n").isEqualTo(id)).within(WITHIN);
    }

    /** The same kinds of test, a few of each: loads every class and JVM-wide thread the soak run will use. */
    @SitTest(observe = "kafka:soak")
    public static class Warmup {
        @RepeatedTest(10)
        void kafka(SitBus bus, RepetitionInfo repetition) {
            publishAndExpectOnKafka(bus, repetition.getCurrentRepetition());
        }

        @ParameterizedTest
        @MethodSource("io.sitkit.junit.scenarios.SoakScenario#warmupIds")
        @Observe("jms:queue:soak.payments")
        void jms(int id, SitBus bus) {
            publishAndExpectOnJms(bus, id);
        }
    }

    static IntStream warmupIds() {
        return IntStream.rangeClosed(1, 10);
    }
}
