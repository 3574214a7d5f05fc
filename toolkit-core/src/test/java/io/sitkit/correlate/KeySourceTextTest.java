package io.sitkit.correlate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text form of a key source: what stub files, recordings and the inspector's saved rules write. */
class KeySourceTextTest {

    @Test
    void every_key_source_reads_back_from_its_text() {
        List<KeySource> all = List.of(KeySource.kafkaKey(), KeySource.header("orderId"), KeySource.jmsCorrelationId(),
                KeySource.jmsMessageId(), KeySource.jsonPath("$.order.id"), KeySource.traceId());

        assertThat(all).extracting(KeySource::text)
                .containsExactly("key", "header:orderId", "correlationId", "messageId", "jsonPath:$.order.id", "traceId");
        assertThat(all).allSatisfy(s -> assertThat(KeySource.parse(s.text())).isEqualTo(s));
    }

    @Test
    void only_the_first_colon_separates_the_word_from_its_argument() {
        KeySource path = KeySource.jsonPath("$.lines[?(@.sku == 'A:B')].id");
        assertThat(path.text()).isEqualTo("jsonPath:$.lines[?(@.sku == 'A:B')].id");
        assertThat(KeySource.parse(path.text())).isEqualTo(path);
        assertThat(KeySource.parse("header:x:order")).isEqualTo(KeySource.header("x:order"));
    }

    @Test
    void the_word_reads_in_any_case_and_blanks_around_it_are_ignored() {
        assertThat(KeySource.parse(" CorrelationID ")).isEqualTo(KeySource.jmsCorrelationId());
        assertThat(KeySource.parse("HEADER: orderId")).isEqualTo(KeySource.header("orderId"));
        assertThat(KeySource.parse("jsonpath:$.orderId").describe()).isEqualTo("$.orderId");
    }

    @Test
    void a_text_that_does_not_read_says_which_forms_would() {
        assertThat(KeySource.FORMS).containsExactly("key", "header:<name>", "correlationId", "messageId", "jsonPath:<path>", "traceId");
        assertThatThrownBy(() -> KeySource.parse("body"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'body' is not a correlation key source; use one of key, header:<name>, correlationId, messageId,"
                        + " jsonPath:<path>, traceId");
        assertThatThrownBy(() -> KeySource.parse(""))
                .hasMessage("'' is not a correlation key source; use one of key, header:<name>, correlationId, messageId,"
                        + " jsonPath:<path>, traceId");
        assertThatThrownBy(() -> KeySource.parse("header:")).hasMessage("header needs a header name (header:orderId)");
        assertThatThrownBy(() -> KeySource.parse("jsonPath: ")).hasMessage("jsonPath needs a JSON path (jsonPath:$.orderId)");
        assertThatThrownBy(() -> KeySource.parse("key:orderId")).hasMessage("'key:orderId': key takes nothing after it");
        assertThatThrownBy(() -> KeySource.parse("TraceID:x")).hasMessage("'TraceID:x': traceId takes nothing after it");
        assertThatThrownBy(() -> KeySource.parse("jsonPath:$["))
                .hasMessage("invalid JSON path '$[': it ends before a bracket, quote or filter is closed, or cannot be read");
    }
}
