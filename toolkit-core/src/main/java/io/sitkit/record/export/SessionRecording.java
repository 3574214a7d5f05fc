package io.sitkit.record.export;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.record.CaptureFileHeader;
import io.sitkit.record.CaptureFileReader;
import io.sitkit.record.CaptureItem;
import io.sitkit.record.SessionNote;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A recorded session read into memory: its messages (injected and observed) and notes in file
 * order, with the correlation key of each message and how each destination carries it; the keys
 * of injected messages, except message ids and trace ids, are the ones a test makes its own. Exploratory
 * sessions are small; a recording of millions of messages is not a session to export.
 *
 * <p>Thread-safety: immutable after construction.
 */
final class SessionRecording {
    /** A message or a note, in file order. */
    sealed interface Step permits Sent, Note {
        Instant at();
    }

    /** A message with its correlation key (null when it has none). */
    record Sent(CaptureFileReader.Entry entry, String key) implements Step {
        Message message() {
            return entry.message();
        }

        @Override
        public Instant at() {
            return entry.message().capturedAt();
        }
    }

    /** A note, finding or problem. */
    record Note(SessionNote note) implements Step {
        @Override
        public Instant at() {
            return note.at();
        }
    }

    /** A message's key and where it was read from; {@code source} is null for a correlation name that is no key source. */
    private record Keyed(KeySource source, String key) {
    }

    final String name;
    final CaptureFileHeader header;
    final List<Step> steps;
    /** Destination → how it carries the correlation key. */
    final Map<Destination, KeySource> keySources;
    /** The keys of the injected messages, in order of first injection. */
    final Set<String> injectedKeys;

    private SessionRecording(String name, CaptureFileHeader header, List<Step> steps, Map<Destination, KeySource> keySources,
                             Set<String> injectedKeys) {
        this.name = name;
        this.header = header;
        this.steps = List.copyOf(steps);
        this.keySources = Map.copyOf(keySources);
        this.injectedKeys = java.util.Collections.unmodifiableSet(injectedKeys);
    }

    /**
     * Reads {@code file}. Keys come from {@code rules} when given, else from the correlation the
     * recording wrote with each message, else the Kafka key or the JMS correlation id.
     */
    static SessionRecording read(Path file, CorrelationRules rules) {
        List<Step> steps = new ArrayList<>();
        Map<Destination, KeySource> sources = new LinkedHashMap<>();
        Set<String> injected = new LinkedHashSet<>();
        CaptureFileHeader header;
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            header = reader.header();
            for (CaptureItem item : reader.items()) {
                if (item instanceof SessionNote n) {
                    steps.add(new Note(n));
                } else if (item instanceof CaptureFileReader.Entry e) {
                    Destination d = e.message().destination();
                    Keyed key = keyOf(e, rules).orElse(null);
                    if (key != null && key.source() != null) {
                        sources.putIfAbsent(d, key.source());
                    }
                    String k = key == null ? null : key.key();
                    if (e.injected() && k != null && key.source() != null && !isRunBound(key.source())) {
                        injected.add(k);
                    }
                    steps.add(new Sent(e, k));
                }
            }
        }
        Path fileName = file.getFileName();
        return new SessionRecording(fileName == null ? file.toString() : fileName.toString(), header, steps, sources, injected);
    }

    /** Key sources whose keys the broker or tracer gives each run anew: a test cannot publish them again. */
    private static boolean isRunBound(KeySource source) {
        return source instanceof KeySource.JmsMessageId || source instanceof KeySource.TraceId;
    }

    /**
     * The message's key and its source. A correlation the recorder wrote is named by the source's
     * {@link KeySource#text()}; a file may name it otherwise ({@code "orderId"}), which keeps the key
     * with no source.
     */
    private static Optional<Keyed> keyOf(CaptureFileReader.Entry e, CorrelationRules rules) {
        Message m = e.message();
        if (rules != null) {
            return rules.sourceFor(m.destination()).flatMap(s -> s.keyOf(m).map(k -> new Keyed(s, k)));
        }
        if (!e.correlation().isEmpty()) {
            Map.Entry<String, String> c = e.correlation().entrySet().iterator().next();
            return Optional.of(new Keyed(sourceNamed(c.getKey()), c.getValue()));
        }
        if (m.destination().isKafka()) {
            return m.keyText().map(k -> new Keyed(KeySource.kafkaKey(), k));
        }
        return m.jms().map(j -> j.correlationId()).map(c -> new Keyed(KeySource.jmsCorrelationId(), c));
    }

    private static KeySource sourceNamed(String name) {
        try {
            return KeySource.parse(name);
        } catch (IllegalArgumentException notASource) {
            return null;
        }
    }

    /** When the session started: the header's time, or its first line's when that is earlier (or the header has none). */
    Instant start() {
        Instant first = steps.isEmpty() ? null : steps.get(0).at();
        if (header.createdAt() == null) {
            return first == null ? Instant.EPOCH : first;
        }
        return first != null && first.isBefore(header.createdAt()) ? first : header.createdAt();
    }

    /** The destinations messages were seen or injected on, in order of first appearance. */
    List<Destination> destinations() {
        Set<Destination> all = new LinkedHashSet<>();
        for (Step s : steps) {
            if (s instanceof Sent m) {
                all.add(m.message().destination());
            }
        }
        return List.copyOf(all);
    }

    List<Sent> messages() {
        return steps.stream().filter(s -> s instanceof Sent).map(s -> (Sent) s).toList();
    }

    List<SessionNote> notes() {
        return steps.stream().filter(s -> s instanceof Note).map(s -> ((Note) s).note()).toList();
    }
}
