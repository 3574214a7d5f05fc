package io.sitkit.core.internal;

import io.sitkit.core.Capture;
import io.sitkit.core.CaptureSink;
import io.sitkit.core.CaptureTimeoutException;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The bounded, thread-safe store behind a {@link Capture}: transports write into it as a
 * {@link CaptureSink}; readers take snapshots or wait on a condition signalled per message.
 *
 * <p>When the bound is reached further messages are counted in {@link #dropped()} and still
 * passed to listeners; a warning is logged once.
 *
 * <p>Thread-safety: fully thread-safe.
 */
public final class CaptureBuffer implements Capture, CaptureSink {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureBuffer.class);

    private final Set<Destination> destinations;
    private final int limit;
    private final long byteLimit;
    private long bytes;
    private final CaptureHealth health = new CaptureHealth();
    private final List<String> description = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AppendOnlyList<Message> all = new AppendOnlyList<>();
    private final Map<Destination, AppendOnlyList<Message>> byDestination = new LinkedHashMap<>();
    private final Map<Destination, Throwable> errors = new LinkedHashMap<>();
    private final List<Consumer<Message>> listeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> sessions = new CopyOnWriteArrayList<>();
    private long dropped;
    private boolean closed;
    /** Threads parked in {@link #await} with a filter: every new message may matter to them. */
    private int filteredWaiters;
    /** Unfiltered waiters need a wake-up only once their destination holds their count. */
    private final List<Map.Entry<Destination, Integer>> countWaiters = new ArrayList<>();
    private Destination lastDestination;
    private AppendOnlyList<Message> lastList;
    /**
     * A capture of one destination holds its messages once: that destination's list is {@link #all}
     * itself while every held message is of it (null otherwise). Each held reference costs a store
     * into an old array that the garbage collector's remembered sets must track.
     */
    private Destination sharing;

    /**
     * @param destinations what is captured
     * @param limit        how many messages to hold at most, &gt; 0
     * @param description  how the capture started (start offsets, selectors), for failure messages
     */
    public CaptureBuffer(Set<Destination> destinations, int limit, String description) {
        this(destinations, limit, defaultByteLimit(), description);
    }

    /**
     * @param destinations what is captured
     * @param limit        how many messages to hold at most, &gt; 0
     * @param byteLimit    how many key and payload bytes to hold at most, &gt; 0
     * @param description  how the capture started (start offsets, selectors), for failure messages
     */
    public CaptureBuffer(Set<Destination> destinations, int limit, long byteLimit, String description) {
        if (limit <= 0) {
            throw new IllegalArgumentException("capture buffer limit must be > 0: " + limit);
        }
        if (byteLimit <= 0) {
            throw new IllegalArgumentException("capture byte limit must be > 0: " + byteLimit);
        }
        this.destinations = Collections.unmodifiableSet(new LinkedHashSet<>(destinations));
        this.limit = limit;
        this.byteLimit = byteLimit;
        this.description.add(description);
        for (Destination d : destinations) {
            byDestination.put(d, new AppendOnlyList<>());
        }
        if (byDestination.size() == 1) {
            sharing = byDestination.keySet().iterator().next();
            byDestination.put(sharing, all);
        }
    }

    /** The byte bound used when none is configured: a quarter of the maximum heap. */
    public static long defaultByteLimit() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** Registers a resource to close with this capture (closed in reverse order of registration). */
    public void own(AutoCloseable resource) {
        sessions.add(resource);
    }

    /** Registers a transport's session and records how it started, for failure messages. */
    public void own(io.sitkit.core.CaptureSession session) {
        sessions.add(session);
        description.add(session.describe());
    }

    @Override
    public void accept(Message message) {
        // A JMS capture's listener calls this once per message: no list made for it.
        lock.lock();
        try {
            hold(message);
            if (filteredWaiters > 0 || countReached()) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        tell(message);
    }

    /** Passes a message to the listeners, outside the lock. */
    private void tell(Message message) {
        for (Consumer<Message> l : listeners) {
            try {
                l.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("capture listener {} failed on {}", l, message.position(), e);
            }
        }
    }

    @Override
    public void acceptAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            for (Message message : messages) {
                hold(message);
            }
            if (filteredWaiters > 0 || countReached()) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (!listeners.isEmpty()) {
            for (Message message : messages) {
                tell(message);
            }
        }
    }

    /** Called with the lock held: whether an unfiltered waiter's count is now held. */
    private boolean countReached() {
        for (Map.Entry<Destination, Integer> w : countWaiters) {
            AppendOnlyList<Message> held = byDestination.get(w.getKey());
            if (held != null && held.size() >= w.getValue()) {
                return true;
            }
        }
        return false;
    }

    /** Called with the lock held. */
    private void hold(Message message) {
        long size = Math.max(0, message.payloadSize()) + message.keySize();
        // Once full, hold nothing more: a smaller message after a dropped one would leave a silent hole.
        if (dropped == 0 && all.size() < limit && bytes + size <= byteLimit) {
            bytes += size;
            Destination d = message.destination();
            if (sharing != null && d != sharing && !d.equals(sharing)) {
                unshare();
            }
            all.add(message);
            if (sharing == null) {
                AppendOnlyList<Message> list = d == lastDestination || d.equals(lastDestination) ? lastList
                        : byDestination.computeIfAbsent(d, x -> new AppendOnlyList<>());
                list.add(message);
                lastDestination = d;
                lastList = list;
            }
        } else if (dropped++ == 0) {
            LOG.warn("capture of {} reached its bound ({} of {} messages, {} of {} bytes); further messages are passed "
                    + "to listeners but not held (raise sitkit.capture.buffer-limit or sitkit.capture.buffer-bytes)",
                    destinations, all.size(), limit, bytes, byteLimit);
        }
    }

    /** Called with the lock held: a message of another destination came, so the shared destination gets a list of its own. */
    private void unshare() {
        AppendOnlyList<Message> own = new AppendOnlyList<>();
        for (int i = 0; i < all.size(); i++) {
            own.add(all.get(i));
        }
        byDestination.put(sharing, own);
        sharing = null;
        lastDestination = null;
        lastList = null;
    }

    @Override
    public void failed(Destination destination, Throwable error) {
        lock.lock();
        try {
            errors.putIfAbsent(destination, error);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        LOG.warn("capture of {} failed: {}", destination, error.toString());
    }

    @Override
    public void health(Destination destination, String problem) {
        lock.lock();
        try {
            health.report(destination, problem, java.time.Instant.now());
        } finally {
            lock.unlock();
        }
        if (problem != null) {
            LOG.warn("capture of {} is blind: {}", destination, problem);
        } else {
            LOG.info("capture of {} sees its broker again", destination);
        }
    }

    @Override
    public List<String> problemsSince(java.time.Instant since) {
        lock.lock();
        try {
            List<String> out = new ArrayList<>();
            errors.forEach((d, e) -> out.add(d + " failed: " + e));
            out.addAll(health.since(since));
            if (closed) {
                out.add("the capture was closed");
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int awaitMore(int seen, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        lock.lock();
        try {
            while (all.size() <= seen && !closed && errors.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                filteredWaiters++;
                try {
                    changed.await(left, TimeUnit.NANOSECONDS);
                } finally {
                    filteredWaiters--;
                }
            }
            return all.size();
        } finally {
            lock.unlock();
        }
    }

    /** Key and payload bytes held. */
    public long bytesHeld() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Set<Destination> destinations() {
        return destinations;
    }

    @Override
    public List<Message> messages() {
        lock.lock();
        try {
            return all.view(0, all.size());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Message> messages(Destination destination) {
        lock.lock();
        try {
            AppendOnlyList<Message> list = byDestination.get(destination);
            return list == null ? List.of() : list.view(0, list.size());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        lock.lock();
        try {
            return all.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<Destination, Throwable> errors() {
        lock.lock();
        try {
            return Map.copyOf(errors);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<Message> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public List<Message> await(Destination destination, Predicate<Message> filter, int count, Duration within) {
        if (!destinations.contains(destination)) {
            throw new IllegalArgumentException(destination + " is not captured here; captured: " + destinations);
        }
        if (count <= 0) {
            throw new IllegalArgumentException("count must be > 0: " + count);
        }
        long deadline = System.nanoTime() + within.toNanos();
        List<Message> matched = new ArrayList<>();
        int scanned = 0;
        while (true) {
            List<Message> fresh;
            lock.lock();
            try {
                AppendOnlyList<Message> held = byDestination.get(destination);
                while (held.size() == scanned) {
                    Throwable error = errors.get(destination);
                    long left = deadline - System.nanoTime();
                    if (closed || error != null || left <= 0) {
                        String why = closed ? "  the capture was closed while waiting\n" : "";
                        int seen = filter == ANY ? held.size() : matched.size();
                        throw new CaptureTimeoutException(why + timeoutMessage(destination, count, within, seen));
                    }
                    Map.Entry<Destination, Integer> registration = filter == ANY ? Map.entry(destination, count) : null;
                    if (registration != null) {
                        countWaiters.add(registration);
                    } else {
                        filteredWaiters++;
                    }
                    try {
                        changed.await(left, TimeUnit.NANOSECONDS);
                    } finally {
                        if (registration != null) {
                            countWaiters.remove(registration);
                        } else {
                            filteredWaiters--;
                        }
                    }
                    // Looked up again: while this thread waited, a message of another destination may have
                    // given a one-destination capture's destination a list of its own (see unshare).
                    held = byDestination.get(destination);
                }
                if (filter == ANY) {
                    // Nothing to test: count instead of copying and scanning.
                    if (held.size() >= count) {
                        return held.view(0, count);
                    }
                    scanned = held.size();
                    continue;
                }
                fresh = held.view(scanned, held.size());
                scanned = held.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CaptureTimeoutException("interrupted while waiting for " + count + " messages on " + destination);
            } finally {
                lock.unlock();
            }
            // The filter runs outside the lock, so a slow one never holds up the transport threads.
            for (Message m : fresh) {
                boolean ok;
                try {
                    ok = filter.test(m);
                } catch (RuntimeException e) {
                    throw new io.sitkit.core.SitkitException("the filter given to await threw on the message at "
                            + m.position() + ": " + e, e);
                }
                if (ok) {
                    matched.add(m);
                    if (matched.size() == count) {
                        return List.copyOf(matched);
                    }
                }
            }
        }
    }

    private String timeoutMessage(Destination destination, int count, Duration within, int matched) {
        StringBuilder sb = new StringBuilder();
        sb.append("expected ").append(count).append(" matching message(s)\n");
        sb.append("  on ").append(destination).append('\n');
        sb.append("  within ").append(within).append('\n');
        sb.append("  but saw ").append(matched).append(" matching; held per destination: ");
        StringJoiner counts = new StringJoiner(", ");
        byDestination.forEach((d, list) -> counts.add(d + "=" + list.size()));
        sb.append(counts);
        sb.append('\n').append("  capture started ").append(String.join("; ", description));
        if (dropped > 0) {
            sb.append("\n  note: ").append(dropped).append(" message(s) were dropped at the buffer bound (").append(limit)
                    .append(" messages, ").append(byteLimit).append(" bytes)");
        }
        Throwable error = errors.get(destination);
        if (error != null) {
            sb.append("\n  capture error: ").append(error);
        }
        return sb.toString();
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(sessions);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        Closer.closeAll(toClose);
    }

    @Override
    public String describe() {
        List<String> parts = List.copyOf(description);
        return parts.get(0) + (parts.size() > 1 ? " " + String.join("; ", parts.subList(1, parts.size())) : "");
    }

    @Override
    public String toString() {
        return "Capture" + destinations + " " + describe();
    }
}
