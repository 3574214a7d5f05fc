package io.sitkit.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.OutgoingMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultRunTest {
    static OutgoingMessage order(int n) {
        return OutgoingMessage.text("kafka:orders", "{\"orderId\":\"o-" + n + "\",\"total\":" + n + "}");
    }

    static List<String> run(FaultPlan plan, long seed, int count) {
        FaultRun run = plan.start(seed);
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            run.next(order(i)).forEach(e -> out.add(text(e) + "@" + e.delay().toMillis()));
        }
        run.flush().forEach(e -> out.add(text(e) + "@" + e.delay().toMillis()));
        return out;
    }

    static String text(Emission e) {
        return new String(e.message().payload(), StandardCharsets.UTF_8);
    }

    @Test
    void the_same_seed_gives_the_same_faults_and_another_seed_others() {
        FaultPlan plan = FaultPlan.of(Fault.randomDelay(Duration.ofMillis(10), Duration.ofMillis(500)).withProbability(0.5),
                Fault.drop().withProbability(0.2), Fault.reorder(3));

        assertThat(run(plan, 42, 30)).isEqualTo(run(plan, 42, 30)).isNotEqualTo(run(plan, 43, 30));
    }

    @Test
    void drop_and_duplicate_pick_every_nth_message() {
        List<String> out = run(FaultPlan.of(Fault.drop().everyNth(3), Fault.duplicate().everyNth(2)), 1, 6);

        // 3 and 6 dropped; of the rest (1, 2, 4, 5) the second and fourth are sent twice
        assertThat(out).extracting(s -> s.replaceAll(".*\"o-(\\d+)\".*", "$1")).containsExactly("1", "2", "2", "4", "5", "5");
    }

    @Test
    void a_reorder_window_holds_messages_and_sends_them_shuffled_and_flush_empties_it() {
        List<String> out = run(FaultPlan.of(Fault.reorder(4)), 7, 10);

        assertThat(out).hasSize(10);
        assertThat(out.subList(0, 4)).extracting(s -> s.replaceAll(".*\"o-(\\d+)\".*", "$1"))
                .containsExactlyInAnyOrder("1", "2", "3", "4").isNotEqualTo(List.of("1", "2", "3", "4"));
    }

    @Test
    void delays_stay_within_their_bounds_and_add_up() {
        FaultRun run = FaultPlan.of(Fault.randomDelay(Duration.ofMillis(100), Duration.ofMillis(200)), Fault.spike(Duration.ofSeconds(2)).everyNth(5))
                .start(3);
        for (int i = 1; i <= 10; i++) {
            Duration d = run.next(order(i)).get(0).delay();
            long spike = i % 5 == 0 ? 2000 : 0;
            assertThat(d.toMillis()).isBetween(100 + spike, 200 + spike);
        }
    }

    @Test
    void corrupt_payloads_are_truncated_flipped_invalid_json_or_poison() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        OutgoingMessage m = order(1);

        assertThat(text(FaultPlan.of(Fault.corruptTruncate(5)).start(1).next(m).get(0))).isEqualTo("{\"ord");
        byte[] flipped = FaultPlan.of(Fault.corruptFlipBytes(2)).start(1).next(m).get(0).message().payload();
        assertThat(flipped).hasSameSizeAs(m.payload()).isNotEqualTo(m.payload());
        String invalid = text(FaultPlan.of(Fault.corruptInvalidJson()).start(1).next(m).get(0));
        assertThat(invalid).isEqualTo("{\"orderId\":\"o-1\",\"total\":1,");
        assertThatThrownBy(() -> mapper.readTree(invalid)).isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        byte[] poison = FaultPlan.of(Fault.poison()).start(1).next(m).get(0).message().payload();
        assertThat(io.sitkit.core.Payloads.utf8(poison)).isEmpty();
        assertThat(m.payload()).as("the original is untouched").isEqualTo("{\"orderId\":\"o-1\",\"total\":1}".getBytes());
    }

    @Test
    void plans_describe_themselves_and_reject_nonsense() {
        assertThat(FaultPlan.of(Fault.delay(Duration.ofMillis(200)).withProbability(0.1), Fault.duplicate().everyNth(5)).describe())
                .isEqualTo("delay 200ms (p=0.1), duplicate (every 5)");
        assertThat(FaultPlan.none().describe()).isEqualTo("no faults");
        assertThatThrownBy(() -> Fault.reorder(1)).hasMessage("REORDER needs a larger amount, was 1");
        assertThatThrownBy(() -> Fault.drop().everyNth(0)).hasMessage("everyNth must be >= 1, was 0");
        assertThatThrownBy(() -> Fault.randomDelay(Duration.ofMillis(5), Duration.ofMillis(1)))
                .hasMessage("delay bounds must be 0 <= min <= max, were PT0.005S and PT0.001S");
        assertThatThrownBy(() -> Fault.drop().withProbability(1.5)).hasMessage("probability must be <= 1, was 1.5");
    }

    @Test
    void a_wrong_schema_version_rewrites_the_confluent_id_and_a_slow_consumer_only_slows_intake() {
        byte[] framed = io.sitkit.schema.avro.ConfluentWireFormat.frame(3, new byte[]{9, 9});
        FaultRun run = FaultPlan.of(Fault.wrongSchemaVersion(8), Fault.slowConsumer(Duration.ofMillis(50)).everyNth(2)).start(1);

        assertThat(run.intake()).isEqualTo(Duration.ZERO);
        List<Emission> out = run.next(OutgoingMessage.bytes("kafka:x", framed));
        assertThat(run.intake()).isEqualTo(Duration.ofMillis(50));

        assertThat(out).hasSize(1);
        assertThat(io.sitkit.schema.avro.ConfluentWireFormat.parse(out.get(0).message().payload(), "t").schemaId()).isEqualTo(8);
        assertThat(out.get(0).delay()).isZero();
        assertThat(run.next(order(1)).get(0).message()).isEqualTo(order(1));
        assertThat(Fault.wrongSchemaVersion(8).describe()).isEqualTo("wrong schema id 8");
        assertThat(Fault.slowConsumer(Duration.ofMillis(50)).everyNth(2).describe()).isEqualTo("slow consumer 50ms per message (every 2)");
    }
}
