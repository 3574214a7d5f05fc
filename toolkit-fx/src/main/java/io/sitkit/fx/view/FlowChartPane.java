package io.sitkit.fx.view;

import io.sitkit.fx.service.CorrelationResult.Hit;
import io.sitkit.fx.service.FlowChart;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Draws a {@link FlowChart}: a column per destination, labelled with its address, and down the page
 * one row per step — a box per message (time, key, position) in its destination's column, an arrow
 * from each message to the next labelled with the latency, and a dashed red box "missing: …" where
 * the expected route has no message. Clicking a box hands its message to {@code onPick}.
 *
 * <p>Thread-safety: FX thread only.
 */
final class FlowChartPane extends Pane {
    static final double LANE_WIDTH = 300;
    static final double BOX_WIDTH = 250;
    static final double BOX_HEIGHT = 58;
    static final double ROW_HEIGHT = 86;
    static final double HEADER = 44;
    static final double MARGIN = 16;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final Consumer<Hit> onPick;
    private final List<VBox> boxes = new ArrayList<>();

    FlowChartPane(Consumer<Hit> onPick) {
        this.onPick = onPick;
        setId("flowChart");
        getStyleClass().add("flow-chart");
        show(null, "Pick a message and choose Follow this key…, or type a key and Follow");
    }

    /** Draws {@code chart}; with none (or no step), shows {@code empty} instead. */
    void show(FlowChart chart, String empty) {
        getChildren().clear();
        boxes.clear();
        if (chart == null || chart.steps().isEmpty() && chart.lanes().isEmpty()) {
            Label l = new Label(empty);
            l.setId("flowEmpty");
            l.getStyleClass().add("flow-empty");
            l.relocate(MARGIN, MARGIN);
            getChildren().add(l);
            setPrefSize(MARGIN * 2 + 600, 80);
            return;
        }
        double width = MARGIN * 2 + chart.lanes().size() * LANE_WIDTH;
        double height = top(chart.steps().size()) + MARGIN;
        setPrefSize(width, height);
        for (int i = 0; i < chart.lanes().size(); i++) {
            Line guide = new Line(center(i), HEADER, center(i), height - 4);
            guide.getStyleClass().add("flow-lane-line");
            Label title = new Label(chart.lanes().get(i).label());
            title.getStyleClass().add("flow-lane-title");
            title.setAlignment(Pos.CENTER);
            title.setPrefWidth(LANE_WIDTH - 12);
            title.setMaxWidth(LANE_WIDTH - 12);
            title.setTooltip(new Tooltip(chart.lanes().get(i).label()));
            title.relocate(MARGIN + i * LANE_WIDTH + 6, 8);
            getChildren().addAll(guide, title);
        }
        List<Node> front = new ArrayList<>();
        int previousRow = -1;
        int previousLane = -1;
        for (int row = 0; row < chart.steps().size(); row++) {
            FlowChart.Step step = chart.steps().get(row);
            if (step instanceof FlowChart.HopStep hop) {
                front.add(box(hop, row, chart.key()));
                if (previousRow >= 0) {
                    arrow(previousLane, previousRow, hop.lane(), row, FlowChart.latencyLabel(hop.latency()), front);
                }
                previousRow = row;
                previousLane = hop.lane();
            } else if (step instanceof FlowChart.GapStep gap) {
                Label g = new Label(gap.label());
                g.getStyleClass().add("flow-gap");
                g.setAlignment(Pos.CENTER);
                g.setWrapText(true);
                g.setPrefSize(BOX_WIDTH, BOX_HEIGHT);
                g.relocate(left(gap.lane()), top(row));
                g.setTooltip(new Tooltip("The expected route passes " + gap.destination() + ", but no message there carries "
                        + chart.key() + " in what was searched"));
                front.add(g);
            }
        }
        getChildren().addAll(front);
    }

    /** Marks the box of {@code hit} as picked. */
    void highlight(Hit hit) {
        for (VBox b : boxes) {
            b.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("picked"), b.getUserData() == hit);
        }
    }

    private VBox box(FlowChart.HopStep hop, int row, String flowKey) {
        var m = hop.hit().row().message();
        Label time = new Label(m.timestamp() == null ? "(no timestamp)" : TIME.format(m.timestamp()));
        time.getStyleClass().add("flow-hop-time");
        Label key = new Label(flowKey + "  ·  " + hop.hit().row().position());
        key.getStyleClass().add("flow-hop-key");
        Label preview = new Label(hop.hit().row().preview());
        preview.getStyleClass().add("flow-hop-preview");
        VBox box = new VBox(1, time, key, preview);
        box.getStyleClass().add("flow-hop");
        box.setPrefSize(BOX_WIDTH, BOX_HEIGHT);
        box.setMaxSize(BOX_WIDTH, BOX_HEIGHT);
        box.relocate(left(hop.lane()), top(row));
        box.setUserData(hop.hit());
        Tooltip.install(box, new Tooltip(m.position() + (m.timestamp() == null ? "" : "\n" + m.timestamp()) + "\n" + hop.hit().row().preview()));
        box.setOnMouseClicked(e -> onPick.accept(hop.hit()));
        boxes.add(box);
        return box;
    }

    private void arrow(int fromLane, int fromRow, int toLane, int toRow, String latency, List<Node> front) {
        double x1 = center(fromLane);
        double y1 = top(fromRow) + BOX_HEIGHT;
        double x2 = center(toLane);
        double y2 = top(toRow);
        Line line = new Line(x1, y1, x2, y2);
        line.getStyleClass().add("flow-arrow");
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double size = 9;
        Polygon head = new Polygon(x2, y2,
                x2 - size * Math.cos(angle - Math.PI / 7), y2 - size * Math.sin(angle - Math.PI / 7),
                x2 - size * Math.cos(angle + Math.PI / 7), y2 - size * Math.sin(angle + Math.PI / 7));
        head.getStyleClass().add("flow-arrow-head");
        getChildren().addAll(line, head);
        // the label sits on the arrow just above the box it points at, in the space between two rows
        double y = y2 - (ROW_HEIGHT - BOX_HEIGHT) / 2;
        double x = x1 + (x2 - x1) * (y - y1) / (y2 - y1);
        Label l = new Label(latency);
        l.getStyleClass().add("flow-latency");
        l.layoutXProperty().bind(l.widthProperty().divide(-2).add(x));
        l.layoutYProperty().bind(l.heightProperty().divide(-2).add(y));
        front.add(l);
    }

    private static double center(int lane) {
        return MARGIN + lane * LANE_WIDTH + LANE_WIDTH / 2;
    }

    private static double left(int lane) {
        return MARGIN + lane * LANE_WIDTH + (LANE_WIDTH - BOX_WIDTH) / 2;
    }

    private static double top(int row) {
        return HEADER + 12 + row * ROW_HEIGHT;
    }
}
