package io.sitkit.schema.gen;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FieldHintsTest {

    @ParameterizedTest(name = "{0} ends with the word {1}: {2}")
    @CsvSource(textBlock = """
            id,          id,    true
            orderId,     id,    true
            order_id,    id,    true
            ORDER_ID,    id,    true
            orderID,     id,    true
            paid,        id,    false
            void,        id,    false
            createdAt,   at,    true
            created_at,  at,    true
            format,      at,    false
            customerEmail, email, true
            emailed,     email, false
            """)
    void aNameEndsWithAWordOnlyAtAWordBoundary(String field, String word, boolean expected) {
        assertThat(FieldHints.word(field, word)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} looks like {1}")
    @CsvSource(textBlock = """
            orderId,       ORD-\\d{6}
            id,            [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}
            email,         [a-z]+\\.[a-z]+\\d{2}@example\\.com
            currency,      EUR|USD|GBP|CHF|SEK
            country,       DE|FR|NL|GB|US|SE|CH
            createdAt,     202[4-6]-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z
            birthDate,     (19[4-9]\\d|200[0-5])-\\d{2}-\\d{2}
            phone,         \\+49151\\d{8}
            """)
    void aTellingNameGivesARealisticValue(String field, String looks) {
        for (int seed = 0; seed < 10; seed++) {
            assertThat(FieldHints.text(field, new java.util.SplittableRandom(seed))).hasValueSatisfying(v -> assertThat(v).matches(looks));
        }
    }
}
