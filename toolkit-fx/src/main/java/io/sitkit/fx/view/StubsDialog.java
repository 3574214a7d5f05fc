package io.sitkit.fx.view;

import io.sitkit.fx.service.StubRow;
import io.sitkit.fx.viewmodel.StubsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The stubs panel of one connection: a stub file's path (typed, or picked with Browse…) and
 * Load file, the stubs and relays of every loaded file with their state and the requests each
 * handled, Start and Stop for the selected row's file, Stop all. Everything else is the
 * {@link StubsViewModel}'s; the stubs keep running when the panel closes, until stopped or the
 * connection closes.
 *
 * <p>Thread-safety: FX thread only.
 */
final class StubsDialog {
    final Stage stage = new Stage();
    private final StubsViewModel vm;
    private final TableView<StubRow> table;
    /** The row the user picked (file, kind, name): the counts replace the rows, and the pick survives that. */
    private String picked;

    StubsDialog(Window owner, StubsViewModel vm) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Stubs on '" + vm.connectionName() + "'");

        TextField file = new TextField();
        file.setId("stubFile");
        file.setPromptText("/path/to/stubs.yaml");
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = Controls.browse("stubBrowse", file,
                Controls.openFile("Load a stub file", new FileChooser.ExtensionFilter("YAML stub files", "*.yaml", "*.yml")));
        Button load = new Button("Load file");
        load.setId("stubLoad");
        load.disableProperty().bind(vm.busyProperty().or(file.textProperty().isEmpty()));
        load.setOnAction(e -> vm.load(Path.of(file.getText().strip())));
        HBox loadRow = new HBox(8, Controls.formLabel("Stub file"), file, browse, load);
        loadRow.setAlignment(Pos.CENTER_LEFT);

        table = new TableView<>(vm.rows());
        table.setId("stubTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No stub file loaded: a YAML stub file defines stubs and interceptors (README, \"Stubs from YAML\")"));
        table.getColumns().setAll(
                column("File", 170, r -> Path.of(r.file()).getFileName().toString()),
                column("Kind", 90, r -> r.kind().toString()),
                column("Name", 150, StubRow::name),
                column("Listens on", 270, StubRow::address),
                stateColumn(),
                column("Handled", 80, r -> String.valueOf(r.handled())));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                picked = key(now);
            }
        });
        ListChangeListener<StubRow> counts = c -> keepPick();
        vm.rows().addListener(counts);
        stage.setOnHidden(e -> vm.rows().removeListener(counts));

        Button start = new Button("Start");
        start.setId("stubStart");
        start.getStyleClass().add("primary");
        start.setOnAction(e -> selectedFile().ifPresent(vm::start));
        Button stop = new Button("Stop");
        stop.setId("stubStop");
        stop.setOnAction(e -> selectedFile().ifPresent(vm::stop));
        var nothingSelected = table.getSelectionModel().selectedItemProperty().isNull();
        start.disableProperty().bind(vm.busyProperty().or(nothingSelected));
        stop.disableProperty().bind(vm.busyProperty().or(nothingSelected));
        Button stopAll = new Button("Stop all");
        stopAll.setId("stubStopAll");
        stopAll.disableProperty().bind(vm.busyProperty().or(Bindings.isEmpty(vm.rows())));
        stopAll.setOnAction(e -> vm.stopAll());
        Label hint = new Label("Start and Stop act on the selected row's file. Stubs run on this connection's clients"
                + " until stopped or disconnected.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox actions = new HBox(8, start, stop, stopAll, hint);
        actions.setAlignment(Pos.CENTER_LEFT);

        HBox bottom = Controls.closeBar(stage, "stubClose", Controls.outcome("stubMessage", vm.messageProperty(), vm.okProperty()));

        VBox root = new VBox(12, loadRow, table, actions, bottom);
        root.setPadding(new Insets(14));
        Scene scene = new Scene(root, 980, 460);
        scene.getStylesheets().add(MainView.CSS);
        stage.setScene(scene);
    }

    private static String key(StubRow r) {
        return r.file() + "\u0000" + r.kind() + "\u0000" + r.name();
    }

    private void keepPick() {
        StubRow now = table.getSelectionModel().getSelectedItem();
        if (picked == null || now != null && key(now).equals(picked)) {
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (key(table.getItems().get(i)).equals(picked)) {
                table.getSelectionModel().select(i);
                return;
            }
        }
    }

    private java.util.Optional<String> selectedFile() {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(StubRow::file);
    }

    private static TableColumn<StubRow, String> column(String title, double width, Function<StubRow, String> value) {
        TableColumn<StubRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static TableColumn<StubRow, String> stateColumn() {
        TableColumn<StubRow, String> c = column("State", 90, StubRow::state);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                setText(empty ? null : state);
                getStyleClass().removeAll("ok-text", "muted");
                if (!empty && state != null) {
                    getStyleClass().add(state.equals("running") ? "ok-text" : "muted");
                }
            }
        });
        return c;
    }
}
