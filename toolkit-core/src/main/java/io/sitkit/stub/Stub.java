package io.sitkit.stub;

import io.sitkit.core.CaptureSession;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.env.Bus;
import io.sitkit.expect.Count;
import io.sitkit.fault.Emission;
import io.sitkit.fault.FaultRun;
import io.sitkit.match.Matchers;
import io.sitkit.match.MessageMatcher;
import io.sitkit.template.TemplateContext;
import io.sitkit.template.TemplateException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running stub: a stand-in for a missing service on a Kafka topic or JMS destination. It takes
 * each request, finds the first {@link Rule} that applies in the current scenario state, renders
 * the reply, carries correlation over ({@link StubSpec}), applies its faults and sends. Everything
 * it received and answered is kept as {@link Exchange}s for verification.
 *
 * <pre>{@code
 * try (Stub payment = StubSpec.on("jms:queue:payments").rule(Rule.always().reply(Reply.json("{\"ok\":true}"))).start(bus)) {
 *     checkout.placeOrder("o-1");
 *     payment.received(exactly(1), jsonPath("$.orderId").isEqualTo("o-1"));
 * }
 * }</pre>
 *
 * <p>Requests are handled one at a time, in arrival order, on the consumer's thread; replies with
 * a delay are sent from one scheduler thread. Closing stops the consumer and that thread; replies
 * still waiting for their delay are not sent (the number is logged).
 *
 * <p>Thread-safety: thread-safe.
 */
