package io.sitkit.bench;

import io.sitkit.core.Capture;
import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.StartPosition;
import io.sitkit.env.Bus;
import io.sitkit.env.CaptureSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * "Ready" as a user sees it: one message published through the bus and captured back, the way a
 * first test would do it (Kafka: publish to an auto-created topic, capture from the beginning;
 * JMS: capture a queue through its mirror, publish to it).
 *
 * <p>Thread-safety: stateless; each call uses the bus it is given.
 */
final class RoundTrip {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final byte[] PAYLOAD = "ready?".getBytes(StandardCharsets.UTF_8);

    private RoundTrip() {
    }

    static void kafka(Bus bus, String topic) {
        kafkaPublish(bus, topic);
        kafkaCaptureBack(bus, topic);
    }

    /** The first half of {@link #kafka}: publish, auto-creating the topic. */
    static void kafkaPublish(Bus bus, String topic) {
        bus.publish(OutgoingMessage.bytes(Destination.kafka(topic), PAYLOAD));
    }

    /** The second half of {@link #kafka}: capture the topic from the beginning until one message is held. */
    static void kafkaCaptureBack(Bus bus, String topic) {
        Destination d = Destination.kafka(topic);
        try (Capture c = bus.capture(CaptureSpec.of(d).from(StartPosition.beginning()))) {
            c.await(d, 1, WITHIN);
        }
    }

    static void jms(Bus bus, String queue) {
        Destination d = Destination.jmsQueue(queue);
        try (Capture c = bus.capture(d)) {
            bus.publish(OutgoingMessage.bytes(d, PAYLOAD));
            c.await(d, 1, WITHIN);
        }
    }

    static void on(Bus bus, Brokers brokers, String name) {
        if (brokers.kafka) {
            kafka(bus, name);
        }
        if (brokers.jms) {
            jms(bus, name);
        }
    }
}
