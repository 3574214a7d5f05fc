package io.sitkit.report;

import io.sitkit.core.TestMessages;
import io.sitkit.redact.Redactor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sitkit.report.SampleRun.PASSWORD;
import static io.sitkit.report.SampleRun.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

class ReportHtmlTest {
    private static final String HTML = ReportHtml.render(SampleRun.report());

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The HTML of the section for the test at {@code index}. */
    private static String section(int index) {
        int start = HTML.indexOf("<section class=\"test\" id=\"test-" + index + "\">");
        return HTML.substring(start, HTML.indexOf("</section>", start));
    }

    @Test
    void markupInPayloadsAndNamesIsEscapedNotExecuted() {
        RunReportBuilder run = new RunReportBuilder("<b>env</b>", TestMessages.T0, Redactor.none(), MessageTypes.byDefault());
        run.testStarted("x", "C<img src=x onerror=alert(1)>", "shows \"quotes\" & <script>alert(2)</script>", Set.of("<t>"));
        run.addMessages("x", List.of(TestMessages.kafka("orders", 0, "<k>", SCRIPT, 0)), m -> "<flow>");
        run.finished("x", TestStatus.FAILED, Duration.ofMillis(5), "expected </pre><script>alert(3)</script>");

        String html = ReportHtml.render(run.build(TestMessages.T0, Inventory.declared()));

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<img").doesNotContain("<b>env")
                .doesNotContain("<flow>").doesNotContain("<k>").doesNotContain("<t>");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("shows &quot;quotes&quot; &amp; &lt;script&gt;alert(2)&lt;/script&gt;")
                .contains("expected &lt;/pre&gt;&lt;script&gt;alert(3)&lt;/script&gt;");
    }

    @Test
    void thePageFetchesNothingAndRunsNoScript() {
        assertThat(HTML).doesNotContainIgnoringCase("<script").doesNotContain("src=").doesNotContain("<link")
                .doesNotContain("@import").doesNotContain("url(").doesNotContain("@font-face");
        assertThat(HTML.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:").doesNotContain("https:");
        assertThat(HTML).contains("Content-Security-Policy").contains("default-src 'none'");
    }

    @Test
    void theSummaryCountsTestsByStatusAndShowsCoverage() {
        assertThat(HTML).contains("<div class=\"card\" data-card=\"tests\"><div class=\"n\">3</div>")
                .contains("data-card=\"passed\"><div class=\"n\">2</div>")
                .contains("data-card=\"failed\"><div class=\"n\">1</div>")
                .contains("data-card=\"coverage\"><div class=\"n\">66.7%</div>")
                .contains("data-card=\"duration\"><div class=\"n\">6.00 s</div>");
    }

    @Test
    void theTestsTableHasARowPerTestWithTheFirstLineOfItsFailure() {
        String table = HTML.substring(HTML.indexOf("<table class=\"tests\">"), HTML.indexOf("</table>"));

        assertThat(count(table, "<tr><td><span class=\"badge")).isEqualTo(3);
        assertThat(table).contains("<span class=\"badge FAILED\">FAILED</span></td><td><a href=\"#test-1\">a declined card returns the error to the cart</a>")
                .contains("<div class=\"fail1\">expected a message on jms:queue:notifications.email matching orderId=o-2</div>")
                .contains("5.03 s");
        assertThat(section(1)).contains("<pre class=\"failure\">expected a message on jms:queue:notifications.email matching orderId=o-2\n");
    }

    @Test
    void failedTestsComeFirstInTheTableAndKeepTheirAnchors() {
        String table = HTML.substring(HTML.indexOf("<table class=\"tests\">"), HTML.indexOf("</table>"));

        assertThat(table.indexOf("<a href=\"#test-1\">")).isLessThan(table.indexOf("<a href=\"#test-0\">"));
        assertThat(table.indexOf("<a href=\"#test-0\">")).isLessThan(table.indexOf("<a href=\"#test-2\">"));
    }

    @Test
    void aLongFirstLineIsCutForTheTableCell() {
        assertThat(ReportHtml.firstLine("a".repeat(200) + "\nsecond")).hasSize(160).endsWith("a…");
        assertThat(ReportHtml.firstLine("short\nsecond")).isEqualTo("short");
    }

    @Test
    void eachTimelineHasALanePerDestinationAndADotPerMessage() {
        String declined = section(1);

        assertThat(count(declined, "<g class=\"lane\"")).isEqualTo(4);
        assertThat(declined).contains("data-destination=\"kafka:shop.orders.v1\"")
                .contains("data-destination=\"jms:queue:payments.requests\"")
                .contains("data-destination=\"kafka:shop.payments.v1\"")
                .contains("data-destination=\"jms:queue:notifications.email\"");
        assertThat(count(declined, "<circle class=\"msg")).isEqualTo(3);
        assertThat(section(2)).contains("data-destination=\"kafka:shop.audit\"");
    }

    @Test
    void messagesOfOneCorrelationKeyAreJoinedByHopLines() {
        String paid = section(0);

        assertThat(count(paid, "<line class=\"hop\"")).isEqualTo(2);
        assertThat(paid).contains("o-1: hop +140 ms").contains("o-1: hop +470 ms");
        assertThat(count(section(2), "<line class=\"hop\"")).isZero();
    }

    @Test
    void dotsAreLaidOutInTimeOrderFromLeftToRight() {
        Matcher m = Pattern.compile("<circle class=\"msg\" cx=\"([0-9.]+)\"").matcher(section(0));
        double previous = -1;
        int dots = 0;
        while (m.find()) {
            double x = Double.parseDouble(m.group(1));
            assertThat(x).isGreaterThan(previous);
            previous = x;
            dots++;
        }
        assertThat(dots).isEqualTo(3);
    }

    @Test
    void aMessageThatBrokeAContractIsRingedOnItsTimeline() {
        assertThat(count(section(1), "<circle class=\"msg violation\"")).isEqualTo(1);
        assertThat(section(1)).contains("kafka:shop.payments.v1[0]@4").contains("breaks a contract (see the violations)");
        assertThat(section(0)).doesNotContain("msg violation");
    }

    @Test
    void secretsAreNotInThePage() {
        assertThat(HTML).doesNotContain(PASSWORD).doesNotContain("4111111111111111");
    }

    @Test
    void theViolationsAndTheHeatMapAreShown() {
        assertThat(HTML).contains("<table class=\"violations\">").contains("field `errorCode` missing; the message has `reason`");
        String heat = HTML.substring(HTML.indexOf("<table class=\"heatmap\">"));
        assertThat(heat).contains("<th>OrderPlaced</th>").contains("<th>EmailRequested</th>").contains("<th>OrderRejected</th>");
        assertThat(count(heat, "<th class=\"dest\">")).isEqualTo(5);
        assertThat(count(heat, "<td class=\"cell listed\"")).isEqualTo(6);
        assertThat(count(heat, "<td class=\"cell outside\"")).isEqualTo(1);
        assertThat(HTML).contains("<strong>4 of 6</strong> integration points exercised (<strong>66.7%</strong>)")
                .contains("Destinations exercised that the inventory does not list: <code>kafka:shop.audit</code>");
    }
}
