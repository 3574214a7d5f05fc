package io.sitkit.stub;

import io.sitkit.core.Destination;
import io.sitkit.env.Bus;
import io.sitkit.redact.Redactor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The stubs and interceptors one stub file defines ({@link StubFiles}), ready to start together
 * as often as needed: in a test, in another test, in the sandbox.
 *
 * <pre>{@code
 * StubSet neighbours = StubFiles.read(Path.of("stubs/checkout-neighbours.yaml"));
 * try (RunningStubs running = neighbours.start(bus)) {
 *     ... // the system under test talks to the stubs
 *     running.stub("payment-gateway").received(exactly(1));
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class StubSet {
    private final String source;
    private final List<StubSpec> stubs;
    private final List<InterceptorSpec> interceptors;

    private StubSet(String source, List<StubSpec> stubs, List<InterceptorSpec> interceptors) {
        this.source = Objects.requireNonNull(source, "source");
        this.stubs = List.copyOf(stubs);
        this.interceptors = List.copyOf(interceptors);
        Set<String> names = new HashSet<>();
        for (StubSpec s : this.stubs) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException(source + ": two stubs are named '" + s.name() + "'");
            }
        }
        names.clear();
        for (InterceptorSpec i : this.interceptors) {
            if (!names.add(i.name())) {
                throw new IllegalArgumentException(source + ": two interceptors are named '" + i.name() + "'");
            }
        }
    }

    /** A set from code; stub names and interceptor names must each be unique. */
    public static StubSet of(String source, List<StubSpec> stubs, List<InterceptorSpec> interceptors) {
        return new StubSet(source, stubs, interceptors);
    }

    /** The file the set was read from (or the name it was parsed under). */
    public String source() {
        return source;
    }

    /** The stubs, in file order. */
    public List<StubSpec> stubs() {
        return stubs;
    }

    /** The interceptors, in file order. */
    public List<InterceptorSpec> interceptors() {
        return interceptors;
    }

    /** The same set with every destination renamed (a test's isolated names). */
    public StubSet renamed(UnaryOperator<Destination> names) {
        return new StubSet(source, stubs.stream().map(s -> s.renamed(names)).toList(),
                interceptors.stream().map(i -> i.renamed(names)).toList());
    }

    /** The same set with {@code redactor} masking the stubs' verification failures too. */
    public StubSet redactedBy(Redactor redactor) {
        return new StubSet(source, stubs.stream().map(s -> s.redactedBy(s.redactor().with(redactor))).toList(), interceptors);
    }

    /**
     * Starts every stub, then every interceptor (so a relay's target already has its stub);
     * returns once all listen. When one fails to start, those already started are closed and the
     * error is thrown: nothing is left half-started. On a protected environment that is locked
     * the first stub is refused ({@link io.sitkit.core.ProtectedEnvironmentException}), so nothing starts.
     */
    public RunningStubs start(Bus bus) {
        List<Stub> started = new ArrayList<>();
        List<Interceptor> relays = new ArrayList<>();
        try {
            for (StubSpec s : stubs) {
                started.add(s.start(bus));
            }
            for (InterceptorSpec i : interceptors) {
                relays.add(i.start(bus));
            }
        } catch (RuntimeException e) {
            new RunningStubs(source, started, interceptors.subList(0, relays.size()), relays).closeAfterFailure(e);
            throw e;
        }
        return new RunningStubs(source, started, interceptors, relays);
    }

    @Override
    public String toString() {
        return "StubSet{" + source + ": " + stubs.size() + " stubs, " + interceptors.size() + " interceptors}";
    }
}
