package io.sitkit.stub;

import io.sitkit.core.Message;
import io.sitkit.expect.Count;
import io.sitkit.expect.FailureReport;
import io.sitkit.match.MessageMatcher;

import java.time.Duration;
import java.util.List;

/**
 * The failure message of {@link Stub#received}, in the order of every sitkit failure: what was
 * expected, where, within how long, what was seen, what the stub did, then the nearest misses
 * with their checks (or the surplus matches) and a hint — all through the stub's redactor.
 *
 * <p>Thread-safety: stateless.
 */
final class Verification {
    /** Requests shown as near misses or surplus matches. */
    static final int SHOWN = 5;

    private Verification() {
    }

    static String failure(StubSpec spec, Count count, MessageMatcher matcher, Duration within, boolean waited,
                          List<Exchange> seen) {
        List<Message> requests = seen.stream().map(Exchange::request).toList();
        List<Message> matching = requests.stream().filter(matcher::matches).toList();
        List<Message> misses = requests.stream().filter(m -> !matcher.matches(m)).toList();
        String where = spec.listensOn().toString();
        FailureReport report = new FailureReport(count.describe().replace("message", "request") + " matching "
                + matcher.describe(), spec.redactor())
                .line("at stub " + spec.name() + " on " + where)
                .line(waited ? "within " + within.toMillis() + "ms" : "checked at once (at most: no wait)")
                .line("but saw " + matching.size() + " matching of " + requests.size() + " received");
        long unmatched = seen.stream().filter(e -> !e.matched()).count();
        long failed = seen.stream().filter(e -> e.error() != null).count();
        if (!seen.isEmpty()) {
            report.line("the stub answered " + (seen.size() - unmatched - failed) + ", no rule took " + unmatched
                    + ", could not answer " + failed);
        }
        seen.stream().filter(e -> e.error() != null).findFirst().ifPresent(e -> report.line("first error: " + e.error()));
        if (matching.size() > count.value()) {
            report.line("matching requests (" + Math.min(SHOWN, matching.size()) + " of " + matching.size() + "):");
            matching.stream().limit(SHOWN).forEach(report::message);
        } else {
            report.nearestMisses(misses, matcher, SHOWN, where);
        }
        if (requests.isEmpty()) {
            report.hint("nothing reached " + where + "; does the system under test send to this stub's destination"
                    + " (in a JUnit test, the test's name for it: bus.destination(\"" + where + "\"))?");
        }
        return report.render();
    }
}
