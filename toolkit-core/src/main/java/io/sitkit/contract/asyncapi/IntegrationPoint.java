package io.sitkit.contract.asyncapi;

import io.sitkit.core.Destination;
import io.sitkit.schema.SchemaFormat;

import java.util.Objects;
import java.util.Optional;

/**
 * One way the described application touches a destination: it sends or receives one kind of
 * message there, in one operation.
 *
 * <pre>{@code
 * IntegrationPoint placed = new IntegrationPoint(Destination.kafka("shop.orders.v1"), Direction.SEND,
 *         "publishOrderPlaced", "orderPlaced", "orders.orderPlaced", Optional.of(SchemaFormat.AVRO), "avro/binary");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param destination the topic or queue
 * @param direction   whether the application sends or receives there
 * @param operationId the operation's id; "" when an AsyncAPI 2 operation has none
 * @param message     the message's name within its channel, e.g. "orderPlaced"
 * @param contract    the name of the {@link io.sitkit.contract.Contract} for this channel and message
 * @param format      the payload's schema language, empty when the message has no schema sitkit reads
 * @param contentType the message's content type; "" when the document gives none
 */
public record IntegrationPoint(Destination destination, Direction direction, String operationId, String message,
                               String contract, Optional<SchemaFormat> format, String contentType) {

    /**
     * What the application described by the document does with a message. AsyncAPI 3 says it as
     * {@code action: send|receive}; AsyncAPI 2's {@code subscribe} is {@link #SEND} (others subscribe
     * to what the application sends) and its {@code publish} is {@link #RECEIVE}.
     *
     * <pre>{@code
     * List<IntegrationPoint> consumed = inventory.withDirection(Direction.RECEIVE);
     * }</pre>
     *
     * <p>Thread-safety: immutable.
     */
    public enum Direction {
        /** The application produces the message to the destination. */
        SEND,
        /** The application consumes the message from the destination. */
        RECEIVE
    }

    public IntegrationPoint {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(contentType, "contentType");
        if (message.isBlank()) {
            throw new IllegalArgumentException("integration point on " + destination + " has a blank message name");
        }
        if (contract.isBlank()) {
            throw new IllegalArgumentException("integration point " + message + " on " + destination
                    + " has a blank contract name");
        }
    }

    /** One line, e.g. {@code SEND orderPlaced to kafka:shop.orders.v1 (publishOrderPlaced, AVRO)}. */
    public String describe() {
        return direction + " " + message + (direction == Direction.SEND ? " to " : " from ") + destination
                + " (" + (operationId.isEmpty() ? "no operation id" : operationId)
                + format.map(f -> ", " + f).orElse("") + ")";
    }
}
