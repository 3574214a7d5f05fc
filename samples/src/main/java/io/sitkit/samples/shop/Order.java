package io.sitkit.samples.shop;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the customer checks out: the order id the cart gave it, who they are, the lines, an
 * optional discount code and the card token the payment gateway charges.
 *
 * <pre>{@code
 * Order order = Order.of("o-1", "ann@example.com", "tok_visa", Line.of("sku-mug", 2, "7.25")).withDiscountCode("SAVE10");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record Order(String orderId, String customerEmail, List<Line> lines, Optional<String> discountCode, String cardToken) {
    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(cardToken, "cardToken");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " has no lines");
        }
        Objects.requireNonNull(discountCode, "discountCode");
    }

    /** An order without a discount code. */
    public static Order of(String orderId, String customerEmail, String cardToken, Line... lines) {
        return new Order(orderId, customerEmail, List.of(lines), Optional.empty(), cardToken);
    }

    /** The same order with a discount code. */
    public Order withDiscountCode(String code) {
        return new Order(orderId, customerEmail, lines, Optional.of(code), cardToken);
    }
}
