package io.sitkit.correlate;

import io.sitkit.core.Capture;
import io.sitkit.core.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Messages grouped into {@link Flow}s by correlation key, indexed by key so a lookup never scans
 * the capture. Over a live {@link Capture} the index catches up with newly held messages on each
 * call, reading only what arrived since the last one.
 *
 * <pre>{@code
 * FlowIndex flows = FlowIndex.over(capture, rules);
 * Optional<Flow> order = flows.flow("o-1");
 * }</pre>
 *
 * <p>Thread-safety: thread-safe (calls are serialised).
 */
public final class FlowIndex {
    private final Supplier<List<Message>> source;
    private final CorrelationRules rules;
    /** Key to a Message (one) or an ArrayList of them: most keys are short, so no list for a lone message. */
    private final Map<String, Object> byKey = new HashMap<>();
    private int indexed;

    private FlowIndex(Supplier<List<Message>> source, CorrelationRules rules) {
        this.source = source;
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** An index over a live capture; it catches up on every call. */
    public static FlowIndex over(Capture capture, CorrelationRules rules) {
        Objects.requireNonNull(capture, "capture");
        return new FlowIndex(capture::messages, rules);
    }

    /** An index over a fixed set of messages (e.g. read from a capture file). */
    public static FlowIndex of(Collection<Message> messages, CorrelationRules rules) {
        List<Message> fixed = List.copyOf(messages);
        return new FlowIndex(() -> fixed, rules);
    }

    /** The rules this index correlates by. */
    public CorrelationRules rules() {
        return rules;
    }

    /** Indexes whatever the source holds beyond what was indexed; returns how many messages are indexed. */
    public synchronized int catchUp() {
        List<Message> all = source.get();
        for (int i = indexed; i < all.size(); i++) {
            Message m = all.get(i);
            Optional<String> key = rules.keyOf(m);
            if (key.isPresent()) {
                add(key.get(), m);
            }
        }
        indexed = all.size();
        return indexed;
    }

    @SuppressWarnings("unchecked")
    private void add(String key, Message m) {
        Object held = byKey.get(key);
        if (held == null) {
            byKey.put(key, m);
        } else if (held instanceof Message first) {
            List<Message> list = new ArrayList<>(4);
            list.add(first);
            list.add(m);
            byKey.put(key, list);
        } else {
            ((List<Message>) held).add(m);
        }
    }

    /** The flow of {@code key}, or empty when no message carries it. */
    @SuppressWarnings("unchecked")
    public synchronized Optional<Flow> flow(String key) {
        catchUp();
        Object held = byKey.get(key);
        if (held == null) {
            return Optional.empty();
        }
        return Optional.of(new Flow(key, held instanceof Message m ? List.of(m) : (List<Message>) held));
    }

    /**
     * The messages carrying {@code key} in the order the capture held them (a list that only
     * grows between calls, unlike a {@link Flow}, which is sorted by flow time).
     */
    @SuppressWarnings("unchecked")
    public synchronized List<Message> arrivals(String key) {
        catchUp();
        Object held = byKey.get(key);
        return held == null ? List.of() : held instanceof Message m ? List.of(m) : List.copyOf((List<Message>) held);
    }

    /** Every key seen so far. */
    public synchronized Set<String> keys() {
        catchUp();
        return Set.copyOf(byKey.keySet());
    }

    /** How many distinct keys are indexed. */
    public synchronized int keyCount() {
        catchUp();
        return byKey.size();
    }
}
