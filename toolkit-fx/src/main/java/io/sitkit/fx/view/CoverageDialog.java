package io.sitkit.fx.view;

import io.sitkit.fx.viewmodel.CoverageViewModel;
import io.sitkit.report.CoverageRow;
import io.sitkit.report.CoverageTable;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.Function;

import static io.sitkit.fx.view.Controls.browse;
import static io.sitkit.fx.view.Controls.folder;
import static io.sitkit.fx.view.Controls.formLabel;
import static io.sitkit.fx.view.Controls.openFile;
import static io.sitkit.fx.view.Controls.outcome;
import static io.sitkit.fx.view.Controls.saveFile;

/**
 * The coverage dialog: the inventory (AsyncAPI document or contracts directory), a run report and
 * session recordings, Measure, then the summary line and one row per inventory point — gaps in
 * red, what was seen outside the inventory in grey — and an export as Markdown. Binds to a
 * {@link CoverageViewModel}; decides nothing itself.
 *
 * <p>Thread-safety: FX thread only.
 */
final class CoverageDialog {
    final Stage stage = new Stage();

    CoverageDialog(Window owner, CoverageViewModel vm) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Integration coverage: tests and sessions");

        TextField inventory = field("coverageInventory", "asyncapi.yaml, or a directory of contracts (empty: every destination seen)",
                vm.inventoryProperty().get());
        inventory.textProperty().bindBidirectional(vm.inventoryProperty());
        TextField report = field("coverageReport", "target/sitkit/report.json", "");
        report.textProperty().bindBidirectional(vm.reportProperty());
        TextArea recordings = new TextArea();
        recordings.setId("coverageRecordings");
        recordings.setPromptText("session recordings (capture files), one per line");
        recordings.setPrefRowCount(2);
        recordings.textProperty().bindBidirectional(vm.recordingsProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(new ColumnConstraints(90), grow, new ColumnConstraints());
        form.addRow(0, formLabel("Inventory"), inventory, new HBox(6,
                browse("coverageInventoryFile", "File…", inventory, openFile("AsyncAPI document or contract"), inventory::setText),
                browse("coverageInventoryDir", "Folder…", inventory, folder("Directory of contracts"), inventory::setText)));
        form.addRow(1, formLabel("Run report"), report, browse("coverageReportBrowse", "File…", report,
                openFile("Run report (report.json)"), report::setText));
        form.addRow(2, formLabel("Recordings"), recordings, browse("coverageRecordingAdd", "Add…", recordings, openFile("Session recording"),
                f -> recordings.appendText((recordings.getText().isBlank() || recordings.getText().endsWith("\n") ? "" : "\n") + f)));

        Button measure = new Button("Measure");
        measure.setId("coverageMeasure");
        measure.getStyleClass().add("primary");
        measure.disableProperty().bind(vm.busyProperty());
        measure.setOnAction(e -> vm.measure());
        Label summary = new Label();
        summary.setId("coverageSummary");
        summary.getStyleClass().add("pane-title");
        summary.textProperty().bind(vm.summaryProperty());
        HBox measureRow = new HBox(12, measure, summary);
        measureRow.setAlignment(Pos.CENTER_LEFT);

        TableView<CoverageRow> table = new TableView<>(vm.rows());
        table.setId("coverageTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Choose an inventory, a run report and recordings, then Measure"));
        table.getColumns().setAll(
                column("Point", 330, CoverageRow::label),
                column("Exercised by", 140, CoverageRow::exercisedBy),
                column("Tests", 340, CoverageTable::testsText),
                column("Sessions", 300, CoverageTable::sessionsText));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CoverageRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("coverage-gap", "coverage-outside");
                if (!empty && row != null) {
                    if (row.gap()) {
                        getStyleClass().add("coverage-gap");
                    } else if (!row.inInventory()) {
                        getStyleClass().add("coverage-outside");
                    }
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField markdown = field("coverageMarkdownFile", "coverage.md", "");
        markdown.textProperty().bindBidirectional(vm.markdownFileProperty());
        Button export = new Button("Export Markdown");
        export.setId("coverageExport");
        export.disableProperty().bind(vm.busyProperty().or(vm.summaryProperty().isEmpty()));
        export.setOnAction(e -> vm.exportMarkdown());
        HBox exportRow = new HBox(8, formLabel("Markdown"), markdown,
                browse("coverageMarkdownBrowse", markdown, saveFile("Export the coverage table as Markdown", "coverage.md")), export);
        exportRow.setAlignment(Pos.CENTER_LEFT);

        HBox bottom = Controls.closeBar(stage, "coverageClose", outcome("coverageMessage", vm.messageProperty(), vm.okProperty()));

        VBox root = new VBox(10, form, measureRow, table, exportRow, bottom);
        root.setPadding(new Insets(14));
        Scene scene = new Scene(root, 1180, 660);
        scene.getStylesheets().add(MainView.CSS);
        stage.setScene(scene);
    }

    private static TextField field(String id, String prompt, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPromptText(prompt);
        HBox.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    private static TableColumn<CoverageRow, String> column(String title, double width, Function<CoverageRow, String> value) {
        TableColumn<CoverageRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            // wrapped, so a long point or list of tests is read in full: the row grows instead of cutting it
            private final Text wrapped = new Text();

            {
                wrapped.getStyleClass().add("coverage-cell-text");
                wrapped.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(null);
                wrapped.setText(empty || text == null ? "" : text);
                setGraphic(empty ? null : wrapped);
            }
        });
        return c;
    }
}
