package io.sitkit.fx.view;

import io.sitkit.fx.service.DecoderChoice;
import io.sitkit.fx.service.MessageFilter;
import io.sitkit.fx.service.MessageRow;
import io.sitkit.fx.viewmodel.MessagesViewModel;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The message table of one destination with its paging toolbar, filter bar and status line. Binds
 * to a {@link MessagesViewModel}; the inject, re-send and diff buttons are handed to the main view.
 *
 * <p>Thread-safety: FX thread only.
 */
final class MessagesView extends VBox {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    final TableView<MessageRow> table = new TableView<>();
    final Label title = new Label();
    final Label status = new Label();
    final ProgressBar progress = new ProgressBar(0);
    final TextField key = field("keyFilter", "key contains", 100);
    final TextField header = field("headerFilter", "header=value", 130);
    final TextField text = field("textFilter", "payload text", 130);
    final CheckBox regex = new CheckBox("regex");
    final TextField jsonPath = field("jsonPathFilter", "JSON path $[?(@.total>9)]", 200);
    final TextField from = field("fromFilter", "from (ISO time)", 150);
    final TextField to = field("toFilter", "to (ISO time)", 150);
    final Button apply = new Button("Filter");
    final Button cancel = new Button("Cancel");
    final Button clear = new Button("Clear");
    final TextField offset = field("offsetField", "offset", 70);
    final TextField partition = field("partitionField", "all", 60);
    final TextField time = field("timeField", "2026-12-06T10:00:00Z", 200);
    final ToggleButton tail = new ToggleButton("Live tail");
    final ChoiceBox<DecoderChoice> decoder = new ChoiceBox<>();
    final Button inject = new Button("Inject…");
    final Button resend = new Button("Edit & re-send…");
    final Button diff = new Button("Diff…");
    final Button schema = new Button("Schema…");
    final Button export = new Button("Export…");
    final Button importFile = new Button("Import…");
    private MessagesViewModel vm;

