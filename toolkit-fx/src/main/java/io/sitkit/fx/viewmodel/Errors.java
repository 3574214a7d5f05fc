package io.sitkit.fx.viewmodel;

import io.sitkit.core.BrokerUnavailableException;
import io.sitkit.core.ProtectedEnvironmentException;

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
        m = m.lines().findFirst().orElse(m);
        int hint = m.indexOf(" is protected; unlock it on purpose");
        if (t instanceof ProtectedEnvironmentException && hint > 0) {
            // the core's hint names its API; in the inspector the way to allow a write is the Unlock… button
            m = m.substring(0, hint) + " is protected; use Unlock… and type its name to allow this";
        }
        return m;
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
