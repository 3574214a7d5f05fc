package io.sitkit.report;

import io.sitkit.contract.Violation;
import io.sitkit.report.internal.HeatMap;
import io.sitkit.report.internal.Html;
import io.sitkit.report.internal.TimelineSvg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a {@link RunReport} as one self-contained HTML page: inline CSS and SVG, no scripts, no
 * fonts or anything else fetched over the network, so it opens from a CI artifact as is. It shows
 * a summary (counts by status, duration, coverage), a table of tests, each test's timeline (a lane
 * per destination, a dot per message, lines for the hops of each correlation key), the contract
 * violations, and the coverage heat map. All text from the report is escaped.
 *
 * <pre>{@code
 * ReportHtml.write(report, Path.of("target/sitkit/report.html"));
 * }</pre>
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class ReportHtml {
    private static final String CSS = """
            body{font:14px/1.45 "DejaVu Sans",system-ui,sans-serif;color:#1f2328;margin:24px 32px;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
            h3{font-size:15px;margin:18px 0 6px}.meta{color:#57606a;margin:0 0 16px}
            .cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:90px}
            .card .n{font-size:22px;font-weight:bold}.card .l{color:#57606a;font-size:12px;text-transform:uppercase}
            table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
            thead th{background:#f6f8fa}.tests td.dur{text-align:right;white-space:nowrap}
            table.tests{width:100%;table-layout:fixed}.tests td{overflow-wrap:anywhere}.tests code{font-size:11px}
            .tests .fail1{color:#82071e;font:12px/1.35 "DejaVu Sans Mono",monospace}
            .badge{display:inline-block;white-space:nowrap;border-radius:10px;padding:0 8px;font-size:12px;font-weight:bold;color:#fff}
            .PASSED{background:#1a7f37}.FAILED{background:#cf222e}.ABORTED{background:#bc4c00}.SKIPPED{background:#6e7781}
            pre{margin:0;white-space:pre-wrap;word-break:break-word;font:12px/1.35 "DejaVu Sans Mono",monospace}
            pre.failure{color:#82071e}.cls{color:#57606a;font-size:12px}code{font:12px "DejaVu Sans Mono",monospace}
            .lane-label{font:12px "DejaVu Sans Mono",monospace;fill:#1f2328}.tick{font:11px "DejaVu Sans",sans-serif;fill:#57606a}
            .keys{margin:4px 0 0;padding:0;list-style:none;display:flex;gap:14px;flex-wrap:wrap;font-size:12px}
            .sw{display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:4px;vertical-align:-1px}
            .heatmap td.cell{text-align:center;min-width:70px;font-weight:bold}.heatmap td.none{color:#8c959f;text-align:center;background:#f6f8fa}
            .heatmap td.outside{border-style:dashed}.heatmap th.dest{font:12px "DejaVu Sans Mono",monospace}
            .bar{width:420px;height:10px;background:#f6c6c6;border-radius:5px;overflow:hidden;margin:0 0 12px}.bar div{height:100%;background:#1a7f37}
            .note,.legend{color:#57606a;font-size:12px}section.test{border-top:1px dashed #d0d7de;margin-top:14px}
            """;

    private ReportHtml() {
    }

    /** Writes the page for {@code report} to {@code file} (UTF-8), replacing it. */
    public static void write(RunReport report, Path file) throws IOException {
        Files.writeString(file, render(report), StandardCharsets.UTF_8);
    }

    /** The page for {@code report}. */
    public static String render(RunReport report) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>").append(Html.escape("sitkit run report — " + report.environment())).append("</title>\n<style>")
                .append(CSS).append("</style></head>\n<body>\n");
        h.append("<h1>Run report — ").append(Html.escape(report.environment())).append("</h1>\n<p class=\"meta\">")
                .append(Html.escape(report.startedAt().toString())).append(" → ").append(Html.escape(report.endedAt().toString()))
                .append(" (").append(Html.duration(report.duration())).append(")</p>\n");
        summary(h, report);
        testsTable(h, report);
        h.append("<h2>Timelines</h2>\n");
        List<TestRecord> tests = report.tests();
        for (int i = 0; i < tests.size(); i++) {
            timeline(h, tests.get(i), i);
        }
        violations(h, report);
        h.append("<h2 id=\"coverage\">Coverage of integration points</h2>\n").append(HeatMap.render(report.coverage()));
        return h.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder h, RunReport report) {
        h.append("<div class=\"cards\" id=\"summary\">");
        card(h, "tests", String.valueOf(report.tests().size()), "");
        for (TestStatus s : TestStatus.values()) {
            card(h, s.name().toLowerCase(Locale.ROOT), String.valueOf(report.count(s)), s.name());
        }
        card(h, "duration", Html.duration(report.duration()), "");
        Coverage c = report.coverage();
        card(h, "coverage", HeatMap.percent(c.percent()), "");
        h.append("</div>\n");
    }

    private static void card(StringBuilder h, String label, String value, String status) {
        h.append("<div class=\"card\" data-card=\"").append(label).append("\"><div class=\"n\">").append(Html.escape(value))
                .append("</div><div class=\"l\">");
        if (!status.isEmpty()) {
            h.append("<span class=\"sw ").append(status).append("\"></span>");
        }
        h.append(Html.escape(label)).append("</div></div>");
    }

    private static void testsTable(StringBuilder h, RunReport report) {
        h.append("<h2>Tests</h2>\n<table class=\"tests\"><colgroup><col style=\"width:96px\"><col style=\"width:36%\">")
                .append("<col style=\"width:92px\"><col style=\"width:24%\"><col></colgroup>")
                .append("<thead><tr><th>status</th><th>test</th><th>duration</th>")
                .append("<th>destinations</th><th>failure</th></tr></thead><tbody>\n");
        List<TestRecord> tests = report.tests();
        // failed and aborted tests first, each group in run order; the anchors keep the run order
        List<Integer> order = java.util.stream.IntStream.range(0, tests.size()).boxed()
                .sorted(java.util.Comparator.comparingInt(i -> tests.get(i).status() == TestStatus.FAILED
                        || tests.get(i).status() == TestStatus.ABORTED ? 0 : 1)).toList();
        for (int i : order) {
            TestRecord t = tests.get(i);
            h.append("<tr><td>").append(badge(t.status())).append("</td><td><a href=\"#test-").append(i).append("\">")
                    .append(Html.escape(t.displayName())).append("</a><div class=\"cls\">").append(Html.escape(t.className()));
            if (!t.tags().isEmpty()) {
                h.append(" · ").append(Html.escape(String.join(", ", t.tags())));
            }
            h.append("</div></td><td class=\"dur\">").append(Html.duration(t.duration())).append("</td><td>")
                    .append(t.touched().stream().map(d -> "<code>" + Html.escape(d.toString()) + "</code>")
                            .collect(Collectors.joining("<br>")))
                    .append("</td><td>").append(t.failure().map(f -> "<div class=\"fail1\">" + Html.escape(firstLine(f))
                            + "</div>").orElse(""))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** The failure's first line, cut to a table cell's size; the whole message is in the test's section. */
    static String firstLine(String failure) {
        int end = failure.indexOf('\n');
        String line = end < 0 ? failure : failure.substring(0, end);
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }

    private static void timeline(StringBuilder h, TestRecord t, int index) {
        h.append("<section class=\"test\" id=\"test-").append(index).append("\"><h3>").append(badge(t.status())).append(' ')
                .append(Html.escape(t.displayName())).append(" <span class=\"cls\">").append(Html.escape(t.className()))
                .append(" · ").append(t.timeline().size()).append(t.timeline().size() == 1 ? " message" : " messages")
                .append("</span></h3>\n");
        h.append(TimelineSvg.render(t)).append('\n');
        Map<String, String> colours = TimelineSvg.keyColours(t.timeline());
        if (!colours.isEmpty()) {
            h.append("<ul class=\"keys\">");
            colours.forEach((k, c) -> h.append("<li><span class=\"sw\" style=\"background:").append(c).append("\"></span>")
                    .append(Html.escape(k)).append("</li>"));
            h.append("</ul>\n");
        }
        t.failure().ifPresent(f -> h.append("<pre class=\"failure\">").append(Html.escape(f)).append("</pre>\n"));
        t.flowTrace().ifPresent(p -> h.append("<p class=\"note\">Flow trace: <code>").append(Html.escape(p)).append("</code></p>\n"));
        if (!t.violations().isEmpty()) {
            h.append("<p class=\"note\">").append(t.violations().size()).append(" contract violation(s), listed below.</p>\n");
        }
        h.append("</section>\n");
    }

    private static void violations(StringBuilder h, RunReport report) {
        h.append("<h2 id=\"violations\">Contract violations</h2>\n");
        if (report.tests().stream().allMatch(t -> t.violations().isEmpty())) {
            h.append("<p class=\"note\">None found.</p>\n");
            return;
        }
        h.append("<table class=\"violations\"><thead><tr><th>test</th><th>contract</th><th>position</th><th>consumer</th>")
                .append("<th>detail</th></tr></thead><tbody>\n");
        for (TestRecord t : report.tests()) {
            for (Violation v : t.violations()) {
                h.append("<tr><td>").append(Html.escape(t.displayName())).append("</td><td>").append(Html.escape(v.contract()))
                        .append("</td><td><code>").append(Html.escape(v.position())).append("</code></td><td>")
                        .append(Html.escape(v.consumer())).append("</td><td><pre>").append(Html.escape(v.detail()))
                        .append("</pre></td></tr>\n");
            }
        }
        h.append("</tbody></table>\n");
    }

    private static String badge(TestStatus s) {
        return "<span class=\"badge " + s.name() + "\">" + s.name() + "</span>";
    }
}
