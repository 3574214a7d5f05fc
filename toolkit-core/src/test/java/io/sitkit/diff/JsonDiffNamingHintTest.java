package io.sitkit.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDiffNamingHintTest {

    @ParameterizedTest(name = "{0} against {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            total_amount | totalAmount  | snake_case vs camelCase
            total_amount | TotalAmount  | snake_case vs PascalCase
            total_amount | total-amount | snake_case vs kebab-case
            totalAmount  | total_amount | camelCase vs snake_case
            totalAmount  | TotalAmount  | camelCase vs PascalCase
            totalAmount  | total-amount | camelCase vs kebab-case
            TotalAmount  | totalAmount  | PascalCase vs camelCase
            TotalAmount  | total_amount | PascalCase vs snake_case
            total-amount | totalAmount  | kebab-case vs camelCase
            total-amount | total_amount | kebab-case vs snake_case
            total_amount | TOTAL_AMOUNT | different case
            totalamount  | totalAmount  | different case
            total_amount | totalamount  | different separators
            """)
    void aRenamedFieldIsNamedWithBothStyles(String expected, String actual, String styles) {
        assertThat(JsonDiff.namingHint(expected, List.of("orderId", actual)))
                .contains("field `" + expected + "` missing; the message has `" + actual + "` (" + styles + ")");
    }

    @Test
    void theExactSentenceForTheSnakeCaseAgainstCamelCaseCase() {
        assertThat(JsonDiff.namingHint("total_amount", List.of("totalAmount")))
                .contains("field `total_amount` missing; the message has `totalAmount` (snake_case vs camelCase)");
    }

    @Test
    void noHintWhenTheMessageHasTheNameItselfOrNothingClose() {
        assertThat(JsonDiff.namingHint("total_amount", List.of("totalAmount", "total_amount"))).isEmpty();
        assertThat(JsonDiff.namingHint("total_amount", List.of("orderId", "currency"))).isEmpty();
        assertThat(JsonDiff.namingHint("total_amount", List.of())).isEmpty();
    }

    @Test
    void aOneEditTypoIsSuggestedWhenNoRenamedFieldExists() {
        assertThat(JsonDiff.namingHint("total", List.of("currency", "totl")))
                .contains("field `total` missing; did you mean `totl`?");
        assertThat(JsonDiff.namingHint("amount", List.of("amuont"))).as("adjacent swap")
                .contains("field `amount` missing; did you mean `amuont`?");
        assertThat(JsonDiff.namingHint("sku", List.of("skus"))).as("one extra letter")
                .contains("field `sku` missing; did you mean `skus`?");
    }

    @Test
    void aRenamedFieldWinsOverATypoAndShortNamesGetNoTypoSuggestion() {
        assertThat(JsonDiff.namingHint("total_amount", List.of("total_amunt", "totalAmount")))
                .contains("field `total_amount` missing; the message has `totalAmount` (snake_case vs camelCase)");
        assertThat(JsonDiff.namingHint("id", List.of("ip"))).isEmpty();
        assertThat(JsonDiff.namingHint("total", List.of("tot"))).as("two edits away").isEmpty();
    }
}
