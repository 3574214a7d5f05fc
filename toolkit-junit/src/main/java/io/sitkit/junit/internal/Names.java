package io.sitkit.junit.internal;

import io.sitkit.core.Destination;
import io.sitkit.junit.Isolation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real destination behind each logical address a test names: the same under
 * {@link Isolation#SHARED_NAMES}, {@code <name>.t<run>-<n>} under {@link Isolation#UNIQUE_NAMES}.
 * One instance per test; safe for concurrent use.
 */
public final class Names {
    /** Differs per JVM run, so reruns against a persistent broker do not meet old topics. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 4);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Isolation isolation;
    private final String suffix;
    private final Map<String, Destination> resolved = Collections.synchronizedMap(new LinkedHashMap<>());

    public Names(Isolation isolation) {
        this.isolation = isolation;
        this.suffix = ".t" + RUN + "-" + COUNTER.incrementAndGet();
    }

    /** The real destination of a logical address (parsed with {@link Destination#parse}). */
    public Destination resolve(String address) {
        return resolve(Destination.parse(address));
    }

    /** The real destination of a logical one; a real destination of this test stays as it is. */
    public Destination resolve(Destination logical) {
        synchronized (resolved) {
            if (resolved.containsValue(logical)) {
                return logical;
            }
        }
        if (isolation == Isolation.SHARED_NAMES || logical.name().endsWith(suffix)) {
            resolved.putIfAbsent(logical.toString(), logical);
            return logical;
        }
        return resolved.computeIfAbsent(logical.toString(),
                k -> new Destination(logical.transport(), logical.kind(), logical.name() + suffix));
    }

    /**
     * Fixes the real name of a logical destination (a pre-made topic), unless the test already
     * resolved it.
     */
    public Destination assign(Destination logical, String realName) {
        return resolved.computeIfAbsent(logical.toString(), k -> new Destination(logical.transport(), logical.kind(), realName));
    }

    /** The logical destination this test resolved to {@code real}, or {@code real} itself when it resolved none. */
    public Destination logical(Destination real) {
        synchronized (resolved) {
            for (Map.Entry<String, Destination> e : resolved.entrySet()) {
                if (e.getValue().equals(real)) {
                    return Destination.parse(e.getKey());
                }
            }
        }
        return real;
    }

    /** Whether names are shared. */
    public boolean shared() {
        return isolation == Isolation.SHARED_NAMES;
    }

    /** Logical address → real name, for handing to the system under test. */
    public Map<String, String> asMap() {
        Map<String, String> out = new LinkedHashMap<>();
        synchronized (resolved) {
            resolved.forEach((k, v) -> out.put(k, v.name()));
        }
        return Collections.unmodifiableMap(out);
    }

    public Isolation isolation() {
        return isolation;
    }
}
