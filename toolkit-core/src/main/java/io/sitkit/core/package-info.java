/**
 * The transport-neutral message model shared by Kafka and JMS: destinations, messages, headers,
 * outgoing messages, publish results, captures and the errors every operation raises.
 *
 * <p>Nothing here knows a broker client; {@code io.sitkit.kafka} and {@code io.sitkit.jms}
 * implement {@link io.sitkit.core.TransportClient} and map their native records onto this model.
 */
package io.sitkit.core;
