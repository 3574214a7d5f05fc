package io.sitkit.redact;

import io.sitkit.config.Secrets;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;

/**
 * Replaces occurrences of secret values with {@link Secrets#MASK} in one left-to-right pass,
 * trying longer secrets first so that a secret containing another is masked whole.
 *
 * <p>Thread-safety: immutable.
 */
final class SecretMask {
    private static final byte[] MASK_BYTES = Secrets.MASK.getBytes(StandardCharsets.UTF_8);

    private final String[] secrets;
    private final byte[][] secretBytes;

    SecretMask(Collection<String> values) {
        this.secrets = values.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toArray(String[]::new);
        this.secretBytes = new byte[secrets.length][];
        for (int i = 0; i < secrets.length; i++) {
            secretBytes[i] = secrets[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    boolean isEmpty() {
        return secrets.length == 0;
    }

    /** The text with every secret masked; the same instance when none occurs. */
    String apply(String text) {
        if (text == null || secrets.length == 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            int length = matchAt(text, i);
            if (length == 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).append(Secrets.MASK);
            i += length;
            copied = i;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** The bytes with every secret's UTF-8 form masked; the same instance when none occurs. */
    byte[] apply(byte[] bytes) {
        if (bytes == null || secrets.length == 0) {
            return bytes;
        }
        ByteArrayOutputStream out = null;
        int copied = 0;
        int i = 0;
        while (i < bytes.length) {
            int length = matchAt(bytes, i);
            if (length == 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = new ByteArrayOutputStream(bytes.length);
            }
            out.write(bytes, copied, i - copied);
            out.writeBytes(MASK_BYTES);
            i += length;
            copied = i;
        }
        if (out == null) {
            return bytes;
        }
        out.write(bytes, copied, bytes.length - copied);
        return out.toByteArray();
    }

    private int matchAt(String text, int at) {
        for (String secret : secrets) {
            if (text.startsWith(secret, at)) {
                return secret.length();
            }
        }
        return 0;
    }

    private int matchAt(byte[] bytes, int at) {
        for (byte[] secret : secretBytes) {
            if (secret[0] == bytes[at] && startsWith(bytes, at, secret)) {
                return secret.length;
            }
        }
        return 0;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] secret) {
        if (bytes.length - at < secret.length) {
            return false;
        }
        for (int j = 1; j < secret.length; j++) {
            if (bytes[at + j] != secret[j]) {
                return false;
            }
        }
        return true;
    }
}
