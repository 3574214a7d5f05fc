package io.sitkit.fx.viewmodel;

import io.sitkit.report.CoverageRow;
import io.sitkit.report.CoverageTable;
import io.sitkit.report.Inventory;
import io.sitkit.report.ReportJson;
import io.sitkit.report.RunReport;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Integration coverage of manual sessions merged with an automated run's: the inventory (an
 * AsyncAPI document or a directory of contracts; none measures against the destinations seen), a
 * run report ({@code report.json} of the JUnit module) and session recordings (capture files), measured
 * by the core's {@link CoverageTable}: one row per inventory point — by tests, by sessions, by
 * neither — then what was seen outside the inventory, a summary line and a Markdown export.
 *
 * <pre>{@code
 * CoverageViewModel c = new CoverageViewModel(background);
 * c.inventoryProperty().set("src/test/asyncapi/shop.yaml");
 * c.reportProperty().set("target/sitkit/report.json");
 * c.recordingsProperty().set("sessions/checkout.jsonl\nsessions/refunds.jsonl");
 * c.measure();                 // rows(), summaryProperty(): "12 of 15 points exercised: 9 by tests, 5 by sessions, 3 by neither"
 * c.markdownFileProperty().set("target/coverage.md");
 * c.exportMarkdown();
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread; files are read and written
 * on the background pool.
 */
public final class CoverageViewModel {
    private final Background background;
    private final StringProperty inventory = new SimpleStringProperty(this, "inventory", "");
    private final StringProperty report = new SimpleStringProperty(this, "report", "");
    private final StringProperty recordings = new SimpleStringProperty(this, "recordings", "");
    private final StringProperty markdownFile = new SimpleStringProperty(this, "markdownFile", "");
    private final ObservableList<CoverageRow> rows = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<CoverageRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final CommandStatus status = new CommandStatus(this, "busy");
    private CoverageTable table;

    public CoverageViewModel(Background background) {
        this.background = java.util.Objects.requireNonNull(background, "background");
    }

    /** An AsyncAPI document or a directory (or file) of contracts; blank: every destination seen is a point. */
    public StringProperty inventoryProperty() {
        return inventory;
    }

    /** A run report's {@code report.json}; blank for sessions only. */
    public StringProperty reportProperty() {
        return report;
    }

    /** Session recordings (capture files), one path per line; blank for tests only. */
    public StringProperty recordingsProperty() {
        return recordings;
    }

    /** Where {@link #exportMarkdown()} writes. */
    public StringProperty markdownFileProperty() {
        return markdownFile;
    }

    /** The table's rows: the inventory points, then what was seen outside the inventory. */
    public ObservableList<CoverageRow> rows() {
        return rowsView;
    }

    /** "12 of 15 points exercised: 9 by tests, 5 by sessions, 3 by neither"; "" before a measurement. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The last outcome or error, one line. */
    public ReadOnlyStringProperty messageProperty() {
        return status.message();
    }

    public ReadOnlyBooleanProperty okProperty() {
        return status.ok();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return status.busy();
    }

    /** The last table measured. */
    public Optional<CoverageTable> table() {
        return Optional.ofNullable(table);
    }

    /** Reads the inventory, the report and the recordings and measures the table. */
    public Background.Job measure() {
        Optional<Path> inventoryPath = path(inventory.get());
        Optional<Path> reportPath = path(report.get());
        List<Path> sessions = new ArrayList<>();
        String lines = recordings.get() == null ? "" : recordings.get();
        lines.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> sessions.add(Path.of(l)));
        if (reportPath.isEmpty() && sessions.isEmpty()) {
            return status.refuse("choose a run report (report.json), session recordings, or both");
        }
        status.progress("measuring …");
        return status.submit(background, () -> {
            Inventory inv = inventoryPath.map(Inventory::read).orElse(Inventory.declared());
            List<RunReport> reports = new ArrayList<>();
            if (reportPath.isPresent()) {
                reports.add(ReportJson.read(reportPath.get()));
            }
            return CoverageTable.measure(inv, reports, sessions);
        }, measured -> {
            table = measured;
            rows.setAll(measured.rows());
            summary.set(measured.summary());
            status.say("Measured against " + inventoryPath.map(p -> measured.source() + " (" + p.getFileName() + ")")
                    .orElse("the destinations seen (no inventory)") + ": " + CommandStatus.count(measured.tests().size(), "test")
                    + ", " + CommandStatus.count(measured.sessions().size(), "session"));
        }, e -> { });
    }

    /** Writes the last table as Markdown to {@link #markdownFileProperty()}. */
    public Background.Job exportMarkdown() {
        CoverageTable t = table;
        if (t == null) {
            return status.refuse("measure first: there is no table to export");
        }
        Optional<Path> target = path(markdownFile.get());
        if (target.isEmpty()) {
            return status.refuse("choose a Markdown file to export to");
        }
        Path file = target.get();
        return status.submit(background, () -> t.writeMarkdown(file),
                written -> status.say("Exported the coverage table to " + written),
                e -> status.refuse("cannot write " + file + ": " + Errors.describe(e)));
    }

    private static Optional<Path> path(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(Path.of(t));
    }
}
