package io.sitkit.fx.view;

import io.sitkit.fx.service.MessageExport;
import io.sitkit.fx.service.MessageRow;
import io.sitkit.fx.viewmodel.TransferViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

import static io.sitkit.fx.view.Controls.formLabel;

/**
 * The export and import dialogs of a destination's table. Export: which rows (selected, or all
 * shown — a filter's matches after a filter), the format (capture file, CSV, JSON) and the file.
 * Import: the file and the destination it goes into, with progress and cancel. The file can be
 * typed or picked with Browse… (where the platform has a file dialog). Everything else is the
 * {@link TransferViewModel}'s.
 *
 * <p>Thread-safety: FX thread only.
 */
final class TransferDialog {
    final Stage stage = new Stage();
    private final TransferViewModel vm;
    private final TextField file = new TextField();

    private TransferDialog(Window owner, TransferViewModel vm, String title) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle(title);
        file.setId("transferFile");
        file.setPromptText("/path/to/messages.jsonl");
        file.textProperty().bindBidirectional(vm.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
    }

    /** Export {@code selected} or {@code shown} rows. */
    static TransferDialog export(Window owner, TransferViewModel vm, List<MessageRow> selected, List<MessageRow> shown, boolean filtered) {
        TransferDialog d = new TransferDialog(owner, vm, "Export messages from " + vm.destination());
        ToggleGroup scope = new ToggleGroup();
        RadioButton some = new RadioButton("Selected rows (" + selected.size() + ")");
        some.setId("exportSelected");
        some.setToggleGroup(scope);
        some.setDisable(selected.isEmpty());
        RadioButton all = new RadioButton((filtered ? "All matches of the filter (" : "All rows shown (") + shown.size() + ")");
        all.setId("exportAll");
        all.setToggleGroup(scope);
        scope.selectToggle(selected.size() > 1 ? some : all);
        ChoiceBox<MessageExport.Format> format = new ChoiceBox<>();
        format.setId("exportFormat");
        format.getItems().setAll(MessageExport.Format.values());
        format.valueProperty().bindBidirectional(vm.formatProperty());
        Button run = new Button("Export");
        run.setId("exportRun");
        run.getStyleClass().add("primary");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.export(List.copyOf(scope.getSelectedToggle() == some ? selected : shown)));
        GridPane form = form();
        form.addRow(0, formLabel("Messages"), new HBox(16, some, all));
        form.addRow(1, formLabel("Format"), format);
        form.addRow(2, formLabel("File"), d.fileRow(true));
        d.finish(form, null, run, null);
        return d;
    }

    /** Import a file into the destination (or another). */
    static TransferDialog importing(Window owner, TransferViewModel vm) {
        TransferDialog d = new TransferDialog(owner, vm, "Import messages into " + vm.destination());
        TextField into = new TextField();
        into.setId("importInto");
        into.textProperty().bindBidirectional(vm.intoProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("importProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        Button run = new Button("Import");
        run.setId("importRun");
        run.getStyleClass().add("primary");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.importFile());
        Button cancel = new Button("Cancel");
        cancel.setId("importCancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        GridPane form = form();
        form.addRow(0, formLabel("File"), d.fileRow(false));
        form.addRow(1, formLabel("Into"), into);
        Label hint = new Label("A capture file (.jsonl), or a CSV or JSON export of the inspector. The whole file is checked"
                + " before the first message is sent.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        form.addRow(2, new Label(), hint);
        d.finish(form, progress, run, cancel);
        return d;
    }

    private HBox fileRow(boolean save) {
        Button browse = Controls.browse("transferBrowse", file, save ? Controls.saveFile("Export to", null) : Controls.openFile("Import from"));
        HBox row = new HBox(8, file, browse);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void finish(GridPane form, ProgressBar progress, Button run, Button cancel) {
        Label message = Controls.outcome("transferMessage", vm.messageProperty(), vm.okProperty());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, run);
        if (cancel != null) {
            buttons.getChildren().add(cancel);
        }
        buttons.getChildren().add(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, form);
        if (progress != null) {
            root.getChildren().add(progress);
        }
        root.getChildren().addAll(message, buttons);
        root.setPadding(new Insets(14));
        root.setPrefWidth(680);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(MainView.CSS);
        stage.setScene(scene);
    }

    private static GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(new ColumnConstraints(80), grow);
        return form;
    }
}
