package io.sitkit.report;

import io.sitkit.contract.Violation;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.Payloads;
import io.sitkit.redact.Redactor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Collects what tests do during a run — possibly many tests at once, on many threads — and builds
 * the {@link RunReport}. Everything that reaches the report goes through the {@link Redactor}
 * first: payload previews, keys, headers used for message types, failure messages and violations.
 * A correlation key read from a masked field is shown as a stable pseudonym ({@code masked-1a2b3c4d},
 * the same within one run), so hops still connect but the value does not appear.
 *
 * <pre>{@code
 * RunReportBuilder run = RunReportBuilder.start("embedded", Redactor.from(config));
 * run.testStarted(id, "com.shop.CheckoutSit", "pays for one item", Set.of("smoke"));
 * run.declareDestinations(id, List.of(Destination.kafka("orders")));
 * run.addMessages(id, capture.snapshot(), m -> m.headers().lastAsString("orderId").orElse(null));
 * run.finished(id, TestStatus.PASSED, Duration.ofMillis(840));
 * run.build(Instant.now(), Inventory.declared()).writeTo(Path.of("target/sitkit"));
 * }</pre>
 *
 * <p>Thread-safety: thread-safe; every method may be called from any thread, and each test's
 * record is updated atomically. {@link #build} takes a consistent snapshot per test and may be
 * called more than once.
 */
public final class RunReportBuilder {
    /** Characters of payload preview kept per message. */
    public static final int PREVIEW_CHARS = 160;
    /** Lines of a failure message kept. */
    public static final int FAILURE_LINES = 12;
    private static final int FAILURE_CHARS = 2_000;
    private static final int KEY_CHARS = 80;

    private final String environment;
    private final Instant startedAt;
    private final Redactor redactor;
    private final Function<Message, Optional<String>> typeOf;
    private final SecretKeySpec pseudonymKey;
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean used;
    private final ConcurrentHashMap<String, PendingTest> tests = new ConcurrentHashMap<>();

    /**
     * @param environment the environment's name, shown in the report
     * @param startedAt   when the run started
     * @param redactor    masks secrets before anything is kept
     * @param typeOf      tells a message's type for coverage, e.g. {@link MessageTypes#byDefault()}
     */
    public RunReportBuilder(String environment, Instant startedAt, Redactor redactor,
                            Function<Message, Optional<String>> typeOf) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.typeOf = Objects.requireNonNull(typeOf, "typeOf");
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        this.pseudonymKey = new SecretKeySpec(salt, "HmacSHA256");
    }

    /** A builder starting now, with {@link MessageTypes#byDefault()}. */
    public static RunReportBuilder start(String environment, Redactor redactor) {
        return new RunReportBuilder(environment, Instant.now(), redactor, MessageTypes.byDefault());
    }

    /**
     * Registers a test; call it before anything else about the test.
     *
     * @throws IllegalStateException when a test with that id was already started
     */
    public void testStarted(String id, String className, String displayName, Collection<String> tags) {
        Objects.requireNonNull(id, "id");
        PendingTest fresh = new PendingTest(sequence.getAndIncrement(), id, className, displayName, Set.copyOf(tags));
        if (tests.putIfAbsent(id, fresh) != null) {
            throw new IllegalStateException("test id '" + id + "' was started twice; ids must be unique within a run");
        }
    }

    /** Whether any test declared destinations or added messages: whether the run used sitkit at all. */
    public boolean usedSitkit() {
        return used;
    }

    /** Whether {@link #testStarted} registered this test id. */
    public boolean knows(String testId) {
        return tests.containsKey(testId);
    }

    /** Records the destinations a test uses (captures, publishes to), seen or not. */
    public void declareDestinations(String testId, Collection<Destination> destinations) {
        List<Destination> copy = List.copyOf(destinations);
        used = true;
        pending(testId).update(t -> t.destinations.addAll(copy));
    }

    /**
     * Adds messages to a test's timeline, redacted.
     *
     * @param correlationKey the correlation key or flow id of a message; null when unknown
     */
    public void addMessages(String testId, List<Message> messages, Function<Message, String> correlationKey) {
        Objects.requireNonNull(correlationKey, "correlationKey");
        PendingTest test = pending(testId);
        used = true;
        List<TimelineEntry> entries = new ArrayList<>(messages.size());
        for (Message m : messages) {
            entries.add(entry(m, correlationKey));
        }
        test.update(t -> t.timeline.addAll(entries));
    }

    private TimelineEntry entry(Message original, Function<Message, String> correlationKey) {
        Message m = redactor.message(original);
        byte[] key = m.key();
        Optional<String> keyText = key == null ? Optional.empty() : Optional.of(Payloads.preview(key, KEY_CHARS));
        Optional<String> type = typeOf.apply(m).map(redactor::text).filter(s -> !s.isBlank());
        return new TimelineEntry(m.capturedAt(), m.destination(), redactor.text(m.position()), keyText,
                correlation(original, m, correlationKey), type, m.payloadSize(), Payloads.preview(m.payload(), PREVIEW_CHARS));
    }

    /** The key as is when redaction does not touch it, else a pseudonym stable within this run. */
    private Optional<String> correlation(Message original, Message redacted, Function<Message, String> correlationKey) {
        String key = correlationKey.apply(original);
        if (key == null) {
            return Optional.empty();
        }
        if (redacted == original && redactor.text(key).equals(key)) {
            return Optional.of(key);
        }
        String fromRedacted;
        try {
            fromRedacted = correlationKey.apply(redacted);
        } catch (RuntimeException e) {
            fromRedacted = null;
        }
        return Optional.of(key.equals(fromRedacted) && redactor.text(key).equals(key) ? key : pseudonym(key));
    }

    private String pseudonym(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pseudonymKey);
            byte[] digest = mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
            return "masked-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Adds contract violations found in a test's messages; their details are redacted. */
    public void addViolations(String testId, Collection<Violation> violations) {
        List<Violation> redacted = violations.stream().map(v -> new Violation(v.contract(), redactor.text(v.position()),
                v.consumer(), redactor.text(v.detail()))).toList();
        pending(testId).update(t -> t.violations.addAll(redacted));
    }

    /** Adds a contract violation known only as text; it is redacted. */
    public void addViolation(String testId, String violation) {
        Objects.requireNonNull(violation, "violation");
        addViolations(testId, List.of(new Violation("", "", "", violation)));
    }

    /** Records where the test's flow trace was written. */
    public void flowTrace(String testId, Path file) {
        String path = file.toString();
        pending(testId).update(t -> t.flowTrace = path);
    }

    /** Records how a test ended without a failure message. */
    public void finished(String testId, TestStatus status, Duration duration) {
        finished(testId, status, duration, null);
    }

    /**
     * Records how a test ended; the failure message is redacted and cut to its first
     * {@value #FAILURE_LINES} lines.
     *
     * @param failureMessage the failure's message, or null
     */
    public void finished(String testId, TestStatus status, Duration duration, String failureMessage) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration of test " + testId + " is negative: " + duration);
        }
        Optional<String> failure = Optional.ofNullable(failureMessage).map(redactor::text).map(RunReportBuilder::firstLines);
        pending(testId).update(t -> {
            t.status = status;
            t.duration = duration;
            t.failure = failure;
        });
    }

    static String firstLines(String message) {
        String[] lines = message.strip().split("\\R", FAILURE_LINES + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, FAILURE_LINES); i++) {
            out.append(i == 0 ? "" : "\n").append(lines[i]);
        }
        if (lines.length > FAILURE_LINES) {
            out.append("\n…");
        }
        return out.length() > FAILURE_CHARS ? out.substring(0, FAILURE_CHARS) + "…" : out.toString();
    }

    /**
     * The report so far. A test not yet finished is {@link TestStatus#ABORTED}, saying so.
     *
     * @param endedAt   when the run ended
     * @param inventory the integration points coverage is measured against
     */
    public RunReport build(Instant endedAt, Inventory inventory) {
        List<TestRecord> records = tests.values().stream()
                .sorted(Comparator.comparingLong(PendingTest::order))
                .map(PendingTest::snapshot).toList();
        return new RunReport(startedAt, endedAt, environment, records, Coverage.compute(inventory, records));
    }

    private PendingTest pending(String testId) {
        Objects.requireNonNull(testId, "testId");
        PendingTest t = tests.get(testId);
        if (t == null) {
            throw new IllegalStateException("unknown test id '" + testId + "'; call testStarted(\"" + testId
                    + "\", …) first");
        }
        return t;
    }

    /** One test's state while it runs; guarded by its own monitor. */
    private static final class PendingTest {
        private final long order;
        private final String id;
        private final String className;
        private final String displayName;
        private final Set<String> tags;
        private final Set<Destination> destinations = new LinkedHashSet<>();
        private final List<TimelineEntry> timeline = new ArrayList<>();
        private final List<Violation> violations = new ArrayList<>();
        private String flowTrace;
        private TestStatus status;
        private Duration duration = Duration.ZERO;
        private Optional<String> failure = Optional.empty();

        PendingTest(long order, String id, String className, String displayName, Set<String> tags) {
            this.order = order;
            this.id = id;
            this.className = Objects.requireNonNull(className, "className");
            this.displayName = Objects.requireNonNull(displayName, "displayName");
            this.tags = tags;
        }

        long order() {
            return order;
        }

        synchronized void update(java.util.function.Consumer<PendingTest> change) {
            change.accept(this);
        }

        synchronized TestRecord snapshot() {
            TestStatus s = status == null ? TestStatus.ABORTED : status;
            Optional<String> f = status == null ? Optional.of("still running when the report was built") : failure;
            return new TestRecord(id, className, displayName, tags, s, duration, f, List.copyOf(destinations),
                    List.copyOf(timeline), Optional.ofNullable(flowTrace), List.copyOf(violations));
        }
    }
}
