package io.sitkit.fuzz;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard the fuzz properties rely on catches what they claim to catch. */
class FuzzGuardTest {

    @Test
    void aCallThatDoesNotEndFailsWithinTheLimitNamingTheInputAndTheNextCallRunsOnAFreshThread() {
        try (Guard guard = Guard.start("guard-test", Duration.ofMillis(200))) {
            assertThatThrownBy(() -> guard.run("5 chars: \"loop!\"", () -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                return null;
            })).isInstanceOf(AssertionError.class)
                    .hasMessage("no answer within 200 ms (a hang?) for the input 5 chars: \"loop!\"");

            assertThat(guard.run("x", () -> "answered").value()).isEqualTo("answered");
        }
    }

    @Test
    void whatACallAllocatesIsMeasuredSoAForgedLengthFailsTheAllocationBound() {
        try (Guard guard = Guard.start("guard-test")) {
            Guard.Outcome big = guard.run("forged", () -> new byte[8 * 1024 * 1024]);

            assertThat(big.allocatedBytes()).isGreaterThanOrEqualTo(8L * 1024 * 1024);
            assertThatThrownBy(() -> BadInput.allocatedAtMost(big, 1024 * 1024, "forged"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("the call allocated ")
                    .hasMessageEndingWith(" bytes (limit 1048576) for the input forged");
        }
    }

    @Test
    void anUndocumentedExceptionOrAMessageThatLeaksAClassNameFailsTheProperty() {
        try (Guard guard = Guard.start("guard-test")) {
            Guard.Outcome npe = guard.run("in", () -> {
                throw new NullPointerException("boom");
            });
            Guard.Outcome leaky = guard.run("in", () -> {
                throw new IllegalStateException("cannot decode x: (java.lang.ArithmeticException: / by zero)");
            });
            Guard.Outcome useful = guard.run("in", () -> {
                throw new IllegalStateException("cannot decode x: truncated");
            });

            assertThatThrownBy(() -> BadInput.expect(npe, IllegalStateException.class, "cannot decode ", "in"))
                    .hasMessage("expected nothing or a IllegalStateException, but java.lang.NullPointerException: boom"
                            + " came out for the input in");
            assertThatThrownBy(() -> BadInput.expect(leaky, IllegalStateException.class, "cannot decode ", "in"))
                    .hasMessageStartingWith("the message leaks 'java.lang.ArithmeticException'");
            assertThatThrownBy(() -> BadInput.expect(useful, IllegalStateException.class, "cannot read ", "in"))
                    .hasMessageStartingWith("the message does not start with 'cannot read '");
        }
    }
}
