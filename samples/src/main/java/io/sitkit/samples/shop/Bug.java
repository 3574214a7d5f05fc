package io.sitkit.samples.shop;

import java.util.EnumSet;
import java.util.Set;

/**
 * Integration bugs the shop can be started with, each one a mistake real shops make between
 * services that all pass their own unit tests. Each is caught by a test in {@code ShopBugsIT}.
 *
 * <pre>{@code
 * try (ShopSystem shop = ShopSystem.start(wiring, EnumSet.of(Bug.TAX_ROUNDED_PER_LINE))) { ... }
 * }</pre>
 *
 * <p>Thread-safety: an enum.
 */
public enum Bug {
    /** The cart sends {@code discount_code} where checkout reads {@code discountCode}: the discount is silently lost. */
    SNAKE_CASE_FIELDS,
    /** The payment gateway answers without the request's {@code JMSCorrelationID}: checkout never matches the reply. */
    LOST_CORRELATION_ID,
    /** The payment gateway answers on its own default queue, {@code payment.responses}, instead of the request's {@code JMSReplyTo}. */
    WRONG_REPLY_TO,
    /** The order service rounds the tax of each line, checkout the tax of the whole order: the invoice disagrees with the charge. */
    TAX_ROUNDED_PER_LINE,
    /** Checkout handles a resubmitted checkout again instead of answering it with its first answer: charged and placed twice. */
    DUPLICATE_ON_RETRY;

    /** No bug: the shop as it should be. */
    public static Set<Bug> none() {
        return EnumSet.noneOf(Bug.class);
    }
}
