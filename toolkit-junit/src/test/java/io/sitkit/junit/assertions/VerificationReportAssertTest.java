package io.sitkit.junit.assertions;

import io.sitkit.contract.VerificationReport;
import io.sitkit.contract.Violation;
import io.sitkit.core.Destination;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerificationReportAssertTest {
    private final VerificationReport clean = new VerificationReport(List.of(), Map.of("orders-placed", 3, "payments", 0), Map.of());
    private final VerificationReport broken = new VerificationReport(
            List.of(new Violation("orders-placed", "kafka:orders[0]@4", "", "header eventType: missing")),
            Map.of("orders-placed", 5),
            Map.of(Destination.kafka("audit"), 2, Destination.jmsQueue("dlq"), 1));

    @Test
    void aReportWithoutViolationsPasses() {
        assertThat(clean).hasNoViolations().hasNoUncoveredDestinations().hasChecked("orders-placed");
    }

    @Test
    void aReportWithViolationsFailsListingThem() {
        assertThatThrownBy(() -> assertThat(broken).hasNoViolations())
                .hasMessage("expected no contract violations\n"
                        + "  but found 1 contract violation in 5 messages checked against 1 contract\n"
                        + "  orders-placed @ kafka:orders[0]@4: header eventType: missing");
    }

    @Test
    void messagesOnDestinationsNoContractDescribesFailCoverage() {
        assertThatThrownBy(() -> assertThat(broken).hasNoUncoveredDestinations())
                .hasMessage("expected every message to be covered by a contract\n"
                        + "  but 3 messages went to destinations no contract describes: jms:queue:dlq=1, kafka:audit=2\n"
                        + "  hint: add a contract for each, or capture only the destinations you have contracts for");
    }

    @Test
    void aContractThatCheckedNothingFailsSoAPassMeansSomething() {
        assertThatThrownBy(() -> assertThat(clean).hasChecked("payments"))
                .hasMessage("expected contract payments to have checked at least one message\n"
                        + "  but it checked none\n"
                        + "  checked: orders-placed=3, payments=0");
    }

    @Test
    void anUnknownContractFailsListingTheKnownOnes() {
        assertThatThrownBy(() -> assertThat(clean).hasChecked("invoices"))
                .hasMessage("expected contract invoices to have checked at least one message\n"
                        + "  but the report has no contract of that name\n"
                        + "  checked: orders-placed=3, payments=0");
    }
}
