package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.record.CaptureFileHeader;
import io.sitkit.record.CaptureFileReader;
import io.sitkit.record.CaptureItem;
import io.sitkit.record.FlowTraceFile;
import io.sitkit.record.RecordedSchema;
import io.sitkit.record.SessionNote;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaLookup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A capture file read for the inspector's viewer — a flow trace a failed JUnit test wrote
 * ({@code target/sitkit/<class>/<method>.jsonl}), an exploratory session's recording, or any
 * capture — as a timeline of messages, notes and findings, with what its header says: the test and
 * its failure, whose near misses ({@link NearMiss}) are linked to the messages they name. Payloads
 * decode with the schemas the file itself carries, else through {@code fallback} (a connection's
 * registry). The file is read line by line; beyond {@code cap} lines the rest are counted, not kept.
 *
 * <pre>{@code
 * RecordingTimeline t = RecordingTimeline.read(Path.of("target/sitkit/shop.CheckoutIT/pays.jsonl"), Optional.empty(), 5_000);
 * t.kind();          // FLOW_TRACE
 * t.failure();       // "expected a message matching …"
 * t.nearMisses();    // each with the timeline index of its message
 * }</pre>
 *
 * <p>Thread-safety: immutable after {@link #read}, which blocks on the file (call it off the FX thread).
 *
 * @param file       the file read
 * @param header     its header line
 * @param kind       what sort of recording it is
 * @param entries    the timeline, at most {@code cap} lines
 * @param messages   message lines in the whole file
 * @param lines      lines after the header in the whole file (messages, notes, findings, problems)
 * @param nearMisses the failure's near misses, each linked to its timeline line when the file holds it
 */
public record RecordingTimeline(Path file, CaptureFileHeader header, Kind kind, List<TimelineEntry> entries, long messages, long lines,
                                List<Linked> nearMisses) {
    /** What a recording is, from its header and lines. */
    public enum Kind {
        /** A failed JUnit test's flow trace: its header names the test and the failure. */
        FLOW_TRACE("Flow trace"),
        /** An exploratory session: injected messages, or the tester's notes. */
        SESSION("Session recording"),
        /** Any other capture file. */
        CAPTURE("Capture file");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A near miss and the timeline line of its message.
     *
     * @param miss  the near miss as the failure lists it
     * @param index its message's timeline index; -1 when the file does not hold it (or it is beyond the cap)
     */
    public record Linked(NearMiss miss, int index) {
    }

    private static final Pattern SEGMENT = Pattern.compile("\\[(class|method|test-template|dynamic-test):([^\\]]*)\\]");

    public RecordingTimeline {
        entries = List.copyOf(entries);
        nearMisses = List.copyOf(nearMisses);
    }

    /**
     * Reads {@code file}, keeping the first {@code cap} timeline lines.
     *
     * @throws io.sitkit.record.CaptureFileException naming the file and line when it is not a readable capture file
     */
    public static RecordingTimeline read(Path file, Optional<SchemaLookup> fallback, int cap) {
        Map<Integer, RegisteredSchema> recorded = new ConcurrentHashMap<>();
        SchemaLookup lookup = id -> {
            RegisteredSchema s = recorded.get(id);
            if (s != null) {
                return s;
            }
            if (fallback.isPresent()) {
                return fallback.get().schemaById(id);
            }
            throw new IllegalArgumentException("schema id " + id + " is not in the recording and no connection's registry was given");
        };
        PayloadDecoding decoding = PayloadDecoding.using(Optional.of(lookup));
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            CaptureFileHeader header = reader.header();
            Optional<FlowTraceFile> trace = FlowTraceFile.from(header);
            List<NearMiss> misses = NearMiss.parse(trace.map(FlowTraceFile::failure).orElse(null));
            Map<String, String> aliases = aliases(FlowTraceFile.namesIn(header));
            Set<String> missed = new HashSet<>();
            misses.forEach(m -> missed.add(m.position()));
            List<TimelineEntry> entries = new ArrayList<>();
            Map<String, Integer> indexOf = new LinkedHashMap<>();
            Instant start = null;
            long messages = 0;
            long lines = 0;
            boolean session = false;
            for (CaptureItem item : reader.items()) {
                if (item instanceof RecordedSchema s) {
                    recorded.put(s.id(), s.registered());
                    continue;
                }
                lines++;
                Instant at = item instanceof SessionNote n ? n.at() : ((CaptureFileReader.Entry) item).message().capturedAt();
                if (start == null) {
                    // a session's header is written as it starts; a flow trace's after the test failed
                    start = header.createdAt() != null && header.createdAt().isBefore(at) ? header.createdAt() : at;
                }
                if (item instanceof CaptureFileReader.Entry e) {
                    messages++;
                    session |= e.injected();
                } else if (item instanceof SessionNote n && !n.byRecorder() && n.kind() != SessionNote.Kind.PROBLEM) {
                    session = true;
                }
                if (entries.size() >= cap) {
                    continue;
                }
                Duration since = Duration.between(start, at).isNegative() ? Duration.ZERO : Duration.between(start, at);
                if (item instanceof CaptureFileReader.Entry e) {
                    Message m = e.message();
                    MessageRow row = MessageRow.of(m, entries.size(), decoding, DecoderChoice.AUTO);
                    Set<String> positions = positions(m, aliases);
                    boolean near = positions.stream().anyMatch(missed::contains);
                    int index = entries.size();
                    positions.forEach(p -> indexOf.putIfAbsent(p, index));
                    entries.add(new TimelineEntry(index, at, since, e.injected() ? TimelineEntry.Kind.INJECTED : TimelineEntry.Kind.OBSERVED,
                            m.destination().toString(), row.key(), row.preview(), row, near));
                } else if (item instanceof SessionNote n) {
                    entries.add(new TimelineEntry(entries.size(), at, since, kind(n), "", "", n.text(), null, false));
                }
            }
            List<Linked> linked = misses.stream().map(m -> new Linked(m, indexOf.getOrDefault(m.position(), -1))).toList();
            Kind kind = trace.isPresent() ? Kind.FLOW_TRACE : session ? Kind.SESSION : Kind.CAPTURE;
            return new RecordingTimeline(file, header, kind, entries, messages, lines, linked);
        }
    }

    private static TimelineEntry.Kind kind(SessionNote n) {
        return switch (n.kind()) {
            case NOTE -> n.byRecorder() ? TimelineEntry.Kind.RECORDER : TimelineEntry.Kind.NOTE;
            case FINDING -> TimelineEntry.Kind.FINDING;
            case PROBLEM -> TimelineEntry.Kind.PROBLEM;
        };
    }

    /** Real address ↔ the test's logical address, from the names a flow trace's or a recording's header gives. */
    private static Map<String, String> aliases(Map<String, String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach((address, real) -> {
            try {
                Destination logical = Destination.parse(address);
                Destination named = Destination.parse(real);
                out.put(named.toString(), logical.toString());
                out.put(logical.toString(), named.toString());
            } catch (RuntimeException notAnAddress) {
                // a name of another sort: no alias
            }
        });
        return out;
    }

    /** The message's position, and the same under its other name when the test renamed its destination. */
    private static Set<String> positions(Message m, Map<String, String> aliases) {
        Set<String> out = new LinkedHashSet<>();
        String p = m.position();
        out.add(p);
        String d = m.destination().toString();
        String alias = aliases.get(d);
        if (alias != null && p.startsWith(d)) {
            out.add(alias + p.substring(d.length()));
        }
        return out;
    }

    /** The test id the header names ({@code [engine:junit-jupiter]/[class:…]/[method:…]}), or "". */
    public String testId() {
        return header.annotations().getOrDefault(FlowTraceFile.TEST, "");
    }

    /** The test for people: {@code CheckoutIT › pays_the_order_total()}, or "" when the header names none. */
    public String testName() {
        Matcher m = SEGMENT.matcher(testId());
        String cls = null;
        String method = null;
        while (m.find()) {
            if (m.group(1).equals("class")) {
                cls = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
            } else {
                String name = m.group(2);
                int paren = name.indexOf('(');
                method = (paren < 0 ? name : name.substring(0, paren)) + "()";
            }
        }
        if (cls == null) {
            return testId();
        }
        return method == null ? cls : cls + " › " + method;
    }

    /** What a flow trace's header says (test, failure, names, dropped counts); empty for other recordings. */
    public Optional<FlowTraceFile> flowTrace() {
        return FlowTraceFile.from(header);
    }

    /** The failure message (its first {@value FlowTraceFile#FAILURE_LINES} lines, redacted), or "". */
    public String failure() {
        return flowTrace().map(FlowTraceFile::failure).orElse("");
    }

    /** The failed expectation: the failure's first line, or "". */
    public String expectation() {
        return flowTrace().map(FlowTraceFile::expectation).orElse("");
    }

    /** The failure's exception class, or "". */
    public String failureType() {
        return flowTrace().map(FlowTraceFile::failureType).orElse("");
    }

    /** Whether lines were left out of {@link #entries()}. */
    public boolean truncated() {
        return entries.size() < lines;
    }

    /** The destinations of the messages shown, in order of first appearance. */
    public List<String> destinations() {
        return entries.stream().filter(e -> e.row() != null).map(TimelineEntry::destination).distinct().toList();
    }
}
