package io.sitkit.fx.view;

import io.sitkit.fx.viewmodel.SessionExportViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The export part of the session panel and the recording viewer: the recording, the output folder,
 * the generated test's package and class, paths that differ from run to run, the three exports, the
 * list of files written and the text of the last one — bound to a {@link SessionExportViewModel}.
 *
 * <p>Thread-safety: FX thread only.
 */
final class SessionExportPane extends VBox {
    SessionExportPane(SessionExportViewModel vm) {
        super(10);
        getStyleClass().add("section");
        setId("sessionExportPane");
        Label title = new Label("Export the session");
        title.getStyleClass().add("pane-title");
        TextField recording = field("sessionExportRecording", vm.recordingProperty(), "the recording (.jsonl)");
        TextField out = field("sessionExportDir", vm.outputDirProperty(), "folder the files go to");
        Button browse = Controls.browse("sessionExportBrowse", out, Controls.folder("Export to"));
        HBox.setHgrow(out, Priority.ALWAYS);
        HBox outRow = new HBox(8, out, browse);
        outRow.setAlignment(Pos.CENTER_LEFT);
        TextField pkg = field("sessionExportPackage", vm.packageNameProperty(), "shop.sessions");
        TextField cls = field("sessionExportClass", vm.classNameProperty(), "CheckoutSessionTest");
        TextField ignoring = field("sessionExportIgnoring", vm.ignoringProperty(), "$.paymentId, $.reservedAt — differ from run to run");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(new ColumnConstraints(96), grow);
        form.addRow(0, Controls.formLabel("Recording"), recording);
        form.addRow(1, Controls.formLabel("Output folder"), outRow);
        form.addRow(2, Controls.formLabel("Test package"), pkg);
        form.addRow(3, Controls.formLabel("Test class"), cls);
        form.addRow(4, Controls.formLabel("Ignore paths"), ignoring);

        Button asRecording = new Button("Export recording");
        asRecording.setId("sessionExportRecordingRun");
        asRecording.setOnAction(e -> vm.exportRecording());
        Button asTest = new Button("Export JUnit test");
        asTest.setId("sessionExportJUnit");
        asTest.getStyleClass().add("primary");
        asTest.setOnAction(e -> vm.exportJUnitTest());
        Button asReport = new Button("Export report");
        asReport.setId("sessionExportReport");
        asReport.setOnAction(e -> vm.exportReport());
        for (Button b : new Button[] {asRecording, asTest, asReport}) {
            b.disableProperty().bind(vm.runningProperty());
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(8, asTest, asReport, asRecording);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = Controls.outcome("sessionExportMessage", vm.messageProperty(), vm.okProperty());
        ListView<String> written = new ListView<>(vm.written());
        written.setId("sessionExportWritten");
        written.setPrefHeight(96);
        written.setMinHeight(96);
        written.setPlaceholder(new Label("Nothing exported yet"));
        written.setCellFactory(l -> new ListCell<>() {
            {
                // wrapped: a long path and what the file holds are read in full, not cut at the pane's edge
                setWrapText(true);
                prefWidthProperty().bind(l.widthProperty().subtract(20));
                setMaxWidth(Control.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        TextArea preview = new TextArea();
        preview.setId("sessionExportPreview");
        preview.setEditable(false);
        preview.getStyleClass().add("mono");
        preview.setPromptText("The file written last is shown here");
        preview.textProperty().bind(vm.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);
        getChildren().setAll(title, form, buttons, message, Controls.formLabel("Written"), written, preview);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(property);
        return f;
    }
}
