package io.sitkit.fault;

import java.util.List;

/**
 * The faults one stub or interceptor applies, in order. Immutable, so plans can be constants;
 * {@link #start(long)} gives the stateful run for one stream of messages.
 *
 * <pre>{@code
 * FaultRun run = FaultPlan.of(Fault.drop().everyNth(10), Fault.reorder(4)).start(42);
 * List<Emission> out = run.next(message);     // zero, one or more messages, each with its delay
 * List<Emission> rest = run.flush();          // what a reorder window still holds
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record FaultPlan(List<Fault> faults) {
    public FaultPlan {
        faults = List.copyOf(faults);
    }

    public static FaultPlan of(Fault... faults) {
        return new FaultPlan(List.of(faults));
    }

    /** No faults: every message passes unchanged and at once. */
    public static FaultPlan none() {
        return new FaultPlan(List.of());
    }

    /** A run of this plan; the same seed gives the same decisions for the same messages. */
    public FaultRun start(long seed) {
        return new FaultRun(this, seed);
    }

    /** {@code delay 200ms (p=0.1), duplicate (every 5)}. */
    public String describe() {
        return faults.isEmpty() ? "no faults" : String.join(", ", faults.stream().map(Fault::describe).toList());
    }
}
