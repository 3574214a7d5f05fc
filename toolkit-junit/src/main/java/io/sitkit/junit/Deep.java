package io.sitkit.junit;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tags a test or class as a deep flow for nightly runs (fault paths, volumes, long waits): JUnit tag {@code deep}.
 * Select with Surefire's {@code -Dgroups=deep}, or leave out with {@code -DexcludedGroups=deep}.
 *
 * <pre>{@code
 * @Deep
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
@Tag("deep")
public @interface Deep {
}
