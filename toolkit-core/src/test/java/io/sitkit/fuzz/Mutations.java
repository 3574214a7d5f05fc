package io.sitkit.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Bad input for the decoder and parser properties: valid seeds mutated by a short list of edits
 * (flip a bit, set a byte, forge a length prefix, insert, delete, truncate, duplicate a range),
 * and pure random input, as generators for {@link Fuzz#check}.
 *
 * <pre>{@code
 * Function<SplittableRandom, byte[]> frames = Mutations.bytes(List.of(validFrame));
 * Function<SplittableRandom, String> yaml = Mutations.text(List.of(validYaml), Mutations.YAML_TOKENS);
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class Mutations {
    /** Pieces of YAML (and JSON) syntax that mutations insert. */
    public static final List<String> YAML_TOKENS = List.of(": ", "- ", "\n", "\n  ", "  ", "{", "}", "[", "]", ",", "\"",
            "'", "#", "&a ", "*a", "<<: *a", "? ", "|\n", ">\n", "!!binary ", "!!str ", "!foo ", "---\n", "...\n", "%YAML 1.1\n",
            "null", "~", "true", "1e999", "0x1F", "-0", ".inf", "$ref", "$ref: '#/components'", "'#/'", "\t", "\\u0000",
            "1:30", "2026-01-01", "x-", "*", "&", "!", "|", ">", "%", "@", "`");
    /** Pieces of JSON syntax. */
    public static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\ud800",
            "null", "true", "false", "-", "0", "1e999999", "-1e-999999", "123456789012345678901234567890", ".", "e", "NaN",
            " ", "\n", "/*", "//", "\u0000", "\"a\":", "[[[[[[[[", "{\"a\":{\"a\":{\"a\":");
    /** Unusual characters next to plain ones: controls, a lone surrogate, a pair, separators, a BOM. */
    private static final String ODD_CHARS = "\u0000\u0001\t\n\r\u000b\u001f\u007f\u0085\u00a0\u00e9\u2028\u2029\ufeff\ufffd\ud800\udc00"
            + "\ud83d\ude00aZ09 _-.:/\\{}[]()$'\"#&*!|>%@`,;=+?~^";
    private static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x3f, 0x40, 0x7e, 0x7f, 0x80, 0x81, 0xfe, 0xff};
    /** Lengths and counts a forged prefix claims: negative, at Avro's limits and just past them, huge. */
    private static final long[] FORGED = {-1, -2, -1_000_000, 0x7fff_ffffL, 0x8000_0000L, 64L * 1024 * 1024, 64L * 1024 * 1024 + 1,
            10_000_000, 10_000_001, 1 << 20, 1 << 16, 255, 1_000, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE};

    private Mutations() {
    }

    /** An edit of a byte array; positions wrap around the current length. */
    enum ByteOp { FLIP_BIT, SET_BYTE, INTERESTING_BYTE, FORGE_LENGTH, INSERT, DELETE, TRUNCATE, DUPLICATE }

    /** An edit of a text; positions wrap around the current length. */
    enum CharOp { REPLACE_CHAR, INSERT_CHAR, INSERT_TOKEN, DELETE, TRUNCATE, DUPLICATE, SWAP_LINES }

    record Edit<O>(O op, int at, int length, int value) {
    }

    /** Four in five: a seed with one to eight edits; one in five: random bytes up to 256 long. */
    public static Function<SplittableRandom, byte[]> bytes(List<byte[]> seeds) {
        List<byte[]> all = List.copyOf(seeds);
        Function<SplittableRandom, List<Edit<ByteOp>>> edits = Gen.list(edits(ByteOp.class), 1, 8);
        Function<SplittableRandom, byte[]> mutated = r -> applyBytes(all.get(r.nextInt(all.size())), edits.apply(r));
        return Gen.frequency(Gen.weighted(4, mutated), Gen.weighted(1, Gen.bytes(256)));
    }

    /**
     * Four in five: a seed with one to eight edits, inserted tokens taken from {@code tokens}; one
     * in ten: a soup of tokens and odd characters; one in ten: any characters up to 200 long.
     */
    public static Function<SplittableRandom, String> text(List<String> seeds, List<String> tokens) {
        List<String> all = List.copyOf(seeds);
        Function<SplittableRandom, List<Edit<CharOp>>> edits = Gen.list(edits(CharOp.class), 1, 8);
        Function<SplittableRandom, String> mutated = r -> applyText(all.get(r.nextInt(all.size())), edits.apply(r), tokens);
        Function<SplittableRandom, String> soup = Gen.list(Gen.oneOf(Gen.of(tokens), Mutations::oddChar), 0, 40)
                .andThen(parts -> String.join("", parts));
        return Gen.frequency(Gen.weighted(8, mutated), Gen.weighted(1, soup), Gen.weighted(1, Gen.strings(200)));
    }

    /** One line of text: {@link #text} with line breaks removed, as a line-oriented reader sees each line. */
    public static Function<SplittableRandom, String> line(List<String> seeds, List<String> tokens) {
        return text(seeds, tokens).andThen(s -> s.replace('\n', ' ').replace('\r', ' '));
    }

    private static String oddChar(SplittableRandom r) {
        return String.valueOf(ODD_CHARS.charAt(r.nextInt(ODD_CHARS.length())));
    }

    private static <O extends Enum<O>> Function<SplittableRandom, Edit<O>> edits(Class<O> ops) {
        O[] all = ops.getEnumConstants();
        return r -> new Edit<>(all[r.nextInt(all.length)], r.nextInt(0, (1 << 20) + 1), r.nextInt(1, 17), r.nextInt());
    }

    static byte[] applyBytes(byte[] seed, List<Edit<ByteOp>> edits) {
        byte[] b = seed.clone();
        for (Edit<ByteOp> e : edits) {
            b = applyByte(b, e);
        }
        return b;
    }

    private static byte[] applyByte(byte[] b, Edit<ByteOp> e) {
        int at = Math.floorMod(e.at(), b.length + 1);
        int inside = b.length == 0 ? -1 : Math.floorMod(e.at(), b.length);
        switch (e.op()) {
            case FLIP_BIT -> {
                if (inside >= 0) {
                    b[inside] ^= (byte) (1 << Math.floorMod(e.value(), 8));
                }
            }
            case SET_BYTE -> {
                if (inside >= 0) {
                    b[inside] = (byte) e.value();
                }
            }
            case INTERESTING_BYTE -> {
                if (inside >= 0) {
                    b[inside] = (byte) INTERESTING[Math.floorMod(e.value(), INTERESTING.length)];
                }
            }
            case FORGE_LENGTH -> {
                byte[] varint = zigZagVarint(FORGED[Math.floorMod(e.value(), FORGED.length)]);
                // Even values overwrite what is there, odd ones insert the forged prefix.
                if (e.value() % 2 == 0) {
                    byte[] out = b.length >= at + varint.length ? b : java.util.Arrays.copyOf(b, at + varint.length);
                    System.arraycopy(varint, 0, out, at, varint.length);
                    return out;
                }
                return splice(b, at, 0, varint);
            }
            case INSERT -> {
                byte[] random = new byte[e.length()];
                new SplittableRandom(e.value()).nextBytes(random);
                return splice(b, at, 0, random);
            }
            case DELETE -> {
                return splice(b, at, Math.min(e.length(), b.length - at), new byte[0]);
            }
            case TRUNCATE -> {
                return java.util.Arrays.copyOf(b, at);
            }
            case DUPLICATE -> {
                int end = Math.min(b.length, at + e.length());
                byte[] range = java.util.Arrays.copyOfRange(b, at, end);
                return splice(b, Math.floorMod(e.value(), b.length + 1), 0, range);
            }
        }
        return b;
    }

    static String applyText(String seed, List<Edit<CharOp>> edits, List<String> tokens) {
        StringBuilder s = new StringBuilder(seed);
        for (Edit<CharOp> e : edits) {
            int at = Math.floorMod(e.at(), s.length() + 1);
            int inside = s.length() == 0 ? -1 : Math.floorMod(e.at(), s.length());
            switch (e.op()) {
                case REPLACE_CHAR -> {
                    if (inside >= 0) {
                        s.setCharAt(inside, ODD_CHARS.charAt(Math.floorMod(e.value(), ODD_CHARS.length())));
                    }
                }
                case INSERT_CHAR -> s.insert(at, ODD_CHARS.charAt(Math.floorMod(e.value(), ODD_CHARS.length())));
                case INSERT_TOKEN -> s.insert(at, tokens.get(Math.floorMod(e.value(), tokens.size())));
                case DELETE -> s.delete(at, Math.min(s.length(), at + e.length()));
                case TRUNCATE -> s.setLength(at);
                case DUPLICATE -> {
                    String range = s.substring(at, Math.min(s.length(), at + e.length() * 4));
                    s.insert(Math.floorMod(e.value(), s.length() + 1), range);
                }
                case SWAP_LINES -> swapLines(s, e);
            }
        }
        return s.toString();
    }

    private static void swapLines(StringBuilder s, Edit<CharOp> e) {
        String[] lines = s.toString().split("\n", -1);
        if (lines.length < 2) {
            return;
        }
        int i = Math.floorMod(e.at(), lines.length);
        int j = Math.floorMod(e.value(), lines.length);
        String t = lines[i];
        lines[i] = lines[j];
        lines[j] = t;
        s.setLength(0);
        s.append(String.join("\n", lines));
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, at);
        out.write(insert, 0, insert.length);
        out.write(b, at + remove, b.length - at - remove);
        return out.toByteArray();
    }

    /** Avro's encoding of a long: zig-zag, then 7 bits a byte, low group first. */
    static byte[] zigZagVarint(long n) {
        long z = (n << 1) ^ (n >> 63);
        ByteArrayOutputStream out = new ByteArrayOutputStream(10);
        while ((z & ~0x7FL) != 0) {
            out.write((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.write((int) z);
        return out.toByteArray();
    }
}
