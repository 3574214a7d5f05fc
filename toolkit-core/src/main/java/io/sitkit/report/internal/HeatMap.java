package io.sitkit.report.internal;

import io.sitkit.core.Destination;
import io.sitkit.report.Coverage;
import io.sitkit.report.CoverageCell;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws coverage as an HTML table: destinations down, message types across, each cell coloured by
 * how many messages were seen (red for an inventory point never exercised, greens for inventory
 * points, ambers for what the inventory does not list, grey where there is nothing).
 *
 * <pre>{@code
 * page.append(HeatMap.render(report.coverage()));
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class HeatMap {
    private HeatMap() {
    }

    /** The coverage section's body: headline, heat map, and the destinations outside the inventory. */
    public static String render(Coverage coverage) {
        StringBuilder h = new StringBuilder(2048);
        h.append("<p class=\"coverage-headline\"><strong>").append(coverage.exercisedPoints()).append(" of ")
                .append(coverage.inventoryPoints()).append("</strong> integration points exercised (<strong>")
                .append(percent(coverage.percent())).append("</strong>) — inventory: ")
                .append(Html.escape(coverage.source())).append("</p>\n");
        h.append("<div class=\"bar\"><div style=\"width:").append(String.format(Locale.ROOT, "%.1f", coverage.percent()))
                .append("%\"></div></div>\n");
        if (coverage.cells().isEmpty()) {
            return h.append("<p class=\"note\">No inventory and no messages seen.</p>").toString();
        }
        List<Destination> rows = coverage.destinations();
        List<String> columns = coverage.messageTypes();
        Map<List<Object>, CoverageCell> byKey = new HashMap<>();
        coverage.cells().forEach(c -> byKey.put(List.of(c.destination(), c.messageType()), c));
        int max = coverage.cells().stream().mapToInt(CoverageCell::messages).max().orElse(0);
        h.append("<table class=\"heatmap\"><thead><tr><th>destination \\ message type</th>");
        for (String type : columns) {
            h.append("<th>").append(type.isEmpty() ? "<em>(any / unknown)</em>" : Html.escape(type)).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (Destination d : rows) {
            h.append("<tr><th class=\"dest\">").append(Html.escape(d.toString())).append("</th>");
            for (String type : columns) {
                CoverageCell c = byKey.get(List.of(d, type));
                if (c == null) {
                    h.append("<td class=\"none\">–</td>");
                    continue;
                }
                String title = c.label() + (c.inInventory() ? "" : " (not in the inventory)") + ": " + c.messages()
                        + (c.messages() == 1 ? " message" : " messages") + (c.tests().isEmpty() ? "" : " from " + String.join(", ", c.tests()));
                h.append("<td class=\"cell ").append(c.inInventory() ? "listed" : "outside").append("\" style=\"background:")
                        .append(colour(c, max)).append("\" title=\"").append(Html.escape(title)).append("\">")
                        .append(c.messages()).append(c.inInventory() ? "" : "<sup>*</sup>").append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"legend\"><span class=\"sw\" style=\"background:#f6c6c6\"></span> never exercised "
                + "<span class=\"sw\" style=\"background:#7cc47f\"></span> exercised (darker = more messages) "
                + "<span class=\"sw\" style=\"background:#f2c66d\"></span><sup>*</sup> seen, not in the inventory</p>\n");
        List<Destination> outside = coverage.destinationsOutsideInventory();
        if (!outside.isEmpty() && coverage.inventoryPoints() > 0) {
            h.append("<p class=\"outside\">Destinations exercised that the inventory does not list: ");
            for (int i = 0; i < outside.size(); i++) {
                h.append(i == 0 ? "" : ", ").append("<code>").append(Html.escape(outside.get(i).toString())).append("</code>");
            }
            h.append("</p>\n");
        }
        return h.toString();
    }

    /** e.g. {@code 66.7%}. */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    private static String colour(CoverageCell c, int max) {
        if (c.messages() == 0) {
            return "#f6c6c6";
        }
        double share = max <= 1 ? 1 : Math.log1p(c.messages()) / Math.log1p(max);
        // Lightness from 82% (one message) down to 45% (the busiest cell).
        int lightness = (int) Math.round(82 - 37 * share);
        return c.inInventory() ? "hsl(125,45%," + lightness + "%)" : "hsl(40,85%," + (lightness + 6) + "%)";
    }
}
