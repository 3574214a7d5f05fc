package io.sitkit.junit;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.PublishResult;
import io.sitkit.env.Bus;
import io.sitkit.env.CaptureSpec;
import io.sitkit.expect.DestinationExpectation;
import io.sitkit.expect.Expectations;
import io.sitkit.junit.internal.Names;
import io.sitkit.redact.Redactor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One test's handle to the bus: publish, capture, expect and browse with the test's own
 * destination names (see {@link Isolation}). The destinations the test observes are captured from
 * before the test body runs; {@link #expect(String)} reads that capture.
 *
 * <pre>{@code
 * @Test
 * @Observe({"kafka:orders", "jms:queue:payments"})
 * void an_order_is_paid(SitBus bus) {
 *     checkout.start(bus.names());                                     // the system under test learns the real names
 *     bus.publish("kafka:orders", "o-1", "{\"orderId\":\"o-1\",\"total\":42}");
 *     bus.expect("jms:queue:payments").message(jsonPath("$.orderId").isEqualTo("o-1")).within(ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe for use by the test's own threads; it lives for one test.
 */
public final class SitBus {
    private final Bus bus;
    private final Names names;
    private final Capture observed;
    private final Redactor redactor;
    private final String testId;
    private final List<Capture> extra = new ArrayList<>();
    private final List<AutoCloseable> standIns = new ArrayList<>();
    private volatile Expectations expectations;

    SitBus(Bus bus, Names names, Capture observed, Redactor redactor, String testId) {
        this.bus = bus;
        this.names = names;
        this.observed = observed;
        this.redactor = redactor;
        this.testId = testId;
    }

    /** The real destination of a logical address for this test. */
    public Destination destination(String address) {
        return names.resolve(address);
    }

    /** Logical address → real name for every destination this test has named so far. */
    public Map<String, String> names() {
        return names.asMap();
    }

    /**
     * Publishes to the message's destination as this test names it (its JMS reply-to too); waits for
     * the acknowledgement.
     */
    public PublishResult publish(OutgoingMessage message) {
        OutgoingMessage real = message.withDestination(names.resolve(message.destination()));
        if (message.replyTo() != null) {
            real = real.withReplyTo(names.resolve(message.replyTo()));
        }
        return bus.publish(real);
    }

    /** Publishes text to {@code address}. */
    public PublishResult publish(String address, String text) {
        return publish(OutgoingMessage.text(address, text));
    }

    /** Publishes text with a key (Kafka key; {@code JMSXGroupID} on JMS) to {@code address}. */
    public PublishResult publish(String address, String key, String text) {
        return publish(OutgoingMessage.text(address, text).withKey(key));
    }

    /**
     * The capture of the observed destinations, listening since before the test body.
     *
     * @throws IllegalStateException when the test observes nothing
     */
    public Capture capture() {
        if (observed == null) {
            throw new IllegalStateException("test " + testId + " observes no destination; add @Observe(\"kafka:orders\")"
                    + " to the test or observe = {...} to @SitTest");
        }
        return observed;
    }

    /** Another capture, from now, of these addresses (this test's names); closed after the test. */
    public Capture capture(String... addresses) {
        Destination[] real = new Destination[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            real[i] = names.resolve(addresses[i]);
        }
        Capture c = bus.capture(CaptureSpec.of(real));
        synchronized (extra) {
            extra.add(c);
        }
        return c;
    }

    /**
     * Expectations over the observed capture, failure messages passed through the configured
     * redactor. They take this test's logical addresses everywhere — {@code through("kafka:orders", …)},
     * {@code FieldMapping}, {@code CorrelationRules.on("jms:queue:payments", …)}, {@code expectOrder} —
     * and real names as they are.
     */
    public Expectations expect() {
        Expectations e = expectations;
        if (e == null) {
            e = Expectations.of(capture()).withRedactor(redactor).withNames(names::resolve);
            expectations = e;
        }
        return e;
    }

    /** Expectations on one observed destination, by its logical address. */
    public DestinationExpectation expect(String address) {
        return expect().expect(names.resolve(address));
    }

    /** Browses (without consuming) the destination this test names {@code address}, from the beginning. */
    public io.sitkit.core.BrowsePage browse(String address) {
        return bus.browse(io.sitkit.core.BrowseRequest.of(names.resolve(address)).fromBeginning());
    }

    /** Browses with a request whose destination is taken as this test's name for it. */
    public io.sitkit.core.BrowsePage browse(io.sitkit.core.BrowseRequest request) {
        Destination real = names.resolve(request.destination());
        return bus.browse(real.equals(request.destination()) ? request
                : new io.sitkit.core.BrowseRequest(real, request.from(), request.partition(), request.limit(), request.selector()));
    }

    /**
     * Starts a stub with this test's names for its destinations; stopped after the test.
     *
     * <pre>{@code
     * Stub payment = bus.stub(StubSpec.on("jms:queue:payments").rule(Rule.always().reply(Reply.json("{\"ok\":true}"))));
     * }</pre>
     */
    public io.sitkit.stub.Stub stub(io.sitkit.stub.StubSpec spec) {
        io.sitkit.stub.Stub stub = spec.renamed(names::resolve).redactedBy(spec.redactor().with(redactor)).start(bus);
        synchronized (standIns) {
            standIns.add(stub);
        }
        return stub;
    }

    /**
     * Starts the stubs and interceptors of a stub file ({@link io.sitkit.stub.StubFiles}) with this
     * test's names for their destinations; stopped after the test. The file is read completely
     * first: an error in it starts nothing.
     *
     * <pre>{@code
     * RunningStubs neighbours = bus.stubs(Path.of("src/test/stubs/checkout-neighbours.yaml"));
     * ... // the system under test sends to bus.destination("jms:queue:payment.requests")
     * neighbours.stub("payment-gateway").received(exactly(1));
     * }</pre>
     *
     * @throws io.sitkit.stub.StubFileException naming the file, line and column of what is wrong in it
     */
    public io.sitkit.stub.RunningStubs stubs(java.nio.file.Path file) {
        io.sitkit.stub.RunningStubs running = io.sitkit.stub.StubFiles.read(file).renamed(names::resolve)
                .redactedBy(redactor).start(bus);
        synchronized (standIns) {
            standIns.add(running);
        }
        return running;
    }

    /** Starts a relay between this test's {@code from} and {@code to}, with faults; stopped after the test. */
    public io.sitkit.stub.Interceptor intercept(String from, String to, io.sitkit.fault.FaultPlan faults, long seed) {
        io.sitkit.stub.Interceptor relay = io.sitkit.stub.Interceptor.between(names.resolve(from), names.resolve(to))
                .faults(faults, seed).start(bus);
        synchronized (standIns) {
            standIns.add(relay);
        }
        return relay;
    }

    /**
     * Records the destinations this test observes, from now, to a capture file — under their
     * logical addresses, so recordings of different runs compare ({@link io.sitkit.record.GoldenFlow})
     * and replay into other environments ({@link io.sitkit.record.Replay}) — through the configured
     * redactor, annotated with the test's id and real names; closed after the test (close it
     * earlier to read the file in the test). Inject through {@link io.sitkit.record.Recorder#inject}
     * with logical addresses to have messages marked as injected.
     *
     * <pre>{@code
     * try (Recorder recording = bus.record(Path.of("target/recordings/checkout.jsonl"))) {
     *     recording.inject(OutgoingMessage.text("kafka:orders", order).withKey("o-1"));
     *     bus.expect("kafka:order-events").message(key("o-1")).within(ofSeconds(5));
     * }
     * }</pre>
     *
     * @throws IllegalStateException when the test observes nothing
     */
    public io.sitkit.record.Recorder record(java.nio.file.Path file) {
        return record(io.sitkit.record.RecorderSpec.to(file));
    }

    /**
     * Records these addresses (this test's names for them), or the observed destinations when none
     * are given, as {@code spec} says (schemas, correlation, annotations), under their logical
     * addresses and through the configured redactor as well; closed after the test.
     *
     * @see #record(java.nio.file.Path)
     */
    public io.sitkit.record.Recorder record(io.sitkit.record.RecorderSpec spec, String... addresses) {
        List<Destination> real = new ArrayList<>();
        if (addresses.length == 0) {
            real.addAll(capture().destinations());
        }
        for (String a : addresses) {
            real.add(names.resolve(a));
        }
        io.sitkit.record.RecorderSpec named = spec.writingNames(names::logical).redactedBy(spec.redactor().with(redactor))
                .annotated("test", testId);
        for (Destination d : real) {
            Destination logical = names.logical(d);
            if (!logical.equals(d)) {
                named = named.annotated(io.sitkit.record.FlowTraceFile.NAME_PREFIX + logical, d.toString());
            }
        }
        io.sitkit.record.Recorder recorder = named.start(bus, real, this::publish);
        synchronized (standIns) {
            standIns.add(recorder);
        }
        return recorder;
    }

    /** Stubs and relays this test started, last first. */
    List<AutoCloseable> standIns() {
        synchronized (standIns) {
            List<AutoCloseable> all = new ArrayList<>(standIns);
            java.util.Collections.reverse(all);
            return all;
        }
    }

    /** The redactor of this test's configuration ({@code sitkit.redact.*}), for what the test prints itself. */
    public Redactor redactor() {
        return redactor;
    }

    /** The shared bus itself (real names only; no renaming). */
    public Bus bus() {
        return bus;
    }

    /** The test's unique id, as JUnit gives it. */
    public String testId() {
        return testId;
    }

    /** Every capture of this test: the observed one first. */
    List<Capture> captures() {
        List<Capture> all = new ArrayList<>();
        if (observed != null) {
            all.add(observed);
        }
        synchronized (extra) {
            all.addAll(extra);
        }
        return all;
    }
}
