package io.sitkit.kafka.embedded;

import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps Kafka's server code from ending the JVM an embedded node runs in.
 *
 * <p>On a fault it deems fatal, Kafka's server calls {@code Exit.halt(1)} or {@code Exit.exit(1)}:
 * a broker whose only log dir failed, a request handler or inter-broker thread with an unhandled
 * error, a controller's fatal fault handler. In a broker process that is right; in a test JVM it
 * ends every test at once, and a build tool reports only that its forked JVM "terminated without
 * saying goodbye", with Kafka's reason buried in a log file. While an embedded node runs in this
 * JVM, the exit and halt procedures instead log Kafka's request at ERROR, remember it
 * ({@link #refusals()}) and throw {@link ExitRefused} in the Kafka thread that asked, which stops
 * that thread (a startup that asks fails with the message). The node concerned may no longer work;
 * tests that use it fail on their own deadlines, and closing it still works. Kafka's own test
 * harness replaces these procedures for the same reason.
 *
 * <p>The procedures are installed when the first embedded node of the JVM starts and restored to
 * Kafka's defaults when the last one has stopped. A Kafka without {@code Exit} at this place (another
 * version) keeps its own procedures.
 *
 * <p>Thread-safety: thread-safe; the calls are serialised.
 */
final class ExitGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ExitGuard.class);
    /** The one for the JVM: Kafka's {@code Exit} procedures are JVM-wide. */
    static final ExitGuard JVM = new ExitGuard();

    private int running;
    private boolean installed;
    private final List<String> refusals = new ArrayList<>();

    private ExitGuard() {
    }

    /** Called before a node is made; the first one installs the procedures. */
    synchronized void nodeStarting() {
        if (running++ == 0) {
            try {
                Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
                Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
                installed = true;
            } catch (LinkageError e) {
                LOG.debug("Kafka's Exit is not where sitkit expects it ({}); a fatal Kafka fault ends the JVM", e.toString());
            }
        }
    }

    /** Called once a node has stopped (or failed to start); the last one restores Kafka's defaults. */
    synchronized void nodeStopped() {
        if (running == 0 || --running > 0) {
            return;
        }
        if (installed) {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
            installed = false;
        }
    }

    /** How many embedded nodes of this JVM have started and not yet stopped. */
    synchronized int running() {
        return running;
    }

    /** Whether the procedures are replaced right now. */
    synchronized boolean installed() {
        return installed;
    }

    /** What Kafka asked for since the JVM started, oldest first: one line each, naming the thread and Kafka's message. */
    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void refuse(String what, int status, String message) {
        String line = "Kafka thread '" + Thread.currentThread().getName() + "' asked to " + what + " the JVM with status "
                + status + (message == null || message.isBlank() ? "" : ": " + message);
        synchronized (this) {
            refusals.add(line);
        }
        LOG.error("{}. The JVM runs embedded Kafka, so sitkit stops that thread instead; the node it serves may"
                + " no longer work (see Kafka's error just before this line)", line);
        throw new ExitRefused(line + " (refused: the JVM runs embedded Kafka)");
    }

    /** Thrown in a Kafka thread that asked to end the JVM. */
    static final class ExitRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ExitRefused(String message) {
            super(message);
        }
    }
}
