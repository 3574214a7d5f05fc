package io.sitkit.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one formatter for payloads and other bytes in messages, logs and failures: UTF-8 text when
 * the bytes decode cleanly and are printable, otherwise hex; always truncated to a limit.
 *
 * <p>Thread-safety: stateless.
 */
public final class Payloads {
    private Payloads() {
    }

    /** Decodes strict UTF-8; empty when the bytes are not valid UTF-8. */
    public static Optional<String> utf8(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Full text: UTF-8 if printable, else {@code 0x}-prefixed hex. */
    public static String toText(byte[] bytes) {
        Optional<String> text = utf8(bytes);
        if (text.isPresent() && isPrintable(text.get())) {
            return text.get();
        }
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    /**
     * A bounded preview: UTF-8 if printable, else hex, cut to {@code maxChars} with the full size
     * noted, e.g. {@code {"id":1,"na… (1048576 bytes)}. {@code null} renders as {@code null}.
     */
    public static String preview(byte[] bytes, int maxChars) {
        if (bytes == null) {
            return "null";
        }
        if (bytes.length == 0) {
            return "(empty)";
        }
        // Decode at most what can be shown, so a huge payload costs no more than its preview.
        int window = Math.min(bytes.length, Math.max(16, maxChars * 4));
        byte[] head = window == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, window);
        Optional<String> text = utf8(head);
        if (text.isEmpty() && window < bytes.length) {
            // The cut may have split a multi-byte character; drop up to 3 trailing bytes.
            for (int cut = 1; cut <= 3 && text.isEmpty(); cut++) {
                text = utf8(java.util.Arrays.copyOf(bytes, window - cut));
            }
        }
        String shown;
        if (text.isPresent() && isPrintable(text.get())) {
            shown = text.get();
        } else {
            int hexBytes = Math.min(bytes.length, Math.max(1, (maxChars - 2) / 2));
            shown = "0x" + HexFormat.of().formatHex(bytes, 0, hexBytes);
        }
        boolean cut = shown.length() > maxChars || window < bytes.length || shown.startsWith("0x") && bytes.length * 2 + 2 > shown.length();
        if (shown.length() > maxChars) {
            shown = shown.substring(0, maxChars);
        }
        return cut ? shown + "… (" + bytes.length + " bytes)" : shown;
    }

    static boolean isPrintable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
