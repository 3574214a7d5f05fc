package io.sitkit.core;

import io.sitkit.core.internal.CaptureBuffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptureBufferTest {
    private static final Destination ORDERS = Destination.kafka("orders");
    private static final Destination PAYMENTS = Destination.jmsQueue("payments");

    private static Message kafka(long offset, String text) {
        return new Message(ORDERS, null, Headers.empty(), text.getBytes(), BodyType.BYTES, Instant.now(), Instant.now(),
                new KafkaMetadata(0, offset, "CreateTime", -1));
    }

    @Test
    void beyondTheBoundMessagesAreCountedAndStillReachListeners() {
        CaptureBuffer buffer = new CaptureBuffer(Set.of(ORDERS), 2, "from now");
        List<Message> heard = new CopyOnWriteArrayList<>();
        buffer.subscribe(heard::add);
        for (int i = 0; i < 5; i++) {
            buffer.accept(kafka(i, "m" + i));
        }
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.dropped()).isEqualTo(3);
        assertThat(heard).hasSize(5);
    }

    @Test
    void aOneDestinationCaptureKeepsItsListApartOnceAnotherDestinationArrives() throws Exception {
        // One destination's list is the capture's whole list until a message of another one comes.
        CaptureBuffer buffer = new CaptureBuffer(Set.of(ORDERS), 100, "from now");
        buffer.accept(kafka(0, "a"));
        buffer.acceptAll(List.of(kafka(1, "b"), kafka(2, "c")));
        List<Message> before = buffer.messages(ORDERS);
        Message payment = new Message(PAYMENTS, null, Headers.empty(), "p".getBytes(), BodyType.TEXT, null, Instant.now(),
                new JmsMetadata("ID:1", null, null, null, 4, false, null, false, null));
        buffer.acceptAll(List.of(payment, kafka(3, "d")));

        assertThat(before).extracting(m -> m.payloadText().orElseThrow()).containsExactly("a", "b", "c");
        assertThat(buffer.messages(ORDERS)).extracting(m -> m.payloadText().orElseThrow()).containsExactly("a", "b", "c", "d");
        assertThat(buffer.messages(PAYMENTS)).containsExactly(payment);
        assertThat(buffer.messages()).extracting(m -> m.payloadText().orElseThrow()).containsExactly("a", "b", "c", "p", "d");
        assertThat(buffer.await(ORDERS, 4, Duration.ofMillis(10))).hasSize(4);
    }

    @Test
    void aWaiterParkedBeforeAnotherDestinationArrivesGetsOnlyItsOwnDestination() throws Exception {
        CaptureBuffer buffer = new CaptureBuffer(Set.of(ORDERS), 100, "from now");
        buffer.accept(kafka(0, "a"));
        var pool = Executors.newFixedThreadPool(2);
        try {
            var all = pool.submit(() -> buffer.await(ORDERS, 2, Duration.ofSeconds(30)));
            var filtered = pool.submit(() -> buffer.await(ORDERS, m -> m.payloadText().orElse("").startsWith("b"), 1,
                    Duration.ofSeconds(30)));
            // Both waiters are parked on the capture (one counting, one filtering) before anything else arrives.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitersParked(buffer));
            buffer.accept(new Message(PAYMENTS, null, Headers.empty(), "p".getBytes(), BodyType.TEXT, null, Instant.now(),
                    new JmsMetadata("ID:1", null, null, null, 4, false, null, false, null)));
            buffer.accept(kafka(1, "b"));

            assertThat(all.get(10, TimeUnit.SECONDS)).extracting(m -> m.payloadText().orElseThrow()).containsExactly("a", "b");
            assertThat(filtered.get(10, TimeUnit.SECONDS)).extracting(m -> m.payloadText().orElseThrow()).containsExactly("b");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether one counting and one filtering waiter are parked in {@code buffer}'s await. */
    private static boolean waitersParked(CaptureBuffer buffer) throws Exception {
        var lock = CaptureBuffer.class.getDeclaredField("lock");
        lock.setAccessible(true);
        var l = (java.util.concurrent.locks.ReentrantLock) lock.get(buffer);
        var changed = CaptureBuffer.class.getDeclaredField("changed");
        changed.setAccessible(true);
        l.lock();
        try {
            return l.getWaitQueueLength((java.util.concurrent.locks.Condition) changed.get(buffer)) == 2;
        } finally {
            l.unlock();
        }
    }

    @Test
    void theByteBoundKeepsWhatFitsAndCountsTheRestAsDropped() {
        CaptureBuffer buffer = new CaptureBuffer(Set.of(ORDERS), 100, 10, "from now");
        buffer.accept(kafka(0, "1234"));
        buffer.accept(kafka(1, "5678"));
        buffer.accept(kafka(2, "9abc"));
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.bytesHeld()).isEqualTo(8);
        assertThat(buffer.dropped()).isEqualTo(1);
        assertThatThrownBy(() -> buffer.await(ORDERS, 3, Duration.ofMillis(10)))
                .hasMessageEndingWith("note: 1 message(s) were dropped at the buffer bound (100 messages, 10 bytes)");
    }

    @Test
    void blindPeriodsAreReportedWhenTheyOverlapTheWindowAsked() {
        CaptureBuffer buffer = new CaptureBuffer(Set.of(ORDERS), 100, "from now");
        Instant before = Instant.now();
        buffer.health(ORDERS, "no connection");
        assertThat(buffer.problemsSince(before)).singleElement().asString().contains("kafka:orders is blind since").endsWith(": no connection");
        buffer.health(ORDERS, null);
        assertThat(buffer.problemsSince(before)).singleElement().asString().contains("kafka:orders was blind from");
        assertThat(buffer.problemsSince(Instant.now().plusSeconds(1))).isEmpty();
        buffer.close();
        assertThat(buffer.problemsSince(Instant.now().plusSeconds(1))).containsExactly("the capture was closed");
    }

    @Test
    void awaitReturnsAsSoonAsTheMessageArrivesFromAnotherThread() throws Exception {
        CaptureBuffer buffer = new CaptureBuffer(Set.of(ORDERS, PAYMENTS), 100, "from now");
        ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
        try {
            producer.schedule(() -> buffer.accept(kafka(7, "late")), 50, TimeUnit.MILLISECONDS);
            long t0 = System.nanoTime();
            List<Message> got = buffer.await(ORDERS, m -> m.payloadText().orElse("").equals("late"), 1, Duration.ofSeconds(10));
            assertThat(got).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        } finally {
            producer.shutdownNow();
        }
    }

    @Test
    void aTimeoutReportsCountsPerDestinationAndHowTheCaptureStarted() {
        CaptureBuffer buffer = new CaptureBuffer(new java.util.LinkedHashSet<>(List.of(ORDERS, PAYMENTS)), 100, "at offsets {orders-0=5}");
        buffer.accept(kafka(5, "x"));
        assertThatThrownBy(() -> buffer.await(PAYMENTS, 1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        expected 1 matching message(s)
                          on jms:queue:payments
                          within PT0.05S
                          but saw 0 matching; held per destination: kafka:orders=1, jms:queue:payments=0
                          capture started at offsets {orders-0=5}""");
    }

    @Test
    void waitingOnADestinationThatIsNotCapturedIsAMistakeNamedAtOnce() {
        CaptureBuffer buffer = new CaptureBuffer(Set.of(ORDERS), 100, "from now");
        assertThatThrownBy(() -> buffer.await(PAYMENTS, 1, Duration.ofSeconds(1)))
                .hasMessage("jms:queue:payments is not captured here; captured: [kafka:orders]");
    }

    @Test
    void closeClosesOwnedSessionsOnceInReverseOrder() {
        CaptureBuffer buffer = new CaptureBuffer(Set.of(ORDERS), 100, "from now");
        List<String> closed = new CopyOnWriteArrayList<>();
        buffer.own(() -> closed.add("first"));
        buffer.own(() -> closed.add("second"));
        buffer.close();
        buffer.close();
        assertThat(closed).containsExactly("second", "first");
    }
}
