package io.sitkit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The report of one test run: when it ran, against which environment, what each test did, and the
 * coverage of integration points. Written as {@code report.json} ({@link ReportJson}) and as one
 * self-contained {@code report.html} ({@link ReportHtml}).
 *
 * <pre>{@code
 * RunReport report = builder.build(Instant.now(), Inventory.of(asyncApi.inventory()));
 * Path html = report.writeTo(Path.of("target/sitkit"));   // report.html and report.json
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param startedAt   when the run started
 * @param endedAt     when it ended, not before {@code startedAt}
 * @param environment the environment's name, e.g. "embedded" or "staging"
 * @param tests       the tests in the order they started; ids unique
 * @param coverage    the coverage of integration points
 */
public record RunReport(Instant startedAt, Instant endedAt, String environment, List<TestRecord> tests,
                        Coverage coverage) {
    /** The JSON file's name in the report directory. */
    public static final String JSON_FILE = "report.json";
    /** The HTML file's name in the report directory. */
    public static final String HTML_FILE = "report.html";

    public RunReport {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(coverage, "coverage");
        tests = List.copyOf(tests);
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("run ended at " + endedAt + ", before it started at " + startedAt);
        }
        Set<String> ids = new HashSet<>();
        for (TestRecord t : tests) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("test id '" + t.id() + "' appears twice in the run report; ids must be unique");
            }
        }
    }

    /** How long the run took. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    /** How many tests ended with {@code status}. */
    public int count(TestStatus status) {
        return (int) tests.stream().filter(t -> t.status() == status).count();
    }

    /** The test with that id. */
    public Optional<TestRecord> test(String id) {
        return tests.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The same report with another coverage, e.g. merged with a manual session's. */
    public RunReport withCoverage(Coverage other) {
        return new RunReport(startedAt, endedAt, environment, tests, other);
    }

    /**
     * Writes {@value #JSON_FILE} and {@value #HTML_FILE} into {@code directory}, creating it.
     *
     * @return the HTML file
     * @throws IOException when a file cannot be written
     */
    public Path writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        ReportJson.write(this, directory.resolve(JSON_FILE));
        Path html = directory.resolve(HTML_FILE);
        ReportHtml.write(this, html);
        return html;
    }
}
