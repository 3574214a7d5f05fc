package io.sitkit.core.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An append-only list stored in fixed-size chunks, so a capture holding millions of messages never
 * allocates (and repeatedly re-copies) one huge array — which a garbage collector such as G1 treats
 * as a "humongous" object and collects eagerly. Elements, once appended, never change, so
 * {@link #view} hands out immutable views without copying them.
 *
 * <p>Thread-safety: not thread-safe; the owner appends and creates views under its own lock. A
 * view may be read from any thread that obtained it safely.
 */
final class AppendOnlyList<E> {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private Object[][] chunks = new Object[4][];
    private int size;

    void add(E element) {
        int chunk = size >>> CHUNK_BITS;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new Object[CHUNK];
        }
        chunks[chunk][size & MASK] = element;
        size++;
    }

    @SuppressWarnings("unchecked")
    E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        return (E) chunks[index >>> CHUNK_BITS][index & MASK];
    }

    int size() {
        return size;
    }

    /** An immutable view of elements {@code [from, to)}; later appends do not show in it. */
    List<E> view(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + size);
        }
        return new View<>(chunks.clone(), from, to - from);
    }

    private static final class View<E> extends AbstractList<E> implements RandomAccess {
        private final Object[][] chunks;
        private final int from;
        private final int size;

        View(Object[][] chunks, int from, int size) {
            this.chunks = chunks;
            this.from = from;
            this.size = size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index + " of " + size);
            }
            int i = from + index;
            return (E) chunks[i >>> CHUNK_BITS][i & MASK];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
