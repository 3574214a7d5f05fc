package io.sitkit.report;

import io.sitkit.contract.Violation;
import io.sitkit.contract.asyncapi.IntegrationInventory;
import io.sitkit.contract.asyncapi.IntegrationPoint;
import io.sitkit.contract.asyncapi.IntegrationPoint.Direction;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.TestMessages;
import io.sitkit.redact.Redactor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Test support: a realistic checkout run. Three tests (one failed), two order flows across three
 * destinations (orders topic → payment request queue → payments topic), and an inventory of six
 * integration points of which four are exercised; one test also writes to an audit topic the
 * inventory does not list. One payload carries markup and one a password, to check escaping and
 * redaction.
 */
final class SampleRun {
    static final Destination ORDERS = Destination.kafka("shop.orders.v1");
    static final Destination PAYMENT_REQUESTS = Destination.jmsQueue("payments.requests");
    static final Destination PAYMENTS = Destination.kafka("shop.payments.v1");
    static final Destination EMAILS = Destination.jmsQueue("notifications.email");
    static final Destination AUDIT = Destination.kafka("shop.audit");
    static final String PASSWORD = "hunter2-Very-Secret";
    static final String SCRIPT = "<script>alert('x')</script>";
    static final Function<Message, String> ORDER_ID = m -> m.headers().lastAsString("orderId").orElse(null);

    private SampleRun() {
    }

    static IntegrationInventory inventory() {
        return new IntegrationInventory(List.of(
                point(ORDERS, Direction.SEND, "OrderPlaced"),
                point(ORDERS, Direction.SEND, "OrderCancelled"),
                point(PAYMENT_REQUESTS, Direction.RECEIVE, "PaymentRequested"),
                point(PAYMENTS, Direction.SEND, "PaymentCompleted"),
                point(PAYMENTS, Direction.SEND, "PaymentFailed"),
                point(EMAILS, Direction.RECEIVE, "EmailRequested")));
    }

    private static IntegrationPoint point(Destination d, Direction direction, String message) {
        return new IntegrationPoint(d, direction, direction.name().toLowerCase() + message, message,
                "shop." + message, Optional.empty(), "application/json");
    }

    static Redactor redactor() {
        return Redactor.builder().secretValues(PASSWORD).fields("cardNumber").build();
    }

    static Message kafka(Destination d, long offset, String orderId, String type, String payload, long atMillis) {
        return TestMessages.kafka(d.name(), offset, orderId, payload, atMillis, Header.of("orderId", orderId),
                Header.of("type", type));
    }

    static Message jms(Destination d, String id, String orderId, String type, String payload, long atMillis) {
        return TestMessages.jms(d.toString(), id, orderId, payload, atMillis, Header.of("orderId", orderId),
                Header.of("type", type));
    }

    /** The builder after the three tests ran. */
    static RunReportBuilder builder() {
        RunReportBuilder run = new RunReportBuilder("embedded", TestMessages.T0.minusSeconds(2), redactor(),
                MessageTypes.byDefault());

        run.testStarted("checkout#paysForOneItem", "com.shop.CheckoutSit", "pays for one item", Set.of("smoke", "checkout"));
        run.declareDestinations("checkout#paysForOneItem", List.of(ORDERS, PAYMENT_REQUESTS, PAYMENTS));
        run.addMessages("checkout#paysForOneItem", List.of(
                kafka(ORDERS, 17, "o-1", "OrderPlaced", "{\"orderId\":\"o-1\",\"total\":42.5,\"note\":\"" + SCRIPT.replace("\"", "\\\"") + "\"}", 0),
                jms(PAYMENT_REQUESTS, "ID:pay-1", "o-1", "PaymentRequested",
                        "{\"orderId\":\"o-1\",\"amount\":42.5,\"cardNumber\":\"4111111111111111\"}", 140),
                kafka(PAYMENTS, 3, "o-1", "PaymentCompleted", "{\"orderId\":\"o-1\",\"status\":\"OK\"}", 610)), ORDER_ID);
        run.flowTrace("checkout#paysForOneItem", Path.of("target/sitkit/flows/pays-for-one-item.jsonl"));
        run.finished("checkout#paysForOneItem", TestStatus.PASSED, Duration.ofMillis(1240));

        run.testStarted("checkout#declinedCard", "com.shop.CheckoutSit", "a declined card returns the error to the cart",
                Set.of("checkout"));
        run.declareDestinations("checkout#declinedCard", List.of(ORDERS, PAYMENT_REQUESTS, PAYMENTS, EMAILS));
        run.addMessages("checkout#declinedCard", List.of(
                kafka(ORDERS, 18, "o-2", "OrderPlaced", "{\"orderId\":\"o-2\",\"total\":19.99}", 900),
                jms(PAYMENT_REQUESTS, "ID:pay-2", "o-2", "PaymentRequested",
                        "{\"orderId\":\"o-2\",\"amount\":19.99,\"auth\":\"" + PASSWORD + "\"}", 1010),
                kafka(PAYMENTS, 4, "o-2", "PaymentFailed", "{\"orderId\":\"o-2\",\"reason\":\"DECLINED\"}", 1650)), ORDER_ID);
        run.addViolations("checkout#declinedCard", List.of(new Violation("shop.PaymentFailed", "kafka:shop.payments.v1[0]@4",
                "cart-service", "field `errorCode` missing; the message has `reason`")));
        run.finished("checkout#declinedCard", TestStatus.FAILED, Duration.ofMillis(5030),
                "expected a message on jms:queue:notifications.email matching orderId=o-2\nwithin 5 s\n"
                        + "seen: 0 messages on jms:queue:notifications.email\nhint: login used " + PASSWORD);

        run.testStarted("audit#rejectsEmptyOrder", "com.shop.AuditSit", "rejects an order with no items", Set.of());
        run.declareDestinations("audit#rejectsEmptyOrder", List.of(AUDIT));
        run.addMessages("audit#rejectsEmptyOrder", List.of(
                kafka(AUDIT, 0, "o-3", "OrderRejected", "{\"orderId\":\"o-3\",\"why\":\"no items\"}", 2100)), m -> null);
        run.finished("audit#rejectsEmptyOrder", TestStatus.PASSED, Duration.ofMillis(380));
        return run;
    }

    static RunReport report() {
        return builder().build(TestMessages.T0.plusSeconds(4), Inventory.of(inventory()));
    }
}
