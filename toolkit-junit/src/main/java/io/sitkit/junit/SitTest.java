package io.sitkit.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event-flow test class: the shared sitkit environment is started (once per JVM, on
 * first use), each test gets a {@link SitBus} whose observed destinations are captured before the
 * test body runs, and a failed test leaves a flow-trace file behind.
 *
 * <pre>{@code
 * @SitTest(observe = {"kafka:orders", "jms:queue:payments"})
 * class CheckoutFlowTest {
 *     @Test
 *     void an_order_is_paid(SitBus bus) {
 *         bus.publish("kafka:orders", "{\"orderId\":\"o-1\",\"total\":42}");
 *         bus.expect("jms:queue:payments").message(jsonPath("$.orderId").isEqualTo("o-1")).within(ofSeconds(5));
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safety: an annotation; the extension is parallel-safe.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SitkitExtension.class)
public @interface SitTest {
    /** Destinations every test of the class observes, as addresses ({@code kafka:orders}, {@code jms:queue:payments}). */
    String[] observe() default {};

    /** How tests are kept from seeing each other's traffic; see {@link Isolation}. */
    Isolation isolation() default Isolation.UNIQUE_NAMES;
}
