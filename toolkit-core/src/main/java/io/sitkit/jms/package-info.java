/**
 * JMS transport over {@code jakarta.jms} only: publish, capture, browse and administer queues and
 * topics of any Jakarta Messaging 3 provider (ActiveMQ Classic, Artemis, others by class name).
 * Entry point: {@link io.sitkit.jms.JmsClient}. Never imports {@code io.sitkit.kafka}.
 *
 * <p>The Kafka ↔ JMS mapping lives in {@link io.sitkit.jms.JmsNames} (header names) and
 * {@link io.sitkit.jms.JmsMessages} (bodies, key, typed properties).
 */
package io.sitkit.jms;
