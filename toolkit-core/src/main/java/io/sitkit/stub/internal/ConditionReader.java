package io.sitkit.stub.internal;

import io.sitkit.match.JsonPathCondition;
import io.sitkit.match.Matchers;
import io.sitkit.match.MessageMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a rule's {@code when:} into the core's matchers. A condition is a mapping from subjects
 * to tests, all of which must hold (a list of conditions too):
 *
 * <pre>{@code
 * when:
 *   jsonPath:
 *     $.amount: {greaterThan: 1000}
 *     $.coupon: exists
 *   header:
 *     x-channel: {equals: web}
 *   key: {matches: "o-[0-9]+"}
 *   text: {contains: "express"}
 *   anyOf: [{key: {equals: o-1}}, {key: {equals: o-2}}]
 *   not: {header: {x-test: exists}}
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
final class ConditionReader {
    static final List<String> SUBJECTS = List.of("jsonPath", "header", "key", "text", "anyOf", "not");
    static final List<String> JSON_TESTS = List.of("equals", "notEquals", "greaterThan", "greaterThanOrEqual", "lessThan",
            "lessThanOrEqual", "matches", "contains", "exists", "absent");
    static final List<String> HEADER_TESTS = List.of("equals", "matches", "exists", "absent");
    static final List<String> KEY_TESTS = List.of("equals", "matches");
    static final List<String> TEXT_TESTS = List.of("contains", "regex");
    private static final int MAX_DEPTH = 16;

    private ConditionReader() {
    }

    /** The matcher of a {@code when:} value; {@code any} (or no {@code when}) matches every request. */
    static MessageMatcher read(YamlNode when) {
        return read(when, 0);
    }

    private static MessageMatcher read(YamlNode when, int depth) {
        if (depth > MAX_DEPTH) {
            throw when.error("conditions nest deeper than " + MAX_DEPTH + " levels (an alias that contains itself?)");
        }
        if (when.isScalar() && when.text("").equals("any")) {
            return Matchers.anyMessage();
        }
        if (when.isList()) {
            List<MessageMatcher> all = new ArrayList<>();
            for (YamlNode c : when.list("a list of conditions", false)) {
                all.add(read(c, depth + 1));
            }
            return combine(all);
        }
        Map<String, YamlNode> subjects = when.members("a condition such as {jsonPath: {$.amount: {greaterThan: 1000}}}, "
                + "a list of conditions, or any", SUBJECTS, "matcher");
        if (subjects.isEmpty()) {
            throw when.error("an empty condition; name a matcher (" + String.join(", ", SUBJECTS) + ") or write any");
        }
        List<MessageMatcher> all = new ArrayList<>();
        for (Map.Entry<String, YamlNode> s : subjects.entrySet()) {
            YamlNode v = s.getValue();
            switch (s.getKey()) {
                case "jsonPath" -> v.members("a mapping of JSON paths to tests, e.g. {$.amount: {greaterThan: 1000}}")
                        .forEach((path, tests) -> all.add(jsonPath(path, tests)));
                case "header" -> v.members("a mapping of header names to tests, e.g. {x-channel: {equals: web}}")
                        .forEach((name, tests) -> all.add(header(name, tests)));
                case "key" -> all.add(key(v));
                case "text" -> all.add(text(v));
                case "anyOf" -> {
                    List<MessageMatcher> any = new ArrayList<>();
                    for (YamlNode c : v.list("a list of conditions", false)) {
                        any.add(read(c, depth + 1));
                    }
                    if (any.isEmpty()) {
                        throw v.error("anyOf needs at least one condition");
                    }
                    all.add(Matchers.anyOf(any.toArray(MessageMatcher[]::new)));
                }
                default -> all.add(Matchers.not(read(v, depth + 1)));
            }
        }
        return combine(all);
    }

    private static MessageMatcher combine(List<MessageMatcher> all) {
        return all.size() == 1 ? all.get(0) : Matchers.allOf(all.toArray(MessageMatcher[]::new));
    }

    private static MessageMatcher jsonPath(String path, YamlNode tests) {
        JsonPathCondition condition;
        try {
            condition = Matchers.jsonPath(path);
        } catch (RuntimeException e) {
            throw tests.error("'" + path + "' is not a JSON path: " + e.getMessage(), e);
        }
        if (tests.isScalar()) {
            return switch (presence(tests)) {
                case "exists" -> condition.exists();
                default -> condition.isAbsent();
            };
        }
        List<MessageMatcher> all = new ArrayList<>();
        testsOf(tests, JSON_TESTS).forEach((test, v) -> all.add(switch (test) {
            case "equals" -> condition.isEqualTo(v.json());
            case "notEquals" -> condition.isNotEqualTo(v.json());
            case "greaterThan" -> condition.isGreaterThan(v.number("a number"));
            case "greaterThanOrEqual" -> condition.isGreaterThanOrEqualTo(v.number("a number"));
            case "lessThan" -> condition.isLessThan(v.number("a number"));
            case "lessThanOrEqual" -> condition.isLessThanOrEqualTo(v.number("a number"));
            case "matches" -> condition.matches(regex(v));
            case "contains" -> condition.contains(v.text("a text"));
            case "exists" -> v.bool("a boolean") ? condition.exists() : condition.isAbsent();
            default -> v.bool("a boolean") ? condition.isAbsent() : condition.exists();
        }));
        return combine(all);
    }

    private static MessageMatcher header(String name, YamlNode tests) {
        if (tests.isScalar()) {
            return presence(tests).equals("exists") ? Matchers.header(name) : Matchers.not(Matchers.header(name));
        }
        List<MessageMatcher> all = new ArrayList<>();
        testsOf(tests, HEADER_TESTS).forEach((test, v) -> all.add(switch (test) {
            case "equals" -> Matchers.header(name, v.text("a text"));
            case "matches" -> Matchers.headerMatches(name, regex(v));
            case "exists" -> v.bool("a boolean") ? Matchers.header(name) : Matchers.not(Matchers.header(name));
            default -> v.bool("a boolean") ? Matchers.not(Matchers.header(name)) : Matchers.header(name);
        }));
        return combine(all);
    }

    private static MessageMatcher key(YamlNode tests) {
        List<MessageMatcher> all = new ArrayList<>();
        testsOf(tests, KEY_TESTS).forEach((test, v) -> all.add(test.equals("equals")
                ? Matchers.key(v.text("a text")) : Matchers.keyMatches(regex(v))));
        return combine(all);
    }

    private static MessageMatcher text(YamlNode tests) {
        List<MessageMatcher> all = new ArrayList<>();
        testsOf(tests, TEXT_TESTS).forEach((test, v) -> all.add(test.equals("contains")
                ? Matchers.payloadContains(v.text("a text")) : Matchers.payloadMatches(regex(v))));
        return combine(all);
    }

    private static Map<String, YamlNode> testsOf(YamlNode tests, List<String> known) {
        Map<String, YamlNode> all = tests.members("a mapping of tests such as {" + known.get(0) + ": …}", known, "test");
        if (all.isEmpty()) {
            throw tests.error("no test; write one of " + String.join(", ", known));
        }
        return all;
    }

    private static String presence(YamlNode tests) {
        String word = tests.text("");
        if (!word.equals("exists") && !word.equals("absent")) {
            throw tests.error("expected exists, absent or a mapping of tests such as {equals: …}, was '" + word + "'");
        }
        return word;
    }

    private static String regex(YamlNode v) {
        String regex = v.text("a regular expression");
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw v.error("'" + regex + "' is not a regular expression: " + e.getDescription() + " at index " + e.getIndex());
        }
        return regex;
    }
}
