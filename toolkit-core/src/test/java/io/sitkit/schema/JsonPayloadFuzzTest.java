package io.sitkit.schema;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Gen;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;
import io.sitkit.redact.Redactor;
import io.sitkit.schema.avro.Samples;
import io.sitkit.schema.json.JsonSchemaValidator;
import io.sitkit.schema.json.JsonViolation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON payloads: {@link JsonPayloads#parse} and the JSON {@link PayloadDecoder} answer a tree or a
 * {@link DecodeException} with line and column; a JSON Schema validator answers bad JSON with one
 * syntax violation and the redactor passes it on masked as text, never with an exception.
 */
class JsonPayloadFuzzTest {
    private static final String WHERE = "kafka:fuzz.json[0]@1";
    private static final List<String> SEEDS = List.of(Samples.ORDER_JSON, """
            {"orderId": "6f1c1f0e-8a7b-4c3e-9d2a-1b2c3d4e5f60",
             "customer": {"customerId": "CUS-000042", "name": "Ann Smith", "email": "ann@example.com"},
             "items": [{"sku": "SKU-000001", "qty": 2, "unitPrice": 9.99}],
             "total": 19.98, "currency": "EUR", "status": "PLACED", "placedAt": "2026-03-01T10:15:30Z"}""",
            "[1, -2.5e-3, true, null, \"\\u00e9\\n\", {\"a\": [[[]]]}]", "\"just a string\"", "12345678901234567890.5");
    private static final JsonSchemaValidator ORDERS = TestSchemas.json("order-placed-v1");
    private static final Redactor REDACTOR = Redactor.builder().fields("email", "name").paths("$.customer.customerId")
            .secretValues("Ann").build();
    private static Guard guard;

    @BeforeAll
    static void start() {
        guard = Guard.start("json-fuzz");
    }

    @AfterAll
    static void stop() {
        guard.close();
    }

    private static Function<SplittableRandom, byte[]> payloads() {
        Function<SplittableRandom, byte[]> text = Mutations.text(SEEDS, Mutations.JSON_TOKENS).andThen(s -> s.getBytes(StandardCharsets.UTF_8));
        Function<SplittableRandom, byte[]> bytes = Mutations.bytes(SEEDS.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
        return Gen.oneOf(text, bytes);
    }

    @Test
    void jsonParsesOrIsRejectedWithADecodeExceptionAndValidationNeverThrows() {
        Fuzz.check(Fuzz.SEED, payloads(), BadInput::preview, this::tryOne);
    }

    private void tryOne(byte[] payload) {
        String input = BadInput.preview(payload);
        Message message = new Message(Destination.kafka("fuzz.json"), null, Headers.of(List.of()), payload, BodyType.TEXT,
                Instant.EPOCH, Instant.EPOCH, new KafkaMetadata(0, 1, "CreateTime", -1));

        Guard.Outcome parsed = guard.run(input, () -> JsonPayloads.parse(payload, WHERE));
        Guard.Outcome viewed = guard.run(input, () -> PayloadDecoder.json().view(message));
        Guard.Outcome validated = guard.run(input, () -> ORDERS.validate(payload));
        Guard.Outcome redacted = guard.run(input, () -> REDACTOR.payload(payload));

        BadInput.expect(parsed, DecodeException.class, "cannot decode JSON payload at " + WHERE + ": ", input);
        BadInput.expect(viewed, DecodeException.class, "cannot decode JSON payload at " + WHERE + ": ", input);
        BadInput.expectNoException(validated, input);
        BadInput.expectNoException(redacted, input);
        @SuppressWarnings("unchecked")
        List<JsonViolation> violations = (List<JsonViolation>) validated.value();
        // A number whose exponent no BigDecimal holds is valid JSON that only the exact parse gives up on.
        if (parsed.threw() && !parsed.thrown().getMessage().contains(": a number out of range: ")) {
            assertThat(violations).singleElement().extracting(JsonViolation::keyword).isEqualTo(JsonViolation.SYNTAX);
        }
    }
}
