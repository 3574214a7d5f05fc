/**
 * The e-commerce sample: cart → checkout → payment gateway → orders and inventory → notifications,
 * on mixed transports — JSON on Kafka between cart and checkout, JMS request/reply to the payment
 * gateway, Avro {@code OrderPlaced} in the Confluent wire format with a schema registry, JSON
 * inventory and order events on Kafka, confirmations on a JMS topic. {@link io.sitkit.samples.shop.ShopSystem}
 * starts it; {@link io.sitkit.samples.shop.Bug} lists the integration bugs it can be started with.
 */
package io.sitkit.samples.shop;
