package io.sitkit.report.internal;

import io.sitkit.core.Destination;
import io.sitkit.report.TestRecord;
import io.sitkit.report.TimelineEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws one test's timeline as inline SVG: time on the x axis, one lane per destination, a dot per
 * message (ringed red when it broke a contract), and lines joining consecutive messages of one
 * correlation key (the hops of a flow).
 * Every text is escaped; details sit in {@code <title>} tooltips.
 *
 * <pre>{@code
 * page.append(TimelineSvg.render(testRecord));
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class TimelineSvg {
    /** Dots drawn per test at most; the rest are counted in a note. */
    public static final int MAX_DOTS = 500;
    /** Colours for correlation keys, in order of first appearance. */
    static final List<String> PALETTE = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
            "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22");
    private static final String NO_KEY_COLOUR = "#555";
    private static final int WIDTH = 1160;
    private static final int LABEL_WIDTH = 250;
    private static final int RIGHT_PAD = 30;
    private static final int TOP = 10;
    private static final int LANE = 38;
    private static final int AXIS = 34;

    private TimelineSvg() {
    }

    /** The colour of each correlation key of the timeline, in order of first appearance. */
    public static Map<String, String> keyColours(List<TimelineEntry> timeline) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (TimelineEntry e : timeline) {
            e.correlationKey().ifPresent(k -> colours.computeIfAbsent(k, x -> PALETTE.get(colours.size() % PALETTE.size())));
        }
        return colours;
    }

    /** The SVG element for {@code test}; a short note instead when it saw no messages and declared no destinations. */
    public static String render(TestRecord test) {
        List<Destination> lanes = test.touched();
        if (lanes.isEmpty()) {
            return "<p class=\"note\">No destinations declared and no messages seen.</p>";
        }
        List<TimelineEntry> shown = test.timeline().size() > MAX_DOTS ? test.timeline().subList(0, MAX_DOTS) : test.timeline();
        int height = TOP + lanes.size() * LANE + AXIS;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape("timeline of " + test.displayName())).append("\">\n");
        Map<Destination, Integer> laneIndex = new LinkedHashMap<>();
        for (int i = 0; i < lanes.size(); i++) {
            Destination d = lanes.get(i);
            laneIndex.put(d, i);
            int y = TOP + i * LANE;
            svg.append("<g class=\"lane\" data-destination=\"").append(Html.escape(d.toString())).append("\">")
                    .append("<rect x=\"0\" y=\"").append(y).append("\" width=\"").append(WIDTH).append("\" height=\"").append(LANE)
                    .append("\" fill=\"").append(i % 2 == 0 ? "#f4f6f8" : "#ffffff").append("\"/>")
                    .append("<line x1=\"").append(LABEL_WIDTH).append("\" x2=\"").append(WIDTH - RIGHT_PAD)
                    .append("\" y1=\"").append(y + LANE / 2).append("\" y2=\"").append(y + LANE / 2)
                    .append("\" stroke=\"#c9d1d9\" stroke-dasharray=\"4 4\"/>")
                    .append("<text x=\"").append(LABEL_WIDTH - 10).append("\" y=\"").append(y + LANE / 2 + 4)
                    .append("\" text-anchor=\"end\" class=\"lane-label\"><title>").append(Html.escape(d.toString())).append("</title>")
                    .append(Html.escape(Html.cut(d.toString(), 34))).append("</text></g>\n");
        }
        if (shown.isEmpty()) {
            svg.append(axis(height, Duration.ZERO));
            return svg.append("</svg>").toString();
        }
        long t0 = nanos(shown.get(0));
        long span = Math.max(0, nanos(shown.get(shown.size() - 1)) - t0);
        Map<String, String> colours = keyColours(shown);
        java.util.Set<String> violated = new java.util.HashSet<>();
        test.violations().forEach(v -> violated.add(v.position()));
        Map<String, double[]> last = new LinkedHashMap<>();
        Map<String, Long> lastTime = new LinkedHashMap<>();
        StringBuilder hops = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (TimelineEntry e : shown) {
            double x = x(nanos(e) - t0, span);
            double y = TOP + laneIndex.get(e.destination()) * LANE + LANE / 2.0;
            String colour = e.correlationKey().map(colours::get).orElse(NO_KEY_COLOUR);
            if (e.correlationKey().isPresent()) {
                String k = e.correlationKey().get();
                double[] prev = last.get(k);
                if (prev != null) {
                    hops.append("<line class=\"hop\" x1=\"").append(fmt(prev[0])).append("\" y1=\"").append(fmt(prev[1]))
                            .append("\" x2=\"").append(fmt(x)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"").append(colour)
                            .append("\" stroke-width=\"2\" stroke-opacity=\"0.75\"><title>")
                            .append(Html.escape(k + ": hop +" + Html.duration(Duration.ofNanos(nanos(e) - lastTime.get(k)))))
                            .append("</title></line>\n");
                }
                last.put(k, new double[]{x, y});
                lastTime.put(k, nanos(e));
            }
            boolean broke = violated.contains(e.position());
            dots.append("<circle class=\"msg").append(broke ? " violation" : "").append("\" cx=\"").append(fmt(x))
                    .append("\" cy=\"").append(fmt(y)).append("\" r=\"").append(broke ? "7" : "5.5").append("\" fill=\"")
                    .append(colour).append("\" stroke=\"").append(broke ? "#cf222e" : "#fff").append("\" stroke-width=\"")
                    .append(broke ? "3" : "1.5").append("\"><title>").append(Html.escape(tooltip(e, nanos(e) - t0)
                            + (broke ? "\nbreaks a contract (see the violations)" : ""))).append("</title></circle>\n");
        }
        svg.append(hops).append(dots).append(axis(height, Duration.ofNanos(span)));
        svg.append("</svg>");
        if (test.timeline().size() > shown.size()) {
            svg.append("<p class=\"note\">Showing the first ").append(shown.size()).append(" of ")
                    .append(test.timeline().size()).append(" messages.</p>");
        }
        return svg.toString();
    }

    private static String tooltip(TimelineEntry e, long offsetNanos) {
        List<String> lines = new ArrayList<>();
        lines.add("+" + Html.duration(Duration.ofNanos(offsetNanos)) + "  " + e.capturedAt());
        lines.add(e.position());
        e.key().ifPresent(k -> lines.add("key: " + k));
        e.correlationKey().ifPresent(k -> lines.add("correlation: " + k));
        e.messageType().ifPresent(t -> lines.add("type: " + t));
        lines.add(e.size() < 0 ? "no payload" : e.size() + " bytes");
        lines.add(e.preview());
        return String.join("\n", lines);
    }

    private static String axis(int height, Duration span) {
        int y = height - AXIS + 4;
        StringBuilder a = new StringBuilder("<g class=\"axis\">");
        a.append("<line x1=\"").append(LABEL_WIDTH).append("\" x2=\"").append(WIDTH - RIGHT_PAD).append("\" y1=\"").append(y)
                .append("\" y2=\"").append(y).append("\" stroke=\"#8b949e\"/>");
        long spanNanos = span.toNanos();
        int ticks = spanNanos == 0 ? 1 : 5;
        for (int i = 0; i < ticks; i++) {
            long at = ticks == 1 ? 0 : spanNanos * i / (ticks - 1);
            double x = x(at, spanNanos);
            a.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y + 5).append("\" stroke=\"#8b949e\"/>")
                    .append("<text x=\"").append(fmt(x)).append("\" y=\"").append(y + 18)
                    .append("\" text-anchor=\"middle\" class=\"tick\">+").append(Html.duration(Duration.ofNanos(at))).append("</text>");
        }
        return a.append("</g>\n").toString();
    }

    private static long nanos(TimelineEntry e) {
        return e.capturedAt().getEpochSecond() * 1_000_000_000L + e.capturedAt().getNano();
    }

    /** The x of an offset: spread over the plot, or its middle when everything happened at once. */
    private static double x(long offset, long span) {
        int left = LABEL_WIDTH + 12;
        int right = WIDTH - RIGHT_PAD - 12;
        return span == 0 ? (left + right) / 2.0 : left + (right - left) * (double) offset / span;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
