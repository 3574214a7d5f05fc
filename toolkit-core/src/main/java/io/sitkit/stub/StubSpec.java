package io.sitkit.stub;

import io.sitkit.core.Destination;
import io.sitkit.correlate.KeySource;
import io.sitkit.env.Bus;
import io.sitkit.fault.FaultPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The definition of a stub: where it listens, its rules, where replies go, how correlation is
 * carried over, its faults. Immutable, so one definition (from code or a YAML file, see
 * {@link StubFiles}) can start stubs in several tests and environments.
 *
 * <pre>{@code
 * StubSpec payment = StubSpec.on("jms:queue:payment.requests").named("payment-gateway")
 *         .rule(Rule.when(jsonPath("$.amount").isGreaterThan(1000)).reply(Reply.json("{\"status\":\"DECLINED\"}")))
 *         .rule(Rule.always().reply(Reply.json("{\"status\":\"APPROVED\",\"orderId\":\"{{ $.orderId }}\"}")))
 *         .faults(FaultPlan.of(Fault.delay(Duration.ofMillis(200)).everyNth(10)), 42);
 * try (Stub stub = payment.start(bus)) {
 *     ... // the system under test sends payment requests with a JMSReplyTo
 *     stub.received(exactly(1), jsonPath("$.orderId").isEqualTo("o-1"));
 * }
 * }</pre>
 *
 * <p>Replies go to, in this order: the reply's own {@link Reply#to}; the request's reply address
 * (its {@code JMSReplyTo}, or on Kafka its {@link #kafkaReplyTopicHeader()} header, which may name a
 * topic or a full address such as {@code jms:queue:replies}) unless {@link #alwaysReplyTo} is set;
 * the stub's {@link #replyTo}. A request with none of these is recorded with that error.
 *
 * <p>Thread-safety: immutable.
 */
public final class StubSpec {
    /** Which JMS id of the request becomes the reply's {@code JMSCorrelationID}. */
    public enum CorrelateBy {
        /** The request's {@code JMSMessageID} (the JMS request/reply convention). */
        MESSAGE_ID,
        /** The request's {@code JMSCorrelationID}, or its message id when it has none. */
        CORRELATION_ID
    }

    /** The header Spring's {@code ReplyingKafkaTemplate} names its reply topic with. */
    public static final String KAFKA_REPLY_TOPIC = "kafka_replyTopic";
    /** The header Spring's {@code ReplyingKafkaTemplate} correlates with. */
    public static final String KAFKA_CORRELATION_ID = "kafka_correlationId";

    private final Destination listen;
    private final String name;
    private final List<Rule> rules;
    private final Destination replyTo;
    private final boolean alwaysReplyTo;
    private final CorrelateBy correlateBy;
    private final Set<String> copiedHeaders;
    private final String kafkaReplyTopicHeader;
    private final String kafkaCorrelationHeader;
    private final KeySource statePer;
    private final FaultPlan faults;
    private final long seed;
    private final Duration verifyTimeout;
    private final io.sitkit.redact.Redactor redactor;

    private StubSpec(Destination listen, String name, List<Rule> rules, Destination replyTo, boolean alwaysReplyTo,
                     CorrelateBy correlateBy, Set<String> copiedHeaders, String kafkaReplyTopicHeader,
                     String kafkaCorrelationHeader, KeySource statePer, FaultPlan faults, long seed, Duration verifyTimeout,
                     io.sitkit.redact.Redactor redactor) {
        this.listen = listen;
        this.name = name;
        this.rules = List.copyOf(rules);
        this.replyTo = replyTo;
        this.alwaysReplyTo = alwaysReplyTo;
        this.correlateBy = correlateBy;
        this.copiedHeaders = Set.copyOf(copiedHeaders);
        this.kafkaReplyTopicHeader = kafkaReplyTopicHeader;
        this.kafkaCorrelationHeader = kafkaCorrelationHeader;
        this.statePer = statePer;
        this.faults = faults;
        this.seed = seed;
        this.verifyTimeout = verifyTimeout;
        this.redactor = redactor;
    }

    /** A stub listening on {@code address} ({@code jms:queue:payments}, {@code kafka:payment-requests}). */
    public static StubSpec on(String address) {
        return on(Destination.parse(address));
    }

    public static StubSpec on(Destination destination) {
        Objects.requireNonNull(destination, "destination");
        return new StubSpec(destination, "stub of " + destination, List.of(), null, false, CorrelateBy.MESSAGE_ID,
                new LinkedHashSet<>(Propagation.defaultCopiedHeaders()), KAFKA_REPLY_TOPIC, KAFKA_CORRELATION_ID, null,
                FaultPlan.none(), 0, Duration.ofSeconds(5), io.sitkit.redact.Redactor.none());
    }

    private StubSpec copy(Destination listen, String name, List<Rule> rules, Destination replyTo, boolean alwaysReplyTo,
                          CorrelateBy correlateBy, Set<String> copiedHeaders, KeySource statePer, FaultPlan faults,
                          long seed, Duration verifyTimeout) {
        return new StubSpec(listen, name, rules, replyTo, alwaysReplyTo, correlateBy, copiedHeaders, kafkaReplyTopicHeader,
                kafkaCorrelationHeader, statePer, faults, seed, verifyTimeout, redactor);
    }

    /** The name in logs, exchanges and failure messages. */
    public StubSpec named(String name) {
        return copy(listen, Objects.requireNonNull(name, "name"), rules, replyTo, alwaysReplyTo, correlateBy, copiedHeaders,
                statePer, faults, seed, verifyTimeout);
    }

    /** Adds a rule; rules are tried in the order added. */
    public StubSpec rule(Rule rule) {
        List<Rule> all = new ArrayList<>(rules);
        all.add(Objects.requireNonNull(rule, "rule"));
        return copy(listen, name, all, replyTo, alwaysReplyTo, correlateBy, copiedHeaders, statePer, faults, seed, verifyTimeout);
    }

    /** Where replies go when the request names no reply address. */
    public StubSpec replyTo(String address) {
        return copy(listen, name, rules, Destination.parse(address), false, correlateBy, copiedHeaders, statePer, faults,
                seed, verifyTimeout);
    }

    /** Replies always go to {@code address}, whatever the request asks (a service with a fixed output). */
    public StubSpec alwaysReplyTo(String address) {
        return copy(listen, name, rules, Destination.parse(address), true, correlateBy, copiedHeaders, statePer, faults,
                seed, verifyTimeout);
    }

    /** Which request id a JMS reply is correlated by (default {@link CorrelateBy#MESSAGE_ID}). */
    public StubSpec correlateBy(CorrelateBy by) {
        return copy(listen, name, rules, replyTo, alwaysReplyTo, Objects.requireNonNull(by, "by"), copiedHeaders, statePer,
                faults, seed, verifyTimeout);
    }

    /**
     * Request headers copied onto replies (added to the defaults {@code correlation-id},
     * {@code correlationId}, {@code x-correlation-id}, {@code tenant}, {@code x-request-id}).
     */
    public StubSpec copyHeaders(String... names) {
        Set<String> all = new LinkedHashSet<>(copiedHeaders);
        all.addAll(List.of(names));
        return copy(listen, name, rules, replyTo, alwaysReplyTo, correlateBy, all, statePer, faults, seed, verifyTimeout);
    }

    /** Kafka header names for the reply topic and the correlation id (defaults: Spring's). */
    public StubSpec kafkaHeaders(String replyTopicHeader, String correlationHeader) {
        return new StubSpec(listen, name, rules, replyTo, alwaysReplyTo, correlateBy, copiedHeaders,
                Objects.requireNonNull(replyTopicHeader, "replyTopicHeader"),
                Objects.requireNonNull(correlationHeader, "correlationHeader"), statePer, faults, seed, verifyTimeout, redactor);
    }

    /**
     * Keeps scenario state and reply sequences per request key ({@code KeySource.kafkaKey()},
     * {@code KeySource.jsonPath("$.orderId")}…) instead of once for the stub.
     */
    public StubSpec statePer(KeySource key) {
        return copy(listen, name, rules, replyTo, alwaysReplyTo, correlateBy, copiedHeaders, Objects.requireNonNull(key, "key"),
                faults, seed, verifyTimeout);
    }

    /** Faults applied to the replies (and, for a slow consumer, to intake); {@code seed} makes them repeatable. */
    public StubSpec faults(FaultPlan plan, long seed) {
        return copy(listen, name, rules, replyTo, alwaysReplyTo, correlateBy, copiedHeaders, statePer,
                Objects.requireNonNull(plan, "plan"), seed, verifyTimeout);
    }

    /** The seed of generated template values ({@code uuid()}, {@code random(..)}) when no fault plan sets one. */
    public StubSpec seed(long seed) {
        return copy(listen, name, rules, replyTo, alwaysReplyTo, correlateBy, copiedHeaders, statePer, faults, seed, verifyTimeout);
    }

    /** How long {@link Stub#received} waits for requests to arrive (default 5 s). */
    public StubSpec verifyTimeout(Duration timeout) {
        return copy(listen, name, rules, replyTo, alwaysReplyTo, correlateBy, copiedHeaders, statePer, faults, seed,
                Objects.requireNonNull(timeout, "timeout"));
    }

    /** Masks sensitive fields in verification failures (a JUnit test's {@code SitBus.stub} sets the configured one). */
    public StubSpec redactedBy(io.sitkit.redact.Redactor redactor) {
        return new StubSpec(listen, name, rules, replyTo, alwaysReplyTo, correlateBy, copiedHeaders, kafkaReplyTopicHeader,
                kafkaCorrelationHeader, statePer, faults, seed, verifyTimeout, Objects.requireNonNull(redactor, "redactor"));
    }

    /** The same stub with its destinations renamed (a test's isolated names). */
    public StubSpec renamed(UnaryOperator<Destination> names) {
        return new StubSpec(names.apply(listen), name, rules.stream().map(r -> r.renamed(names)).toList(), replyTo == null ? null : names.apply(replyTo), alwaysReplyTo,
                correlateBy, copiedHeaders, kafkaReplyTopicHeader, kafkaCorrelationHeader, statePer, faults, seed, verifyTimeout,
                redactor);
    }

    /**
     * Starts listening; returns once the stub's consumer is registered with the broker.
     *
     * @throws io.sitkit.core.ProtectedEnvironmentException when the bus's environment is protected and locked
     *                                                      ({@link Bus#protection()}): a stub writes its replies
     */
    public Stub start(Bus bus) {
        if (rules.isEmpty()) {
            throw new IllegalStateException(name + " has no rules; add one with rule(Rule.always().reply(...))");
        }
        return Stub.start(this, bus);
    }

    public Destination listensOn() {
        return listen;
    }

    public String name() {
        return name;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Destination> defaultReplyTo() {
        return Optional.ofNullable(replyTo);
    }

    public boolean repliesAlwaysToDefault() {
        return alwaysReplyTo;
    }

    public CorrelateBy correlateBy() {
        return correlateBy;
    }

    public Set<String> copiedHeaders() {
        return copiedHeaders;
    }

    public String kafkaReplyTopicHeader() {
        return kafkaReplyTopicHeader;
    }

    public String kafkaCorrelationHeader() {
        return kafkaCorrelationHeader;
    }

    public Optional<KeySource> statePer() {
        return Optional.ofNullable(statePer);
    }

    public FaultPlan faults() {
        return faults;
    }

    public long seed() {
        return seed;
    }

    public Duration verifyTimeout() {
        return verifyTimeout;
    }

    public io.sitkit.redact.Redactor redactor() {
        return redactor;
    }

    @Override
    public String toString() {
        return "StubSpec{" + name + " on " + listen + ", " + rules.size() + " rules"
                + (faults.faults().isEmpty() ? "" : ", faults: " + faults.describe()) + "}";
    }
}
