package io.sitkit.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroSchemas;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T07:00:00Z"), ZoneOffset.UTC);
    static final Message ORDER = new Message(Destination.kafka("orders"), "o-1".getBytes(),
            Headers.of(Header.of("traceparent", "00-abc-def-01")),
            "{\"orderId\":\"o-1\",\"total\":42.5,\"customer\":{\"name\":\"Zoë \\\"Z\\\" Müller\"},\"lines\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}".getBytes(),
            BodyType.BYTES, Instant.parse("2026-11-25T06:59:59Z"), Instant.parse("2026-11-25T07:00:00Z"), new KafkaMetadata(0, 3, "CreateTime", 0));

    static TemplateContext ctx() {
        return TemplateContext.seeded(7).withClock(CLOCK).withRequest(ORDER);
    }

    @Test
    void a_json_reply_reads_the_request_and_escapes_strings() throws Exception {
        Template reply = Template.json("payment-reply", """
                {"orderId": "{{ $.orderId }}", "amount": {{ $.total }}, "payer": "{{ $.customer.name }}",
                 "skus": {{ $.lines[*].sku }}, "trace": "{{ header('traceparent') }}", "key": "{{ key }}",
                 "at": "{{ now() }}", "day": "{{ now('yyyy-MM-dd') }}", "from": "{{ destination }}"}""");

        String body = reply.render(ctx());

        var json = new ObjectMapper().readTree(body);
        assertThat(json.get("orderId").asText()).isEqualTo("o-1");
        assertThat(json.get("amount").decimalValue()).isEqualByComparingTo("42.5");
        assertThat(json.get("payer").asText()).isEqualTo("Zoë \"Z\" Müller");
        assertThat(json.get("skus").toString()).isEqualTo("[\"A\",\"B\"]");
        assertThat(json.get("trace").asText()).isEqualTo("00-abc-def-01");
        assertThat(json.get("key").asText()).isEqualTo("o-1");
        assertThat(json.get("at").asText()).isEqualTo("2026-11-25T07:00:00Z");
        assertThat(json.get("day").asText()).isEqualTo("2026-11-25");
        assertThat(json.get("from").asText()).isEqualTo("kafka:orders");
    }

    @Test
    void generated_values_are_the_same_for_the_same_seed_and_differ_for_another() {
        Template t = Template.text("ids", "{{ uuid() }} {{ random(1, 1000) }} {{ sequence() }} {{ sequence() }} {{ sequence('inv') }}");

        String a = t.render(TemplateContext.seeded(1));
        String b = t.render(TemplateContext.seeded(1));
        String c = t.render(TemplateContext.seeded(2));

        assertThat(a).isEqualTo(b).isNotEqualTo(c).matches("[0-9a-f-]{36} \\d{1,4} 1 2 1");
    }

    @Test
    void a_json_reply_encodes_to_avro() {
        var money = AvroSchemas.load(java.nio.file.Path.of("src/test/resources/avro/common/Money.avsc")).get("io.sitkit.samples.common.Money");
        AvroCodec codec = AvroCodec.of(money);

        byte[] avro = Template.json("money", "{\"amount\": {{ $.total }}, \"currency\": \"EUR\"}").renderAvro(ctx(), codec);

        assertThat(codec.decodeToJson(avro, "test").get("amount").decimalValue()).isEqualByComparingTo("42.50");
    }

    @Test
    void parse_errors_name_the_template_line_column_and_expression() {
        assertThatThrownBy(() -> Template.json("reply.json", "{\n  \"id\": \"{{ uid() }}\"\n}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("reply.json:2:10: unknown function 'uid' in {{ uid() }}; known: [header, now, random, sequence, uuid]");
        assertThatThrownBy(() -> Template.text("t", "a {{ random(5) }}"))
                .hasMessage("t:1:3: random takes 2 arguments, got 1 in {{ random(5) }}");
        assertThatThrownBy(() -> Template.text("t", "x\ny {{ $.a"))
                .hasMessage("t:2:3: '{{' is never closed with '}}'");
        assertThatThrownBy(() -> Template.text("t", "{{ order id }}"))
                .hasMessage("t:1:1: not an expression: {{ order id }}; write a JSON path ($.orderId), one of"
                        + " [key, correlationId, messageId, destination], or a function call such as uuid()");
        assertThatThrownBy(() -> Template.text("t", "{{ random(9, 1) }}"))
                .hasMessage("t:1:1: random(min, max) needs min <= max in {{ random(9, 1) }}");
    }

    @Test
    void random_takes_only_whole_numbers_a_long_holds() {
        assertThatThrownBy(() -> Template.text("t", "{{ random(1, 99999999999999999999) }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t:1:1: random(min, max) takes whole numbers from -9223372036854775808 to 9223372036854775807,"
                        + " got '99999999999999999999' in {{ random(1, 99999999999999999999) }}");
        assertThatThrownBy(() -> Template.text("t", "{{ random('a', 2) }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t:1:1: random(min, max) takes whole numbers from -9223372036854775808 to 9223372036854775807,"
                        + " got 'a' in {{ random('a', 2) }}");
    }

    @Test
    void random_over_the_whole_range_of_a_long_stays_random_and_in_range() {
        Template whole = Template.text("t", "{{ random(-9223372036854775808, 9223372036854775807) }}");
        Template top = Template.text("t", "{{ random(9223372036854775806, 9223372036854775807) }}");
        TemplateContext ctx = TemplateContext.seeded(3);

        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            drawn.add(whole.render(ctx));
            assertThat(Long.parseLong(top.render(ctx))).isBetween(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        }
        assertThat(drawn).hasSize(20);
    }

    @Test
    void render_errors_say_what_the_request_lacks() {
        assertThatThrownBy(() -> Template.json("r", "{\"a\": \"{{ $.amount }}\"}").render(ctx()))
                .hasMessage("r:1:8: $.amount is not in the request payload at kafka:orders[0]@3 in {{ $.amount }}");
        assertThatThrownBy(() -> Template.text("r", "{{ header('x-missing') }}").render(ctx()))
                .hasMessage("r:1:1: the request at kafka:orders[0]@3 has no header x-missing in {{ header('x-missing') }}");
        assertThatThrownBy(() -> Template.text("r", "{{ correlationId }}").render(ctx()))
                .hasMessage("r:1:1: correlationId is a JMS field, but the request is on kafka:orders in {{ correlationId }}");
        assertThatThrownBy(() -> Template.text("r", "{{ key }}").render(TemplateContext.seeded(1)))
                .hasMessage("r:1:1: key reads the request, but the template was rendered without one in {{ key }}");
        assertThatThrownBy(() -> Template.json("r", "{\"id\": {{ $.orderId }}}").render(ctx()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("r:1:1: the rendered text is not valid JSON")
                .hasMessageContaining("are quotes missing around a string expression? Rendered: {\"id\": o-1}");
    }

    @Test
    void a_template_without_expressions_is_checked_once_and_then_answers_the_same_text() {
        Template fixed = Template.json("approved", "{\"status\": \"APPROVED\"}");

        String first = fixed.render(ctx());
        String again = fixed.render(TemplateContext.seeded(99));

        assertThat(first).isEqualTo("{\"status\": \"APPROVED\"}");
        assertThat(again).isSameAs(first);
    }

    @Test
    void a_template_without_expressions_that_is_not_json_fails_on_every_render() {
        Template broken = Template.json("broken", "{\"status\": APPROVED}");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> broken.render(ctx()))
                    .isInstanceOf(TemplateException.class)
                    .hasMessageStartingWith("broken:1:1: the rendered text is not valid JSON")
                    .hasMessageEndingWith("Rendered: {\"status\": APPROVED}");
        }
    }

    @Test
    void jms_ids_of_the_request_are_available() {
        Message request = new Message(Destination.jmsQueue("payments"), null, Headers.empty(), "{}".getBytes(), BodyType.TEXT,
                Instant.now(), Instant.now(), new JmsMetadata("ID:1", "corr-9", null, null, 4, true, null, false, null));

        assertThat(Template.text("r", "{{ messageId }}/{{ correlationId }}").render(TemplateContext.seeded(1).withRequest(request)))
                .isEqualTo("ID:1/corr-9");
    }
}
