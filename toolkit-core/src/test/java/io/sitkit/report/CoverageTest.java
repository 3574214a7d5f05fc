package io.sitkit.report;

import io.sitkit.contract.Contract;
import io.sitkit.core.Destination;
import io.sitkit.core.TestMessages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.sitkit.report.SampleRun.AUDIT;
import static io.sitkit.report.SampleRun.EMAILS;
import static io.sitkit.report.SampleRun.ORDERS;
import static io.sitkit.report.SampleRun.PAYMENTS;
import static io.sitkit.report.SampleRun.PAYMENT_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CoverageTest {

    private static TimelineEntry seen(Destination d, String type, long atMillis) {
        return new TimelineEntry(TestMessages.T0.plusMillis(atMillis), d, d + "@" + atMillis, Optional.empty(),
                Optional.empty(), Optional.ofNullable(type), 2, "{}");
    }

    private static TestRecord test(String id, List<Destination> declared, TimelineEntry... timeline) {
        return new TestRecord(id, "C", id, Set.of(), TestStatus.PASSED, Duration.ZERO, Optional.empty(), declared,
                List.of(timeline), Optional.empty(), List.of());
    }

    @Test
    void theSampleRunExercisesFourOfSixInventoryPoints() {
        Coverage coverage = SampleRun.report().coverage();

        assertThat(coverage.inventoryPoints()).isEqualTo(6);
        assertThat(coverage.exercisedPoints()).isEqualTo(4);
        assertThat(coverage.percent()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
        assertThat(coverage.source()).isEqualTo("asyncapi");
        assertThat(coverage.inventory()).extracting(CoverageCell::destination, CoverageCell::messageType, CoverageCell::messages)
                .containsExactly(tuple(ORDERS, "OrderPlaced", 2), tuple(ORDERS, "OrderCancelled", 0),
                        tuple(PAYMENT_REQUESTS, "PaymentRequested", 2), tuple(PAYMENTS, "PaymentCompleted", 1),
                        tuple(PAYMENTS, "PaymentFailed", 1), tuple(EMAILS, "EmailRequested", 0));
        assertThat(coverage.inventory().get(0).tests()).containsExactly("checkout#declinedCard", "checkout#paysForOneItem");
    }

    @Test
    void aDestinationTheInventoryDoesNotListIsReportedSeparately() {
        Coverage coverage = SampleRun.report().coverage();

        assertThat(coverage.outsideInventory()).extracting(CoverageCell::label, CoverageCell::messages)
                .containsExactly(tuple("kafka:shop.audit OrderRejected", 1));
        assertThat(coverage.destinationsOutsideInventory()).containsExactly(AUDIT);
    }

    @Test
    void aTypeHeaderMayNameTheContractInsteadOfTheMessage() {
        Coverage coverage = Coverage.compute(Inventory.of(SampleRun.inventory()),
                List.of(test("t", List.of(), seen(ORDERS, "shop.OrderCancelled", 0))));

        assertThat(coverage.exercisedPoints()).isEqualTo(1);
        assertThat(coverage.inventory().get(1).messages()).isEqualTo(1);
        assertThat(coverage.outsideInventory()).isEmpty();
    }

    @Test
    void aMessageWithoutATypeCountsForItsDestinationOnlyWhenTheDestinationHasOneType() {
        Coverage coverage = Coverage.compute(Inventory.of(SampleRun.inventory()), List.of(test("t", List.of(),
                seen(PAYMENT_REQUESTS, null, 0), seen(ORDERS, null, 1))));

        assertThat(coverage.exercisedPoints()).isEqualTo(1);
        assertThat(coverage.inventory()).filteredOn(CoverageCell::exercised).extracting(CoverageCell::label)
                .containsExactly("jms:queue:payments.requests PaymentRequested");
        assertThat(coverage.outsideInventory()).extracting(CoverageCell::destination, CoverageCell::messageType)
                .containsExactly(tuple(ORDERS, ""));
        assertThat(coverage.destinationsOutsideInventory()).isEmpty();
    }

    @Test
    void anUnlistedTypeOnAListedDestinationIsOutsideTheInventoryButItsDestinationIsNot() {
        Coverage coverage = Coverage.compute(Inventory.of(SampleRun.inventory()),
                List.of(test("t", List.of(), seen(ORDERS, "OrderShipped", 0))));

        assertThat(coverage.outsideInventory()).extracting(CoverageCell::label).containsExactly("kafka:shop.orders.v1 OrderShipped");
        assertThat(coverage.destinationsOutsideInventory()).isEmpty();
        assertThat(coverage.exercisedPoints()).isZero();
    }

    @Test
    void contractsAreAnInventoryWithTheContractNameAsMessageType() {
        Contract placed = new Contract("orders-placed", ORDERS, Optional.empty(), Optional.empty(), "", List.of(),
                List.of(), List.of(), "test");
        Contract paid = new Contract("payments", PAYMENTS, Optional.empty(), Optional.empty(), "", List.of(),
                List.of(), List.of(), "test");

        Coverage coverage = Coverage.compute(Inventory.ofContracts(List.of(placed, paid)),
                List.of(test("t", List.of(), seen(ORDERS, "orders-placed", 0), seen(PAYMENTS, null, 5))));

        assertThat(coverage.source()).isEqualTo("contracts");
        assertThat(coverage.inventory()).extracting(CoverageCell::label, CoverageCell::messages)
                .containsExactly(tuple("kafka:shop.orders.v1 orders-placed", 1), tuple("kafka:shop.payments.v1 payments", 1));
        assertThat(coverage.percent()).isEqualTo(100.0);
    }

    @Test
    void withoutAnInventoryTheDeclaredDestinationsAreThePoints() {
        Coverage coverage = Coverage.compute(Inventory.declared(), List.of(
                test("a", List.of(ORDERS, PAYMENTS), seen(ORDERS, "OrderPlaced", 0)),
                test("b", List.of(EMAILS), seen(AUDIT, null, 3))));

        assertThat(coverage.source()).isEqualTo(Inventory.DECLARED);
        assertThat(coverage.inventory()).extracting(CoverageCell::label, CoverageCell::messages)
                .containsExactly(tuple("kafka:shop.orders.v1", 1), tuple("kafka:shop.payments.v1", 0), tuple("jms:queue:notifications.email", 0));
        assertThat(coverage.exercisedPoints()).isEqualTo(1);
        assertThat(coverage.destinationsOutsideInventory()).containsExactly(AUDIT);
    }

    @Test
    void anEmptyInventoryIsZeroPercentNotAnError() {
        assertThat(Coverage.empty().percent()).isZero();
        assertThat(Coverage.compute(Inventory.declared(), List.of()).cells()).isEmpty();
    }

    @Test
    void mergingAddsCountsJoinsTestsAndKeepsEveryInventoryPoint() {
        Coverage automated = SampleRun.report().coverage();
        Coverage manual = new Coverage("manual session", List.of(
                new CoverageCell(ORDERS, "OrderCancelled", false, 3, Set.of("session-1")),
                new CoverageCell(ORDERS, "OrderPlaced", true, 1, Set.of("session-1")),
                new CoverageCell(Destination.jmsQueue("legacy.in"), "", false, 2, Set.of("session-1"))));

        Coverage merged = automated.merge(manual);

        assertThat(merged.source()).isEqualTo("asyncapi + manual session");
        assertThat(merged.inventoryPoints()).isEqualTo(6);
        assertThat(merged.exercisedPoints()).isEqualTo(5);
        assertThat(merged.inventory().get(0)).satisfies(c -> {
            assertThat(c.messages()).isEqualTo(3);
            assertThat(c.tests()).containsExactly("checkout#declinedCard", "checkout#paysForOneItem", "session-1");
        });
        assertThat(merged.inventory().get(1).messages()).isEqualTo(3);
        assertThat(merged.destinationsOutsideInventory()).containsExactly(Destination.jmsQueue("legacy.in"), AUDIT);
    }

    @Test
    void mergingIsAUnionWhateverTheOrder() {
        Coverage a = SampleRun.report().coverage();
        Coverage b = new Coverage("manual session", List.of(new CoverageCell(EMAILS, "EmailRequested", true, 1, Set.of("s"))));

        Coverage ab = a.merge(b);
        Coverage ba = b.merge(a);

        assertThat(Set.copyOf(ab.cells())).isEqualTo(Set.copyOf(ba.cells()));
        assertThat(ab.percent()).isEqualTo(ba.percent());
        assertThat(a.merge(Coverage.empty()).cells()).isEqualTo(a.cells());
    }

    @Test
    void twoCellsForTheSameDestinationAndTypeAreRefused() {
        CoverageCell one = new CoverageCell(ORDERS, "OrderPlaced", true, 1, Set.of());

        assertThatThrownBy(() -> new Coverage("x", List.of(one, one)))
                .hasMessage("coverage has two cells for kafka:shop.orders.v1 / 'OrderPlaced'; merge them into one");
    }

    @Test
    void aNegativeMessageCountIsRefusedWithTheValue() {
        assertThatThrownBy(() -> new CoverageCell(ORDERS, "", true, -2, Set.of()))
                .hasMessage("message count of coverage cell kafka:shop.orders.v1 / '' is negative: -2");
    }

    @Test
    void aCellIsExercisedOnceOneMessageWasSeen() {
        assertThat(new CoverageCell(ORDERS, "", true, 0, Set.of()).exercised()).isFalse();
        assertThat(new CoverageCell(ORDERS, "", true, 1, Set.of("t")).exercised()).isTrue();
    }
}
