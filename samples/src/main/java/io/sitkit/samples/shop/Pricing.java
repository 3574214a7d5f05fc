package io.sitkit.samples.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * How checkout prices an order: the subtotal of the lines, the discount of a code, sales tax on
 * the discounted amount — rounded once, on the whole order, half up — and the total charged.
 * The order service computes the tax of its invoice on its own; {@link Bug#TAX_ROUNDED_PER_LINE}
 * is what happens when the two disagree.
 *
 * <pre>{@code
 * Pricing p = Pricing.of(order.lines(), Optional.of("SAVE10"));   // p.total() is what the gateway charges
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param subtotal sum of the line totals
 * @param discount what the discount code takes off (zero without one, or for a code checkout does not know)
 * @param tax      {@link #TAX_RATE} of {@code subtotal - discount}
 * @param total    {@code subtotal - discount + tax}
 */
public record Pricing(BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total) {
    /** The sales tax rate, 8.25 %. */
    public static final BigDecimal TAX_RATE = new BigDecimal("0.0825");

    /** Prices {@code lines} with the discount of {@code code}: {@code SAVE10} takes 10 %, {@code FIVEOFF} 5.00. */
    public static Pricing of(List<Line> lines, Optional<String> code) {
        BigDecimal subtotal = lines.stream().map(Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        BigDecimal discount = code.map(c -> discount(c, subtotal)).orElse(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        BigDecimal tax = subtotal.subtract(discount).multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP);
        return new Pricing(subtotal, discount, tax, subtotal.subtract(discount).add(tax));
    }

    private static BigDecimal discount(String code, BigDecimal subtotal) {
        return switch (code) {
            case "SAVE10" -> subtotal.multiply(new BigDecimal("0.10"));
            case "FIVEOFF" -> subtotal.min(new BigDecimal("5.00"));
            default -> BigDecimal.ZERO;
        };
    }
}
