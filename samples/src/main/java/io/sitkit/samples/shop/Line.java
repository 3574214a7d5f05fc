package io.sitkit.samples.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of a cart: a product, how many, at what unit price.
 *
 * <pre>{@code
 * Line mugs = Line.of("sku-mug", 2, "7.25");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param sku       the product
 * @param quantity  at least 1
 * @param unitPrice positive, at most two decimal places
 */
public record Line(String sku, int quantity, BigDecimal unitPrice) {
    public Line {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity of " + sku + " must be at least 1, was " + quantity);
        }
        if (unitPrice == null || unitPrice.signum() <= 0 || unitPrice.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("unit price of " + sku + " must be positive with at most two decimals, was " + unitPrice);
        }
        unitPrice = unitPrice.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** A line with the unit price written as text ({@code "7.25"}). */
    public static Line of(String sku, int quantity, String unitPrice) {
        return new Line(sku, quantity, new BigDecimal(unitPrice));
    }

    /** Quantity times unit price. */
    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
