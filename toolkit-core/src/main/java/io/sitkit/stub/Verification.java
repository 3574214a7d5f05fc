package io.sitkit.stub;

import io.sitkit.core.Payloads;
import io.sitkit.expect.Count;
import io.sitkit.match.Check;
import io.sitkit.match.MessageMatcher;

import java.time.Duration;
import java.util.List;

/**
 * The failure message of {@link Stub#received}: what was expected, what arrived, and for each
 * request received whether it matched or which check it failed and with what value.
 *
 * <p>Thread-safety: stateless.
 */
final class Verification {
    /** Requests listed in a failure message; the rest are counted. */
    static final int LISTED = 20;

    private Verification() {
    }

    static String failure(StubSpec spec, Count count, MessageMatcher matcher, Duration within, boolean waited,
                          List<Exchange> seen) {
        int matched = (int) seen.stream().filter(e -> matcher.matches(e.request())).count();
        String wanted = count.describe().replace("message", "request");
        StringBuilder out = new StringBuilder(spec.name()).append(" on ").append(spec.listensOn()).append(": expected ")
                .append(wanted).append(" matching ").append(matcher.describe()).append(", but ");
        if (seen.isEmpty()) {
            out.append("it received none");
        } else {
            out.append(matched).append(" of the ").append(seen.size()).append(seen.size() == 1 ? " request" : " requests")
                    .append(" received matched");
        }
        if (waited) {
            out.append(" (waited ").append(within.toMillis()).append(" ms)");
        }
        int i = 0;
        for (Exchange e : seen) {
            if (++i > LISTED) {
                out.append("\n  … and ").append(seen.size() - LISTED).append(" more");
                break;
            }
            out.append("\n  ").append(i).append(". ").append(e.received()).append(" key=")
                    .append(e.request().keyText().orElse("-")).append(' ')
                    .append(Payloads.preview(e.request().payload(), 80));
            if (matcher.matches(e.request())) {
                out.append(" — matched");
            } else {
                out.append(" — did not match: ").append(firstFailed(matcher, e));
            }
        }
        return out.toString();
    }

    private static String firstFailed(MessageMatcher matcher, Exchange e) {
        for (Check c : matcher.explain(e.request())) {
            if (!c.passed()) {
                return c.description() + (c.actual() == null ? "" : " (" + c.actual() + ")")
                        + (c.hint() == null ? "" : "; " + c.hint());
            }
        }
        return matcher.describe();
    }
}
