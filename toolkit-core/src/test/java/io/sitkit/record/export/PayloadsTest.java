package io.sitkit.record.export;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadsTest {
    final Payloads payloads = new Payloads(Map.of("o-1", "o1", "42", "key42"), SessionExport.of(Path.of("unused.jsonl")));

    @Test
    void keys_in_json_strings_become_the_runs_keys_and_keys_in_json_numbers_stay() {
        String template = payloads.template("{\"orderId\":\"o-1\",\"n\":42,\"ref\":\"42\",\"note\":\"say \\\"o-1\\\" 100%\"}", "");

        assertThat(template).isEqualTo("\"\"\"\n{\"orderId\":\"%1$s\",\"n\":42,\"ref\":\"%2$s\",\"note\":\"say \\\\\"%1$s\\\\\" 100%%\"}\"\"\""
                + ".formatted(o1, key42)");
    }

    @Test
    void text_that_is_not_json_has_its_keys_replaced_anywhere_short_ones_excepted_and_percent_signs_kept() {
        assertThat(payloads.template("order o-1 for 42 at 100%", "")).isEqualTo("\"\"\"\norder %1$s for 42 at 100%%\"\"\".formatted(o1)");
        assertThat(payloads.template("nothing to do: 100%", "")).isEqualTo("\"\"\"\nnothing to do: 100%\"\"\"");
    }

    @Test
    void uuids_and_times_published_again_are_fresh_and_the_same_value_stays_the_same_argument() {
        String uuid = "3f2a1c9e-8b7d-4e6f-9a0b-1c2d3e4f5a6b";

        assertThat(payloads.template("{\"id\":\"" + uuid + "\",\"again\":\"" + uuid + "\",\"at\":\"2026-03-02T09:15:00Z\"}", ""))
                .isEqualTo("\"\"\"\n{\"id\":\"%1$s\",\"again\":\"%1$s\",\"at\":\"%2$s\"}\"\"\".formatted(UUID.randomUUID(), java.time.Instant.now())");
        assertThat(payloads.fresh(uuid)).isEqualTo("UUID.randomUUID().toString()");
        assertThat(payloads.fresh("o-1")).isEqualTo("o1");
        assertThat(payloads.fresh("cart")).isEqualTo("\"cart\"");
    }
}
