package io.sitkit.fuzz;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a fuzz property: {@link #TRIES} inputs drawn from a generator with a fixed seed, so a run
 * repeats (CI sees the same inputs every time; change the seed locally to explore further). Try
 * {@code i} draws from {@code new SplittableRandom(seed + i)}, and a failure names the seed, the try
 * and the input, so it reproduces alone ({@code -Dsitkit.fuzz.try=i} runs only that try).
 *
 * <pre>{@code
 * @Test
 * void decodesOrRejects() {
 *     Fuzz.check(Fuzz.SEED, Mutations.bytes(SEEDS), BadInput::preview, frame -> { … });
 * }
 * }</pre>
 *
 * <p>Thread-safety: one property at a time (the tally of outcomes is shared).
 */
public final class Fuzz {
    /** Inputs per property. */
    public static final int TRIES = 10_000;
    /** The random seed of every property. */
    public static final long SEED = 20261206L;

    private static final Map<String, Integer> TALLY = new ConcurrentHashMap<>();

    private Fuzz() {
    }

    /** {@link #check(long, int, Function, Function, Consumer)} with {@link #TRIES} tries. */
    public static <T> void check(long seed, Function<SplittableRandom, T> gen, Function<T, String> preview,
                                 Consumer<T> property) {
        check(seed, TRIES, gen, preview, property);
    }

    /**
     * Feeds {@code tries} inputs of {@code gen} to {@code property}; the first that fails fails the
     * check with the seed, the try and the input's {@code preview} in front of the cause's message.
     * With {@code -Dsitkit.fuzz.reasons=true} prints how many inputs were accepted and rejected, and
     * which rejections they reached.
     */
    public static <T> void check(long seed, int tries, Function<SplittableRandom, T> gen, Function<T, String> preview,
                                 Consumer<T> property) {
        TALLY.clear();
        // -Dsitkit.fuzz.try=N: only try N, to reproduce (and debug) one failure
        int only = Integer.getInteger("sitkit.fuzz.try", -1);
        for (int i = only >= 0 ? only : 0; i < (only >= 0 ? only + 1 : tries); i++) {
            T input = gen.apply(new SplittableRandom(seed + i));
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("try " + i + " of " + tries + " (seed " + seed + ", input drawn from new SplittableRandom("
                        + (seed + i) + "); rerun alone with -Dsitkit.fuzz.try=" + i + ") failed for the input " + preview.apply(input) + ":\n" + e.getMessage(), e);
            }
        }
        if (Boolean.getBoolean("sitkit.fuzz.reasons")) {
            StringBuilder sb = new StringBuilder("fuzz outcomes of " + tries + " tries (seed " + seed + "):");
            new TreeMap<>(TALLY).forEach((k, n) -> sb.append(String.format("%n%7d  %s", n, k)));
            System.out.println(sb);
        }
    }

    /** Counts one outcome (shown with {@code -Dsitkit.fuzz.reasons=true}). */
    static void count(String outcome) {
        TALLY.merge(outcome, 1, Integer::sum);
    }
}
