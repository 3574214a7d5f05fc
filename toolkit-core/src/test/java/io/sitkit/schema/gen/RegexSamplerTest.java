package io.sitkit.schema.gen;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RegexSamplerTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "^[A-Z]{3}$", "^SKU-[0-9]{6}$", "^\\+[0-9]{7,15}$", "^(0[1-9]|1[0-2])/[0-9]{2}$", "^[a-z0-9]+(?:-[a-z0-9]+)*$",
            "^PAT-\\d{8}$", "^[A-Z0-9]{3,5}(-[A-Z0-9]{3,4})?$", "[^,;]+", "^\\w+@\\w+\\.com$", "^(EUR|USD|GBP)$", "a.b",
            "^[A-Za-z_][A-Za-z0-9_]*$", "^\\d{2,}\\.\\d+$", "^[-+]?[0-9]*\\.?[0-9]+$", "^x{0,2}y?z+?$"})
    void aSimplePatternGivesAStringItMatches(String pattern) {
        for (int seed = 0; seed < 25; seed++) {
            assertThat(RegexSampler.sample(pattern, new SplittableRandom(seed)))
                    .hasValueSatisfying(s -> assertThat(Pattern.compile(pattern).matcher(s).find()).as(s).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"^(?=.*\\d)\\w+$", "(a)\\1", "\\bword\\b", "\\p{L}+", "[a-z&&[^e]]", "a{2", "(unclosed"})
    void aPatternBeyondTheSamplerGivesNothing(String pattern) {
        assertThat(RegexSampler.sample(pattern, new SplittableRandom(1))).isEmpty();
    }
}
