package io.sitkit.core;

import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Gen;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Endpoint addresses: {@link Destination#parse} answers a destination or an {@link InvalidDestinationException}. */
class DestinationFuzzTest {
    private static final List<String> SEEDS = List.of("kafka:orders", "jms:queue:payments", "jms:topic:events",
            "kafka:shop.orders_v1-eu", " jms:queue:a.b ");
    private static final List<String> TOKENS = List.of("kafka:", "jms:", "queue:", "topic:", ":", " ", ".", "..", "-", "_",
            "a".repeat(250), "KAFKA:", "jms:queue:", "\u00e9", "\t", "/");
    private static Guard guard;

    @BeforeAll
    static void start() {
        guard = Guard.start("destination-fuzz");
    }

    @AfterAll
    static void stop() {
        guard.close();
    }

    private static Function<SplittableRandom, String> addresses() {
        return Mutations.text(SEEDS, TOKENS);
    }

    @Test
    void anAddressParsesOrIsRejectedWithTheAcceptedForms() {
        Fuzz.check(Fuzz.SEED, addresses(), BadInput::preview, this::tryOne);
    }

    private void tryOne(String address) {
        String input = BadInput.preview(address);
        Guard.Outcome outcome = guard.run(input, () -> Destination.parse(address));

        BadInput.expect(outcome, InvalidDestinationException.class, "", input);
        if (outcome.threw()) {
            assertThat(outcome.thrown().getMessage()).containsAnyOf("accepted forms", "Kafka topic");
        } else {
            Destination parsed = (Destination) outcome.value();
            assertThat(Destination.parse(parsed.toString())).isEqualTo(parsed);
        }
    }
}
