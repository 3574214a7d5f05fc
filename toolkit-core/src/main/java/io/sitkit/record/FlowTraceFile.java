package io.sitkit.record;

import io.sitkit.core.Destination;
import io.sitkit.core.InvalidDestinationException;
import io.sitkit.core.Message;
import io.sitkit.redact.Redactor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed test's flow trace: the capture file format (one file, no second format) whose header
 * annotations name the test, its failure, the destination names it used and what its captures
 * dropped, followed by every message its captures held, oldest first. Written by toolkit-junit when
 * a {@code @SitTest} fails, read by the inspector's viewer; both go through this type, so the
 * annotation keys live in one place ({@link #TEST}, {@link #FAILURE}, {@link #FAILURE_TYPE},
 * {@link #NAME_PREFIX}, {@link #DROPPED_PREFIX}).
 *
 * <pre>{@code
 * Path file = FlowTraceFile.of(testId, failure).withNames(Map.of("kafka:orders", "kafka:orders.t3f2a-17"))
 *         .write(FlowTraceFile.pathFor(dir, "shop.CheckoutIT", "pays_the_order_total"), capture.messages(), redactor);
 *
 * try (CaptureFileReader reader = CaptureFileReader.open(file)) {
 *     FlowTraceFile trace = FlowTraceFile.from(reader.header()).orElseThrow();   // empty for other capture files
 *     trace.expectation();                       // "expected a message matching $.amount == 25.0"
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable; {@link #write} blocks on the file.
 *
 * @param testId      the test that failed (a JUnit unique id); "" when the file names none
 * @param failure     its failure message, at most {@link #FAILURE_LINES} lines (redacted once written)
 * @param failureType the failure's exception class; "" when the file names none
 * @param names       the test's logical addresses and the real addresses they had ({@code kafka:orders → kafka:orders.t3f2a-17}),
 *                    in order; a bare real name ({@code orders.t3f2a-17}, as files before the address form hold) becomes
 *                    the address of that name on the logical address's transport and kind
 * @param dropped     per capture ({@code Capture.describe()}), how many messages it saw but could not hold; only counts above 0
 */
public record FlowTraceFile(String testId, String failure, String failureType, Map<String, String> names, Map<String, Long> dropped) {
    /** Header annotation: the test's unique id. */
    public static final String TEST = "test";
    /** Header annotation: the failure message; a capture file is a flow trace when its header has it. */
    public static final String FAILURE = "failure";
    /** Header annotation: the failure's exception class. */
    public static final String FAILURE_TYPE = "failure.type";
    /**
     * Header annotation prefix: {@code name.<logical address>} → the real address the test used
     * ({@code name.kafka:orders = kafka:orders.t3f2a-17}). Flow traces and recordings write the full
     * address; {@link #namesIn} also reads the bare name older files hold.
     */
    public static final String NAME_PREFIX = "name.";
    /** Header annotation prefix: {@code dropped.<capture>} → how many messages that capture dropped. */
    public static final String DROPPED_PREFIX = "dropped.";
    /** A failure message is kept to its first this many lines, then "…". */
    public static final int FAILURE_LINES = 40;

    public FlowTraceFile {
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(failureType, "failureType");
        names = addresses(CaptureFileHeader.copy(names, "name"));
        Map<String, Long> counts = new LinkedHashMap<>();
        (dropped == null ? Map.<String, Long>of() : dropped).forEach((capture, count) -> {
            if (capture == null || count == null || count <= 0) {
                throw new IllegalArgumentException("a flow trace's dropped count must name its capture and be above 0, was "
                        + capture + " = " + count);
            }
            counts.put(capture, count);
        });
        dropped = Collections.unmodifiableMap(counts);
    }

    /** The trace of {@code testId} failing with {@code failure}: its message (first {@link #FAILURE_LINES} lines) and class. */
    public static FlowTraceFile of(String testId, Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        return new FlowTraceFile(testId, firstLines(Objects.toString(failure.getMessage(), ""), FAILURE_LINES),
                failure.getClass().getName(), Map.of(), Map.of());
    }

    /** The same trace naming {@code logicalToReal} (logical address → real address, or bare real name) instead. */
    public FlowTraceFile withNames(Map<String, String> logicalToReal) {
        return new FlowTraceFile(testId, failure, failureType, logicalToReal, dropped);
    }

    /** The same trace, also saying that {@code capture} dropped {@code count} (> 0) messages. */
    public FlowTraceFile withDropped(String capture, long count) {
        Map<String, Long> more = new LinkedHashMap<>(dropped);
        more.put(capture, count);
        return new FlowTraceFile(testId, failure, failureType, names, more);
    }

    /** The failed expectation: the failure's first line. */
    public String expectation() {
        int nl = failure.indexOf('\n');
        return nl < 0 ? failure : failure.substring(0, nl);
    }

    /** The header annotations that say all this, in order: test, failure, failure type, names, dropped counts. */
    public Map<String, String> annotations() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(TEST, testId);
        a.put(FAILURE, failure);
        a.put(FAILURE_TYPE, failureType);
        names.forEach((logical, real) -> a.put(NAME_PREFIX + logical, real));
        dropped.forEach((capture, count) -> a.put(DROPPED_PREFIX + capture, Long.toString(count)));
        return Collections.unmodifiableMap(a);
    }

    /**
     * Writes {@code messages}, oldest capture first, to {@code file} (replaced; missing directories
     * created) under this trace's header, everything through {@code redactor} — the failure text too.
     *
     * @return {@code file}
     * @throws CaptureFileException naming the file when it cannot be written
     */
    public Path write(Path file, Collection<Message> messages, Redactor redactor) {
        Objects.requireNonNull(file, "file");
        List<Message> oldestFirst = new ArrayList<>(messages);
        oldestFirst.sort(Comparator.comparingLong(Message::capturedAtNanos));
        try (CaptureFileWriter w = CaptureFileWriter.open(file, annotations(), redactor)) {
            oldestFirst.forEach(w::write);
        }
        return file;
    }

    /** Where a failed test's trace goes: {@code <dir>/<class>/<method>.jsonl}, characters unsafe in file names as {@code _}. */
    public static Path pathFor(Path dir, String className, String methodName) {
        return dir.resolve(safe(className)).resolve(safe(methodName) + ".jsonl");
    }

    /**
     * What {@code header} says of a flow trace; empty when the file is another sort of capture file
     * (its header has no {@link #FAILURE}).
     *
     * @throws CaptureFileException naming the annotation when a dropped count is not a whole number
     */
    public static Optional<FlowTraceFile> from(CaptureFileHeader header) {
        Map<String, String> a = header.annotations();
        if (!a.containsKey(FAILURE)) {
            return Optional.empty();
        }
        Map<String, Long> dropped = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (k.startsWith(DROPPED_PREFIX)) {
                try {
                    dropped.put(k.substring(DROPPED_PREFIX.length()), Long.parseLong(v));
                } catch (NumberFormatException e) {
                    throw new CaptureFileException("flow-trace annotation '" + k + "' is not a count: \"" + v + "\"", e);
                }
            }
        });
        return Optional.of(new FlowTraceFile(a.getOrDefault(TEST, ""), a.get(FAILURE), a.getOrDefault(FAILURE_TYPE, ""),
                namesIn(header), dropped));
    }

    /**
     * The {@code name.<logical>} annotations of any capture file's header — a flow trace's, or a
     * recording's made through toolkit-junit — as logical address → real address
     * ({@code kafka:orders → kafka:orders.t3f2a-17}), whether the file wrote the address or, as older
     * flow traces did, the bare name ({@link #realAddress}).
     */
    public static Map<String, String> namesIn(CaptureFileHeader header) {
        Map<String, String> names = new LinkedHashMap<>();
        header.annotations().forEach((k, v) -> {
            if (k.startsWith(NAME_PREFIX)) {
                names.put(k.substring(NAME_PREFIX.length()), v);
            }
        });
        return addresses(names);
    }

    /**
     * The real address a {@code name.<logical>} annotation means: {@code real} itself when it is an
     * address on the logical address's transport and kind ({@code kafka:orders.t1}), else the address
     * of the bare name {@code real} there ({@code orders.t1 → kafka:orders.t1}); {@code real} as it is
     * when {@code logical} is no destination address.
     */
    public static String realAddress(String logical, String real) {
        Destination named;
        try {
            named = Destination.parse(logical);
        } catch (InvalidDestinationException notAnAddress) {
            return real;
        }
        try {
            Destination d = Destination.parse(real);
            if (d.transport() == named.transport() && d.kind() == named.kind()) {
                return d.toString();
            }
        } catch (InvalidDestinationException bareName) {
            // the bare real name, as flow traces wrote it before the address form
        }
        try {
            return new Destination(named.transport(), named.kind(), real).toString();
        } catch (InvalidDestinationException notAName) {
            return real;
        }
    }

    private static Map<String, String> addresses(Map<String, String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach((logical, real) -> out.put(logical, realAddress(logical, real)));
        return Collections.unmodifiableMap(out);
    }

    private static String firstLines(String text, int max) {
        String[] lines = text.split("\n", max + 1);
        return lines.length <= max ? text : String.join("\n", Arrays.copyOf(lines, max)) + "\n…";
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
