package io.sitkit.record.export;

import io.sitkit.core.Destination;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.record.CaptureFileException;
import io.sitkit.record.CaptureFileReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Exports a recorded exploratory session — a capture file with what the session injected (marked
 * {@code "origin":"injected"}), what it observed, and the tester's notes and findings — as (1) a
 * recording to replay ({@link #writeRecording}), (2) the source of a JUnit 5 test for toolkit-junit
 * that publishes the injections again and asserts the observed flow ({@link #toJUnitTest}), and
 * (3) a short Markdown session report ({@link #toMarkdownReport}).
 *
 * <pre>{@code
 * SessionExport export = SessionExport.of(Path.of("target/sessions/checkout.jsonl"))
 *         .ignoring("$.paymentId")                                  // counts up in the gateway
 *         .route("kafka:checkout-requests", "jms:queue:payment.requests", "kafka:order-events");
 * export.writeJUnitTest(Path.of("src/test/java"), "shop", "CheckoutSessionTest");   // or toJUnitTest(…) for the text
 * export.writeMarkdownReport(Path.of("target/sessions/checkout.md"));              // or toMarkdownReport()
 * }</pre>
 *
 * <p>The generated test is a {@code @SitTest} with shared names (a session runs against the
 * system's real destinations) that starts nothing itself. It appends a per-run suffix to every
 * key the session injected — wherever the key appears: Kafka key, JMS correlation id, headers,
 * payload text — and publishes fresh uuids and times where the session had them. Each observed
 * message becomes an expectation on its destination, for its key when it carries an injected one,
 * matching every JSON field by value except values shaped like uuids, ISO times, trace ids or JMS
 * message ids and the {@link #ignoring ignored} paths, which need only be present; identical
 * observations become one {@code messages(…).count(atLeast(n))}. Each key then gets an
 * {@code expectFlow} through the destinations it reached, in the order the session saw them — give
 * the {@link #route} when parallel branches may arrive in either order. Notes and findings appear
 * as comments where they were made. Keys are read with the {@link #correlatedBy rules} when given,
 * else from the correlation the recording wrote, else the Kafka key or the JMS correlation id.
 *
 * <p>Thread-safety: immutable; each {@code with}-style method returns a new export. Each
 * {@code to…} call reads the recording again (into memory: sessions are small).
 */
public final class SessionExport {
    private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final Path recording;
    private final Set<String> ignored;
    private final Set<String> ignoredHeaders;
    private final CorrelationRules rules;
    private final List<Destination> route;
    private final Duration within;

    private SessionExport(Path recording, Set<String> ignored, Set<String> ignoredHeaders, CorrelationRules rules,
                          List<Destination> route, Duration within) {
        this.recording = recording;
        this.ignored = ignored;
        this.ignoredHeaders = ignoredHeaders;
        this.rules = rules;
        this.route = route;
        this.within = within;
    }

    /** An export of the session recorded in {@code recording}; expected messages may take 10 s each. */
    public static SessionExport of(Path recording) {
        return new SessionExport(Objects.requireNonNull(recording, "recording"), Set.of(), Set.of(), null, List.of(),
                Duration.ofSeconds(10));
    }

    /** Payload paths ({@code $.paymentId}, {@code $.lines[0].reservedAt}) that differ from run to run: expected present, not equal. */
    public SessionExport ignoring(String... paths) {
        Set<String> more = new LinkedHashSet<>(ignored);
        for (String p : paths) {
            if (p == null || !p.startsWith("$")) {
                throw new IllegalArgumentException("an ignored path is a JSON path starting with $, e.g. \"$.paymentId\"; was " + p);
            }
            more.add(p);
        }
        return new SessionExport(recording, Set.copyOf(more), ignoredHeaders, rules, route, within);
    }

    /** Headers (or JMS properties) left out of the expectations. */
    public SessionExport ignoringHeaders(String... names) {
        Set<String> more = new LinkedHashSet<>(ignoredHeaders);
        more.addAll(Arrays.asList(names));
        return new SessionExport(recording, ignored, Set.copyOf(more), rules, route, within);
    }

    /** Reads each message's key with these rules instead of the recording's own correlation. */
    public SessionExport correlatedBy(CorrelationRules rules) {
        return new SessionExport(recording, ignored, ignoredHeaders, Objects.requireNonNull(rules, "rules"), route, within);
    }

    /**
     * The order flows pass the destinations in; each key's flow goes through those of them it
     * reached. Without a route, the order the session saw them in.
     */
    public SessionExport route(String... addresses) {
        List<Destination> r = new ArrayList<>();
        for (String a : addresses) {
            r.add(Destination.parse(a));
        }
        return new SessionExport(recording, ignored, ignoredHeaders, rules, List.copyOf(r), within);
    }

    /** How long each expected message may take in the generated test. */
    public SessionExport within(Duration each) {
        if (each == null || each.isNegative() || each.isZero()) {
            throw new IllegalArgumentException("the time each expected message may take must be positive, was " + each);
        }
        return new SessionExport(recording, ignored, ignoredHeaders, rules, route, each);
    }

    /**
     * The source of a JUnit 5 test class reproducing the session (see the class comment).
     *
     * @param packageName the package ({@code ""} for none)
     * @param className   the simple class name
     * @throws IllegalArgumentException when a name is not a Java name
     * @throws CaptureFileException     when the recording cannot be read
     * @throws IllegalStateException    when the session injected nothing, so there is nothing to reproduce
     */
    public String toJUnitTest(String packageName, String className) {
        Objects.requireNonNull(packageName, "packageName");
        if (!packageName.isEmpty() && !Arrays.stream(packageName.split("\\.", -1)).allMatch(p -> JAVA_NAME.matcher(p).matches())) {
            throw new IllegalArgumentException("not a Java package name: \"" + packageName + "\"");
        }
        if (className == null || !JAVA_NAME.matcher(className).matches()) {
            throw new IllegalArgumentException("not a Java class name: " + (className == null ? null : "\"" + className + "\""));
        }
        SessionRecording session = SessionRecording.read(recording, rules);
        if (session.messages().stream().noneMatch(m -> m.entry().injected())) {
            throw new IllegalStateException(recording + " holds no injected message, so a test has nothing to publish; "
                    + "record the session with Recorder.inject(…) for what the tester sends");
        }
        return new JUnitTestSource(session, this, packageName, className).write();
    }

    /**
     * Writes {@link #toJUnitTest} under {@code sourceRoot} in its package's directory
     * ({@code src/test/java/shop/CheckoutSessionTest.java}), replacing a file there, and returns its path.
     */
    public Path writeJUnitTest(Path sourceRoot, String packageName, String className) {
        String source = toJUnitTest(packageName, className);
        Path dir = packageName.isEmpty() ? sourceRoot : sourceRoot.resolve(packageName.replace('.', '/'));
        return write(dir.resolve(className + ".java"), source);
    }

    /** Writes {@link #toMarkdownReport} to {@code file}, replacing it, and returns it. */
    public Path writeMarkdownReport(Path file) {
        return write(file, toMarkdownReport());
    }

    private static Path write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A short Markdown report of the session: what was injected, what was observed per destination, notes and findings. */
    public String toMarkdownReport() {
        return new MarkdownSessionReport(SessionRecording.read(recording, rules)).write();
    }

    /**
     * Copies the recording — already the replayable capture format — to {@code target}, after
     * reading it through to check it is whole.
     *
     * @throws CaptureFileException when the recording is not a readable capture file
     */
    public Path writeRecording(Path target) {
        try (CaptureFileReader reader = CaptureFileReader.open(recording)) {
            reader.items().forEach(item -> { });
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.copy(recording, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + recording + " to " + target + ": " + e.getMessage(), e);
        }
    }

    Duration within() {
        return within;
    }

    Set<String> ignoredHeaders() {
        return ignoredHeaders;
    }

    List<Destination> route() {
        return route;
    }

    /** Whether {@code path} or a path above it is ignored. */
    boolean ignores(String path) {
        for (String p : ignored) {
            if (path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "[")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "SessionExport{" + recording + (ignored.isEmpty() ? "" : ", ignoring " + ignored)
                + (route.isEmpty() ? "" : ", route " + route) + ", within " + within + "}";
    }
}
