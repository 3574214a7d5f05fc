package io.sitkit.stub;

import io.sitkit.core.Destination;
import io.sitkit.env.Bus;
import io.sitkit.fault.FaultPlan;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The definition of an {@link Interceptor}, as a stub file declares it: a name, the two
 * destinations, the faults and their seed. Unlike an {@code Interceptor}, which starts once, one
 * definition starts any number of relays.
 *
 * <pre>{@code
 * InterceptorSpec chaos = new InterceptorSpec("orders-chaos", Destination.kafka("orders.raw"), Destination.kafka("orders"),
 *         FaultPlan.of(Fault.duplicate().everyNth(3)), 7);
 * try (Interceptor relay = chaos.start(bus)) { … }
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param name   for logs and the sandbox's listing
 * @param from   where the relay takes messages
 * @param to     where it forwards them
 * @param faults what happens on the way
 * @param seed   makes the faults repeatable
 */
public record InterceptorSpec(String name, Destination from, Destination to, FaultPlan faults, long seed) {
    public InterceptorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(faults, "faults");
        if (from.equals(to)) {
            throw new IllegalArgumentException("an interceptor needs two different destinations, got " + from + " twice");
        }
    }

    /** Starts a relay; returns once it listens on {@link #from}. */
    public Interceptor start(Bus bus) {
        return Interceptor.between(from, to).faults(faults, seed).start(bus);
    }

    /** The same definition with its destinations renamed (a test's isolated names). */
    public InterceptorSpec renamed(UnaryOperator<Destination> names) {
        return new InterceptorSpec(name, names.apply(from), names.apply(to), faults, seed);
    }
}
