package io.sitkit.junit;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tags a test or class as a fast flow for every commit (seconds, the main paths): JUnit tag {@code smoke}.
 * Select with Surefire's {@code -Dgroups=smoke}, or leave out with {@code -DexcludedGroups=smoke}.
 *
 * <pre>{@code
 * @Smoke
 * @Test
 * void an_order_is_paid(SitBus bus) { ... }
 * }</pre>
 *
 * <p>Thread-safety: an annotation.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("smoke")
public @interface Smoke {
}
