package io.sitkit.contract.asyncapi;

import io.sitkit.contract.asyncapi.IntegrationPoint.Direction;
import io.sitkit.core.Destination;
import io.sitkit.schema.SchemaFormat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegrationInventoryTest {
    private static final Destination ORDERS = Destination.kafka("orders");
    private static final Destination PAYMENTS = Destination.jmsQueue("PAYMENTS");

    private static IntegrationPoint point(Destination destination, Direction direction, String message) {
        return new IntegrationPoint(destination, direction, "op-" + message, message, "c." + message,
                Optional.of(SchemaFormat.JSON_SCHEMA), "application/json");
    }

    private final IntegrationPoint placed = point(ORDERS, Direction.SEND, "placed");
    private final IntegrationPoint paid = point(PAYMENTS, Direction.RECEIVE, "paid");
    private final IntegrationPoint cancelled = point(ORDERS, Direction.RECEIVE, "cancelled");
    private final IntegrationInventory inventory = new IntegrationInventory(List.of(placed, paid, cancelled));

    @Test
    void pointsAreListedByDestinationInTheOrderTheDestinationsFirstAppear() {
        assertThat(inventory.destinations()).containsExactly(ORDERS, PAYMENTS);
        assertThat(inventory.byDestination()).containsExactly(
                Map.entry(ORDERS, List.of(placed, cancelled)), Map.entry(PAYMENTS, List.of(paid)));
    }

    @Test
    void pointsCanBeNarrowedToADestinationAndADirection() {
        assertThat(inventory.at(ORDERS)).containsExactly(placed, cancelled);
        assertThat(inventory.at(ORDERS, Direction.RECEIVE)).containsExactly(cancelled);
        assertThat(inventory.at(Destination.jmsTopic("PAYMENTS"))).isEmpty();
        assertThat(inventory.withDirection(Direction.SEND)).containsExactly(placed);
        assertThat(inventory.size()).isEqualTo(3);
        assertThat(new IntegrationInventory(List.of()).isEmpty()).isTrue();
    }

    @Test
    void theInventoryIsACopyThatCannotChange() {
        List<IntegrationPoint> source = new ArrayList<>(List.of(placed));
        IntegrationInventory copy = new IntegrationInventory(source);

        source.add(paid);

        assertThat(copy.points()).containsExactly(placed);
        assertThatThrownBy(() -> copy.points().add(paid)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPointDescribesItselfOnOneLine() {
        assertThat(placed.describe()).isEqualTo("SEND placed to kafka:orders (op-placed, JSON_SCHEMA)");
        assertThat(paid.describe()).isEqualTo("RECEIVE paid from jms:queue:PAYMENTS (op-paid, JSON_SCHEMA)");
        assertThat(new IntegrationPoint(ORDERS, Direction.SEND, "", "placed", "c", Optional.empty(), "").describe())
                .isEqualTo("SEND placed to kafka:orders (no operation id)");
    }

    @Test
    void aPointNeedsAMessageNameAndAContractName() {
        assertThatThrownBy(() -> new IntegrationPoint(ORDERS, Direction.SEND, "op", " ", "c", Optional.empty(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("integration point on kafka:orders has a blank message name");
        assertThatThrownBy(() -> new IntegrationPoint(ORDERS, Direction.SEND, "op", "placed", "", Optional.empty(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("integration point placed on kafka:orders has a blank contract name");
    }

    @Test
    void aWarningPointerMustBeAJsonPointer() {
        assertThat(new ImportWarning("shop.yaml", "/channels/audit", "channel skipped").describe())
                .isEqualTo("shop.yaml#/channels/audit: channel skipped");
        assertThatThrownBy(() -> new ImportWarning("shop.yaml", "channels/audit", "channel skipped"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'channels/audit' is not a JSON pointer; it must be empty or start with '/'");
    }
}
