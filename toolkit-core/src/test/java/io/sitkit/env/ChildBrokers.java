package io.sitkit.env;

import io.sitkit.jms.embedded.EmbeddedActiveMq;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.kafka.embedded.EmbeddedKafkaConfig;

/**
 * Test support: runs a Kafka and an ActiveMQ broker in a separate JVM, prints
 * {@code READY <bootstrap> <jms-url>} and stops when its standard input closes.
 */
public final class ChildBrokers {
    private ChildBrokers() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults());
             EmbeddedActiveMq mq = EmbeddedActiveMq.start(false, null)) {
            System.out.println("READY " + kafka.bootstrapServers() + " " + mq.brokerUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes our stdin or dies
            }
        }
    }
}
