package io.sitkit.expect;

import io.sitkit.core.Capture;
import io.sitkit.env.Bus;
import io.sitkit.env.Environment;
import io.sitkit.env.Environments;
import io.sitkit.kafka.KafkaSettings;
import io.sitkit.kafka.embedded.EmbeddedKafkaBroker;
import io.sitkit.kafka.embedded.EmbeddedKafkaConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.sitkit.match.Matchers.key;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A negative expectation over a capture whose broker went away is an environment error, never a pass. */
class BlindCaptureIT {

    @Test
    void aNegativeExpectationWhileTheKafkaBrokerIsDownIsAnEnvironmentError() {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults());
             Environment env = Environments.external(KafkaSettings.of(kafka.bootstrapServers()), null);
             Bus bus = env.openBus()) {
            bus.kafka().createTopic("watched", 1);
            try (Capture capture = bus.capture("kafka:watched")) {
                Expectations expect = Expectations.of(capture);
                expect.expect("kafka:watched").noMessage(key("x")).within(Duration.ofMillis(300));

                kafka.stop();

                assertThatThrownBy(() -> expect.expect("kafka:watched").noMessage(key("x")).within(Duration.ofSeconds(2)))
                        .isInstanceOf(CaptureBlindException.class)
                        .hasMessageStartingWith("cannot confirm no message matching key == \"x\" on kafka:watched within 2s: "
                                + "the capture was not healthy for the whole window:\n  kafka:watched ")
                        .hasMessageContaining("no connection to Kafka at " + kafka.bootstrapServers());
            }
        }
    }
}
