package io.sitkit.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VolatileValuesTest {

    @Test
    void idsTimesTraceIdsAndMessageIdsBecomePlaceholdersWhereverTheyAreInTheText() {
        assertThat(VolatileValues.normalize("evt-3f2a8c1e-0b7d-4c55-9e21-7d9a1b2c3d4e")).isEqualTo("evt-<uuid>");
        assertThat(VolatileValues.normalize("placed at 2026-03-02T09:15:04.510Z, due 2026-03-09")).isEqualTo("placed at <time>, due 2026-03-09");
        assertThat(VolatileValues.normalize("2026-03-02T10:15:04+01:00")).isEqualTo("<time>");
        assertThat(VolatileValues.normalize("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEqualTo("<trace>");
        assertThat(VolatileValues.normalize("ID:host-41807-1795603100411-9:1:2:1:1")).isEqualTo("<message-id>");
    }

    @Test
    void eachVolatilePartIsHandedOverWithItsKindAndReplacedByWhatComesBack() {
        java.util.List<String> seen = new java.util.ArrayList<>();

        String out = VolatileValues.replace("req 3f2a8c1e-0b7d-4c55-9e21-7d9a1b2c3d4e at 2026-03-02T09:15:04Z, cost $5", (kind, value) -> {
            seen.add(kind + "=" + value);
            return "$" + kind;
        });

        assertThat(out).isEqualTo("req $uuid at $time, cost $5");
        assertThat(seen).containsExactly("uuid=3f2a8c1e-0b7d-4c55-9e21-7d9a1b2c3d4e", "time=2026-03-02T09:15:04Z");
        assertThat(VolatileValues.contains("placed 2026-03-02T09:15:04Z")).isTrue();
        assertThat(VolatileValues.contains("pay-1234567890")).isFalse();
        assertThat(VolatileValues.contains(null)).isFalse();
    }

    @Test
    void ordinaryValuesStayAsTheyAre() {
        assertThat(VolatileValues.normalize("o-1")).isEqualTo("o-1");
        assertThat(VolatileValues.normalize("pay-1234567890")).isEqualTo("pay-1234567890");
        assertThat(VolatileValues.normalize((String) null)).isNull();
    }

    @Test
    void jsonStringsAreNormalizedAtAnyDepthAndNamesAndNumbersAreKept() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(VolatileValues.normalize(json.readTree("{\"id\":\"3f2a8c1e-0b7d-4c55-9e21-7d9a1b2c3d4e\",\"n\":2,"
                + "\"lines\":[{\"at\":\"2026-03-02T09:15:04Z\"}]}")).toString())
                .isEqualTo("{\"id\":\"<uuid>\",\"n\":2,\"lines\":[{\"at\":\"<time>\"}]}");
    }
}
