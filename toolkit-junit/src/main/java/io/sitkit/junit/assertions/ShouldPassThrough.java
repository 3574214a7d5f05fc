package io.sitkit.junit.assertions;

import org.assertj.core.error.BasicErrorMessageFactory;

/** A flow that did not pass through destinations in order. Thread-safety: immutable. */
final class ShouldPassThrough extends BasicErrorMessageFactory {
    private ShouldPassThrough(String key, String route, String broke, String flow) {
        super("expected flow %s through %s\n  but %s\n  %s", unquotedString(key), unquotedString(route), unquotedString(broke),
                unquotedString(flow));
    }

    /**
     * @param broke where it broke, e.g. {@code nothing reached kafka:shipments after the message on jms:queue:payments}
     * @param flow  {@code Flow.describe()}, continuation lines indented
     */
    static ShouldPassThrough shouldPassThrough(String key, String route, String broke, String flow) {
        return new ShouldPassThrough(key, route, broke, flow);
    }
}
