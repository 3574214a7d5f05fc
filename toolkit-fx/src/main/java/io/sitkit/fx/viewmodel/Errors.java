package io.sitkit.fx.viewmodel;

import io.sitkit.core.BrokerUnavailableException;

/**
 * Turns failures into one line for a status bar or banner: the deepest message that says
 * something, without stack traces or class names.
 *
 * <p>Thread-safety: stateless.
 */
final class Errors {
    private Errors() {
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException
                || t.getMessage() == null) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Whether the failure means a broker went away (or never answered), for the banner. */
    static boolean brokerGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BrokerUnavailableException || t.getMessage() != null && t.getMessage().contains("unreachable")) {
                return true;
            }
        }
        return false;
    }
}
