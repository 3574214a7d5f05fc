package io.sitkit.match;

import com.fasterxml.jackson.databind.JsonNode;
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
    private final JsonPathExpression path;

    JsonPathCondition(String path) {
        this.path = JsonPathExpression.compile(path);
    }

    /** The value equals {@code expected} (numbers by value: 42 equals 42.0; strings exactly). */
    public MessageMatcher isEqualTo(Object expected) {
        JsonNode want = ParsedPayload.MAPPER.valueToTree(expected);
        return condition("== " + JsonDiff.render(want, 60), v -> same(v, want));
    }

    /** The value is present and differs from {@code unexpected}. */
    public MessageMatcher isNotEqualTo(Object unexpected) {
        JsonNode not = ParsedPayload.MAPPER.valueToTree(unexpected);
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
        return new PathMatcher(description, root -> root != null && path.readAll(root).isEmpty(), (m, root) -> {
            if (root == null) {
                return Check.fail(description, "payload is not JSON");
            }
            List<JsonNode> found = path.readAll(root);
            return found.isEmpty() ? Check.pass(description) : Check.fail(description, "was " + JsonDiff.render(found.get(0), 60));
        });
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
        return new PathMatcher(description, root -> {
            for (JsonNode v : path.readAll(root)) {
                if (test.test(v)) {
                    return true;
                }
            }
            return false;
        }, (m, root) -> {
            if (root == null) {
                return Check.fail(description, m.payloadSize() <= 0 ? "no payload" : "payload is not JSON");
            }
            List<JsonNode> values = path.readAll(root);
            if (values.isEmpty()) {
                return new Check(description, false, "missing", hint(root).orElse(null));
            }
            for (JsonNode v : values) {
                if (test.test(v)) {
                    return Check.pass(description);
                }
            }
            List<String> shown = new ArrayList<>();
            values.stream().limit(3).forEach(v -> shown.add(JsonDiff.render(v, 60)));
            return Check.fail(description, "was " + String.join(", ", shown) + (values.size() > 3 ? ", …" : ""));
        });
    }

    /** A matcher over the payload's JSON tree (null when the payload is not JSON), explained by one check. */
    private record PathMatcher(String description, Predicate<JsonNode> test,
                               java.util.function.BiFunction<Message, JsonNode, Check> check) implements MessageMatcher {
        @Override
        public boolean matches(Message m) {
            return test.test(ParsedPayload.json(m));
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public List<Check> explain(Message m) {
            return List.of(check.apply(m, ParsedPayload.json(m)));
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** For a missing simple path: does the parent object hold the same name in another style? */
    private Optional<String> hint(JsonNode root) {
        Optional<String[]> split = path.lastNameAndParent();
        if (split.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> parent = JsonDiff.at(root, split.get()[1]);
        if (parent.isEmpty() || !parent.get().isObject()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        parent.get().fieldNames().forEachRemaining(names::add);
        return JsonDiff.namingHint(split.get()[0], names);
    }
}
