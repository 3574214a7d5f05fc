package io.sitkit.stub;

import io.sitkit.core.CaptureSession;
import io.sitkit.core.CaptureSink;
import io.sitkit.core.Destination;
import io.sitkit.core.Message;
import io.sitkit.core.StartPosition;
import io.sitkit.env.Bus;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * How a stub or relay takes messages: a JMS destination is consumed (a queue's messages are taken
 * off it, as the missing service would); a Kafka topic is read from its end by a group-less
 * consumer, assigned before this returns.
 *
 * <p>Thread-safety: stateless.
 */
final class Intake {
    private Intake() {
    }

    static CaptureSession start(Bus bus, Destination from, Consumer<Message> handler, BiConsumer<Destination, Throwable> failed) {
        CaptureSink sink = new CaptureSink() {
            @Override
            public void accept(Message message) {
                handler.accept(message);
            }

            @Override
            public void failed(Destination destination, Throwable error) {
                failed.accept(destination, error);
            }
        };
        return from.isKafka() ? bus.kafka().startCapture(List.of(from), StartPosition.now(), sink) : bus.jms().consume(from, sink);
    }
}