    MessagesView(Consumer<String> onError) {
        getStyleClass().add("messages-view");
        table.setId("messageTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Pick a topic or queue in the tree to browse it"));
        table.getColumns().setAll(List.of(
                column("Position", 80, MessageRow::position),
                column("Timestamp", 170, r -> r.timestamp() == null ? "" : TIME.format(r.timestamp())),
                column("Key", 90, MessageRow::key),
                column("Headers", 230, MessageRow::headers),
                column("Payload", 560, MessageRow::preview)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        title.getStyleClass().add("pane-title");
        title.setId("messagesTitle");
        Button first = button("firstPage", "|◀ First", () -> vm.first());
        Button prev = button("previousPage", "◀ Prev", () -> vm.previous());
        Button next = button("nextPage", "Next ▶", () -> vm.next());
        Button last = button("lastPage", "Last ▶|", () -> vm.last());
        Button seek = button("seekOffset", "Go", () -> vm.seekOffset(partition.getText().isBlank() ? null
                : Integer.valueOf(partition.getText().strip()), Long.parseLong(offset.getText().strip())));
        Button seekTime = button("seekTime", "Go", () -> vm.seekTimestamp(Instant.parse(time.getText().strip())));
        decoder.getItems().setAll(DecoderChoice.values());
        decoder.setId("decoderChoice");
        tail.setId("liveTail");
        inject.setId("injectButton");
        resend.setId("resendButton");
        diff.setId("diffButton");
        diff.setTooltip(new javafx.scene.control.Tooltip("Compare the two selected messages field by field"));
        export.setId("exportButton");
        importFile.setId("importButton");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        schema.setId("decodeSchema");
        schema.setTooltip(new javafx.scene.control.Tooltip("Read this destination's payloads as plain Avro with a schema file (.avsc)"));
        schema.setOnAction(e -> chooseSchema());
        HBox actions = new HBox(6, title, grow, new Label("Decode"), decoder, schema, tail);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("tool-bar");
        HBox paging = new HBox(6, first, prev, next, last, new Separator(), new Label("Partition"), partition, new Label("Offset"), offset,
                seek, new Separator(), new Label("Time"), time, seekTime);
        paging.setAlignment(Pos.CENTER_LEFT);
        paging.getStyleClass().add("tool-bar");

        apply.setId("applyFilter");
        apply.getStyleClass().add("primary");
        cancel.setId("cancelFilter");
        clear.setId("clearFilter");
        apply.setOnAction(e -> run(onError, () -> vm.applyFilter(filter())));
        cancel.setOnAction(e -> vm.cancelFilter());
        clear.setOnAction(e -> {
            List.of(key, header, text, jsonPath, from, to).forEach(TextField::clear);
            regex.setSelected(false);
            vm.first();
        });
        progress.setPrefWidth(120);
        FlowPane filterBar = new FlowPane(6, 6, new Label("Filter"), key, header, text, regex, jsonPath, from, to, apply, cancel, clear,
                progress);
        filterBar.setAlignment(Pos.CENTER_LEFT);
        filterBar.getStyleClass().add("filter-bar");
        filterBar.setId("filterBar");

        status.setId("messagesStatus");
        status.getStyleClass().add("status-text");
        // the table's footer: what the table shows, and what can be done with its rows
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox statusBar = new HBox(4, status, gap, inject, resend, diff, export, importFile);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.getStyleClass().addAll("status-bar", "table-footer");
        for (javafx.scene.Node n : concat(actions.getChildren(), paging.getChildren(), filterBar.getChildren(), statusBar.getChildren())) {
            if (n instanceof javafx.scene.control.Labeled || n instanceof ChoiceBox) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        // long texts give way (ellipsis, the whole text in a tooltip) before any button does
        for (Label l : List.of(title, status)) {
            l.setMinWidth(60);
            l.setTooltip(new javafx.scene.control.Tooltip());
            l.getTooltip().textProperty().bind(l.textProperty());
        }
        getChildren().setAll(actions, paging, filterBar, table, statusBar);
        setDisable(true);
        this.pagingButtons = new Button[]{first, prev, next, last};
    }

    private final Button[] pagingButtons;

    @SafeVarargs
    private static List<javafx.scene.Node> concat(List<javafx.scene.Node>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        return f;
    }

    private Button button(String id, String label, Runnable action) {
        Button b = new Button(label);
        b.setId(id);
        b.setOnAction(e -> {
            try {
                action.run();
            } catch (RuntimeException ex) {
                status.setText(ex.getMessage());
            }
        });
        return b;
    }

    private static void run(Consumer<String> onError, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            onError.accept(e.getMessage());
        }
    }

    private static TableColumn<MessageRow, String> column(String name, double width, Function<MessageRow, String> value) {
        TableColumn<MessageRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        if (!name.equals("Payload") && !name.equals("Headers")) {
            c.setMinWidth(width);
        }
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    MessageFilter filter() {
        return new MessageFilter(key.getText(), header.getText(), text.getText(), regex.isSelected(), jsonPath.getText(),
                from.getText().isBlank() ? null : Instant.parse(from.getText().strip()),
                to.getText().isBlank() ? null : Instant.parse(to.getText().strip()));
    }

    /** Shows {@code m}'s rows and state; the previous view-model is unbound. */
    void bind(MessagesViewModel m) {
        if (vm != null) {
            decoder.valueProperty().unbindBidirectional(vm.decoderProperty());
            vm.tailingProperty().removeListener(tailListener);
        }
        vm = m;
        setDisable(m == null);
        if (m == null) {
            table.setItems(javafx.collections.FXCollections.observableArrayList());
            return;
        }
        title.setText(m.destination().toString());
        table.setItems(m.rows());
        decoder.valueProperty().bindBidirectional(m.decoderProperty());
        status.textProperty().bind(m.statusProperty());
        progress.progressProperty().bind(m.progressProperty());
        progress.visibleProperty().bind(m.scanningProperty());
        cancel.disableProperty().bind(m.scanningProperty().not());
        apply.disableProperty().bind(m.scanningProperty());
        pagingButtons[1].disableProperty().bind(m.hasPreviousProperty().not().or(m.busyProperty()));
        pagingButtons[2].disableProperty().bind(m.hasNextProperty().not().or(m.busyProperty()));
        tail.setSelected(m.tailingProperty().get());
        m.tailingProperty().addListener(tailListener);
        tail.setOnAction(e -> {
            if (tail.isSelected()) {
                m.startTail();
            } else {
                m.stopTail();
            }
        });
        boolean browsable = !(m.destination().isJms() && !m.destination().isQueue());
        for (Button b : pagingButtons) {
            b.setVisible(browsable);
        }
        diff.disableProperty().bind(javafx.beans.binding.Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        resend.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(m.rows()));
        if (m.rows().isEmpty() && !m.tailingProperty().get()) {
            if (browsable) {
                m.first();
            } else {
                m.startTail();
            }
        }
    }

    /** Asks for an .avsc file (typed, or picked where the platform has a file dialog) and decodes with it. */
    private void chooseSchema() {
        if (vm == null) {
            return;
        }
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> d = new javafx.scene.control.Dialog<>();
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        d.setTitle("Avro schema for " + vm.destination());
        d.setHeaderText("Read the payloads of " + vm.destination() + " as plain Avro binary with this schema");
        TextField file = field("avroSchemaFile", "/path/to/OrderPlaced.avsc", 420);
        Button browse = Controls.browse("avroSchemaBrowse", file,
                Controls.openFile("Avro schema", new javafx.stage.FileChooser.ExtensionFilter("Avro schema", "*.avsc")));
        d.getDialogPane().setContent(new HBox(8, file, browse));
        d.getDialogPane().getButtonTypes().setAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        d.getDialogPane().getStylesheets().add(MainView.CSS);
        MessagesViewModel m = vm;
        d.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK && !file.getText().isBlank())
                .ifPresent(b -> m.useAvroSchema(file.getText()));
    }

    private final javafx.beans.value.ChangeListener<Boolean> tailListener = (o, was, now) -> tail.setSelected(now);

    MessagesViewModel viewModel() {
        return vm;
    }

}
