package io.sitkit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Integration coverage from both sides: what the automated tests exercised (a run report's
 * timelines) merged ({@link Coverage#merge}) with what recorded sessions exercised
 * ({@link SessionCoverage}), against one inventory. One row per inventory point — exercised by
 * tests (which), by sessions (which, injected or observed), or by neither (a gap) — then the
 * points seen outside the inventory.
 *
 * <pre>{@code
 * CoverageTable table = CoverageTable.measure(Inventory.read(Path.of("asyncapi.yaml")),
 *         List.of(ReportJson.read(Path.of("target/sitkit/report.json"))),
 *         List.of(Path.of("sessions/checkout.jsonl")));
 * System.out.println(table.summary());   // 12 of 15 points exercised: 9 by tests, 5 by sessions, 3 by neither
 * table.writeMarkdown(Path.of("target/coverage.md"));
 * }</pre>
 *
 * <p>A report's tests are measured again against the inventory given (from their timelines, with the
 * message types the run recorded), so a report written against another inventory, or none, still
 * compares. Thread-safety: immutable.
 *
 * @param source   where the inventory came from (see {@link Inventory#source()})
 * @param tests    the tests of the reports, by name ({@code CheckoutIT.pays()}), in report order
 * @param sessions the sessions, as {@link SessionCoverage#sessions()}
 * @param rows     the inventory points in inventory order, then the cells outside it
 */
public record CoverageTable(String source, List<String> tests, List<String> sessions, List<CoverageRow> rows) {
    public CoverageTable {
        Objects.requireNonNull(source, "source");
        tests = List.copyOf(tests);
        sessions = List.copyOf(sessions);
        rows = List.copyOf(rows);
    }

    /**
     * Measures {@code reports}' tests and the {@code recordings} against {@code inventory} and merges them.
     *
     * @param reports    run reports ({@link ReportJson#read}); none for sessions only
     * @param recordings capture files of sessions; none for tests only
     */
    public static CoverageTable measure(Inventory inventory, List<RunReport> reports, List<Path> recordings) {
        Objects.requireNonNull(inventory, "inventory");
        Map<String, String> names = new LinkedHashMap<>();
        Coverage tests = Coverage.compute(inventory, List.of());
        for (RunReport report : reports) {
            report.tests().forEach(t -> names.put(t.id(), testName(t)));
            tests = tests.merge(Coverage.compute(inventory, report.tests()));
        }
        return of(tests, names::get, SessionCoverage.read(inventory, recordings));
    }

    /**
     * The table of {@code tests} merged with {@code sessions}; both measured against the same inventory.
     *
     * @param testNames a test's name from its id (the id stays when it gives null)
     */
    public static CoverageTable of(Coverage tests, Function<String, String> testNames, SessionCoverage sessions) {
        Coverage merged = tests.merge(sessions.all());
        Map<List<Object>, CoverageCell> byTests = index(tests);
        Map<List<Object>, CoverageCell> injected = index(sessions.injected());
        Map<List<Object>, CoverageCell> observed = index(sessions.observed());
        Set<String> allTests = new LinkedHashSet<>();
        List<CoverageRow> rows = new ArrayList<>();
        for (CoverageCell cell : merged.cells()) {
            List<Object> key = List.of(cell.destination(), cell.messageType());
            Optional<CoverageCell> t = Optional.ofNullable(byTests.get(key));
            Optional<CoverageCell> in = Optional.ofNullable(injected.get(key));
            Optional<CoverageCell> out = Optional.ofNullable(observed.get(key));
            List<String> named = t.map(c -> c.tests().stream().map(id -> nameOf(testNames, id)).toList()).orElse(List.of());
            allTests.addAll(named);
            Set<String> by = new LinkedHashSet<>();
            in.ifPresent(c -> by.addAll(c.tests()));
            out.ifPresent(c -> by.addAll(c.tests()));
            rows.add(new CoverageRow(cell.destination(), cell.messageType(), cell.inInventory(), Set.copyOf(named),
                    t.map(CoverageCell::messages).orElse(0), by, in.map(CoverageCell::messages).orElse(0),
                    out.map(CoverageCell::messages).orElse(0)));
        }
        return new CoverageTable(merged.source(), List.copyOf(allTests), sessions.sessions(), rows);
    }

    private static Map<List<Object>, CoverageCell> index(Coverage coverage) {
        Map<List<Object>, CoverageCell> index = new LinkedHashMap<>();
        coverage.cells().forEach(c -> index.put(List.of(c.destination(), c.messageType()), c));
        return index;
    }

    private static String nameOf(Function<String, String> names, String id) {
        String name = names.apply(id);
        return name == null ? id : name;
    }

    /** {@code CheckoutIT.pays()}: the class's simple name and the test's display name. */
    static String testName(TestRecord t) {
        String simple = t.className().substring(t.className().lastIndexOf('.') + 1);
        return simple.isEmpty() ? t.displayName() : simple + "." + t.displayName();
    }

    /** The inventory points, exercised or not. */
    public List<CoverageRow> inventory() {
        return rows.stream().filter(CoverageRow::inInventory).toList();
    }

    /** What was exercised outside the inventory: unlisted types, unknown types, unlisted destinations. */
    public List<CoverageRow> outsideInventory() {
        return rows.stream().filter(r -> !r.inInventory()).toList();
    }

    /** How many inventory points there are. */
    public int points() {
        return inventory().size();
    }

    /** How many inventory points tests or sessions exercised. */
    public int exercised() {
        return (int) inventory().stream().filter(r -> r.byTests() || r.bySessions()).count();
    }

    /** How many inventory points tests exercised. */
    public int byTests() {
        return (int) inventory().stream().filter(CoverageRow::byTests).count();
    }

    /** How many inventory points sessions exercised. */
    public int bySessions() {
        return (int) inventory().stream().filter(CoverageRow::bySessions).count();
    }

    /** How many inventory points neither exercised. */
    public int gaps() {
        return (int) inventory().stream().filter(CoverageRow::gap).count();
    }

    /**
     * {@code 12 of 15 points exercised: 9 by tests, 5 by sessions, 3 by neither}, and
     * {@code ; 2 seen outside the inventory} when some were.
     */
    public String summary() {
        int outside = outsideInventory().size();
        return exercised() + " of " + points() + " points exercised: " + byTests() + " by tests, " + bySessions()
                + " by sessions, " + gaps() + " by neither" + (outside == 0 ? "" : "; " + outside + " seen outside the inventory");
    }

    /** The table as Markdown: the summary, where it came from, the points, what was outside the inventory. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# Integration coverage\n\n").append(summary()).append("\n\n");
        md.append("- Inventory: ").append(source).append(" (").append(points()).append(points() == 1 ? " point)\n" : " points)\n");
        md.append("- Tests: ").append(tests.size()).append('\n');
        md.append("- Sessions: ").append(sessions.isEmpty() ? "none" : String.join(", ", sessions)).append("\n\n");
        md.append("| Point | Exercised by | Tests | Sessions |\n| --- | --- | --- | --- |\n");
        for (CoverageRow r : inventory()) {
            md.append("| ").append(cell(r.label())).append(" | ").append(r.gap() ? "**neither (gap)**" : r.exercisedBy())
                    .append(" | ").append(cell(testsText(r))).append(" | ").append(cell(sessionsText(r))).append(" |\n");
        }
        List<CoverageRow> outside = outsideInventory();
        if (!outside.isEmpty()) {
            md.append("\n## Seen outside the inventory\n\n| Destination and type | Tests | Sessions |\n| --- | --- | --- |\n");
            for (CoverageRow r : outside) {
                md.append("| ").append(cell(r.messageType().isEmpty() ? r.destination() + " (type unknown or whole destination)"
                        : r.label())).append(" | ").append(cell(testsText(r))).append(" | ").append(cell(sessionsText(r))).append(" |\n");
            }
        }
        return md.toString();
    }

    /** Writes {@link #toMarkdown()} to {@code file} (UTF-8), replacing it. */
    public Path writeMarkdown(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.writeString(file, toMarkdown(), StandardCharsets.UTF_8);
    }

    /** {@code 3 messages: CheckoutIT.pays(), RefundIT.refunds()}, or "—". */
    public static String testsText(CoverageRow r) {
        if (!r.byTests()) {
            return "—";
        }
        return plural(r.testMessages(), "message") + ": " + String.join(", ", r.tests());
    }

    /** {@code 1 injected, 2 observed: checkout.jsonl}, or "—". */
    public static String sessionsText(CoverageRow r) {
        if (!r.bySessions()) {
            return "—";
        }
        List<String> counts = new ArrayList<>();
        if (r.injected() > 0) {
            counts.add(r.injected() + " injected");
        }
        if (r.observed() > 0) {
            counts.add(r.observed() + " observed");
        }
        return String.join(", ", counts) + ": " + String.join(", ", r.sessions());
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\R", " ");
    }
}
