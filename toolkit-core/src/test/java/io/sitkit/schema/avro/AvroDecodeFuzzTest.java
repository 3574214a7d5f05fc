package io.sitkit.schema.avro;

import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Gen;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;
import io.sitkit.schema.DecodeException;
import org.apache.avro.Schema;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Avro binary: {@link AvroCodec#decodeToJson} answers a JSON view or a {@link DecodeException}
 * naming where the bytes came from, for every schema of {@link FuzzSchemas} and for a writer
 * schema read as another version; a forged length prefix or item count never makes it allocate
 * more than the input could hold.
 */
class AvroDecodeFuzzTest {
    /** What one decode of at most a few hundred bytes may allocate: far below one forged length. */
    static final long ALLOCATION_LIMIT = 2L * 1024 * 1024;
    private static final String SHOP_ORDER = "io.sitkit.samples.shop.OrderPlaced";
    private static final List<AvroCodec> CODECS = codecs();
    private static Guard guard;

    @BeforeAll
    static void start() {
        guard = Guard.start("avro-fuzz");
    }

    @AfterAll
    static void stop() {
        guard.close();
    }

    private static Function<SplittableRandom, byte[]> values() {
        return Mutations.bytes(FuzzSchemas.validValues());
    }

    @Test
    void avroBinaryDecodesOrIsRejectedWithADecodeException() {
        Fuzz.check(Fuzz.SEED, values(), BadInput::preview, this::tryOne);
    }

    private void tryOne(byte[] bytes) {
        String input = BadInput.preview(bytes);
        for (AvroCodec codec : CODECS) {
            Guard.Outcome outcome = guard.run(input, () -> codec.decodeToJson(bytes, "fuzz[0]@7").toString());

            BadInput.expect(outcome, DecodeException.class, "cannot decode Avro value of ", input);
            BadInput.allocatedAtMost(outcome, ALLOCATION_LIMIT, input);
            if (outcome.threw()) {
                org.assertj.core.api.Assertions.assertThat(outcome.thrown().getMessage()).contains(" at fuzz[0]@7: ");
            }
        }
    }

    private static List<AvroCodec> codecs() {
        List<AvroCodec> codecs = new ArrayList<>();
        for (Schema s : FuzzSchemas.ALL) {
            codecs.add(AvroCodec.of(s));
        }
        Schema v1 = AvroSchemas.load(Path.of("src/test/resources/schemas/avro/order-placed-v1.avsc")).get(SHOP_ORDER);
        Schema v2 = AvroSchemas.load(Path.of("src/test/resources/schemas/avro/order-placed-v2.avsc")).get(SHOP_ORDER);
        codecs.add(AvroCodec.of(v1).readingAs(v2));
        codecs.add(AvroCodec.of(v2).readingAs(v1));
        return codecs;
    }
}
