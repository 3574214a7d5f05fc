package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.correlate.Flow;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link CorrelationSearch} found: the core's {@link Flow} of the key over every destination
 * searched, each message with the connection it came from and decoded for the detail pane, and what
 * was searched where — so the view can say what it did not look at.
 *
 * <pre>{@code
 * CorrelationResult r = search.run("o-1", sources, route, progress -> { }, () -> false);
 * r.hits().get(0).row();          // the first message of the flow
 * r.flow().hops().get(0).latency();
 * r.describe();                    // "3 messages carry o-1 on 3 destinations · 74 messages searched …"
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param key      the key followed
 * @param flow     the messages that carry it, ordered by flow time (the core's)
 * @param hits     the same messages in the same order, with their connection and decoded rows
 * @param searched one entry per destination, in the order they were searched
 * @param scanned  messages read in all
 * @param stop     why the search ended
 * @param took     how long it ran
 */
public record CorrelationResult(String key, Flow flow, List<Hit> hits, List<Searched> searched, long scanned, Stop stop,
                                Duration took) {
    public CorrelationResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(flow, "flow");
        hits = List.copyOf(hits);
        searched = List.copyOf(searched);
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(took, "took");
        if (hits.size() != flow.messages().size()) {
            throw new IllegalArgumentException("a hit per flow message: " + hits.size() + " hits, " + flow.messages().size() + " messages");
        }
    }

    /** Why a search ended. */
    public enum Stop {
        /** Every destination was searched to its bound. */
        COMPLETE,
        /** The time limit ran out; the destinations after it were not searched. */
        TIME_LIMIT,
        /** Cancelled; the destinations after it were not searched. */
        CANCELLED
    }

    /** How much of a destination was searched. */
    public enum Coverage {
        /** Every message it held. */
        ALL,
        /** Only its most recent (Kafka) or first (queue) messages up to the bound, or the time window. */
        BOUNDED,
        /** Cut short: the search was cancelled or ran out of time while reading it. */
        INTERRUPTED,
        /** A JMS topic keeps nothing: what its live tail holds. */
        TAIL,
        /** A JMS topic without a live tail: nothing to search. */
        NOT_TAILED,
        /** Not reached: the search was cancelled or ran out of time first. */
        NOT_SEARCHED
    }

    /**
     * One message of the flow.
     *
     * @param connection the connection (profile name) it was read on
     * @param row        the message, decoded
     */
    public record Hit(String connection, MessageRow row) {
        public Hit {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(row, "row");
        }

        public Destination destination() {
            return row.message().destination();
        }
    }

    /**
     * What was searched on one destination.
     *
     * @param connection the connection (profile name)
     * @param destination the destination
     * @param scanned    messages read
     * @param found      of them, carrying the key
     * @param coverage   how much of it that was
     */
    public record Searched(String connection, Destination destination, long scanned, int found, Coverage coverage) {
        /** "kafka:orders: 1,000 messages, stopped at the bound, 1 found". */
        public String describe() {
            String how = switch (coverage) {
                case ALL -> "all " + count(scanned);
                case BOUNDED -> count(scanned) + ", stopped at the bound";
                case INTERRUPTED -> count(scanned) + ", cut short";
                case TAIL -> count(scanned) + " its live tail holds";
                case NOT_TAILED -> "a JMS topic keeps nothing and it is not tailed: start a live tail to include it";
                case NOT_SEARCHED -> "not searched";
            };
            return destination + ": " + how + (found > 0 ? ", " + found + " found" : "");
        }
    }

    /** Destinations read at least in part. */
    public long destinationsSearched() {
        return searched.stream().filter(s -> s.coverage() != Coverage.NOT_SEARCHED && s.coverage() != Coverage.NOT_TAILED).count();
    }

    /**
     * One line for the status: what was found, how much was searched where, and why it stopped early —
     * "3 messages carry o-1 on 3 destinations · 74 messages searched on 5 destinations in 0.4 s".
     */
    public String describe() {
        long destinations = hits.stream().map(h -> h.connection() + "/" + h.destination()).distinct().count();
        StringBuilder sb = new StringBuilder(hits.isEmpty() ? "No message carries " + key
                : count(hits.size()) + (hits.size() == 1 ? " carries " : " carry ") + key + " on " + destinations
                + (destinations == 1 ? " destination" : " destinations"));
        sb.append(" · ").append(count(scanned)).append(" searched on ").append(destinationsSearched())
                .append(destinationsSearched() == 1 ? " destination" : " destinations")
                .append(String.format(Locale.ROOT, " in %.1f s", took.toMillis() / 1000.0));
        long bounded = searched.stream().filter(s -> s.coverage() == Coverage.BOUNDED).count();
        if (bounded > 0) {
            sb.append(" · ").append(bounded).append(bounded == 1 ? " destination" : " destinations").append(" searched only up to the bound");
        }
        long notSearched = searched.stream().filter(s -> s.coverage() == Coverage.NOT_SEARCHED || s.coverage() == Coverage.INTERRUPTED).count();
        if (stop != Stop.COMPLETE) {
            sb.append(" · ").append(stop == Stop.CANCELLED ? "cancelled" : "stopped at the time limit").append(": ")
                    .append(notSearched).append(notSearched == 1 ? " destination" : " destinations").append(" not searched to the end");
        }
        long untailed = searched.stream().filter(s -> s.coverage() == Coverage.NOT_TAILED).count();
        if (untailed > 0) {
            sb.append(" · ").append(untailed).append(untailed == 1 ? " JMS topic" : " JMS topics").append(" not tailed");
        }
        return sb.toString();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " message" : " messages");
    }
}
