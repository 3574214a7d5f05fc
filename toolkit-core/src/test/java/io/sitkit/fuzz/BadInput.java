package io.sitkit.fuzz;

import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the decoder and parser properties assert about one call: it returned, or it threw the
 * documented exception type with a useful message — not empty, starting the way that type's
 * messages start, free of leaked class names of the JDK or a library (a sign that an
 * unexpected exception was passed through as text), and of a readable length.
 *
 * <pre>{@code
 * Guard.Outcome o = guard.run(BadInput.preview(bytes), () -> codec.decode(bytes));
 * BadInput.expect(o, DecodeException.class, "cannot decode Avro value of ", BadInput.preview(bytes));
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class BadInput {
    /** The longest message still read as a message rather than a dump. */
    public static final int MAX_MESSAGE_LENGTH = 2_000;
    /** A qualified class name of the JDK or a library, or an exception's toString: text passed through, not written. */
    private static final Pattern LEAK = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com\\.fasterxml|org\\.yaml|org\\.apache|com\\.networknt|com\\.jayway|net\\.minidev)"
                    + "(?:\\.[a-z_][a-z0-9_]*)*\\.[A-Z]\\w*|\\w+(?:Exception|Error): ");
    /**
     * Text that every match of {@link #LEAK} contains: a message with none of them cannot match, so the
     * pattern (which tries its alternatives at every position of a message of up to a few thousand
     * characters) runs only on messages that have one.
     */
    private static final java.util.List<String> LEAK_MARKERS =
            java.util.List.of("java", "jdk", "sun", "com.", "org.", "net.minidev", "Exception: ", "Error: ");

    private BadInput() {
    }

    /**
     * Fails unless {@code outcome} is a return or a {@code documented} exception whose message
     * starts with {@code prefix}; counts it as "accepted" or "rejected" (see {@link Fuzz#check}).
     */
    public static void expect(Guard.Outcome outcome, Class<? extends Throwable> documented, String prefix, String input) {
        if (!outcome.threw()) {
            Fuzz.count("accepted");
            return;
        }
        Throwable t = outcome.thrown();
        if (!documented.isInstance(t)) {
            throw new AssertionError("expected nothing or a " + documented.getSimpleName() + ", but " + t
                    + " came out for the input " + input, t);
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            throw new AssertionError("a " + documented.getSimpleName() + " without a message for the input " + input, t);
        }
        if (!message.startsWith(prefix)) {
            throw new AssertionError("the message does not start with '" + prefix + "': " + message + "\nfor the input " + input, t);
        }
        Matcher leak = LEAK.matcher(message);
        if (LEAK_MARKERS.stream().anyMatch(message::contains) && leak.find()) {
            throw new AssertionError("the message leaks '" + leak.group() + "' (an unexpected exception passed through as text): "
                    + message + "\nfor the input " + input, t);
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new AssertionError("a message of " + message.length() + " characters for the input " + input + ": "
                    + message.substring(0, 300) + "…", t);
        }
        if (Boolean.getBoolean("sitkit.fuzz.reasons")) {
            // -Dsitkit.fuzz.reasons=true: which rejections the inputs reach, numbers and quoted parts blanked out
            Fuzz.count("rejected: " + message.replaceAll("\\(\\d+ bytes?, first: .*", "")
                    .replaceAll("'[^']*'|\"[^\"]*\"", "'…'").replaceAll("-?\\d+", "N")
                    .replaceFirst("(?s)^(.{0,100}).*", "$1").replace('\n', ' '));
        }
        Fuzz.count("rejected");
    }

    /** Fails unless {@code outcome} is a return: for calls documented to answer bad input with a result, not an exception. */
    public static void expectNoException(Guard.Outcome outcome, String input) {
        if (outcome.threw()) {
            throw new AssertionError("expected an answer, but " + outcome.thrown() + " came out for the input " + input,
                    outcome.thrown());
        }
    }

    /** Fails when the call allocated more than {@code limit} bytes: the heap is asked for what the input cannot hold. */
    public static void allocatedAtMost(Guard.Outcome outcome, long limit, String input) {
        if (outcome.allocatedBytes() > limit) {
            throw new AssertionError("the call allocated " + outcome.allocatedBytes() + " bytes (limit " + limit
                    + ") for the input " + input + (outcome.threw() ? "; it threw " + outcome.thrown() : ""), outcome.thrown());
        }
    }

    /** The input for a failure message: length and the first 96 bytes in hex. */
    public static String preview(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        int n = Math.min(bytes.length, 96);
        return bytes.length + " bytes: " + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, n) + (n < bytes.length ? " …" : "");
    }

    /** The input for a failure message: length and the first 400 characters, escaped. */
    public static String preview(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder().append(text.length()).append(" chars: \"");
        for (int i = 0; i < Math.min(text.length(), 400); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(text.length() > 400 ? "…\"" : "\"").toString();
    }
}
