package io.sitkit.stub;

import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.env.Bus;
import io.sitkit.fault.Emission;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Sends what a stub or relay emits: at once on the calling thread, or after an emission's delay
 * from one scheduler thread, created on the first delay. Kafka sends do not wait for the broker's
 * acknowledgement; failures reach {@code failed}.
 *
 * <p>Thread-safety: thread-safe.
 */
final class Outbox implements AutoCloseable {
    private final Bus bus;
    private final String owner;
    private final BiConsumer<OutgoingMessage, Throwable> failed;
    private ScheduledThreadPoolExecutor scheduler;
    private boolean closed;

    Outbox(Bus bus, String owner, BiConsumer<OutgoingMessage, Throwable> failed) {
        this.bus = bus;
        this.owner = owner;
        this.failed = failed;
    }

    void send(List<Emission> emissions) {
        for (Emission e : emissions) {
            if (e.delay().isZero()) {
                sendNow(e.message());
            } else {
                ScheduledExecutorService s = scheduler();
                if (s != null) {
                    s.schedule(() -> sendNow(e.message()), e.delay().toNanos(), TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (closed) {
            return null;
        }
        if (scheduler == null) {
            scheduler = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "sitkit-stub-delay-" + owner);
                t.setDaemon(true);
                return t;
            });
            scheduler.setRemoveOnCancelPolicy(true);
        }
        return scheduler;
    }

    private void sendNow(OutgoingMessage m) {
        try {
            if (m.destination().isKafka()) {
                bus.publishAsync(m, (PublishResult r, io.sitkit.core.SitkitException error) -> {
                    if (error != null) {
                        failed.accept(m, error);
                    }
                });
            } else {
                bus.publish(m);
            }
        } catch (RuntimeException e) {
            failed.accept(m, e);
        }
    }

    /**
     * Stops the scheduler. With {@code flush}, messages still waiting for their delay are sent now
     * (a relay in a real flow loses nothing); without, they are dropped. Returns how many were waiting.
     */
    int close(boolean flush) {
        ScheduledThreadPoolExecutor s;
        synchronized (this) {
            closed = true;
            s = scheduler;
        }
        if (s == null) {
            return 0;
        }
        List<Runnable> waiting = s.shutdownNow();
        try {
            if (!s.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the delay thread of " + owner + " did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (flush) {
            waiting.forEach(Runnable::run);
        }
        return waiting.size();
    }

    @Override
    public void close() {
        close(false);
    }
}
