package io.sitkit.samples.bank;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The bank's one JSON mapper: amounts are read as {@link java.math.BigDecimal} with their scale
 * kept ({@code 40.00} stays {@code 40.00}, never the double {@code 40.0}).
 *
 * <p>Thread-safety: the mapper is configured once and then only used, which Jackson allows from any thread.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Json() {
    }
}
