package io.sitkit.stub;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stubs and relays a {@link StubSet} started, closed together: the one handle a test or the
 * sandbox keeps.
 *
 * <pre>{@code
 * try (RunningStubs running = StubFiles.read(file).start(bus)) {
 *     running.stub("payment-gateway").received(exactly(2));
 *     assertThat(running.interceptor("orders-chaos").forwarded()).isEqualTo(4);
 * }
 * }</pre>
 *
 * <p>Thread-safety: thread-safe (lookups read fixed lists; {@link #close} is idempotent).
 */
public final class RunningStubs implements AutoCloseable {
    private final String source;
    private final List<Stub> stubs;
    private final List<InterceptorSpec> specs;
    private final List<Interceptor> interceptors;
    private volatile boolean closed;

    RunningStubs(String source, List<Stub> stubs, List<InterceptorSpec> specs, List<Interceptor> interceptors) {
        this.source = source;
        this.stubs = List.copyOf(stubs);
        this.specs = List.copyOf(specs);
        this.interceptors = List.copyOf(interceptors);
    }

    /** The file the stubs came from (or the name its text was parsed under). */
    public String source() {
        return source;
    }

    /** The running stubs, in file order. */
    public List<Stub> stubs() {
        return stubs;
    }

    /** The running relays, in file order. */
    public List<Interceptor> interceptors() {
        return interceptors;
    }

    /** The definitions of the running relays, in the order of {@link #interceptors()}. */
    public List<InterceptorSpec> interceptorSpecs() {
        return specs;
    }

    /**
     * The stub of that name.
     *
     * @throws IllegalArgumentException naming the stubs there are
     */
    public Stub stub(String name) {
        return stubs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no stub named '" + name + "' in " + source + "; its stubs: "
                        + stubs.stream().map(Stub::name).collect(Collectors.joining(", "))));
    }

    /**
     * The relay of that name.
     *
     * @throws IllegalArgumentException naming the interceptors there are
     */
    public Interceptor interceptor(String name) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(name)) {
                return interceptors.get(i);
            }
        }
        throw new IllegalArgumentException("no interceptor named '" + name + "' in " + source + "; its interceptors: "
                + specs.stream().map(InterceptorSpec::name).collect(Collectors.joining(", ")));
    }

    /**
     * One line per stub and relay: {@code stub payment-gateway on jms:queue:payment.requests},
     * {@code interceptor orders-chaos from kafka:orders.raw to kafka:orders (duplicate (every 3))}.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Stub s : stubs) {
            lines.add("stub " + s.name() + " on " + s.spec().listensOn());
        }
        for (InterceptorSpec i : specs) {
            lines.add("interceptor " + i.name() + " from " + i.from() + " to " + i.to()
                    + (i.faults().faults().isEmpty() ? "" : " (" + i.faults().describe() + ")"));
        }
        return lines;
    }

    /**
     * Closes the relays (last first, each sending what it still holds), then the stubs; idempotent.
     * Keeps going past errors and throws the first with the rest suppressed.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // closed last-first: the interceptors in reverse, then the stubs in reverse
        List<AutoCloseable> all = new ArrayList<>(stubs);
        all.addAll(interceptors);
        io.sitkit.core.internal.Closer.closeAll(all);
    }

    /** Closes after a failed start, adding any close error to {@code cause}. */
    void closeAfterFailure(RuntimeException cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "RunningStubs{" + source + ": " + String.join("; ", describe()) + "}";
    }
}
