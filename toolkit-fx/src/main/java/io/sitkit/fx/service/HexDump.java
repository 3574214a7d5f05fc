package io.sitkit.fx.service;

/**
 * The classic hex view: offset, sixteen bytes in hex, the same bytes as ASCII — bounded, so a
 * 10 MiB payload shows its first {@link #LIMIT} bytes and says so.
 *
 * <pre>{@code
 * HexDump.of(payload);   // 00000000  00 00 00 00 01 0e 6f 2d  30 30 30 30 31 ...  |......o-00001...|
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class HexDump {
    /** Bytes shown at most. */
    public static final int LIMIT = 64 * 1024;

    private HexDump() {
    }

    public static String of(byte[] bytes) {
        if (bytes == null) {
            return "(no payload)";
        }
        int n = Math.min(bytes.length, LIMIT);
        StringBuilder sb = new StringBuilder(n / 16 * 78 + 80);
        for (int row = 0; row < n; row += 16) {
            sb.append(String.format("%08x ", row));
            for (int i = 0; i < 16; i++) {
                if (i == 8) {
                    sb.append(' ');
                }
                sb.append(row + i < n ? String.format(" %02x", bytes[row + i] & 0xff) : "   ");
            }
            sb.append("  |");
            for (int i = 0; i < 16 && row + i < n; i++) {
                int b = bytes[row + i] & 0xff;
                sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            sb.append("|\n");
        }
        if (n < bytes.length) {
            sb.append(String.format("… %,d more bytes not shown (%,d in all)%n", bytes.length - n, bytes.length));
        }
        return sb.toString();
    }
}
