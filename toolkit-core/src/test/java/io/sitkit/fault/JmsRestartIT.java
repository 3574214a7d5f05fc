package io.sitkit.fault;

import io.sitkit.core.CaptureSession;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.internal.CaptureBuffer;
import io.sitkit.jms.JmsClient;
import io.sitkit.jms.JmsSettings;
import io.sitkit.jms.embedded.EmbeddedActiveMq;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 100,000 persistent messages are sent to a queue through ActiveMQ's failover transport while the
 * persistent broker is stopped and restarted on the same port: a consuming capture that rides the
 * restart ends, after de-duplication by message id (the broker redelivers what was in flight), with
 * exactly the messages whose sends were acknowledged; failed sends are counted apart.
 */
class JmsRestartIT {
    private static final int MESSAGES = 100_000;
    private static final int PUBLISHERS = 4;
    private static final int STOP_AFTER_ACKS = 30_000;
    private static final Destination QUEUE = Destination.jmsQueue("restart");

    @Test
    void aCaptureOverTheFailoverTransportEndsWithExactlyTheAcknowledgedMessages() throws Exception {
        long t0 = System.nanoTime();
        try (EmbeddedActiveMq mq = EmbeddedActiveMq.start(true, null);
             JmsClient client = new JmsClient(JmsSettings.activeMq("failover:(" + mq.brokerUrl()
                     + ")?initialReconnectDelay=20&maxReconnectDelay=200").withTimeout(Duration.ofSeconds(30)))) {
            CaptureBuffer capture = new CaptureBuffer(Set.of(QUEUE), 2 * MESSAGES, "consuming:");
            CaptureSession consumer = client.consume(QUEUE, capture);
            capture.own(consumer);
            Set<String> acked = ConcurrentHashMap.newKeySet();
            AtomicInteger failed = new AtomicInteger();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            CountDownLatch enoughAcked = new CountDownLatch(STOP_AFTER_ACKS);
            AtomicInteger sentAfterStop = new AtomicInteger();
            CountDownLatch stopping = new CountDownLatch(1);
            CompletableFuture<Duration> restarted = CompletableFuture.supplyAsync(() -> {
                waitFor(enoughAcked);
                long s = System.nanoTime();
                stopping.countDown();
                mq.restart();
                return Duration.ofNanos(System.nanoTime() - s);
            });
            ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                int first = p;
                done.add(CompletableFuture.runAsync(() -> {
                    for (int i = first; i < MESSAGES; i += PUBLISHERS) {
                        if (stopping.getCount() == 0) {
                            sentAfterStop.incrementAndGet();
                        }
                        try {
                            acked.add(client.publish(OutgoingMessage.text(QUEUE, "m-" + i)).messageId());
                            enoughAcked.countDown();
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e.getMessage());
                        }
                    }
                }, publishers));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            publishers.shutdown();
            Duration restart = restarted.get(60, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(60)).until(() -> ids(capture.messages(QUEUE)).size() >= acked.size());
            List<Message> raw = capture.messages(QUEUE);
            Set<String> captured = ids(raw);
            System.out.printf("jms restart: sent %d with %d publishers, acknowledged %d, failed %d (first: %s), sent after "
                            + "the stop began %d; captured %d, redelivered duplicates removed %d, distinct %d; restart took %d ms;"
                            + " whole run %d ms; capture problems: %s%n",
                    MESSAGES, PUBLISHERS, acked.size(), failed.get(), firstFailure.get(), sentAfterStop.get(), raw.size(),
                    raw.size() - captured.size(), captured.size(), restart.toMillis(),
                    Duration.ofNanos(System.nanoTime() - t0).toMillis(), capture.problemsSince(java.time.Instant.MIN));

            assertThat(acked.size() + failed.get()).isEqualTo(MESSAGES);
            assertThat(captured).isEqualTo(acked);
            assertThat(sentAfterStop.get()).as("sends after the broker began to stop").isPositive();
            assertThat(capture.problemsSince(java.time.Instant.MIN)).as("the capture rode the restart and says it was blind")
                    .singleElement().asString().matches("jms:queue:restart was blind from \\S+ to \\S+: connection to JMS broker "
                            + java.util.regex.Pattern.quote("failover:(" + mq.brokerUrl() + ")")
                            + "\\S* interrupted; the failover transport is reconnecting");
            capture.close();
        }
    }

    private static Set<String> ids(List<Message> messages) {
        Set<String> out = new HashSet<>();
        messages.forEach(m -> out.add(m.jms().orElseThrow().messageId()));
        return out;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new AssertionError("waited 120 s for " + latch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
