package io.sitkit.schema.avro;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.SitkitException;
import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Gen;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;
import io.sitkit.schema.DecodeException;
import io.sitkit.schema.PayloadDecoder;
import io.sitkit.schema.RegisteredSchema;
import io.sitkit.schema.SchemaFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confluent frames and schema-id headers: {@link RegistryAvro} answers a value or a
 * {@link DecodeException} for any frame, any payload with any id header, against a registry that
 * also holds a JSON Schema, an unparseable schema, ids it does not know and ids whose lookup fails.
 */
class ConfluentFrameFuzzTest {
    private static final String TEXT_HEADER = "x-schema-id";
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Map<Integer, RegisteredSchema> REGISTRY = registry();
    private static final RegistryAvro AVRO = RegistryAvro.using(id -> {
        if (id >= 1000) {
            throw new SitkitException("registry at http://registry.invalid:8081 did not answer for id " + id);
        }
        return REGISTRY.get(id);
    }).withValueIdHeader(new SchemaIdHeader(TEXT_HEADER, SchemaIdHeader.Layout.TEXT));
    private static final PayloadDecoder PAYLOADS = AVRO.payloads();
    private static final PayloadDecoder KEYS = AVRO.keys();
    private static Guard guard;

    /** One input: the framed (or plain) bytes and the id headers that may come with them. */
    record Input(byte[] bytes, byte[] apicurioId, byte[] textId) {
        String preview() {
            return BadInput.preview(bytes) + " with apicurio id " + BadInput.preview(apicurioId) + " and " + TEXT_HEADER
                    + " " + BadInput.preview(textId);
        }

        Message message() {
            List<Header> headers = new ArrayList<>();
            if (apicurioId != null) {
                headers.add(Header.of("apicurio.value.globalId", apicurioId));
                headers.add(Header.of("apicurio.key.globalId", apicurioId));
            }
            if (textId != null) {
                headers.add(Header.of(TEXT_HEADER, textId));
            }
            return new Message(Destination.kafka("fuzz.orders"), bytes, Headers.of(headers), bytes, BodyType.BYTES, T0, T0,
                    new KafkaMetadata(3, 42, "CreateTime", -1));
        }
    }

    @BeforeAll
    static void start() {
        guard = Guard.start("frame-fuzz");
    }

    @AfterAll
    static void stop() {
        guard.close();
    }

    private static Function<SplittableRandom, Input> inputs() {
        List<byte[]> values = FuzzSchemas.validValues();
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            seeds.add(ConfluentWireFormat.frame(i + 1, values.get(i)));
            seeds.add(values.get(i));
        }
        Function<SplittableRandom, byte[]> ids = Gen.frequency(
                Gen.weighted(6, Gen.just(null)),
                Gen.weighted(2, Gen.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 1000L, -1L, 1L << 31, Long.MAX_VALUE)
                        .andThen(id -> ByteBuffer.allocate(8).putLong(id).array())),
                Gen.weighted(1, Gen.bytes(12)));
        Function<SplittableRandom, byte[]> textIds = Gen.frequency(
                Gen.weighted(6, Gen.just(null)),
                Gen.weighted(3, Gen.strings("0123456789 -+x\u0660", 12).andThen(s -> s.getBytes(StandardCharsets.UTF_8))));
        Function<SplittableRandom, byte[]> frames = Mutations.bytes(seeds);
        return r -> new Input(frames.apply(r), ids.apply(r), textIds.apply(r));
    }

    @Test
    void aFrameOrAnIdHeaderDecodesOrIsRejectedWithADecodeException() {
        Fuzz.check(Fuzz.SEED, inputs(), Input::preview, this::tryOne);
    }

    private void tryOne(Input in) {
        String input = in.preview();
        Message message = in.message();

        Guard.Outcome framed = guard.run(input, () -> AVRO.decodeToJson(in.bytes(), "fuzz.orders[3]@42"));
        Guard.Outcome payload = guard.run(input, () -> PAYLOADS.decode(message));
        Guard.Outcome key = guard.run(input, () -> KEYS.decode(message));
        Guard.Outcome header = guard.run(input, () -> ConfluentWireFormat.parse(in.bytes(), "fuzz.orders[3]@42"));

        for (Guard.Outcome o : List.of(framed, payload, key, header)) {
            BadInput.expect(o, DecodeException.class, "cannot decode ", input);
            BadInput.allocatedAtMost(o, AvroDecodeFuzzTest.ALLOCATION_LIMIT, input);
            if (o.threw()) {
                assertThat(o.thrown().getMessage()).contains("fuzz.orders[3]@42");
            }
        }
        if (!header.threw()) {
            assertThat(((ConfluentWireFormat.Frame) header.value()).schemaId()).isNotNegative();
        }
    }

    private static Map<Integer, RegisteredSchema> registry() {
        Map<Integer, RegisteredSchema> all = new java.util.HashMap<>();
        for (int i = 0; i < FuzzSchemas.ALL.size(); i++) {
            all.put(i + 1, new RegisteredSchema(i + 1, "fuzz-" + i, 1, SchemaFormat.AVRO, FuzzSchemas.ALL.get(i).toString()));
        }
        all.put(5, new RegisteredSchema(5, "json", 1, SchemaFormat.JSON_SCHEMA, "{\"type\":\"object\"}"));
        all.put(6, new RegisteredSchema(6, "broken", 1, SchemaFormat.AVRO, "{\"type\":\"record\",\"name\":"));
        return Map.copyOf(all);
    }
}
