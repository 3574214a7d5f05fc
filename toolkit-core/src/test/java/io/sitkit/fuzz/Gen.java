package io.sitkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Small generators of fuzz input: each is a {@code Function<SplittableRandom, T>} that draws one
 * value from the random it is given, so a fixed seed gives the same values every run.
 *
 * <pre>{@code
 * Function<SplittableRandom, String> gen = Gen.frequency(
 *         Gen.weighted(3, Mutations.text(SEEDS, TOKENS)), Gen.weighted(1, Gen.of("x", "y")));
 * String one = gen.apply(new SplittableRandom(Fuzz.SEED));
 * }</pre>
 *
 * <p>Thread-safety: stateless; a generator is as safe as the random it is applied to (one per thread).
 */
public final class Gen {
    private Gen() {
    }

    /** A generator and how often {@link #frequency} picks it relative to the others. */
    public record Weighted<T>(int weight, Function<SplittableRandom, ? extends T> gen) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("a weight must be positive: " + weight);
            }
        }
    }

    /** {@code gen}, picked {@code weight} times in (sum of weights) by {@link #frequency}. */
    public static <T> Weighted<T> weighted(int weight, Function<SplittableRandom, ? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** One of the generators, chosen by weight, then its value. */
    @SafeVarargs
    public static <T> Function<SplittableRandom, T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> all = List.of(choices);
        int total = all.stream().mapToInt(Weighted::weight).sum();
        return r -> {
            int pick = r.nextInt(total);
            for (Weighted<? extends T> w : all) {
                pick -= w.weight();
                if (pick < 0) {
                    return w.gen().apply(r);
                }
            }
            throw new IllegalStateException("unreachable");
        };
    }

    /** One of the generators, each as likely, then its value. */
    @SafeVarargs
    public static <T> Function<SplittableRandom, T> oneOf(Function<SplittableRandom, ? extends T>... gens) {
        List<Function<SplittableRandom, ? extends T>> all = List.of(gens);
        return r -> all.get(r.nextInt(all.size())).apply(r);
    }

    /** One of the values, each as likely. */
    @SafeVarargs
    public static <T> Function<SplittableRandom, T> of(T... values) {
        return of(List.of(values));
    }

    /** One of the values, each as likely. */
    public static <T> Function<SplittableRandom, T> of(List<T> values) {
        List<T> all = List.copyOf(values);
        return r -> all.get(r.nextInt(all.size()));
    }

    /** Always {@code value} (which may be null). */
    public static <T> Function<SplittableRandom, T> just(T value) {
        return r -> value;
    }

    /** An int from {@code min} to {@code max}, both included. */
    public static Function<SplittableRandom, Integer> between(int min, int max) {
        return r -> r.nextInt(min, max + 1);
    }

    /** A list of {@code min} to {@code max} values of {@code gen}. */
    public static <T> Function<SplittableRandom, List<T>> list(Function<SplittableRandom, ? extends T> gen, int min, int max) {
        return r -> {
            int n = r.nextInt(min, max + 1);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(gen.apply(r));
            }
            return out;
        };
    }

    /** Random bytes, up to {@code maxLength} of them. */
    public static Function<SplittableRandom, byte[]> bytes(int maxLength) {
        return r -> {
            byte[] b = new byte[r.nextInt(maxLength + 1)];
            r.nextBytes(b);
            return b;
        };
    }

    /** Up to {@code maxLength} characters, each one of {@code chars}. */
    public static Function<SplittableRandom, String> strings(String chars, int maxLength) {
        return r -> {
            int n = r.nextInt(maxLength + 1);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(chars.charAt(r.nextInt(chars.length())));
            }
            return sb.toString();
        };
    }

    /**
     * Up to {@code maxLength} characters of any kind: half printable ASCII, the rest any UTF-16
     * unit (controls, lone surrogates, private use).
     */
    public static Function<SplittableRandom, String> strings(int maxLength) {
        return r -> {
            int n = r.nextInt(maxLength + 1);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(r.nextBoolean() ? (char) r.nextInt(0x20, 0x7f) : (char) r.nextInt(0x10000));
            }
            return sb.toString();
        };
    }
}
