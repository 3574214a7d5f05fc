package io.sitkit.fx.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.BodyType;
import io.sitkit.core.BrowsePage;
import io.sitkit.core.BrowseRequest;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.Flow;
import io.sitkit.correlate.KeySource;
import io.sitkit.fx.service.CorrelationResult.Coverage;
import io.sitkit.fx.service.CorrelationResult.Hit;
import io.sitkit.fx.service.CorrelationResult.Searched;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Finds every message of one business key on the open connections — Kafka topics and JMS queues
 * browsed without consuming, JMS topics in what their live tails hold — and returns them as the
 * core's {@link Flow}, each destination read by its own {@link CorrelationRules correlation rule}.
 * Bounded: at most {@link Bounds#perDestination()} messages per destination (a Kafka topic's most
 * recent, spread over its partitions; a queue's first in browse order), optionally only those of a
 * recent time window, and a time limit for the whole search; cancellable between pages.
 *
 * <pre>{@code
 * CorrelationSearch search = new CorrelationSearch(CorrelationSearch.Bounds.defaults().withPerDestination(5_000));
 * CorrelationResult r = search.run("o-42",
 *         List.of(new CorrelationSearch.Source("staging", connection, settings.correlationRules(), DestinationCatalog.list(connection), Map.of())),
 *         settings.route(), progress -> bar.set(progress), () -> cancelled);
 * }</pre>
 *
 * <p>Thread-safety: stateless apart from its settings; {@link #run} blocks on the brokers and calls
 * its callbacks on the calling thread.
 */
public final class CorrelationSearch {
    /** Messages per browse. */
    public static final int PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Bounds bounds;
    private final int pageSize;

    public CorrelationSearch(Bounds bounds) {
        this(bounds, PAGE);
    }

    /** @param pageSize messages per browse (small in tests, to have many pages) */
    public CorrelationSearch(Bounds bounds, int pageSize) {
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        if (pageSize <= 0) {
            throw new IllegalArgumentException("page size must be > 0: " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /**
     * How far a search reads.
     *
     * @param perDestination messages read at most per destination, &gt; 0
     * @param window         only messages of this recent window (from now back), or null for no window
     * @param timeLimit      the whole search stops when it has run this long (checked between pages)
     */
    public record Bounds(int perDestination, Duration window, Duration timeLimit) {
        public Bounds {
            if (perDestination <= 0) {
                throw new IllegalArgumentException("messages per destination must be > 0: " + perDestination);
            }
            if (window != null && (window.isNegative() || window.isZero())) {
                throw new IllegalArgumentException("the time window must be positive: " + window);
            }
            if (timeLimit == null || timeLimit.isNegative()) {
                throw new IllegalArgumentException("the time limit must be >= 0: " + timeLimit);
            }
        }

        /** 1,000 messages per destination, no window, 30 seconds. */
        public static Bounds defaults() {
            return new Bounds(1_000, null, Duration.ofSeconds(30));
        }

        public Bounds withPerDestination(int n) {
            return new Bounds(n, window, timeLimit);
        }

        public Bounds withWindow(Duration w) {
            return new Bounds(perDestination, w, timeLimit);
        }

        public Bounds withTimeLimit(Duration t) {
            return new Bounds(perDestination, window, t);
        }
    }

    /**
     * What one open connection adds to a search.
     *
     * @param name         the connection's name (its profile's)
     * @param connection   the connection
     * @param rules        where its destinations carry the key
     * @param destinations its destinations
     * @param held         the rows a JMS topic's live tail holds, by topic
     */
    public record Source(String name, Connection connection, CorrelationRules rules, List<DestinationEntry> destinations,
                         Map<Destination, List<MessageRow>> held) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(rules, "rules");
            destinations = List.copyOf(destinations);
            held = Map.copyOf(held);
        }
    }

    /**
     * How far a search has got.
     *
     * @param destinationsDone destinations finished
     * @param destinations     destinations in all
     * @param scanned          messages read
     * @param found            of them, carrying the key
     */
    public record Progress(int destinationsDone, int destinations, long scanned, int found) {
        /** Destinations done over all, 0–1. */
        public double fraction() {
            return destinations == 0 ? 1 : destinationsDone / (double) destinations;
        }
    }

    /**
     * The key {@code row} carries under {@code rules}: read from the message, or — for a JSON path on an
     * Avro payload — from its decoded JSON view.
     */
    public static Optional<String> keyOf(MessageRow row, CorrelationRules rules) {
        Optional<KeySource> source = rules.sourceFor(row.message().destination());
        return source.flatMap(s -> keyOf(row.message(), s, () -> row.decoded()));
    }

    private static Optional<String> keyOf(Message m, KeySource source, java.util.function.Supplier<DecodedPayload> decoded) {
        Optional<String> k = source.keyOf(m);
        if (k.isEmpty() && source instanceof KeySource.JsonField && m.payloadSize() > 0) {
            DecodedPayload d = decoded.get();
            if (d.format() == DecodedPayload.Format.AVRO && d.tree() != null) {
                try {
                    k = source.keyOf(m.withPayload(JSON.writeValueAsBytes(d.tree()), BodyType.TEXT));
                } catch (JsonProcessingException e) {
                    return Optional.empty();
                }
            }
        }
        return k;
    }

    /**
     * Searches every destination of {@code sources} for {@code key}; {@code cancelled} and the time
     * limit are checked between pages. Messages with the same flow time are ordered as {@code route} lists
     * their destinations.
     */
    public CorrelationResult run(String key, List<Source> sources, List<Destination> route, Consumer<Progress> onProgress,
                                 BooleanSupplier cancelled) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("type a key to follow");
        }
        Run run = new Run(key, onProgress, cancelled, System.nanoTime());
        int total = 0;
        Map<Source, List<Destination>> plan = new LinkedHashMap<>();
        for (Source s : sources) {
            List<Destination> ds = new ArrayList<>(s.destinations().stream().map(DestinationEntry::destination).toList());
            s.held().keySet().stream().filter(d -> !ds.contains(d)).sorted(Comparator.comparing(Destination::toString)).forEach(ds::add);
            plan.put(s, ds);
            total += ds.size();
        }
        run.total = total;
        for (Map.Entry<Source, List<Destination>> p : plan.entrySet()) {
            Source s = p.getKey();
            PayloadDecoding decoding = PayloadDecoding.using(s.connection().schemas());
            for (Destination d : p.getValue()) {
                if (run.stopped()) {
                    run.searched.add(new Searched(s.name(), d, 0, 0, Coverage.NOT_SEARCHED));
                    continue;
                }
                Searched searched = search(run, s, decoding, d);
                run.searched.add(searched);
                if (searched.coverage() != Coverage.INTERRUPTED && searched.coverage() != Coverage.NOT_SEARCHED) {
                    run.done++;
                    run.report();
                }
            }
        }
        return run.result(route);
    }

    private Searched search(Run run, Source s, PayloadDecoding decoding, Destination d) {
        Optional<KeySource> source = s.rules().sourceFor(d);
        if (d.isJms() && !d.isQueue()) {
            List<MessageRow> rows = s.held().get(d);
            if (rows == null) {
                return new Searched(s.name(), d, 0, 0, Coverage.NOT_TAILED);
            }
            int found = 0;
            Instant since = since();
            for (MessageRow row : rows) {
                if (inWindow(row.message(), since) && source.isPresent() && run.key.equals(keyOf(row.message(), source.get(),
                        row::decoded).orElse(null))) {
                    run.hits.add(new Hit(s.name(), row));
                    found++;
                }
            }
            run.scanned += rows.size();
            return new Searched(s.name(), d, rows.size(), found, Coverage.TAIL);
        }
        DestinationEntry entry = s.destinations().stream().filter(e -> e.destination().equals(d)).findFirst().orElse(null);
        int limit = Math.min(pageSize, bounds.perDestination());
        BrowseRequest first = BrowseRequest.of(d).withLimit(limit);
        if (d.isKafka()) {
            int partitions = entry == null ? 1 : Math.max(1, entry.partitions());
            first = bounds.window() != null ? first.fromTimestamp(since())
                    : first.last((bounds.perDestination() + partitions - 1) / partitions);
        }
        long scanned = 0;
        int found = 0;
        boolean cut = false;
        Optional<BrowseRequest> next = Optional.of(first);
        while (next.isPresent()) {
            long room = bounds.perDestination() - scanned;
            if (room <= 0) {
                cut = true;
                break;
            }
            if (run.stopped()) {
                return new Searched(s.name(), d, scanned, found, scanned == 0 ? Coverage.NOT_SEARCHED : Coverage.INTERRUPTED);
            }
            BrowseRequest request = room < next.get().limit() ? next.get().withLimit((int) room) : next.get();
            BrowsePage page = s.connection().bus().browse(request);
            for (Message m : page.messages()) {
                long index = scanned++;
                if (d.isJms() && !inWindow(m, since())) {
                    continue;
                }
                if (source.isPresent() && run.key.equals(keyOf(m, source.get(), () -> decoding.decode(m, DecoderChoice.AUTO)).orElse(null))) {
                    run.hits.add(new Hit(s.name(), MessageRow.of(m, index, decoding, DecoderChoice.AUTO)));
                    found++;
                }
            }
            run.scanned += page.messages().size();
            run.report();
            next = page.next();
            if (page.messages().isEmpty()) {
                break;
            }
        }
        if (d.isKafka() && bounds.window() == null && entry != null && entry.messageCount() > scanned) {
            cut = true;
        }
        return new Searched(s.name(), d, scanned, found, cut ? Coverage.BOUNDED : Coverage.ALL);
    }

    private Instant since() {
        return bounds.window() == null ? null : Instant.now().minus(bounds.window());
    }

    private static boolean inWindow(Message m, Instant since) {
        return since == null || m.timestamp() == null || !m.timestamp().isBefore(since);
    }

    /** The state of one search. */
    private final class Run {
        final String key;
        final Consumer<Progress> onProgress;
        final BooleanSupplier cancelled;
        final long started;
        final List<Hit> hits = new ArrayList<>();
        final List<Searched> searched = new ArrayList<>();
        CorrelationResult.Stop stop = CorrelationResult.Stop.COMPLETE;
        int total;
        int done;
        long scanned;

        Run(String key, Consumer<Progress> onProgress, BooleanSupplier cancelled, long started) {
            this.key = key;
            this.onProgress = onProgress;
            this.cancelled = cancelled;
            this.started = started;
        }

        /** Whether the search must stop (cancelled, or out of time); the first reason is kept. */
        boolean stopped() {
            if (stop == CorrelationResult.Stop.COMPLETE) {
                if (cancelled.getAsBoolean()) {
                    stop = CorrelationResult.Stop.CANCELLED;
                } else if (System.nanoTime() - started >= bounds.timeLimit().toNanos()) {
                    stop = CorrelationResult.Stop.TIME_LIMIT;
                }
            }
            return stop != CorrelationResult.Stop.COMPLETE;
        }

        void report() {
            onProgress.accept(new Progress(done, total, scanned, hits.size()));
        }

        CorrelationResult result(List<Destination> route) {
            // equal flow times: in route order, so a flow whose hops share a millisecond still reads along its route
            Comparator<Hit> byRoute = Comparator.comparingInt(h -> {
                int i = route.indexOf(h.destination());
                return i < 0 ? Integer.MAX_VALUE : i;
            });
            List<Hit> ordered = new ArrayList<>(hits);
            ordered.sort(Comparator.comparingLong((Hit h) -> h.row().message().flowTimeNanos()).thenComparing(byRoute));
            Map<Message, Hit> byMessage = new IdentityHashMap<>();
            ordered.forEach(h -> byMessage.put(h.row().message(), h));
            Flow flow = new Flow(key, ordered.stream().map(h -> h.row().message()).toList());
            List<Hit> inFlowOrder = flow.messages().stream().map(byMessage::get).toList();
            return new CorrelationResult(key, flow, inFlowOrder, searched, scanned, stop, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
