package io.sitkit.match;

import io.sitkit.core.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code and}, {@code or} and {@code not} over matchers. An {@code and} explains every part, so a
 * near miss shows which parts held; an {@code or} explains its best branch.
 *
 * <p>Thread-safety: immutable.
 */
final class CompositeMatcher implements MessageMatcher {
    enum Kind { AND, OR, NOT }

    private final Kind kind;
    private final List<MessageMatcher> parts;

    CompositeMatcher(Kind kind, List<MessageMatcher> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs at least one matcher");
        }
        this.kind = kind;
        List<MessageMatcher> flat = new ArrayList<>();
        for (MessageMatcher p : parts) {
            if (p instanceof CompositeMatcher c && c.kind == kind && kind != Kind.NOT) {
                flat.addAll(c.parts);
            } else {
                flat.add(java.util.Objects.requireNonNull(p, "matcher"));
            }
        }
        this.parts = List.copyOf(flat);
    }

    @Override
    public boolean matches(Message message) {
        switch (kind) {
            case AND:
                for (MessageMatcher p : parts) {
                    if (!p.matches(message)) {
                        return false;
                    }
                }
                return true;
            case OR:
                for (MessageMatcher p : parts) {
                    if (p.matches(message)) {
                        return true;
                    }
                }
                return false;
            default:
                return !parts.get(0).matches(message);
        }
    }

    @Override
    public String describe() {
        return switch (kind) {
            case AND -> parts.stream().map(p -> wrap(p, Kind.OR)).collect(Collectors.joining(" and "));
            case OR -> parts.stream().map(p -> wrap(p, Kind.AND)).collect(Collectors.joining(" or "));
            case NOT -> "not (" + parts.get(0).describe() + ")";
        };
    }

    private static String wrap(MessageMatcher m, Kind needsParens) {
        return m instanceof CompositeMatcher c && c.kind == needsParens ? "(" + m.describe() + ")" : m.describe();
    }

    @Override
    public List<Check> explain(Message message) {
        switch (kind) {
            case AND: {
                List<Check> out = new ArrayList<>();
                parts.forEach(p -> out.addAll(p.explain(message)));
                return out;
            }
            case OR: {
                List<Check> best = null;
                long bestPassed = -1;
                for (MessageMatcher p : parts) {
                    List<Check> checks = p.explain(message);
                    long passed = checks.stream().filter(Check::passed).count();
                    if (passed > bestPassed) {
                        best = checks;
                        bestPassed = passed;
                    }
                }
                return best;
            }
            default: {
                boolean ok = matches(message);
                return List.of(new Check(describe(), ok, ok ? null : "it did", null));
            }
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
