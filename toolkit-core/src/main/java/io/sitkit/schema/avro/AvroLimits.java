package io.sitkit.schema.avro;

import org.apache.avro.SystemLimitException;

import java.lang.reflect.Method;

/**
 * Bounds on what Avro will allocate while decoding: the longest string, the longest bytes value,
 * the most items of one array or map, and the most items that take no bytes at all (nulls, empty
 * records) in one value. A corrupt length prefix or item count beyond them fails the decode
 * instead of asking the heap for gigabytes. (Avro 1.12.2, which sitkit uses, also checks a length,
 * and a count of items that take bytes, against the bytes that are left.)
 *
 * <p>Every sitkit Avro entry point calls {@link #apply()} first. Values the user already set as
 * system properties ({@code org.apache.avro.limits.string.maxLength},
 * {@code org.apache.avro.limits.bytes.maxLength},
 * {@code org.apache.avro.limits.collectionItems.maxLength},
 * {@code org.apache.avro.limits.collectionItems.maxAllocation}) are kept; absent ones get sitkit's
 * defaults: {@value #DEFAULT_MAX_LENGTH} bytes for strings and bytes, {@value #DEFAULT_MAX_ITEMS}
 * items per collection, {@value #DEFAULT_MAX_EMPTY_ITEMS} items that take no bytes per value (a
 * few bytes can claim millions of them, and each costs a slot on the heap).
 *
 * <pre>{@code
 * AvroLimits.apply();   // idempotent; cheap after the first call
 * }</pre>
 *
 * <p>Thread-safety: safe; the first call wins.
 */
public final class AvroLimits {
    /** 64 MiB: larger than any message a broker accepts by default. */
    public static final int DEFAULT_MAX_LENGTH = 64 * 1024 * 1024;
    /** Ten million items in one array or map. */
    public static final int DEFAULT_MAX_ITEMS = 10_000_000;
    /** A hundred thousand items that take no bytes (nulls, empty records) in one value. */
    public static final int DEFAULT_MAX_EMPTY_ITEMS = 100_000;

    private static volatile boolean applied;

    private AvroLimits() {
    }

    /** Sets absent limits and makes Avro read them again. */
    public static void apply() {
        if (applied) {
            return;
        }
        synchronized (AvroLimits.class) {
            if (applied) {
                return;
            }
            setIfAbsent(SystemLimitException.MAX_STRING_LENGTH_PROPERTY, DEFAULT_MAX_LENGTH);
            setIfAbsent(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, DEFAULT_MAX_LENGTH);
            setIfAbsent(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY, DEFAULT_MAX_ITEMS);
            setIfAbsent(SystemLimitException.MAX_COLLECTION_ALLOCATION_PROPERTY, DEFAULT_MAX_EMPTY_ITEMS);
            reload();
            applied = true;
        }
    }

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    /**
     * Avro reads the properties once, when its limit class is initialised; if something touched
     * it before us, ask it to read them again (a package-private hook; harmless when absent).
     */
    private static void reload() {
        try {
            Method reset = SystemLimitException.class.getDeclaredMethod("resetLimits");
            reset.setAccessible(true);
            reset.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The class initialises with the properties set above; nothing more to do.
        }
    }
}
