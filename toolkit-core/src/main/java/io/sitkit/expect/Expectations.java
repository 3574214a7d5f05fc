package io.sitkit.expect;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.FlowIndex;
import io.sitkit.match.MessageMatcher;
import io.sitkit.redact.Redactor;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.function.BooleanSupplier;

/**
 * Expectations over one capture, with waiting built in: each completes as soon as the capture holds
 * what it needs (no poll interval) and fails at its deadline saying what was seen.
 *
 * <pre>{@code
 * Expectations expect = Expectations.of(capture)
 *         .withCorrelation(CorrelationRules.byDefault(KeySource.kafkaKey())
 *                 .on("jms:queue:payments", KeySource.header("orderId")));
 *
 * Message order = expect.expect("kafka:orders").message(jsonPath("$.orderId").isEqualTo("o-1")).within(Duration.ofSeconds(5));
 * expect.expect("kafka:orders").noMessage(key("o-2")).within(Duration.ofSeconds(2));
 * expect.expectFlow("o-1").through("kafka:orders", "jms:queue:payments").eachHopWithin(Duration.ofSeconds(1))
 *       .within(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>By default an expectation also looks at messages captured before it was declared;
 * {@link DestinationExpectation#onlyNew()} restricts it to later ones.
 *
 * <p>Thread-safety: immutable and thread-safe; expectations may wait on several threads at once.
 */
public final class Expectations {
    private final Capture capture;
    private final CorrelationRules rules;
    private final Redactor redactor;
    private final int nearestMisses;
    private final AtomicReference<FlowIndex> index;
    private final UnaryOperator<Destination> names;

    private Expectations(Capture capture, CorrelationRules rules, Redactor redactor, int nearestMisses,
                         AtomicReference<FlowIndex> index, UnaryOperator<Destination> names) {
        this.capture = Objects.requireNonNull(capture, "capture");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        if (nearestMisses < 0) {
            throw new IllegalArgumentException("nearest misses must be >= 0: " + nearestMisses);
        }
        this.nearestMisses = nearestMisses;
        this.index = index;
        this.names = Objects.requireNonNull(names, "names");
    }

    /** Expectations over {@code capture}, without correlation rules or redaction, showing 3 near misses. */
    public static Expectations of(Capture capture) {
        return new Expectations(capture, CorrelationRules.none(), Redactor.none(), 3, new AtomicReference<>(),
                UnaryOperator.identity());
    }

    /**
     * A copy correlating by {@code rules} (needed by flow expectations); the destinations the rules
     * name are read through {@link #withNames names}.
     */
    public Expectations withCorrelation(CorrelationRules rules) {
        return new Expectations(capture, rules.renamed(names), redactor, nearestMisses, new AtomicReference<>(), names);
    }

    /** A copy whose failure messages pass through {@code redactor}. */
    public Expectations withRedactor(Redactor redactor) {
        return new Expectations(capture, rules, redactor, nearestMisses, index, names);
    }

    /** A copy showing up to {@code count} nearest misses in failure messages. */
    public Expectations withNearestMisses(int count) {
        return new Expectations(capture, rules, redactor, count, index, names);
    }

    /**
     * A copy reading every address it is given — in {@code expect}, {@code expectOrder},
     * {@code through}, {@link FieldMapping}s and correlation rules — through {@code names}, from the
     * logical address a test writes to the destination it really uses. {@code names} must return a
     * real destination unchanged. toolkit-junit's {@code SitBus.expect()} sets the test's names.
     */
    public Expectations withNames(UnaryOperator<Destination> names) {
        return new Expectations(capture, rules.renamed(names), redactor, nearestMisses, new AtomicReference<>(), names);
    }

    /** Expectations on one captured destination. */
    public DestinationExpectation expect(Destination destination) {
        destination = names.apply(destination);
        if (!capture.destinations().contains(destination)) {
            throw new IllegalArgumentException(destination + " is not captured here; captured: " + capture.destinations()
                    + " — add it to the capture before the system under test runs");
        }
        return new DestinationExpectation(this, destination, 0, true);
    }

    /** Expectations on the captured destination at {@code address}. */
    public DestinationExpectation expect(String address) {
        return expect(Destination.parse(address));
    }

    /** An ordering expectation: the first message matching {@code matcher} on {@code address} comes before … */
    public OrderExpectation expectOrder(String address, MessageMatcher matcher) {
        return new OrderExpectation(this, expect(address).destination(), matcher);
    }

    /** A flow expectation for one correlation key (needs {@link #withCorrelation}). */
    public FlowExpectation expectFlow(String key) {
        return new FlowExpectation(this, key);
    }

    /**
     * Waits until {@code condition} holds, re-evaluating it whenever the capture holds more (and
     * once at the start), or fails at the deadline naming {@code description}.
     */
    public void until(String description, BooleanSupplier condition, Duration within) {
        Watch watch = new Watch(capture, within, redactor).expecting(description + "\n  within " + Watch.human(within));
        if (!watch.until(condition)) {
            throw new FailureReport(description, redactor).line("within " + Watch.human(within))
                    .line("but it did not hold").seen("seen in that time", capture, watch.start())
                    .capture(capture, watch.start()).error();
        }
    }

    /** The flow index over this capture under the rules (built on first use, caught up on every call). */
    public FlowIndex flows() {
        FlowIndex current = index.get();
        if (current == null) {
            index.compareAndSet(null, FlowIndex.over(capture, rules));
            current = index.get();
        }
        return current;
    }

    Capture capture() {
        return capture;
    }

    CorrelationRules rules() {
        return rules;
    }

    Redactor redactor() {
        return redactor;
    }

    /** The destination a test means by {@code address}, checked to be captured. */
    Destination resolve(String address) {
        return expect(address).destination();
    }

    UnaryOperator<Destination> names() {
        return names;
    }

    int nearestMisses() {
        return nearestMisses;
    }
}
