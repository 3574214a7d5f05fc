package io.sitkit.jms;

import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The publishing sessions of one {@link JmsClient}, one per publishing thread: JMS sessions belong
 * to a thread, so each thread that publishes gets its own, and a thread that has ended has its
 * session closed the next time another thread opens one.
 *
 * <p>Thread-safety: thread-safe; each thread reads and replaces only its own entry, and
 * {@link #takeAll} may be called from any thread.
 */
final class JmsPublishers {
    private final Map<Thread, JmsPublisher> byThread = new ConcurrentHashMap<>();

    /** The calling thread's publisher, or null when it has none. */
    JmsPublisher current() {
        return byThread.get(Thread.currentThread());
    }

    /** Keeps {@code publisher} as the calling thread's, after closing those of threads that have ended. */
    void keep(JmsPublisher publisher) {
        byThread.entrySet().removeIf(e -> {
            if (e.getKey().isAlive()) {
                return false;
            }
            closeQuietly(e.getValue());   // the owning thread is gone; nothing else can use this session
            return true;
        });
        byThread.put(Thread.currentThread(), publisher);
    }

    /** Closes and forgets the calling thread's publisher, whose session failed or whose client closed. */
    void dropCurrent() {
        JmsPublisher publisher = byThread.remove(Thread.currentThread());
        if (publisher != null) {
            closeQuietly(publisher);
        }
    }

    /** Forgets every publisher and hands them over to be closed. */
    List<AutoCloseable> takeAll() {
        List<AutoCloseable> all = new ArrayList<>();
        // one by one: a publisher kept meanwhile is either taken here or stays kept, never lost between the two
        for (Thread t : byThread.keySet()) {
            JmsPublisher publisher = byThread.remove(t);
            if (publisher != null) {
                all.add(publisher);
            }
        }
        return all;
    }

    private static void closeQuietly(JmsPublisher publisher) {
        try {
            publisher.close();
        } catch (JMSException | RuntimeException ignored) {
            // the session is being discarded either way
        }
    }
}
