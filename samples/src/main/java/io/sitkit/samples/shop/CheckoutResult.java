package io.sitkit.samples.shop;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What checkout told the cart about an order: {@code PLACED} with the amount charged, or
 * {@code PAYMENT_FAILED} with the error the payment gateway (or checkout itself) gave.
 *
 * <pre>{@code
 * CheckoutResult r = cart.result("o-1").orElseThrow();
 * if (r.failed()) show(r.errorCode().orElse("unknown"), r.errorMessage().orElse(""));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public record CheckoutResult(String orderId, String status, Optional<BigDecimal> total, Optional<String> errorCode,
                             Optional<String> errorMessage) {
    /** Whether the order was not placed. */
    public boolean failed() {
        return !"PLACED".equals(status);
    }
}
