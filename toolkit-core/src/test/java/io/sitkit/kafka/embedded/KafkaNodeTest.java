package io.sitkit.kafka.embedded;

import io.sitkit.core.SitkitException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaNodeTest {

    @Test
    void side_by_side_runs_every_start_on_its_own_named_thread_and_returns_when_all_are_done() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch bothRunning = new CountDownLatch(2);
        Runnable meetTheOther = () -> {
            threads.add(Thread.currentThread().getName());
            bothRunning.countDown();
            await(bothRunning); // returns only if the two run at the same time
        };

        KafkaNode.sideBySide(List.of(new KafkaNode.Start("start-a", false, meetTheOther),
                new KafkaNode.Start("start-b", true, meetTheOther)));

        assertThat(threads).containsExactlyInAnyOrder("start-a", "start-b");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void a_failed_start_interrupts_the_other_and_is_thrown_with_the_others_failure_suppressed() {
        IllegalStateException controllerFailure = new IllegalStateException("controller could not bind");
        AtomicBoolean brokerInterrupted = new AtomicBoolean();
        Runnable brokerWaitingForTheController = () -> {
            try {
                new CountDownLatch(1).await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                brokerInterrupted.set(true);
                throw new IllegalStateException("broker start interrupted", e);
            }
        };

        assertThatThrownBy(() -> KafkaNode.sideBySide(List.of(
                new KafkaNode.Start("controller", false, () -> {
                    throw controllerFailure;
                }),
                new KafkaNode.Start("broker", true, brokerWaitingForTheController))))
                .isSameAs(controllerFailure)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessage("broker start interrupted")));
        assertThat(brokerInterrupted).isTrue();
    }

    @Test
    void an_interrupted_caller_stops_the_starts_waits_for_them_and_keeps_its_interrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        Set<String> ended = ConcurrentHashMap.newKeySet();
        Runnable waitUntilInterrupted = () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                ended.add(Thread.currentThread().getName());
                throw new IllegalStateException("interrupted", e);
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                KafkaNode.sideBySide(List.of(new KafkaNode.Start("a", true, waitUntilInterrupted),
                        new KafkaNode.Start("b", true, waitUntilInterrupted)));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(caller.isAlive()).isFalse();
        assertThat(ended).containsExactlyInAnyOrder("a", "b");
        assertThat(thrown.get()).isInstanceOf(SitkitException.class).hasMessageContaining("interrupted")
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(interruptKept).isTrue();
    }

    @Test
    void a_start_not_marked_for_interrupts_runs_to_its_end_before_the_other_starts_failure_is_thrown() {
        IllegalStateException brokerFailure = new IllegalStateException("broker listener could not bind");
        CountDownLatch brokerFailed = new CountDownLatch(1);
        AtomicBoolean controllerInterrupted = new AtomicBoolean();
        AtomicBoolean controllerFinished = new AtomicBoolean();
        Runnable controllerFinishingAfterTheBrokerFailed = () -> {
            await(brokerFailed);
            controllerInterrupted.set(Thread.currentThread().isInterrupted());
            controllerFinished.set(true);
        };

        assertThatThrownBy(() -> KafkaNode.sideBySide(List.of(
                new KafkaNode.Start("controller", false, controllerFinishingAfterTheBrokerFailed),
                new KafkaNode.Start("broker", true, () -> {
                    brokerFailed.countDown();
                    throw brokerFailure;
                }))))
                .isSameAs(brokerFailure);
        assertThat(controllerFinished).isTrue();
        assertThat(controllerInterrupted).isFalse();
    }

    @Test
    void the_same_failure_from_both_starts_is_thrown_once_without_suppressing_itself() {
        IllegalStateException shared = new IllegalStateException("shared future failed");
        CountDownLatch bothRunning = new CountDownLatch(2);
        Runnable failTogether = () -> {
            bothRunning.countDown();
            await(bothRunning);
            throw shared;
        };

        assertThatThrownBy(() -> KafkaNode.sideBySide(List.of(
                new KafkaNode.Start("a", false, failTogether), new KafkaNode.Start("b", false, failTogether))))
                .isSameAs(shared)
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other start never ran at the same time");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
