package io.sitkit.fx.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.fx.service.DecodedPayload;
import io.sitkit.fx.viewmodel.DetailViewModel;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Map;

/**
 * The detail pane: the selected message's decoded payload as text and as a tree, why decoding fell
 * back, its headers, metadata and hex — bound to a {@link DetailViewModel}.
 *
 * <p>Thread-safety: FX thread only.
 */
final class DetailView extends VBox {
    final TabPane tabs = new TabPane();
    final TabPane side = new TabPane();
    final TextArea payload = area("payloadText");
    final TextArea hex = area("hexText");
    final TreeView<String> tree = new TreeView<>();
    final TableView<Map.Entry<String, String>> headers = table("headersTable");
    final TableView<Map.Entry<String, String>> metadata = table("metadataTable");

    DetailView(DetailViewModel vm) {
        getStyleClass().add("section");
        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("pane-title");
        title.textProperty().bind(vm.titleProperty());
        Label format = new Label();
        format.setId("detailFormat");
        format.getStyleClass().add("muted");
        format.textProperty().bind(vm.formatProperty());
        Label reason = new Label();
        reason.setId("detailReason");
        reason.getStyleClass().add("reason");
        reason.setWrapText(true);
        reason.textProperty().bind(vm.reasonProperty());
        reason.visibleProperty().bind(vm.reasonProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        Button copy = new Button("Copy payload");
        copy.setId("copyPayload");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.textProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        });
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        copy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox head = new HBox(12, new VBox(2, title, format), grow, copy);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        payload.textProperty().bind(vm.textProperty());
        hex.textProperty().bind(vm.hexProperty());
        tree.setId("payloadTree");
        tree.setShowRoot(false);
        vm.decodedProperty().addListener((o, was, now) -> tree.setRoot(treeOf(now)));
        headers.setItems(vm.headers());
        metadata.setItems(vm.metadata());
        headers.setPlaceholder(new Label("No headers"));
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(new Tab("Payload", payload), new Tab("Tree", tree), new Tab("Hex", hex));
        side.setId("detailSideTabs");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.getTabs().setAll(new Tab("Headers", headers), new Tab("Metadata", metadata));
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(tabs, side);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(head, reason, split);
    }

    private static TextArea area(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.getStyleClass().add("mono");
        return a;
    }

    private static TableView<Map.Entry<String, String>> table(String id) {
        TableView<Map.Entry<String, String>> t = new TableView<>();
        t.setId(id);
        TableColumn<Map.Entry<String, String>, String> name = new TableColumn<>("Name");
        name.setPrefWidth(130);
        name.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().getKey()));
        TableColumn<Map.Entry<String, String>, String> value = new TableColumn<>("Value");
        value.setPrefWidth(300);
        value.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().getValue()));
        t.getColumns().setAll(java.util.List.of(name, value));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    /** The JSON view as a tree: objects and arrays expand, scalars show "name: value". */
    static TreeItem<String> treeOf(DecodedPayload p) {
        TreeItem<String> root = new TreeItem<>("$");
        if (p != null && p.tree() != null) {
            add(root, p.tree(), 0);
        }
        root.setExpanded(true);
        return root;
    }

    private static void add(TreeItem<String> parent, JsonNode node, int depth) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                parent.getChildren().add(item(e.getKey(), e.getValue(), depth));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                parent.getChildren().add(item("[" + i + "]", node.get(i), depth));
            }
        }
    }

    private static TreeItem<String> item(String name, JsonNode value, int depth) {
        if (value.isContainerNode()) {
            TreeItem<String> t = new TreeItem<>(name + (value.isArray() ? "  [" + value.size() + "]" : "  {" + value.size() + "}"));
            add(t, value, depth + 1);
            t.setExpanded(depth < 2);
            return t;
        }
        return new TreeItem<>(name + ": " + (value.isTextual() ? "\"" + value.asText() + "\"" : value.toString()));
    }
}