public final class Stub implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Stub.class);
    private final StubSpec spec;
    private final Propagation propagation;
    private final TemplateContext templates;
    private final FaultRun faults;
    private final Outbox outbox;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final Map<String, String> states = new HashMap<>();
    private final Map<String, Integer> sequences = new HashMap<>();
    private final List<String> sendFailures = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile CaptureSession intake;
    private volatile boolean closed;

    private Stub(StubSpec spec, Bus bus) {
        this.spec = spec;
        this.propagation = new Propagation(spec, spec.seed());
        this.templates = TemplateContext.seeded(spec.seed());
        this.faults = spec.faults().start(spec.seed());
        this.outbox = new Outbox(bus, spec.name(), this::sendFailed);
    }

    static Stub start(StubSpec spec, Bus bus) {
        // A stub answers (publishes) and, on JMS, takes requests off a queue: a write to a protected environment.
        bus.protection().checkWrite("start stub " + spec.name() + " on", spec.listensOn());
        Stub stub = new Stub(spec, bus);
        stub.intake = Intake.start(bus, spec.listensOn(), stub::handle, (d, error) -> LOG.warn("{} lost its consumer on {}: {}",
                spec.name(), d, error.toString()));
        LOG.info("{} listening on {} ({} rules{})", spec.name(), spec.listensOn(), spec.rules().size(),
                spec.faults().faults().isEmpty() ? "" : ", faults: " + spec.faults().describe());
        return stub;
    }

    public StubSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    private void handle(Message request) {
        if (closed) {
            return;
        }
        Duration pause = faults.intake();
        if (!pause.isZero()) {
            try {
                if (closing.await(pause.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Instant received = Instant.now();
        String stateKey = spec.statePer().flatMap(k -> k.keyOf(request)).orElse("");
        Rule rule = null;
        Reply reply = null;
        String before;
        String after;
        synchronized (states) {
            before = states.getOrDefault(stateKey, Rule.STARTED);
            after = before;
            for (Rule r : spec.rules()) {
                if ((r.requiredState() == null || r.requiredState().equals(before)) && r.matcher().matches(request)) {
                    rule = r;
                    break;
                }
            }
            if (rule != null) {
                List<Reply> replies = rule.replies();
                if (replies.size() <= 1) {
                    // No sequence to step through: nothing to count.
                    reply = replies.isEmpty() ? Reply.none() : replies.get(0);
                } else {
                    String seqKey = spec.rules().indexOf(rule) + "\u0000" + stateKey;
                    int n = sequences.merge(seqKey, 1, Integer::sum);
                    reply = replies.get(Math.min(n, replies.size()) - 1);
                }
                if (rule.nextState() != null) {
                    after = rule.nextState();
                    states.put(stateKey, after);
                }
            }
        }
        if (rule == null) {
            record(new Exchange(received, request, null, before, after, List.of(), null));
            return;
        }
        List<Emission> emissions = List.of();
        String error = null;
        try {
            if (!reply.isNone()) {
                emissions = answer(request, reply);
            }
        } catch (TemplateException | IllegalArgumentException | UnroutableRequest e) {
            error = e.getMessage();
            LOG.warn("{} could not answer {}: {}", spec.name(), request.position(), error);
        }
        // Recorded before sending: whoever reacts to the reply and then verifies must find this request.
        List<OutgoingMessage> sent = new ArrayList<>(emissions.size());
        for (Emission e : emissions) {
            sent.add(e.message());
        }
        record(new Exchange(received, request, rule.describe(), before, after, sent, error));
        outbox.send(emissions);
    }

    /** The reply to send, after faults, with its delay; nothing is sent yet. */
    private List<Emission> answer(Message request, Reply reply) {
        Destination to = destinationFor(request, reply);
        OutgoingMessage rendered = reply.render(templates.withRequest(request), to);
        OutgoingMessage out = propagation.apply(rendered, request, reply.hasKey());
        List<Emission> emissions = new ArrayList<>();
        for (Emission e : faults.next(out)) {
            emissions.add(new Emission(e.message(), e.delay().plus(reply.delay())));
        }
        return emissions;
    }

    private Destination destinationFor(Message request, Reply reply) {
        if (reply.fixedDestination() != null) {
            return reply.fixedDestination();
        }
        Optional<Destination> own = spec.repliesAlwaysToDefault() ? Optional.empty() : propagation.replyAddress(request);
        return own.or(spec::defaultReplyTo).orElseThrow(() -> new UnroutableRequest(spec.name() + " has no reply address for "
                + request.position() + ": the request has no " + (request.destination().isJms() ? "JMSReplyTo"
                : "'" + spec.kafkaReplyTopicHeader() + "' header") + " and the stub names none (StubSpec.replyTo or Reply.to)"));
    }

    /** A request that says nowhere to reply, to a stub that names no default. */
    private static final class UnroutableRequest extends RuntimeException {
        UnroutableRequest(String message) {
            super(message);
        }
    }

    private void sendFailed(OutgoingMessage m, Throwable error) {
        LOG.warn("{} failed to send its reply to {}: {}", spec.name(), m.destination(), error.toString());
        synchronized (exchanges) {
            sendFailures.add("reply to " + m.destination() + " failed: " + error.getMessage());
        }
    }

    private void record(Exchange e) {
        synchronized (exchanges) {
            exchanges.add(e);
            exchanges.notifyAll();
        }
    }

    /** Every request received so far, with what was answered, in arrival order. */
    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    /** How many requests arrived so far, answered or not (cheaper than {@code exchanges().size()}). */
    public int requestCount() {
        synchronized (exchanges) {
            return exchanges.size();
        }
    }

    /** The requests received so far. */
    public List<Message> requests() {
        return exchanges().stream().map(Exchange::request).toList();
    }

    /** Sends that failed after the reply was handed to the broker client (e.g. a Kafka send rejected). */
    public List<String> sendFailures() {
        synchronized (exchanges) {
            return List.copyOf(sendFailures);
        }
    }

    /** The scenario state, for the stub or (with {@link StubSpec#statePer}) for {@code key}. */
    public String state(String key) {
        synchronized (states) {
            return states.getOrDefault(key == null ? "" : key, Rule.STARTED);
        }
    }

    /** @see #received(Count, MessageMatcher, Duration) */
    public Stub received(Count count) {
        return received(count, Matchers.anyMessage(), spec.verifyTimeout());
    }

    /** @see #received(Count, MessageMatcher, Duration) */
    public Stub received(Count count, MessageMatcher matcher) {
        return received(count, matcher, spec.verifyTimeout());
    }

    /**
     * Verifies the requests received: waits up to {@code within} for {@code exactly(n)} or
     * {@code atLeast(n)} of them to match (returning as soon as they have), then checks the count;
     * {@code atMost(n)} checks at once what has arrived.
     *
     * @throws StubVerificationError listing every request received and what it lacked
     */
    public Stub received(Count count, MessageMatcher matcher, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        boolean waits = count.kind() != Count.Kind.AT_MOST && count.value() > 0;
        List<Exchange> seen;
        synchronized (exchanges) {
            while (waits && matching(matcher) < count.value()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(exchanges, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            seen = List.copyOf(exchanges);
        }
        int matched = (int) seen.stream().filter(e -> matcher.matches(e.request())).count();
        if (!count.holds(matched)) {
            throw new StubVerificationError(Verification.failure(spec, count, matcher, within, waits, seen));
        }
        return this;
    }

    private int matching(MessageMatcher matcher) {
        int n = 0;
        for (Exchange e : exchanges) {
            if (matcher.matches(e.request())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Stops the consumer, then the delay thread; idempotent. Replies still held by a reorder window
     * or waiting for a delay are not sent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing.countDown();
        CaptureSession s = intake;
        if (s != null) {
            s.close();
        }
        int dropped = outbox.close(false) + faults.flush().size();
        if (dropped > 0) {
            LOG.info("{} closed with {} replies not yet sent (delayed or held for reordering); they were dropped", spec.name(), dropped);
        }
    }

    @Override
    public String toString() {
        return "Stub{" + spec.name() + " on " + spec.listensOn() + ", " + exchanges().size() + " exchanges}";
    }
}
