package io.sitkit.samples.shop;

import io.sitkit.core.OutgoingMessage;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.match.MessageMatcher;
import io.sitkit.record.CaptureFileReader;
import io.sitkit.samples.support.LocalRegistryExtension;
import io.sitkit.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.samples.shop.ShopProbe.CHECKOUT_REQUESTS;
import static io.sitkit.samples.shop.ShopProbe.CHECKOUT_RESULTS;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A regression run: the checkouts that once exposed incidents, recorded in exploratory sessions
 * (an inspector export in sitkit's capture file format, each message annotated with its incident
 * and the answer expected since the fix), replayed onto the whole shop; each must still get that answer.
 * A failure names the incident that is back.
 */
@Deep
@SitTest(observe = {CHECKOUT_REQUESTS, CHECKOUT_RESULTS})
@ExtendWith(LocalRegistryExtension.class)
class ShopRegressionIT {
    static final Path INCIDENTS = Path.of("src/test/resources/shop/regression/incidents.jsonl");

    /** One recorded checkout and the answer it must get. */
    private record Incident(String name, String orderId, OutgoingMessage checkout, MessageMatcher answer) {
    }

    @Test
    void every_recorded_incident_checkout_still_gets_the_answer_it_got_after_its_fix(SitBus bus, SitEnvironment env,
                                                                                      SchemaRegistryClient registry) {
        List<Incident> incidents = read(INCIDENTS);
        assertThat(incidents).hasSize(5);

        try (ShopSystem shop = ShopSystem.start(ShopProbe.of(bus, env, registry).wiring(), Bug.none())) {
            incidents.forEach(i -> bus.publish(i.checkout()));
            for (Incident i : incidents) {
                try {
                    bus.expect(CHECKOUT_RESULTS).message(allOf(key(i.orderId()), i.answer())).within(ofSeconds(10));
                } catch (AssertionError e) {
                    throw new AssertionError(i.name() + " is back:\n" + e.getMessage(), e);
                }
            }
        }
    }

    private static List<Incident> read(Path file) {
        List<Incident> out = new ArrayList<>();
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            for (CaptureFileReader.Entry e : reader) {
                Map<String, String> note = e.annotations();
                MessageMatcher answer = jsonPath("$.status").isEqualTo(note.get("expect.status"));
                if (note.containsKey("expect.total")) {
                    answer = answer.and(jsonPath("$.total").isEqualTo(new BigDecimal(note.get("expect.total"))));
                }
                if (note.containsKey("expect.error")) {
                    answer = answer.and(jsonPath("$.error.code").isEqualTo(note.get("expect.error")));
                }
                OutgoingMessage checkout = OutgoingMessage.bytes(e.message().destination(), e.message().payload()).withKey(e.message().key());
                out.add(new Incident(note.get("incident") + " (" + note.get("what went wrong") + ")", e.message().keyText().orElseThrow(),
                        checkout, answer));
            }
        }
        return out;
    }
}
