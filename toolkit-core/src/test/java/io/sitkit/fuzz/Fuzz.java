package io.sitkit.fuzz;

/**
 * The settings every decoder and parser property shares: how many inputs each gets and the fixed
 * seed that makes a run repeatable (CI sees the same inputs every time; change the seed locally
 * to explore further).
 *
 * <pre>{@code
 * @Property(tries = Fuzz.TRIES, seed = Fuzz.SEED)
 * void decodesOrRejects(@ForAll("frames") byte[] frame) { … }
 * }</pre>
 *
 * <p>Thread-safety: constants only.
 */
public final class Fuzz {
    /** Inputs per property. */
    public static final int TRIES = 10_000;
    /** The random seed of every property. */
    public static final String SEED = "20261206";

    private Fuzz() {
    }
}
