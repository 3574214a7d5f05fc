package io.sitkit.fx.view;

import io.sitkit.fx.service.RecordingTimeline;
import io.sitkit.fx.service.TimelineEntry;
import io.sitkit.fx.viewmodel.RecordingViewModel;
import io.sitkit.fx.viewmodel.SessionExportViewModel;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The flow-trace and recording viewer: the file, the test a flow trace came from, what its
 * captures dropped, the failed expectation and its near misses (each a link to its message), and the timeline — time,
 * destination, key, preview, with notes and findings between — over the detail pane
 * ({@link DetailView}) of the selected message. Export… offers the session exports of the file.
 * It binds to a {@link RecordingViewModel}.
 *
 * <p>Thread-safety: FX thread only.
 */
final class RecordingViewer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final PseudoClass NEAR_MISS = PseudoClass.getPseudoClass("near-miss");
    private static final PseudoClass INJECTED = PseudoClass.getPseudoClass("injected");
    private static final PseudoClass NOTE = PseudoClass.getPseudoClass("note");
    private static final PseudoClass FINDING = PseudoClass.getPseudoClass("finding");

    final Stage stage = new Stage();
    final TableView<TimelineEntry> timeline = new TableView<>();

    RecordingViewer(Window owner, RecordingViewModel vm) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.titleProperty().bind(vm.titleProperty());

        Label title = new Label();
        title.setId("traceTitle");
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(vm.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        TextField file = new TextField();
        file.setId("traceFile");
        file.setPromptText("target/sitkit/<class>/<method>.jsonl, or a session recording");
        file.textProperty().bindBidirectional(vm.fileProperty());
        file.setOnAction(e -> vm.open());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = Controls.browse("traceBrowse", "Browse…", file,
                Controls.openFile("Open a flow trace or recording", new FileChooser.ExtensionFilter("Capture files", "*.jsonl")), path -> {
                    file.setText(path);
                    vm.open();
                });
        Button open = new Button("Open");
        open.setId("traceOpen");
        open.getStyleClass().add("primary");
        open.disableProperty().bind(vm.loadingProperty());
        open.setOnAction(e -> vm.open());
        Button export = new Button("Export…");
        export.setId("traceExport");
        export.disableProperty().bind(vm.openedProperty().isNull());
        export.setOnAction(e -> export(vm.export()));
        HBox top = new HBox(8, file, browse, open, export);
        top.setAlignment(Pos.CENTER_LEFT);
        Label testId = muted("traceTestId", vm.testIdProperty());
        Label summary = muted("traceSummary", vm.summaryProperty());
        Label dropped = muted("traceDropped", vm.droppedProperty());
        dropped.getStyleClass().setAll("label", "reason");
        Label message = new Label();
        message.setId("traceMessage");
        message.getStyleClass().add("error-text");
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox head = new VBox(4, title, top, testId, summary, dropped, message);
        head.setPadding(new Insets(10, 10, 6, 10));

        TextArea failure = new TextArea();
        failure.setId("traceFailure");
        failure.setEditable(false);
        failure.getStyleClass().addAll("mono", "failure-text");
        failure.textProperty().bind(vm.failureProperty());
        failure.setPrefRowCount(9);
        failure.setWrapText(true);
        failure.setMinHeight(150);
        VBox.setVgrow(failure, Priority.ALWAYS);
        ListView<RecordingTimeline.Linked> misses = new ListView<>(vm.nearMisses());
        misses.setId("traceNearMisses");
        misses.setPlaceholder(new Label("The failure lists no near misses"));
        misses.setCellFactory(l -> new NearMissCell());
        misses.setMinHeight(110);
        misses.setPrefHeight(150);
        misses.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            TimelineEntry e = vm.selectNearMiss(now);
            if (e != null) {
                timeline.getSelectionModel().select(e);
                timeline.scrollTo(Math.max(0, e.index() - 3));
            }
        });
        VBox.setVgrow(misses, Priority.SOMETIMES);
        VBox failurePane = new VBox(6, Controls.formLabel("Failed expectation"), failure, Controls.formLabel("Near misses"),
                misses);
        failurePane.getStyleClass().add("section");
        failurePane.setMinWidth(300);

        timeline.setId("traceTimeline");
        timeline.setItems(vm.timeline());
        timeline.setPlaceholder(new Label("Open a flow trace or a recording"));
        timeline.getColumns().setAll(List.of(
                fixed(column("Time", 104, e -> TIME.format(e.at()))),
                fixed(column("After", 66, TimelineEntry::offset)),
                fixed(column("", 76, e -> e.nearMiss() ? "near miss" : e.kind().label())),
                column("Destination", 270, TimelineEntry::destination),
                column("Key", 50, TimelineEntry::key),
                column("Payload or note", 230, TimelineEntry::preview)));
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        timeline.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TimelineEntry item, boolean empty) {
                super.updateItem(item, empty);
                boolean some = !empty && item != null;
                pseudoClassStateChanged(NEAR_MISS, some && item.nearMiss());
                pseudoClassStateChanged(INJECTED, some && item.kind() == TimelineEntry.Kind.INJECTED);
                pseudoClassStateChanged(NOTE, some && (item.kind() == TimelineEntry.Kind.NOTE
                        || item.kind() == TimelineEntry.Kind.RECORDER));
                pseudoClassStateChanged(FINDING, some && (item.kind() == TimelineEntry.Kind.FINDING
                        || item.kind() == TimelineEntry.Kind.PROBLEM));
            }
        });
        timeline.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.select(now));

        SplitPane upper = new SplitPane(timeline);
        SplitPane.setResizableWithParent(failurePane, false);
        vm.failureProperty().addListener((o, was, now) -> {
            boolean trace = !now.isEmpty();
            if (trace && !upper.getItems().contains(failurePane)) {
                upper.getItems().add(0, failurePane);
                upper.setDividerPositions(0.35);
            } else if (!trace) {
                upper.getItems().remove(failurePane);
            }
        });
        DetailView detail = new DetailView(vm.detail());
        SplitPane center = new SplitPane(upper, detail);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.6);
        VBox.setVgrow(center, Priority.ALWAYS);
        VBox root = new VBox(head, center);
        root.setPrefSize(1220, 740);
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(MainView.CSS, SessionDialog.SESSION_CSS);
        stage.setScene(scene);
    }

    private void export(SessionExportViewModel x) {
        if (x == null) {
            return;
        }
        Stage s = new Stage();
        s.initOwner(stage);
        s.setTitle("Export " + x.recordingProperty().get());
        SessionExportPane pane = new SessionExportPane(x);
        pane.setPrefSize(720, 620);
        Scene scene = new Scene(pane);
        scene.getStylesheets().addAll(MainView.CSS, SessionDialog.SESSION_CSS);
        s.setScene(scene);
        s.show();
    }

    private static Label muted(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("muted");
        l.textProperty().bind(text);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    private static TableColumn<TimelineEntry, String> column(String name, double width, Function<TimelineEntry, String> value) {
        TableColumn<TimelineEntry, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    /** A column the table's resize policy leaves at its width. */
    private static TableColumn<TimelineEntry, String> fixed(TableColumn<TimelineEntry, String> c) {
        c.setMinWidth(c.getPrefWidth());
        return c;
    }

    /** A near miss: its message line, then its failed checks. */
    private static final class NearMissCell extends ListCell<RecordingTimeline.Linked> {
        @Override
        protected void updateItem(RecordingTimeline.Linked item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label line = new Label(item.miss().line());
            line.getStyleClass().add("near-miss-line");
            line.setWrapText(true);
            if (getListView() != null) {
                // wrapped to the list's width: a cell wider than the list would put its middle out of sight
                line.maxWidthProperty().bind(getListView().widthProperty().subtract(34));
            }
            VBox box = new VBox(2, line);
            for (String check : item.miss().failedChecks()) {
                Label c = new Label("  " + check);
                c.getStyleClass().addAll("mono", "near-miss-check");
                box.getChildren().add(c);
            }
            if (item.index() < 0) {
                Label absent = new Label("  not in this file");
                absent.getStyleClass().add("muted");
                box.getChildren().add(absent);
            }
            setText(null);
            setGraphic(box);
        }
    }
}
