package io.sitkit.correlate;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The messages that share one correlation key, across destinations and transports, ordered by
 * {@link Message#flowTimeNanos()} (own timestamp, never later than the capture time), with the
 * latency of each hop.
 *
 * <pre>{@code
 * Flow flow = index.flow("o-1").orElseThrow();
 * flow.destinations();   // [kafka:orders, jms:queue:payments, kafka:shipments]
 * flow.hops().get(0).latency();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class Flow {
    private final String key;
    private final List<Message> messages;

    /**
     * @param key      the correlation key
     * @param messages the messages carrying it, in any order (sorted here by capture time, stably)
     */
    public Flow(String key, List<Message> messages) {
        this.key = Objects.requireNonNull(key, "key");
        List<Message> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparingLong(Message::flowTimeNanos));
        this.messages = List.copyOf(sorted);
    }

    public String key() {
        return key;
    }

    /** The messages in capture-time order. */
    public List<Message> messages() {
        return messages;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The destination of each message, in order (repeats kept). */
    public List<Destination> destinations() {
        return messages.stream().map(Message::destination).toList();
    }

    /** The messages seen on one destination, in order. */
    public List<Message> on(Destination destination) {
        return messages.stream().filter(m -> m.destination().equals(destination)).toList();
    }

    /** The first message on a destination. */
    public Optional<Message> first(Destination destination) {
        return messages.stream().filter(m -> m.destination().equals(destination)).findFirst();
    }

    /** Each consecutive pair of messages. */
    public List<Hop> hops() {
        List<Hop> hops = new ArrayList<>();
        for (int i = 1; i < messages.size(); i++) {
            hops.add(Hop.between(messages.get(i - 1), messages.get(i)));
        }
        return hops;
    }

    /** From the first message to the last. */
    public Duration duration() {
        return messages.size() < 2 ? Duration.ZERO
                : between(messages.get(0), messages.get(messages.size() - 1));
    }

    /** One line per message: {@code +0ms kafka:orders[0]@3}, {@code +12ms jms:queue:payments id=…}. */
    public String describe() {
        StringBuilder sb = new StringBuilder("flow ").append(key).append(" (").append(messages.size()).append(" messages)");
        for (Message m : messages) {
            sb.append("\n  +").append(millis(between(messages.get(0), m))).append(' ')
                    .append(m.position());
        }
        return sb.toString();
    }

    /** From one message to a later one, by flow time; never negative. */
    public static Duration between(Message from, Message to) {
        return Duration.ofNanos(Math.max(0, to.flowTimeNanos() - from.flowTimeNanos()));
    }

    static String millis(Duration d) {
        long micros = d.toNanos() / 1000;
        return micros % 1000 == 0 ? micros / 1000 + "ms" : String.format(java.util.Locale.ROOT, "%.1fms", micros / 1000.0);
    }

    @Override
    public String toString() {
        return "Flow{" + key + ", " + destinations() + "}";
    }
}
