package io.sitkit.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitkit.core.Message;
import io.sitkit.diff.JsonDiff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The first half of a JSON-path matcher: a path waiting for its condition. For paths selecting
 * several values (wildcards, filters) a condition holds when any selected value satisfies it;
 * {@link #isAbsent()} holds when none is selected.
 *
 * <pre>{@code
 * MessageMatcher big = Matchers.jsonPath("$.total").isGreaterThan(100);
 * MessageMatcher eu = Matchers.jsonPath("$.address.country").matches("DE|FR|IT");
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class JsonPathCondition {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonPathExpression path;

    JsonPathCondition(String path) {
        this.path = JsonPathExpression.compile(path);
    }

    /** The value equals {@code expected} (numbers by value: 42 equals 42.0; strings exactly). */
    public MessageMatcher isEqualTo(Object expected) {
        JsonNode want = MAPPER.valueToTree(expected);
        return condition("== " + JsonDiff.render(want, 60), v -> same(v, want));
    }

    /** The value is present and differs from {@code unexpected}. */
    public MessageMatcher isNotEqualTo(Object unexpected) {
        JsonNode not = MAPPER.valueToTree(unexpected);
        return condition("!= " + JsonDiff.render(not, 60), v -> !same(v, not));
    }

    public MessageMatcher isGreaterThan(Number bound) {
        return compare("> ", bound, c -> c > 0);
    }

    public MessageMatcher isGreaterThanOrEqualTo(Number bound) {
        return compare(">= ", bound, c -> c >= 0);
    }

    public MessageMatcher isLessThan(Number bound) {
        return compare("< ", bound, c -> c < 0);
    }

    public MessageMatcher isLessThanOrEqualTo(Number bound) {
        return compare("<= ", bound, c -> c <= 0);
    }

    /** The value's text (strings unquoted, other values as JSON) matches the whole regular expression. */
    public MessageMatcher matches(String regex) {
        Pattern p = Pattern.compile(regex);
        return condition("matches /" + regex + "/", v -> p.matcher(text(v)).matches());
    }

    /** The value's text contains {@code part}. */
    public MessageMatcher contains(String part) {
        Objects.requireNonNull(part, "part");
        return condition("contains \"" + part + "\"", v -> text(v).contains(part));
    }

    /** The path selects a value (JSON {@code null} counts as present). */
    public MessageMatcher exists() {
        return condition("exists", v -> true);
    }

    /** The path selects nothing. */
    public MessageMatcher isAbsent() {
        String description = path.path() + " is absent";
        return new MessageMatcher() {
            @Override
            public boolean matches(Message m) {
                return ParsedPayload.json(m) != null && path.readAll(ParsedPayload.json(m)).isEmpty();
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public List<Check> explain(Message m) {
                JsonNode root = ParsedPayload.json(m);
                if (root == null) {
                    return List.of(Check.fail(description, "payload is not JSON"));
                }
                List<JsonNode> found = path.readAll(root);
                return List.of(found.isEmpty() ? Check.pass(description)
                        : Check.fail(description, "was " + JsonDiff.render(found.get(0), 60)));
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** Any custom condition on the selected value, with a description such as {@code "is a UUID"}. */
    public MessageMatcher satisfies(String description, Predicate<JsonNode> condition) {
        return condition(description, condition);
    }

    private MessageMatcher compare(String op, Number bound, java.util.function.IntPredicate accept) {
        BigDecimal b = new BigDecimal(bound.toString());
        return condition(op + bound, v -> v.isNumber() && accept.test(v.decimalValue().compareTo(b)));
    }

    private static boolean same(JsonNode actual, JsonNode expected) {
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.equals(expected);
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private MessageMatcher condition(String what, Predicate<JsonNode> unguarded) {
        String description = path.path() + " " + what;
        Predicate<JsonNode> test = v -> {
            try {
                return unguarded.test(v.deepCopy());
            } catch (RuntimeException e) {
                return false;
            }
        };
        return new MessageMatcher() {
            @Override
            public boolean matches(Message m) {
                for (JsonNode v : path.readAll(ParsedPayload.json(m))) {
                    if (test.test(v)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public List<Check> explain(Message m) {
                JsonNode root = ParsedPayload.json(m);
                if (root == null) {
                    return List.of(Check.fail(description, m.payloadSize() <= 0 ? "no payload" : "payload is not JSON"));
                }
                List<JsonNode> values = path.readAll(root);
                if (values.isEmpty()) {
                    return List.of(new Check(description, false, "missing", hint(root).orElse(null)));
                }
                for (JsonNode v : values) {
                    if (test.test(v)) {
                        return List.of(Check.pass(description));
                    }
                }
                List<String> shown = new ArrayList<>();
                values.stream().limit(3).forEach(v -> shown.add(JsonDiff.render(v, 60)));
                return List.of(Check.fail(description, "was " + String.join(", ", shown) + (values.size() > 3 ? ", …" : "")));
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** For a missing simple path: does the parent object hold the same name in another style? */
    private Optional<String> hint(JsonNode root) {
        Optional<String[]> split = path.lastNameAndParent();
        if (split.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> parent = JsonPathExpression.compile(split.get()[1].equals("$") ? "$" : split.get()[1]).readAll(root);
        if (split.get()[1].equals("$")) {
            parent = List.of(root);
        }
        if (parent.isEmpty() || !parent.get(0).isObject()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        parent.get(0).fieldNames().forEachRemaining(names::add);
        return JsonDiff.namingHint(split.get()[0], names);
    }
}
