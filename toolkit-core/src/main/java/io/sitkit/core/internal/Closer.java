package io.sitkit.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Closes resources in reverse order, keeps going past failures, and rethrows the first failure
 * with the rest suppressed.
 *
 * <p>Thread-safety: stateless.
 */
public final class Closer {
    private Closer() {
    }

    /** Closes {@code resources} last-first; nulls are skipped. */
    public static void closeAll(List<? extends AutoCloseable> resources) {
        RuntimeException first = null;
        List<? extends AutoCloseable> reversed = new ArrayList<>(resources);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (first == null) {
                    first = e instanceof RuntimeException re ? re : new IllegalStateException("close failed: " + e, e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
