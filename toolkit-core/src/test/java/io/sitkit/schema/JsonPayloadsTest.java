package io.sitkit.schema;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPayloadsTest {

    @Test
    void decimalsAreReadExactlyNotAsDoubles() {
        assertThat(JsonPayloads.parse(bytes("{\"total\": 0.1000000000000000055511151231257827}"), "kafka:orders[0]@1")
                .get("total").decimalValue()).isEqualByComparingTo("0.1000000000000000055511151231257827");
    }

    @Test
    void contentAfterTheValueIsNamedAsSuchWithItsLineAndColumn() {
        assertThatThrownBy(() -> JsonPayloads.parse(bytes("{\"a\": 1} {}"), "kafka:orders[0]@2"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode JSON payload at kafka:orders[0]@2: invalid JSON at line 1, column 10: more after"
                        + " the end of the JSON value (a second value or stray characters) (11 bytes, first: 7b 22 61 22 3a 20 31 7d 20 7b 7d)");
    }

    @Test
    void aNumberWhoseExponentNoExactDecimalHoldsIsADecodeExceptionNotANumberFormatException() {
        byte[] huge = bytes("[1e123456789012345678901234567890]");

        assertThatThrownBy(() -> JsonPayloads.parse(huge, "kafka:orders[0]@3"))
                .isInstanceOf(DecodeException.class)
                .hasMessage("cannot decode JSON payload at kafka:orders[0]@3: a number out of range: its exponent is beyond"
                        + " what an exact decimal holds (34 bytes, first: 5b 31 65 31 32 33 34 35 36 37 38 39 30 31 32 33 …)");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
