/**
 * An in-process Apache Kafka broker for tests: one KRaft node (broker and controller) on
 * 127.0.0.1, or a cluster of such nodes with a controller quorum, tuned for fast start and small footprint. Entry point:
 * {@link io.sitkit.kafka.embedded.EmbeddedKafkaBroker#start(EmbeddedKafkaConfig)}. The client listener
 * of every node can be secured ({@link io.sitkit.kafka.embedded.EmbeddedKafkaSecurity}: SASL/SCRAM over
 * TLS, mutual TLS) with certificates generated at start.
 *
 * <p>Needs the optional dependencies {@code org.apache.kafka:kafka_2.13}, {@code kafka-metadata}
 * and {@code kafka-server-common} on the class path. Not meant for production use.
 */
package io.sitkit.kafka.embedded;
