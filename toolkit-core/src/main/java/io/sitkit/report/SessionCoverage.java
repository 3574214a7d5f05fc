package io.sitkit.report;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.record.CaptureFileReader;
import io.sitkit.record.Origin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What recorded sessions exercised — manual sessions of the inspector, {@code Recorder}s, a test's
 * recording — measured against an inventory with the same attribution as a run's {@link Coverage}:
 * each recording (a capture file) is read line by line, and every message counts for the point of
 * its destination and message type, split by whether the session injected it or observed it. A
 * cell's "tests" are the names of the sessions that exercised it.
 *
 * <pre>{@code
 * SessionCoverage manual = SessionCoverage.read(Inventory.read(Path.of("asyncapi.yaml")),
 *         List.of(Path.of("sessions/checkout.jsonl"), Path.of("sessions/refunds.jsonl")));
 * manual.injected().cells();           // what the testers put on the bus
 * Coverage both = manual.all();        // injected and observed together
 * }</pre>
 *
 * <p>A recording's messages need no more memory than a count per destination and type: files of
 * millions of messages read fine. Thread-safety: immutable.
 *
 * @param sessions the sessions in the order given: a recording's file name, or its path when two share a name
 * @param injected coverage by the messages the sessions published themselves
 * @param observed coverage by the messages they saw on watched destinations
 */
public record SessionCoverage(List<String> sessions, Coverage injected, Coverage observed) {
    public SessionCoverage {
        sessions = List.copyOf(sessions);
        Objects.requireNonNull(injected, "injected");
        Objects.requireNonNull(observed, "observed");
        if (new HashSet<>(sessions).size() != sessions.size()) {
            throw new IllegalArgumentException("session names must be unique: " + sessions);
        }
    }

    /** The recordings' coverage, telling message types with {@link MessageTypes#byDefault()}. */
    public static SessionCoverage read(Inventory inventory, List<Path> recordings) {
        return read(inventory, recordings, MessageTypes.byDefault());
    }

    /**
     * The recordings' coverage against {@code inventory}; with {@link Inventory#declared()}, every
     * destination a recording has a message of is a point.
     *
     * @param typeOf tells a message's type, as the run report's builder does
     * @throws io.sitkit.record.CaptureFileException naming the file and line when a recording cannot be read
     */
    public static SessionCoverage read(Inventory inventory, List<Path> recordings, Function<Message, Optional<String>> typeOf) {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(typeOf, "typeOf");
        List<String> names = names(recordings);
        Set<Destination> declared = new LinkedHashSet<>();
        List<Coverage.Seen> injected = new ArrayList<>();
        List<Coverage.Seen> observed = new ArrayList<>();
        for (int i = 0; i < recordings.size(); i++) {
            Map<List<Object>, Integer> counts = new LinkedHashMap<>();
            try (CaptureFileReader reader = CaptureFileReader.open(recordings.get(i))) {
                for (CaptureFileReader.Entry e : reader) {
                    Message m = e.message();
                    Optional<String> type = typeOf.apply(m).filter(t -> !t.isBlank());
                    counts.merge(List.of(m.destination(), type, e.origin()), 1, Integer::sum);
                }
            }
            String session = names.get(i);
            counts.forEach((key, n) -> {
                Destination d = (Destination) key.get(0);
                @SuppressWarnings("unchecked")
                Optional<String> type = (Optional<String>) key.get(1);
                declared.add(d);
                (key.get(2) == Origin.INJECTED ? injected : observed).add(new Coverage.Seen(session, d, type, n));
            });
        }
        return new SessionCoverage(names, Coverage.tally(inventory, declared, injected),
                Coverage.tally(inventory, declared, observed));
    }

    /** The file names of the recordings, or their paths where two share a name. */
    private static List<String> names(List<Path> recordings) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        recordings.forEach(p -> byName.merge(String.valueOf(p.getFileName()), 1, Integer::sum));
        List<String> names = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path p : recordings) {
            if (!seen.add(p.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("recording " + p + " is given twice");
            }
            String name = String.valueOf(p.getFileName());
            names.add(byName.get(name) > 1 ? p.toString() : name);
        }
        return names;
    }

    /** Injected and observed together: a cell's sessions are those that exercised it either way. */
    public Coverage all() {
        return injected.merge(observed);
    }
}
