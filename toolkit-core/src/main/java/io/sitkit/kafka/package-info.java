/**
 * Kafka transport: publish, capture, browse and administer topics with kafka-clients, mapped onto
 * the core message model. Entry point: {@link io.sitkit.kafka.KafkaClient}. Never imports
 * {@code io.sitkit.jms}.
 */
package io.sitkit.kafka;
