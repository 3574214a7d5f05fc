package io.sitkit.fx.view;

import io.sitkit.fx.viewmodel.ConnectionViewModel;
import io.sitkit.fx.viewmodel.CorrelationViewModel;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.converter.IntegerStringConverter;

/**
 * The correlation view's window: the key and the search bound, Follow, Rules…, progress and Cancel;
 * what the search found and the expected route; the flow drawn as lanes and hops; and the detail pane
 * of the hop clicked. Binds to a {@link CorrelationViewModel}.
 *
 * <p>Thread-safety: FX thread only.
 */
final class CorrelationWindow {
    final Stage stage = new Stage();
    final FlowChartPane chart;
    private final CorrelationViewModel vm;

    CorrelationWindow(Window owner, CorrelationViewModel vm) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.setTitle("Follow a key — sitkit inspector");
        TextField key = new TextField();
        key.setId("correlationKey");
        key.setPromptText("a business key, e.g. o-00042");
        key.setPrefWidth(240);
        key.textProperty().bindBidirectional(vm.keyProperty());
        key.setOnAction(e -> vm.follow());
        Button follow = new Button("Follow");
        follow.setId("followKey");
        follow.getStyleClass().add("primary");
        follow.setOnAction(e -> vm.follow());
        follow.disableProperty().bind(vm.searchingProperty());
        TextField bound = new TextField();
        bound.setId("correlationBound");
        bound.setPrefWidth(70);
        TextFormatter<Integer> number = new TextFormatter<>(new IntegerStringConverter(), vm.perDestinationProperty().get(),
                c -> c.getControlNewText().matches("\\d{0,7}") ? c : null);
        bound.setTextFormatter(number);
        number.valueProperty().addListener((o, was, now) -> vm.perDestinationProperty().set(now == null || now < 1 ? 1 : now));
        Button rules = new Button("Rules…");
        rules.setId("correlationRules");
        rules.setOnAction(e -> editRules());
        ProgressBar progress = new ProgressBar();
        progress.setId("correlationProgress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.searchingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelFollow");
        cancel.disableProperty().bind(vm.searchingProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox toolbar = new HBox(8, new Label("Key"), key, follow, new Label("Messages per destination"), bound, rules, grow,
                progress, cancel);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("tool-bar");
        toolbar.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Labeled l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        });

        Label status = new Label();
        status.setId("correlationStatus");
        status.getStyleClass().add("pane-title");
        status.textProperty().bind(vm.statusProperty());
        Label route = new Label();
        route.setId("correlationRoute");
        route.getStyleClass().add("muted");
        route.textProperty().bind(vm.routeNoteProperty());
        for (Label l : new Label[]{status, route}) {
            l.setTooltip(new javafx.scene.control.Tooltip());
        }
        // the status's tooltip: what was searched on each destination
        status.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.concat(vm.statusProperty(), "\n", vm.searchedNoteProperty()));
        route.getTooltip().textProperty().bind(route.textProperty());
        VBox summary = new VBox(2, status, route);
        summary.getStyleClass().add("flow-summary");

        chart = new FlowChartPane(vm::select);
        vm.chartProperty().addListener((o, was, now) -> chart.show(now, vm.statusProperty().get()));
        vm.selectedProperty().addListener((o, was, now) -> chart.highlight(now));
        ScrollPane scroll = new ScrollPane(chart);
        scroll.setId("flowScroll");
        scroll.getStyleClass().add("flow-scroll");
        DetailView detail = new DetailView(vm.detail());
        SplitPane split = new SplitPane(scroll, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox root = new VBox(toolbar, summary, split);
        root.setId("correlationView");
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().addAll(MainView.CSS, CorrelationWindow.class.getResource("correlation.css").toExternalForm());
        stage.setScene(scene);
    }

    /** Shows the window in front. */
    void show() {
        stage.show();
        stage.toFront();
    }

    private void editRules() {
        vm.focusOn(vm.focusProperty().get());
        ConnectionViewModel c = vm.focusProperty().get();
        if (c != null) {
            new CorrelationRulesDialog(stage, vm, c).showAndSave();
        }
    }
}
