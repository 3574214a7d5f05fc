package io.sitkit.fx.view;

import io.sitkit.fx.viewmodel.ConnectionViewModel;
import io.sitkit.fx.viewmodel.SessionExportViewModel;
import io.sitkit.fx.viewmodel.SessionViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;


/**
 * The exploratory session panel, a window beside the inspector: on the left the connection, the
 * destinations to observe (check boxes), the recording file, Start and Stop, and while it runs the
 * elapsed time, the counts, a note field with Add note and Mark finding, and the notes so far; on
 * the right the exports of the session stopped last ({@link SessionExportPane}). It forwards to a
 * {@link SessionViewModel}; closing the window leaves a running session running.
 *
 * <p>Thread-safety: FX thread only.
 */
final class SessionDialog {
    final Stage stage = new Stage();

    SessionDialog(Window owner, SessionViewModel vm) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Exploratory session");

        Label title = new Label("Exploratory session");
        title.getStyleClass().add("pane-title");
        Label intro = new Label("Everything observed on the ticked destinations and everything you inject on this connection"
                + " (Inject, Edit & re-send, Import) is recorded, with your notes and findings.");
        intro.getStyleClass().add("muted");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        ChoiceBox<ConnectionViewModel> connection = new ChoiceBox<>(vm.connections());
        connection.setId("sessionConnection");
        connection.valueProperty().bindBidirectional(vm.connectionProperty());
        connection.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectionViewModel c) {
                return c == null ? "" : c.name();
            }

            @Override
            public ConnectionViewModel fromString(String s) {
                return null;
            }
        });
        ListView<SessionViewModel.Choice> destinations = new ListView<>(vm.destinations());
        destinations.setId("sessionDestinations");
        destinations.setCellFactory(CheckBoxListCell.forListView(SessionViewModel.Choice::selectedProperty));
        destinations.setPrefHeight(150);
        destinations.setMinHeight(84);
        destinations.setPlaceholder(new Label("Choose a connection"));
        TextField file = new TextField();
        file.setId("sessionFile");
        file.textProperty().bindBidirectional(vm.fileProperty());
        Button browse = Controls.browse("sessionFileBrowse", file, Controls.saveFile("Record to", null));
        HBox.setHgrow(file, Priority.ALWAYS);
        HBox fileRow = new HBox(8, file, browse);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        fileRow.disableProperty().bind(vm.runningProperty());
        connection.disableProperty().bind(vm.runningProperty());
        destinations.disableProperty().bind(vm.runningProperty());

        Button start = new Button("Start");
        start.setId("sessionStart");
        start.getStyleClass().add("primary");
        start.disableProperty().bind(vm.runningProperty().or(vm.busyProperty()));
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.setId("sessionStop");
        stop.disableProperty().bind(vm.runningProperty().not().or(vm.busyProperty()));
        stop.setOnAction(e -> vm.stop());
        Label state = new Label();
        state.setId("sessionState");
        state.getStyleClass().add("session-state");
        state.textProperty().bind(Bindings.when(vm.runningProperty()).then(Bindings.concat("● Recording  ", vm.elapsedProperty()))
                .otherwise(Bindings.concat("Stopped  ", vm.elapsedProperty())));
        vm.runningProperty().addListener((o, was, now) -> state.pseudoClassStateChanged(RECORDING, now));
        Label counts = new Label();
        counts.setId("sessionCounts");
        counts.getStyleClass().add("session-counts");
        counts.textProperty().bind(Bindings.format("observed %d · injected %d", vm.observedProperty(), vm.injectedProperty()));
        HBox controls = new HBox(10, start, stop, state, counts);
        controls.setAlignment(Pos.CENTER_LEFT);

        TextField note = new TextField();
        note.setId("sessionNote");
        note.setPromptText("What you do, or what you see");
        Button addNote = new Button("Add note");
        addNote.setId("sessionAddNote");
        addNote.setOnAction(e -> {
            if (vm.addNote(note.getText()) != null) {
                note.clear();
            }
        });
        Button finding = new Button("Mark finding");
        finding.setId("sessionMarkFinding");
        finding.setOnAction(e -> {
            if (vm.markFinding(note.getText()) != null) {
                note.clear();
            }
        });
        addNote.disableProperty().bind(vm.runningProperty().not());
        finding.disableProperty().bind(vm.runningProperty().not());
        note.disableProperty().bind(vm.runningProperty().not());
        note.setOnAction(e -> addNote.fire());
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox noteRow = new HBox(8, note, addNote, finding);
        noteRow.setAlignment(Pos.CENTER_LEFT);
        ListView<String> notes = new ListView<>(vm.notes());
        notes.setId("sessionNotes");
        notes.setPlaceholder(new Label("No notes yet"));
        notes.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                pseudoClassStateChanged(FINDING, !empty && item != null && item.contains("  FINDING  "));
            }
        });
        VBox.setVgrow(notes, Priority.ALWAYS);
        Label message = Controls.outcome("sessionMessage", vm.messageProperty(), vm.okProperty());

        VBox left = new VBox(8, title, intro, Controls.formLabel("Connection"), connection,
                Controls.formLabel("Destinations to observe"), destinations, Controls.formLabel("Recording file"), fileRow,
                controls, noteRow, notes, message);
        left.getStyleClass().add("section");
        left.setMinWidth(380);

        SessionExportViewModel export = vm.export();
        vm.recordingProperty().addListener((o, was, now) -> {
            if (now != null) {
                export.use(now);
            }
        });
        SessionExportPane right = new SessionExportPane(export);
        right.disableProperty().bind(vm.runningProperty().or(vm.recordingProperty().isNull()));

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.42);
        VBox root = new VBox(split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setPadding(new Insets(4));
        root.setPrefSize(1160, 700);
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(MainView.CSS, SESSION_CSS);
        stage.setScene(scene);
    }

    /** The session windows' stylesheet: recording state, findings, near misses. */
    static final String SESSION_CSS = SessionDialog.class.getResource("session.css").toExternalForm();
    private static final javafx.css.PseudoClass RECORDING = javafx.css.PseudoClass.getPseudoClass("recording");
    private static final javafx.css.PseudoClass FINDING = javafx.css.PseudoClass.getPseudoClass("finding");
}
