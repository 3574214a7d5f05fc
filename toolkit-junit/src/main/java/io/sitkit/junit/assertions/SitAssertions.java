package io.sitkit.junit.assertions;

import io.sitkit.contract.VerificationReport;
import io.sitkit.core.Message;
import io.sitkit.correlate.Flow;

/**
 * The entry point of sitkit's AssertJ assertions: {@code assertThat} for a {@link Message}, a
 * {@link Flow} and a contract {@link VerificationReport}. Use it next to AssertJ's own
 * {@code Assertions.assertThat}; the overloads do not clash.
 *
 * <pre>{@code
 * import static io.sitkit.junit.assertions.SitAssertions.assertThat;
 *
 * assertThat(message).isOn("kafka:orders").hasJsonPath("$.total", 42);
 * assertThat(message).ignoringFields("$.timestamp").isEquivalentTo(expectedJson);
 * assertThat(flow).passedThrough("kafka:orders", "jms:queue:payments").completedWithin(Duration.ofSeconds(2));
 * assertThat(report).hasChecked("orders-placed").hasNoViolations();
 * }</pre>
 *
 * <p>Thread-safety: stateless; each call returns a new assertion for the calling thread.
 */
public final class SitAssertions {
    private SitAssertions() {
    }

    /** Assertions on one message. */
    public static MessageAssert assertThat(Message actual) {
        return new MessageAssert(actual);
    }

    /** Assertions on a flow: the messages that share one correlation key. */
    public static FlowAssert assertThat(Flow actual) {
        return new FlowAssert(actual);
    }

    /** Assertions on a contract verification report. */
    public static VerificationReportAssert assertThat(VerificationReport actual) {
        return new VerificationReportAssert(actual);
    }
}
