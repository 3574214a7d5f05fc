package io.sitkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * More destinations to observe, on a test method (for that test) or a class (for all its tests),
 * added to those of {@link SitTest#observe()}. Their capture is listening before the test body runs.
 *
 * <pre>{@code
 * @Test
 * @Observe("kafka:shipments")
 * void a_paid_order_ships(SitBus bus) { ... }
 * }</pre>
 *
 * <p>Thread-safety: an annotation.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Observe {
    /** Addresses such as {@code kafka:orders}, {@code jms:queue:payments}, {@code jms:topic:events}. */
    String[] value();
}
