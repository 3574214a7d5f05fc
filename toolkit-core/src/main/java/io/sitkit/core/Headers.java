package io.sitkit.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The ordered headers of a message. Names may repeat (Kafka allows it); lookups by name return
 * the last occurrence, as Kafka's {@code lastHeader} does, and {@link #all(String)} returns every one.
 *
 * <p>Thread-safety: immutable.
 */
public final class Headers implements Iterable<Header> {
    private static final Headers EMPTY = new Headers(List.of());
    /** A lone header is held as itself, a list only from two on: a capture holds millions of one-property JMS messages. */
    private final Header single;
    private final List<Header> many;

    private Headers(List<Header> list) {
        this.single = list.size() == 1 ? list.get(0) : null;
        this.many = list.size() == 1 ? null : list;
    }

    public static Headers empty() {
        return EMPTY;
    }

    public static Headers of(List<Header> headers) {
        return headers.isEmpty() ? EMPTY : new Headers(List.copyOf(headers));
    }

    public static Headers of(Header... headers) {
        return of(List.of(headers));
    }

    /** A copy with one more header at the end. */
    public Headers with(Header header) {
        List<Header> copy = new ArrayList<>(size() + 1);
        copy.addAll(asList());
        copy.add(header);
        return new Headers(List.copyOf(copy));
    }

    /**
     * One header per name, for a transport whose properties hold one value each (JMS): the values of
     * a repeated name are joined with {@code ","}, as HTTP and W3C trace context combine repeated
     * fields, at the place of the name's first occurrence. This instance when no name repeats.
     * Stubs and interceptors use it to forward Kafka messages to JMS; a publish of a message with a
     * repeated name to JMS is refused instead.
     */
    public Headers joinedPerName() {
        if (size() < 2) {
            return this;
        }
        java.util.Map<String, List<Header>> byName = new java.util.LinkedHashMap<>();
        for (Header h : this) {
            byName.computeIfAbsent(h.name(), n -> new ArrayList<>(1)).add(h);
        }
        if (byName.size() == size()) {
            return this;
        }
        List<Header> out = new ArrayList<>(byName.size());
        byName.forEach((name, same) -> out.add(same.size() == 1 ? same.get(0) : Header.of(name, joined(same))));
        return Headers.of(out);
    }

    private static byte[] joined(List<Header> same) {
        java.io.ByteArrayOutputStream value = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < same.size(); i++) {
            if (i > 0) {
                value.write(',');
            }
            byte[] bytes = same.get(i).value();
            if (bytes != null) {
                value.writeBytes(bytes);
            }
        }
        return value.toByteArray();
    }

    /** These headers without any named {@code name} (a new instance). */
    public Headers without(String name) {
        return Headers.of(asList().stream().filter(h -> !h.name().equals(name)).toList());
    }

    /** The last header with that name, if any. */
    public Optional<Header> last(String name) {
        if (single != null) {
            return single.name().equals(name) ? Optional.of(single) : Optional.empty();
        }
        for (int i = many.size() - 1; i >= 0; i--) {
            if (many.get(i).name().equals(name)) {
                return Optional.of(many.get(i));
            }
        }
        return Optional.empty();
    }

    /** The text of the last header with that name, if any (see {@link Header#valueAsString()}). */
    public Optional<String> lastAsString(String name) {
        return last(name).map(Header::valueAsString);
    }

    /** Every header with that name, in order. */
    public List<Header> all(String name) {
        if (single != null) {
            return single.name().equals(name) ? List.of(single) : List.of();
        }
        List<Header> found = null;
        for (Header h : many) {
            if (h.name().equals(name)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(h);
            }
        }
        return found == null ? List.of() : List.copyOf(found);
    }

    public boolean contains(String name) {
        return last(name).isPresent();
    }

    public List<Header> asList() {
        return single != null ? List.of(single) : many;
    }

    public int size() {
        return single != null ? 1 : many.size();
    }

    public boolean isEmpty() {
        return single == null && many.isEmpty();
    }

    @Override
    public Iterator<Header> iterator() {
        return asList().iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && asList().equals(h.asList());
    }

    @Override
    public int hashCode() {
        return asList().hashCode();
    }

    @Override
    public String toString() {
        return asList().toString();
    }
}
