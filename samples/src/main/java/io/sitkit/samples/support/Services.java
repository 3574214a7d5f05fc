package io.sitkit.samples.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Stops a system's services the way it started them, backwards: each one is closed even when an
 * earlier one fails, and the first failure is thrown with the rest suppressed.
 *
 * <pre>{@code
 * public void close() {
 *     Services.stopAll("banking", started);     // started lower services first
 * }
 * }</pre>
 *
 * <p>Thread-safety: stateless; {@code started} is emptied, so call it from one thread.
 */
public final class Services {
    private Services() {
    }

    /** Closes {@code started} last-first and empties it. */
    public static void stopAll(String system, List<AutoCloseable> started) {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        started.clear();
        RuntimeException first = null;
        for (AutoCloseable s : reverse) {
            try {
                s.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("stopping the " + system + " system: " + e.getMessage(), e);
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
