package io.sitkit.template;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.JmsMetadata;
import io.sitkit.core.Message;
import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Gen;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stub templates: {@link Template#json} and {@link Template#text} parse any text into a template or
 * fail with a {@link TemplateException} naming the template, line and column; rendering a parsed
 * template, with a request and without one, answers text or a TemplateException.
 */
class TemplateFuzzTest {
    private static final String NAME = "fuzz-reply";
    private static final List<String> SEEDS = List.of("""
            {"paymentId": "{{ uuid() }}", "orderId": "{{ $.orderId }}", "amount": {{ $.total }}, "at": "{{ now() }}",
             "day": "{{ now('yyyy-MM-dd') }}", "n": {{ sequence() }}, "inv": {{ sequence("invoice") }}, "r": {{ random(1, 100) }},
             "k": "{{ key }}", "h": "{{ header('traceparent') }}", "c": "{{ correlationId }}", "m": "{{ messageId }}",
             "d": "{{ destination }}", "skus": {{ $.lines[*].sku }}, "first": {{ $.lines[0] }}, "who": "{{ $.customer.name }}"}""",
            "Order {{ $.orderId }} for {{ key }} at {{ now('HH:mm') }}\nline two {{random(-5,5)}} {{ sequence('x') }}",
            "no expressions at all", "{{ $['orderId'] }}{{ $..sku }}{{ $.lines[?(@.sku == 'A')].sku }}",
            "{{ random(1, 9) }} {{ now('uuuu-MM-dd''T''HH') }} {{ random(-9223372036854775808, 9223372036854775807) }}");
    private static final List<String> TOKENS = List.of("{{", "}}", "{{ ", " }}", "$", "$.", "$..", "[*]", "[0]", "[-1]", "[?(@.a > 1)]",
            "uuid()", "now(", "now('", "random(", "sequence(", "header(", "key", "correlationId", "messageId", "destination",
            "'", "\"", ",", "(", ")", "-", "9", "99999999999999999999", "'1'", "-9223372036854775808", "yyyy", "HH:mm", "G", "VV",
            "'x'", "[", "]", "\\", "\n", "{", "}", ":", "unknown()", "  ");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private static final Message REQUEST = new Message(Destination.jmsQueue("payments"), "o-1".getBytes(StandardCharsets.UTF_8),
            Headers.of(Header.of("traceparent", "00-abc-def-01")),
            "{\"orderId\":\"o-1\",\"total\":42.5,\"customer\":{\"name\":\"Zoë \\\"Z\\\"\"},\"lines\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}"
                    .getBytes(StandardCharsets.UTF_8), BodyType.TEXT, Instant.parse("2026-12-06T09:59:59Z"),
            Instant.parse("2026-12-06T10:00:00Z"), new JmsMetadata("ID:1", "corr-1", Destination.jmsQueue("replies"), null, 4,
            true, null, false, null));
    private static Guard guard;

    @BeforeAll
    static void start() {
        guard = Guard.start("template-fuzz");
    }

    @AfterAll
    static void stop() {
        guard.close();
    }

    private static Function<SplittableRandom, String> templates() {
        return Gen.frequency(Gen.weighted(3, Mutations.text(SEEDS, TOKENS)), Gen.weighted(1, calls()));
    }

    /** Text around expressions built from the grammar with odd arguments: every function, wrong arities, huge numbers. */
    private static Function<SplittableRandom, String> calls() {
        Function<SplittableRandom, String> arg = Gen.of("1", "-1", "0", "99999999999999999999", "-9223372036854775808", "9223372036854775807",
                "'a'", "\"b c\"", "'yyyy-MM-dd'", "'HH:mm:ss.SSS'", "'G VV x'", "'traceparent'", "'''", "", " ", "1 2", "'1'");
        Function<SplittableRandom, String> fn = Gen.of("uuid", "now", "sequence", "random", "header", "Random", "nope");
        Function<SplittableRandom, String> args = Gen.list(arg, 0, 3).andThen(a -> String.join(", ", a));
        Function<SplittableRandom, String> call = r -> "{{ " + fn.apply(r) + "(" + args.apply(r) + ") }}";
        Function<SplittableRandom, String> part = Gen.oneOf(call, Gen.of("{{ key }}", "{{ $.total }}", "{{ $.lines }}", "\"", "x",
                "{\"a\": ", "}", "\n"));
        return Gen.list(part, 1, 5).andThen(parts -> String.join("", parts));
    }

    @Test
    void aTemplateParsesAndRendersOrFailsWithATemplateExceptionAtItsPlace() {
        Fuzz.check(Fuzz.SEED, templates(), BadInput::preview, this::tryOne);
    }

    private void tryOne(String text) {
        String input = BadInput.preview(text);
        List<Guard.Outcome> outcomes = new ArrayList<>();
        for (boolean json : new boolean[]{true, false}) {
            Guard.Outcome parsed = guard.run(input, () -> json ? Template.json(NAME, text) : Template.text(NAME, text));
            outcomes.add(parsed);
            if (!parsed.threw()) {
                Template template = (Template) parsed.value();
                outcomes.add(guard.run(input, () -> template.render(TemplateContext.seeded(7).withClock(CLOCK).withRequest(REQUEST))));
                outcomes.add(guard.run(input, () -> template.render(TemplateContext.seeded(7).withClock(CLOCK))));
            }
        }

        for (Guard.Outcome o : outcomes) {
            BadInput.expect(o, TemplateException.class, NAME + ":", input);
            if (o.threw()) {
                assertThat(o.thrown().getMessage()).matches("(?s)" + NAME + ":\\d+:\\d+: .+");
            }
        }
    }
}
