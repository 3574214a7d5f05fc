package io.sitkit.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.Message;
import io.sitkit.diff.FieldDifference;
import io.sitkit.diff.JsonDiff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Matches a JSON payload equivalent to an expected document under a {@link JsonDiff}; a near miss
 * explains itself field by field ({@code $.total: expected 42 but was 41}).
 *
 * <p>Thread-safety: immutable.
 */
final class JsonEquivalence implements MessageMatcher {
    private static final ObjectMapper MAPPER = ParsedPayload.MAPPER;
    private final JsonNode expected;
    private final JsonDiff diff;

    JsonEquivalence(String expectedJson, JsonDiff diff) {
        try {
            this.expected = MAPPER.readTree(Objects.requireNonNull(expectedJson, "expectedJson"));
        } catch (IOException e) {
            throw new IllegalArgumentException("expected JSON does not parse: " + e.getMessage() + ": "
                    + (expectedJson.length() > 80 ? expectedJson.substring(0, 80) + "…" : expectedJson), e);
        }
        this.diff = Objects.requireNonNull(diff, "diff");
    }

    @Override
    public boolean matches(Message message) {
        JsonNode actual = ParsedPayload.json(message);
        return actual != null && diff.compare(expected, actual).isEmpty();
    }

    @Override
    public String describe() {
        return "payload equivalent to " + JsonDiff.render(expected, 80) + (diff.toString().equals(JsonDiff.strict().toString()) ? "" : " (" + diff + ")");
    }

    @Override
    public List<Check> explain(Message message) {
        JsonNode actual = ParsedPayload.json(message);
        if (actual == null) {
            return List.of(Check.fail("payload is JSON", message.payloadSize() <= 0 ? "no payload" : "it is not"));
        }
        List<Check> checks = new ArrayList<>();
        checks.add(Check.pass("payload is JSON"));
        for (FieldDifference d : diff.compare(expected, actual)) {
            String text = d.describe();
            String detail = text.startsWith(d.path() + ": ") ? text.substring(d.path().length() + 2) : text;
            checks.add(new Check(d.path(), false, detail, d.hint()));
        }
        return checks;
    }

    @Override
    public String toString() {
        return describe();
    }
}
