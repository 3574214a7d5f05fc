package io.sitkit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sitkit.diff.FieldDifference.Kind;
import org.junit.jupiter.api.Test;

import static io.sitkit.diff.JsonDiffTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldDifferenceTest {
    private static final JsonNode FORTY_TWO = IntNode.valueOf(42);

    @Test
    void aMissingFieldWithAHintDescribesBoth() {
        FieldDifference d = new FieldDifference("$.total_amount", Kind.MISSING, FORTY_TWO, null, "the message has $.totalAmount");

        assertThat(d.describe()).isEqualTo("$.total_amount: missing (the message has $.totalAmount)");
    }

    @Test
    void aMissingFieldWithoutAHintSaysOnlyMissing() {
        FieldDifference d = new FieldDifference("$.items[2]", Kind.MISSING, FORTY_TWO, null, null);

        assertThat(d.describe()).isEqualTo("$.items[2]: missing");
    }

    @Test
    void aChangedValueShowsExpectedThenActual() {
        FieldDifference d = new FieldDifference("$.total", Kind.CHANGED, FORTY_TWO, IntNode.valueOf(41), null);

        assertThat(d.describe()).isEqualTo("$.total: expected 42 but was 41");
    }

    @Test
    void aTypeChangeNamesBothTypesAndValues() {
        FieldDifference d = new FieldDifference("$.total", Kind.TYPE_CHANGED, FORTY_TWO, TextNode.valueOf("42"), null);

        assertThat(d.describe()).isEqualTo("$.total: expected a number (42) but was a string (\"42\")");
    }

    @Test
    void anUnexpectedFieldShowsItsValue() {
        FieldDifference d = new FieldDifference("$.extra", Kind.UNEXPECTED, null, TextNode.valueOf("x"), null);

        assertThat(d.describe()).isEqualTo("$.extra: unexpected \"x\"");
    }

    @Test
    void longValuesAreCutToSixtyCharactersEndingInAnEllipsis() {
        String longText = "a".repeat(100);
        FieldDifference d = new FieldDifference("$.note", Kind.CHANGED, TextNode.valueOf(longText), TextNode.valueOf("b"), null);

        String shown = "\"" + "a".repeat(58) + "…";
        assertThat(shown).hasSize(60);
        assertThat(d.describe()).isEqualTo("$.note: expected " + shown + " but was \"b\"");
    }

    @Test
    void renderQuotesStringsAndKeepsShortValuesWhole() {
        assertThat(JsonDiff.render(TextNode.valueOf("say \"hi\""), 60)).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(JsonDiff.render(json("{'a':[1,true,null]}"), 60)).isEqualTo("{\"a\":[1,true,null]}");
        assertThat(JsonDiff.render(json("{'a':[1,true,null]}"), 5)).isEqualTo("{\"a\"…");
        assertThat(JsonDiff.render(NullNode.getInstance(), 60)).isEqualTo("null");
        assertThat(JsonDiff.render(null, 60)).isEqualTo("missing");
    }

    @Test
    void renderNeverSplitsASurrogatePair() {
        String shown = JsonDiff.render(TextNode.valueOf("ab\uD83D\uDE00cd"), 4);

        assertThat(shown).isEqualTo("\"ab…");
    }

    @Test
    void renderRejectsAWidthBelowOne() {
        assertThatThrownBy(() -> JsonDiff.render(FORTY_TWO, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxChars must be at least 1, was 0");
    }

    @Test
    void aPathNotStartingAtTheRootIsRejectedWithThePath() {
        assertThatThrownBy(() -> new FieldDifference("total", Kind.MISSING, FORTY_TWO, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path must start with $, was total");
    }

    @Test
    void theSidesMustFitTheKind() {
        assertThatThrownBy(() -> new FieldDifference("$.a", Kind.MISSING, FORTY_TWO, FORTY_TWO, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MISSING difference at $.a has no actual value, was 42");
        assertThatThrownBy(() -> new FieldDifference("$.a", Kind.UNEXPECTED, null, null, null))
                .hasMessage("UNEXPECTED difference at $.a needs an actual value, was null");
        assertThatThrownBy(() -> new FieldDifference("$.a", Kind.CHANGED, null, FORTY_TWO, null))
                .hasMessage("CHANGED difference at $.a needs an expected value, was null");
    }

    @Test
    void aBlankHintIsRejectedButNullMeansNone() {
        assertThatThrownBy(() -> new FieldDifference("$.a", Kind.MISSING, FORTY_TWO, null, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hint must be null or a sentence, was \" \"");
        assertThat(new FieldDifference("$.a", Kind.MISSING, FORTY_TWO, null, null).hint()).isNull();
    }

    @Test
    void withHintReturnsACopyCarryingTheHint() {
        FieldDifference plain = new FieldDifference("$.a", Kind.MISSING, FORTY_TWO, null, null);

        FieldDifference hinted = plain.withHint("the message has $.A");

        assertThat(hinted.describe()).isEqualTo("$.a: missing (the message has $.A)");
        assertThat(plain.hint()).isNull();
    }
}
