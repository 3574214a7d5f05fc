package io.sitkit.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A running recording of one or more destinations. Returned by {@code Bus.capture(...)} only
 * once every destination is really listening, so nothing published afterwards is missed.
 *
 * <pre>{@code
 * try (Capture capture = bus.capture("kafka:orders", "jms:queue:payments")) {
 *     systemUnderTest.placeOrder("o-1");
 *     List<Message> payments = capture.await(Destination.jmsQueue("payments"), 1, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safety: all methods may be called from any thread while transport threads add messages.
 */
public interface Capture extends AutoCloseable {

    /** How the capture started, for failure messages: {@code from now: kafka:orders at offsets {0=5}; …}. */
    String describe();

    /** The destinations being recorded. */
    Set<Destination> destinations();

    /** A snapshot of everything held so far, in arrival order across destinations. */
    List<Message> messages();

    /** A snapshot of what is held for one destination, in arrival order. */
    List<Message> messages(Destination destination);

    /** How many messages are held. */
    int size();

    /** Messages seen but not held because the buffer bound was reached (listeners still got them). */
    long dropped();

    /** Errors a destination's capture hit; empty while all is well. */
    Map<Destination, Throwable> errors();

    /**
     * Everything that made this capture blind at some time since {@code since}: errors, periods
     * without a broker connection (ongoing or ended after {@code since}), and closing. Empty when
     * the capture was healthy throughout.
     */
    List<String> problemsSince(java.time.Instant since);

    /**
     * Waits, without polling, until more than {@code seen} messages are held in total, the capture
     * fails or closes, or the time runs out.
     *
     * @return how many messages are held now
     * @throws InterruptedException when interrupted while waiting
     */
    int awaitMore(int seen, Duration within) throws InterruptedException;

    /**
     * Calls {@code listener} on the transport thread for every message from now on; the
     * returned handle unsubscribes. The listener must not block.
     */
    AutoCloseable subscribe(Consumer<Message> listener);

    /**
     * Waits, without polling, until {@code count} messages matching {@code filter} are held for
     * {@code destination}, and returns the first {@code count} of them.
     *
     * @throws CaptureTimeoutException when the time runs out, saying what was seen
     */
    List<Message> await(Destination destination, Predicate<Message> filter, int count, Duration within);

    /** Matches every message; {@link #await(Destination, int, Duration)} uses it, and implementations may count instead of test. */
    Predicate<Message> ANY = m -> true;

    /** Waits for the first {@code count} messages on {@code destination}; see {@link #await(Destination, Predicate, int, Duration)}. */
    default List<Message> await(Destination destination, int count, Duration within) {
        return await(destination, ANY, count, within);
    }

    /** Stops recording; messages already held stay readable. Idempotent. */
    @Override
    void close();
}
