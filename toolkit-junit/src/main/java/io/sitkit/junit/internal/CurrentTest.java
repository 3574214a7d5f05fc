package io.sitkit.junit.internal;

import io.sitkit.redact.Redactor;

/**
 * The redactor of the test running on this thread, so assertions made in a sitkit test mask what
 * its configuration ({@code sitkit.redact.*}) masks without being told. Set by the extension before
 * each test that uses the environment, removed after it.
 *
 * <pre>{@code
 * Redactor r = CurrentTest.redactor();   // Redactor.none() outside a sitkit test
 * }</pre>
 *
 * <p>Thread-safety: one value per thread.
 */
public final class CurrentTest {
    private static final ThreadLocal<Redactor> REDACTOR = new ThreadLocal<>();

    private CurrentTest() {
    }

    /** The running test's redactor, or {@link Redactor#none()}. */
    public static Redactor redactor() {
        Redactor r = REDACTOR.get();
        return r != null ? r : Redactor.none();
    }

    /** Sets the redactor of the test about to run on this thread. */
    public static void set(Redactor redactor) {
        REDACTOR.set(redactor);
    }

    /** Forgets it after the test. */
    public static void clear() {
        REDACTOR.remove();
    }
}
