package io.sitkit.schema.compat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompatibilityModeTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NONE                 | NONE
            BACKWARD             | BACKWARD
            backward_transitive  | BACKWARD_TRANSITIVE
            Forward              | FORWARD
            forward-transitive   | FORWARD_TRANSITIVE
            ' full '             | FULL
            FULL TRANSITIVE      | FULL_TRANSITIVE
            """)
    void registryNamesAreReadWhateverTheCaseAndSeparator(String name, CompatibilityMode mode) {
        assertThat(CompatibilityMode.parse(name)).isEqualTo(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BACKWARDS", "full_transitve"})
    void anUnknownNameIsRefusedNamingTheAcceptedOnes(String name) {
        assertThatThrownBy(() -> CompatibilityMode.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown compatibility mode '" + name + "'; use NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD,"
                        + " FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE");
    }

    @ParameterizedTest(name = "{0}: backward {1}, forward {2}, transitive {3}")
    @CsvSource(textBlock = """
            NONE,                false, false, false
            BACKWARD,            true,  false, false
            BACKWARD_TRANSITIVE, true,  false, true
            FORWARD,             false, true,  false
            FORWARD_TRANSITIVE,  false, true,  true
            FULL,                true,  true,  false
            FULL_TRANSITIVE,     true,  true,  true
            """)
    void eachModeSaysWhichReadersAndWhichVersionsItChecks(CompatibilityMode mode, boolean backward, boolean forward,
                                                          boolean transitive) {
        assertThat(mode.checksBackward()).isEqualTo(backward);
        assertThat(mode.checksForward()).isEqualTo(forward);
        assertThat(mode.isTransitive()).isEqualTo(transitive);
    }

    @Test
    void aNullNameIsRefusedLikeAnUnknownOne() {
        assertThatThrownBy(() -> CompatibilityMode.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown compatibility mode 'null'");
    }
}
