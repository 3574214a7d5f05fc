package io.sitkit.fx.view;

import io.sitkit.fx.service.MessageRow;
import io.sitkit.fx.viewmodel.DiffViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Two messages side by side and their field-level differences, bound to a {@link DiffViewModel}.
 *
 * <p>Thread-safety: FX thread only.
 */
final class DiffDialog {
    final Stage stage = new Stage();

    DiffDialog(Window owner, DiffViewModel vm) {
        stage.initOwner(owner);
        stage.setTitle("Diff of two messages");
        TextField ignored = new TextField();
        ignored.setId("diffIgnored");
        ignored.setPromptText("ignore paths, e.g. $.eventId, $..traceId, header:traceparent");
        ignored.textProperty().bindBidirectional(vm.ignoredProperty());
        HBox.setHgrow(ignored, Priority.ALWAYS);
        CheckBox volatileFields = new CheckBox("ignore volatile fields (uuids, timestamps)");
        volatileFields.selectedProperty().bindBidirectional(vm.ignoreVolatileProperty());
        Button compare = new Button("Compare");
        compare.setId("diffCompare");
        compare.getStyleClass().add("primary");
        compare.setOnAction(e -> vm.compare());
        HBox options = new HBox(8, new Label("Ignore"), ignored, volatileFields, compare);
        options.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("diffSummary");
        summary.getStyleClass().add("pane-title");
        summary.textProperty().bind(vm.summaryProperty());
        ListView<String> lines = new ListView<>(vm.lines());
        lines.setId("diffLines");
        lines.getStyleClass().add("mono");
        lines.setPrefHeight(170);
        lines.setPlaceholder(new Label("No differences"));

        SplitPane sides = new SplitPane(side("Left (expected)", vm.left()), side("Right (actual)", vm.right()));
        VBox.setVgrow(sides, Priority.ALWAYS);
        VBox root = new VBox(10, options, summary, lines, sides);
        root.setPadding(new Insets(14));
        Scene scene = new Scene(root, 980, 640);
        scene.getStylesheets().add(MainView.CSS);
        stage.setScene(scene);
        vm.compare();
    }

    private static VBox side(String title, MessageRow row) {
        Label t = new Label(title + " · " + row.message().destination() + " " + row.position());
        t.getStyleClass().add("pane-title");
        Label f = new Label(row.decoded().label());
        f.getStyleClass().add("muted");
        TextArea text = new TextArea(row.decoded().text());
        text.setEditable(false);
        text.getStyleClass().add("mono");
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox box = new VBox(6, t, f, text);
        box.setPadding(new Insets(6));
        return box;
    }
}
