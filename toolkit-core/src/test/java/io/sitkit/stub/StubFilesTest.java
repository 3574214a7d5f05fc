package io.sitkit.stub;

import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.TestMessages;
import io.sitkit.template.TemplateContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading stub files: every key of the format reaches the stub and interceptor definitions. */
class StubFilesTest {
    static final Path EVERY_KEY = Path.of("src/test/resources/stubs/every-key.yaml");
    static final Path EXAMPLE = Path.of("../docs/stubs/checkout-neighbours.yaml");

    static String render(Reply reply, Message request) {
        OutgoingMessage out = reply.render(TemplateContext.seeded(1).withRequest(request), Destination.kafka("out"));
        return new String(out.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void every_stub_key_reaches_the_stub_spec() {
        StubSet set = StubFiles.read(EVERY_KEY);

        assertThat(set.source()).isEqualTo(EVERY_KEY.toString());
        assertThat(set.stubs()).hasSize(2);
        StubSpec all = set.stubs().get(0);
        assertThat(all.name()).isEqualTo("all-keys");
        assertThat(all.listensOn()).isEqualTo(Destination.kafka("yaml.requests"));
        assertThat(all.defaultReplyTo()).contains(Destination.jmsQueue("yaml.replies"));
        assertThat(all.repliesAlwaysToDefault()).isFalse();
        assertThat(all.correlateBy()).isEqualTo(StubSpec.CorrelateBy.CORRELATION_ID);
        assertThat(all.copiedHeaders()).contains("x-a", "x-b", "tenant");
        assertThat(all.statePer().orElseThrow().describe()).isEqualTo("header x-order");
        assertThat(all.kafkaReplyTopicHeader()).isEqualTo("reply-to");
        assertThat(all.kafkaCorrelationHeader()).isEqualTo("corr");
        assertThat(all.seed()).isEqualTo(99);
        assertThat(all.verifyTimeout()).isEqualTo(Duration.ofSeconds(2));

        StubSpec second = set.stubs().get(1);
        assertThat(second.name()).isEqualTo("stub of jms:topic:yaml.events");
        assertThat(second.defaultReplyTo()).contains(Destination.kafka("yaml.out"));
        assertThat(second.repliesAlwaysToDefault()).isTrue();
        assertThat(second.correlateBy()).isEqualTo(StubSpec.CorrelateBy.MESSAGE_ID);
        assertThat(second.statePer().orElseThrow().describe()).isEqualTo("key");
        assertThat(second.faults().faults()).isEmpty();
        assertThat(second.seed()).isZero();
        assertThat(second.rules()).singleElement().satisfies(r -> assertThat(r.replies()).singleElement()
                .satisfies(reply -> assertThat(reply.isNone()).isTrue()));
    }

    @Test
    void state_per_reads_a_key_source_in_its_text_form_or_as_a_mapping() {
        StubSet set = StubFiles.parse("""
                stubs:
                  - listen: kafka:a
                    statePer: jsonPath:$.orderId
                    rules: [{reply: none}]
                  - listen: kafka:b
                    statePer: {jsonPath: $.orderId}
                    rules: [{reply: none}]
                  - listen: kafka:c
                    statePer: header:x-order
                    rules: [{reply: none}]
                  - listen: kafka:d
                    statePer: CorrelationId
                    rules: [{reply: none}]
                """, "state.yaml");

        assertThat(set.stubs()).extracting(s -> s.statePer().orElseThrow().text())
                .containsExactly("jsonPath:$.orderId", "jsonPath:$.orderId", "header:x-order", "correlationId");
    }

    @Test
    void every_fault_kind_is_read_with_its_parameters_and_which_messages_it_hits() {
        StubSpec all = StubFiles.read(EVERY_KEY).stubs().get(0);

        assertThat(all.faults().describe()).isEqualTo("delay 250ms (every 10), delay 10-2000ms (p=0.5), delay 3000ms (every 100),"
                + " drop, duplicate (every 3), reorder within 4, truncate to 8 bytes, flip 2 bytes (p=0.25), invalid JSON,"
                + " poison (every 50), wrong schema id 7, slow consumer 60000ms per message");
    }

    @Test
    void rules_keep_their_names_conditions_states_and_reply_sequences() {
        StubSpec all = StubFiles.read(EVERY_KEY).stubs().get(0);

        assertThat(all.rules()).extracting(Rule::describe).containsExactly("json mapping",
                "when key == \"k-1\" and header x-a present", "when any message");
        Rule first = all.rules().get(0);
        assertThat(first.matcher().describe()).isEqualTo("$.amount > 1000 and $.amount <= 5000 and $.status == \"NEW\"");
        assertThat(first.requiredState()).isEqualTo(Rule.STARTED);
        assertThat(first.nextState()).isEqualTo("big");
        assertThat(all.rules().get(1).replies()).extracting(Reply::describe).containsExactly(
                "reply from template '" + EVERY_KEY + "#stubs[0].rules[1].replies[0].text'",
                "reply from template '" + EVERY_KEY.toAbsolutePath().getParent().resolve("replies/second.txt") + "'",
                "no reply");
        assertThat(all.rules().get(1).requiredState()).isNull();
    }

    @Test
    void replies_render_inline_json_mappings_text_and_files_with_key_headers_destination_and_delay() {
        StubSpec all = StubFiles.read(EVERY_KEY).stubs().get(0);
        Message request = TestMessages.kafka("yaml.requests", 0, "k-1", "{\"orderId\":\"o-7\",\"amount\":2000,\"status\":\"NEW\"}",
                0, Header.of("x-a", "alpha"));

        Reply mapped = all.rules().get(0).replies().get(0);
        OutgoingMessage out = mapped.render(TemplateContext.seeded(1).withRequest(request), Destination.kafka("ignored"));
        assertThat(new String(out.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"o-7\",\"ok\":true,\"n\":1}");
        assertThat(new String(out.key(), StandardCharsets.UTF_8)).isEqualTo("o-7");
        assertThat(out.headers().lastAsString("h1")).contains("alpha");
        assertThat(out.headers().lastAsString("h2")).contains("2");
        assertThat(mapped.fixedDestination()).isEqualTo(Destination.kafka("yaml.big"));
        assertThat(mapped.delay()).isEqualTo(Duration.ofHours(1));
        assertThat(mapped.hasKey()).isTrue();

        assertThat(render(all.rules().get(1).replies().get(0), request)).isEqualTo("first k-1");
        assertThat(render(all.rules().get(1).replies().get(1), request)).isEqualTo("second k-1\n");
        assertThat(render(all.rules().get(2).replies().get(0), request)).isEqualTo("{\"third\": 1}\n");
        assertThat(all.rules().get(0).matcher().matches(request)).isTrue();
        assertThat(all.rules().get(1).matcher().matches(request)).isTrue();
    }

    @Test
    void interceptors_take_defaults_from_a_merged_anchor_and_are_named_by_their_route_when_unnamed() {
        StubSet set = StubFiles.read(EVERY_KEY);

        assertThat(set.interceptors()).containsExactly(
                new InterceptorSpec("chaos", Destination.jmsQueue("yaml.in"), Destination.kafka("yaml.in"),
                        io.sitkit.fault.FaultPlan.of(io.sitkit.fault.Fault.poison()), 11),
                new InterceptorSpec("relay kafka:a -> kafka:b", Destination.kafka("a"), Destination.kafka("b"),
                        io.sitkit.fault.FaultPlan.none(), 0));
    }

    @Test
    void a_set_renamed_for_a_test_renames_listen_reply_and_relay_destinations() {
        StubSet renamed = StubFiles.read(EVERY_KEY)
                .renamed(d -> new Destination(d.transport(), d.kind(), "t1." + d.name()));

        StubSpec all = renamed.stubs().get(0);
        assertThat(all.listensOn()).isEqualTo(Destination.kafka("t1.yaml.requests"));
        assertThat(all.defaultReplyTo()).contains(Destination.jmsQueue("t1.yaml.replies"));
        assertThat(all.rules().get(0).replies().get(0).fixedDestination()).isEqualTo(Destination.kafka("t1.yaml.big"));
        assertThat(renamed.interceptors().get(0).from()).isEqualTo(Destination.jmsQueue("t1.yaml.in"));
        assertThat(renamed.interceptors().get(0).to()).isEqualTo(Destination.kafka("t1.yaml.in"));
    }

    @Test
    void parsed_text_resolves_reply_files_against_the_directory_of_its_source_name() {
        StubSet set = StubFiles.parse("""
                stubs:
                  - listen: jms:queue:q
                    rules: [{reply: {file: replies/second.txt}}]
                """, "src/test/resources/stubs/inline.yaml");

        Message request = TestMessages.kafka("q", 0, "k-9", "{}", 0);
        assertThat(render(set.stubs().get(0).rules().get(0).replies().get(0), request)).isEqualTo("second k-9\n");
    }

    @Test
    void the_readme_shows_the_example_file_exactly_and_it_reads() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher block = Pattern.compile("### Stubs from YAML\\n.*?```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);

        assertThat(block.find()).as("a yaml block under '### Stubs from YAML' in README.md").isTrue();
        assertThat(block.group(1)).isEqualTo(Files.readString(EXAMPLE));
        StubSet example = StubFiles.read(EXAMPLE);
        assertThat(example.stubs()).extracting(StubSpec::name).containsExactly("payment-gateway", "stock-service");
        assertThat(example.interceptors()).extracting(InterceptorSpec::name).containsExactly("orders-chaos");
    }
}
