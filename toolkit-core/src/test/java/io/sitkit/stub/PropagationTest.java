package io.sitkit.stub;

import io.sitkit.core.Header;
import io.sitkit.core.Message;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.core.TestMessages;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.ConfluentWireFormat;
import io.sitkit.template.TemplateContext;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropagationTest {
    static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void a_traceparent_is_continued_with_a_new_span_and_tracestate_and_chosen_headers_are_copied() {
        Propagation p = new Propagation(StubSpec.on("kafka:req").copyHeaders("x-flow"), 1);
        Message request = TestMessages.kafka("req", 0, "o-1", "{}", 0, Header.of("traceparent", TRACE),
                Header.of("tracestate", "vendor=1"), Header.of("x-flow", "f-1"), Header.of("secret", "s"));

        OutgoingMessage reply = p.apply(OutgoingMessage.text("kafka:rep", "{}"), request, false);

        String tp = reply.headers().lastAsString("traceparent").orElseThrow();
        assertThat(tp).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01").isNotEqualTo(TRACE).hasSize(TRACE.length());
        assertThat(reply.headers().lastAsString("tracestate")).contains("vendor=1");
        assertThat(reply.headers().lastAsString("x-flow")).contains("f-1");
        assertThat(reply.headers().contains("secret")).isFalse();
        assertThat(new String(reply.key())).isEqualTo("o-1");
        // the same seed gives the same span id, so a failing run reproduces
        assertThat(new Propagation(StubSpec.on("kafka:req"), 1).apply(OutgoingMessage.text("kafka:rep", "{}"), request, false)
                .headers().lastAsString("traceparent")).contains(tp);
    }

    @Test
    void a_reply_to_jms_joins_repeated_headers_since_a_jms_property_holds_one_value() {
        Propagation p = new Propagation(StubSpec.on("kafka:req").copyHeaders("x-flow"), 1);
        Message request = TestMessages.kafka("req", 0, "o-1", "{}", 0, Header.of("traceparent", TRACE),
                Header.of("tracestate", "a=1"), Header.of("tracestate", "b=2"), Header.of("x-flow", "f-1"), Header.of("x-flow", "f-2"));

        OutgoingMessage reply = p.apply(OutgoingMessage.text("jms:queue:rep", "{}"), request, false);

        assertThat(reply.headers().all("tracestate")).hasSize(1);
        assertThat(reply.headers().lastAsString("tracestate")).contains("a=1,b=2");
        assertThat(reply.headers().lastAsString("x-flow")).contains("f-1,f-2");
        // to Kafka, whose headers repeat, every value stays its own header
        assertThat(p.apply(OutgoingMessage.text("kafka:rep", "{}"), request, false).headers().all("tracestate")).hasSize(2);
    }

    @Test
    void a_malformed_traceparent_is_not_continued_and_a_reply_that_sets_its_own_keeps_it() {
        Propagation p = new Propagation(StubSpec.on("kafka:req"), 1);
        Message request = TestMessages.kafka("req", 0, "o-1", "{}", 0, Header.of("traceparent", "not-a-trace"));
        assertThat(p.apply(OutgoingMessage.text("kafka:rep", "{}"), request, false).headers().contains("traceparent")).isFalse();

        OutgoingMessage own = OutgoingMessage.text("kafka:rep", "{}").withHeader("traceparent", "mine").withKey("k");
        OutgoingMessage out = p.apply(own, TestMessages.kafka("req", 0, "o-1", "{}", 0, Header.of("traceparent", TRACE)), true);
        assertThat(out.headers().lastAsString("traceparent")).contains("mine");
        assertThat(new String(out.key())).isEqualTo("k");
    }

    @Test
    void jms_correlation_follows_the_message_id_or_the_correlation_id_and_reaches_kafka_as_a_header() {
        Message request = TestMessages.jms("jms:queue:req", "ID:m-1", "c-1", "{}", 0);
        OutgoingMessage toJms = OutgoingMessage.text("jms:queue:rep", "{}");
        assertThat(new Propagation(StubSpec.on("jms:queue:req"), 1).apply(toJms, request, false).correlationId()).isEqualTo("ID:m-1");
        assertThat(new Propagation(StubSpec.on("jms:queue:req").correlateBy(StubSpec.CorrelateBy.CORRELATION_ID), 1)
                .apply(toJms, request, false).correlationId()).isEqualTo("c-1");
        assertThat(new Propagation(StubSpec.on("jms:queue:req").correlateBy(StubSpec.CorrelateBy.CORRELATION_ID), 1)
                .apply(toJms, TestMessages.jms("jms:queue:req", "ID:m-2", null, "{}", 0), false).correlationId()).isEqualTo("ID:m-2");
        assertThat(new Propagation(StubSpec.on("jms:queue:req"), 1).apply(OutgoingMessage.text("kafka:rep", "{}"), request, false)
                .headers().lastAsString(StubSpec.KAFKA_CORRELATION_ID)).contains("ID:m-1");
    }

    @Test
    void the_kafka_reply_address_is_a_topic_or_a_full_address() {
        Propagation p = new Propagation(StubSpec.on("kafka:req"), 1);
        assertThat(p.replyAddress(TestMessages.kafka("req", 0, null, "{}", 0, Header.of("kafka_replyTopic", "replies"))))
                .map(Object::toString).contains("kafka:replies");
        assertThat(p.replyAddress(TestMessages.kafka("req", 0, null, "{}", 0, Header.of("kafka_replyTopic", "jms:queue:r"))))
                .map(Object::toString).contains("jms:queue:r");
        assertThat(p.replyAddress(TestMessages.kafka("req", 0, null, "{}", 0))).isEmpty();
    }

    @Test
    void a_reply_renders_key_headers_and_confluent_avro_from_the_request() {
        Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
        Reply reply = Reply.json("{\"id\": \"{{ $.orderId }}\"}").withKey("{{ $.orderId }}").withHeader("h", "{{ key }}")
                .asConfluentAvro(AvroCodec.of(schema), 12);
        Message request = TestMessages.kafka("req", 0, "k-1", "{\"orderId\":\"o-5\"}", 0);

        OutgoingMessage out = reply.render(TemplateContext.seeded(1).withRequest(request), io.sitkit.core.Destination.kafka("rep"));

        assertThat(new String(out.key())).isEqualTo("o-5");
        assertThat(out.headers().lastAsString("h")).contains("k-1");
        assertThat(ConfluentWireFormat.parse(out.payload(), "t").schemaId()).isEqualTo(12);
        assertThat(reply.describe()).isEqualTo("reply from template 'inline reply' as Confluent Avro (schema id 12)");
        assertThat(Reply.none().describe()).isEqualTo("no reply");
        assertThatThrownBy(() -> Reply.json("{}").after(java.time.Duration.ofMillis(-1)))
                .hasMessage("reply delay must be >= 0, was PT-0.001S");
    }

    @Test
    void rules_describe_themselves_and_a_stub_without_rules_does_not_start() {
        assertThat(Rule.always().inState("a").thenState("b").describe()).isEqualTo("when any message in state 'a' then state 'b'");
        assertThat(Rule.always().named("first call fails").describe()).isEqualTo("first call fails");
        assertThatThrownBy(() -> StubSpec.on("jms:queue:x").start(null))
                .hasMessage("stub of jms:queue:x has no rules; add one with rule(Rule.always().reply(...))");
        assertThatThrownBy(() -> Interceptor.between("kafka:a", "kafka:a"))
                .hasMessage("an interceptor needs two different destinations, got kafka:a twice");
    }
}
