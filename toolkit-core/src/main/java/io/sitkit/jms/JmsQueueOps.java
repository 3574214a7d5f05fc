package io.sitkit.jms;

import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Optional;

/**
 * The destructive and counting queue operations of a {@link JmsClient}: receive, purge, depth.
 * Each call uses a session of its own on the calling thread.
 *
 * <p>Thread-safety: thread-safe.
 */
final class JmsQueueOps {
    private final JmsClient client;

    JmsQueueOps(JmsClient client) {
        this.client = client;
    }

    /**
     * Takes one message from a queue or topic (destructive), waiting at most {@code timeout}.
     * For a test that wants to act as the consumer.
     */
    Optional<Message> receive(Destination d, Duration timeout) {
        try (Session s = client.connection("receiving from " + d).createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer c = s.createConsumer(JmsMessages.toJms(s, d))) {
            jakarta.jms.Message m = c.receive(Math.max(1, timeout.toMillis()));
            return m == null ? Optional.empty() : Optional.of(JmsMessages.fromJms(m, d, Instant.now()));
        } catch (JMSException e) {
            throw client.translate(e, "receiving from " + d);
        }
    }

    /**
     * Removes every message present in a queue when called. Returns how many were removed.
     * Provider-neutral: counts with a browser, then consumes that many.
     */
    int purge(Destination d) {
        if (!d.isQueue()) {
            throw new IllegalArgumentException("only queues can be purged, not " + d);
        }
        int depth = (int) depth(d);
        int removed = 0;
        try (Session s = client.connection("purging " + d).createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer c = s.createConsumer(s.createQueue(d.name()))) {
            long deadline = System.nanoTime() + client.settings().timeout().toNanos();
            while (removed < depth) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0 || c.receive(left) == null) {
                    break;
                }
                removed++;
            }
        } catch (JMSException e) {
            throw client.translate(e, "purging " + d);
        }
        return removed;
    }

    /** Messages currently in a queue, counted with a browser. */
    long depth(Destination d) {
        try (Session s = client.connection("counting " + d).createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser b = s.createBrowser(s.createQueue(d.name()))) {
            long n = 0;
            for (Enumeration<?> e = b.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
                n++;
            }
            return n;
        } catch (JMSException e) {
            throw client.translate(e, "counting " + d);
        }
    }
}
