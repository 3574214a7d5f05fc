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
    private final List<Header> list;

    private Headers(List<Header> list) {
        this.list = list;
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
        List<Header> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(header);
        return new Headers(List.copyOf(copy));
    }

    /** The last header with that name, if any. */
    public Optional<Header> last(String name) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).name().equals(name)) {
                return Optional.of(list.get(i));
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
        return list.stream().filter(h -> h.name().equals(name)).toList();
    }

    public boolean contains(String name) {
        return last(name).isPresent();
    }

    public List<Header> asList() {
        return list;
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    @Override
    public Iterator<Header> iterator() {
        return list.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && list.equals(h.list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return list.toString();
    }
}
