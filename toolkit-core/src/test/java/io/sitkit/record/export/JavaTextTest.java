package io.sitkit.record.export;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JavaTextTest {
    static final Map<String, String> KEYS = Map.of("o-1", "o1", "o-12", "o12");

    @Test
    void keys_standing_alone_become_their_variables_and_keys_inside_longer_words_stay_text() {
        assertThat(JavaText.string("o-1", KEYS)).isEqualTo("o1");
        assertThat(JavaText.string("Your order o-1 is confirmed", KEYS)).isEqualTo("\"Your order \" + o1 + \" is confirmed\"");
        assertThat(JavaText.string("o-12", KEYS)).isEqualTo("o12");
        assertThat(JavaText.string("o-123 and xo-1", KEYS)).isEqualTo("\"o-123 and xo-1\"");
        assertThat(JavaText.string("o-1/o-12", KEYS)).isEqualTo("o1 + \"/\" + o12");
    }

    @Test
    void short_keys_count_only_as_a_whole_value_not_inside_other_text() {
        Map<String, String> keys = Map.of("7", "key7");

        assertThat(JavaText.string("7", keys)).isEqualTo("key7");
        assertThat(JavaText.string("sku 7", keys)).isEqualTo("\"sku 7\"");
        assertThat(JavaText.keyAt("{\"id\":\"7\"}", 7, keys)).isEqualTo("7");
    }

    @Test
    void literals_escape_quotes_backslashes_and_control_characters() {
        assertThat(JavaText.literal("a \"b\" \\ c\n\u0001")).isEqualTo("\"a \\\"b\\\" \\\\ c\\n\\u0001\"");
    }

    @Test
    void text_blocks_escape_what_would_end_them_early() {
        assertThat(JavaText.textBlock("{\"a\":\"\\\"\"\"\"}", "    ")).isEqualTo("\"\"\"\n    {\"a\":\"\\\\\"\"\\\"\"}\"\"\"");
        assertThat(JavaText.textBlock("x \ny", "")).isEqualTo("\"\"\"\nx\\s\ny\"\"\"");
    }

    @Test
    void identifiers_are_camel_case_and_never_keywords_or_taken() {
        assertThat(JavaText.identifier("o-1", Set.of())).isEqualTo("o1");
        assertThat(JavaText.identifier("order_id-7", Set.of())).isEqualTo("orderId7");
        assertThat(JavaText.identifier("42", Set.of())).isEqualTo("key42");
        assertThat(JavaText.identifier("new", Set.of())).isEqualTo("new2");
        assertThat(JavaText.identifier("o-1", Set.of("o1"))).isEqualTo("o12");
    }
}
