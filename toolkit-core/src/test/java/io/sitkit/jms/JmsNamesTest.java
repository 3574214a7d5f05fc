package io.sitkit.jms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class JmsNamesTest {

    @Test
    void validIdentifiersPassThroughUnchanged() {
        assertThat(JmsNames.toProperty("orderId")).isEqualTo("orderId");
        assertThat(JmsNames.toProperty("JMSXGroupSeq")).isEqualTo("JMSXGroupSeq");
    }

    @Test
    void dotsAndHyphensUseTheCommonEscapes() {
        assertThat(JmsNames.toProperty("content-type")).isEqualTo("content_HYPHEN_type");
        assertThat(JmsNames.toProperty("x.trace.id")).isEqualTo("x_DOT_trace_DOT_id");
    }

    @Test
    void otherCharactersAndLeadingDigitsAreHexEscaped() {
        assertThat(JmsNames.toProperty("a b")).isEqualTo("a_x0020_b");
        assertThat(JmsNames.toProperty("1st")).isEqualTo("_x0031_st");
    }

    @Test
    void keywordsAndReservedPrefixesAreGuarded() {
        assertThat(JmsNames.toProperty("AND")).isEqualTo("_x0000_AND");
        assertThat(JmsNames.toProperty("JMSCustom")).isEqualTo("_x0000_JMSCustom");
    }

    @ParameterizedTest
    @ValueSource(strings = {"traceparent", "content-type", "x.y-z", "a b", "1st", "AND", "JMSCustom", "_DOT_",
            "a_x0020_b", "ünïcødé", "kafka_offset", "$dollar", "_x0000_", "null", "__"})
    void everyNameSurvivesTheRoundTrip(String name) {
        String property = JmsNames.toProperty(name);
        assertThat(Character.isJavaIdentifierStart(property.charAt(0))).isTrue();
        assertThat(property.chars().skip(1).allMatch(Character::isJavaIdentifierPart)).isTrue();
        assertThat(JmsNames.toHeader(property)).isEqualTo(name);
    }
}
