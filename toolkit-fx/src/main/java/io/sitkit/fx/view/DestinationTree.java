package io.sitkit.fx.view;

import io.sitkit.core.Destination;
import io.sitkit.fx.service.DestinationEntry;
import io.sitkit.fx.viewmodel.ConnectionViewModel;
import io.sitkit.fx.viewmodel.InspectorViewModel;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The connection and destination tree: one root per open connection, its Kafka topics (with
 * consumer groups and lag beneath), JMS queues and JMS topics. Rebuilt from the view-models'
 * lists whenever they change.
 *
 * <p>Thread-safety: FX thread only.
 */
final class DestinationTree extends TreeView<TreeNode> {
    private final TreeItem<TreeNode> root = new TreeItem<>();
    private boolean rebuilding;
    private java.util.function.Consumer<TreeItem<TreeNode>> onSelected;

    /** @param menus the context menu of a destination row */
    DestinationTree(InspectorViewModel vm, BiFunction<ConnectionViewModel, Destination, ContextMenu> menus) {
        setId("destinationTree");
        setRoot(root);
        setShowRoot(false);
        setCellFactory(t -> new Cell(menus));
        vm.connections().addListener((ListChangeListener<ConnectionViewModel>) c -> rebuild(vm.connections()));
        rebuild(vm.connections());
    }

    private void rebuild(List<ConnectionViewModel> connections) {
        List<TreeItem<TreeNode>> items = new ArrayList<>();
        for (ConnectionViewModel c : connections) {
            TreeItem<TreeNode> item = root.getChildren().stream().filter(i -> i.getValue() instanceof TreeNode.Conn k
                    && k.connection() == c).findFirst().orElseGet(() -> connectionItem(c));
            items.add(item);
        }
        root.getChildren().setAll(items);
    }

    /** The destination selected now, if a destination row is selected. */
    Optional<Destination> selectedDestination() {
        TreeItem<TreeNode> item = getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof TreeNode.Dest d ? Optional.of(d.entry().destination()) : Optional.empty();
    }

    /** The connection of the row selected now: the row itself or the one it sits under. */
    Optional<ConnectionViewModel> selectedConnection() {
        for (TreeItem<TreeNode> i = getSelectionModel().getSelectedItem(); i != null; i = i.getParent()) {
            if (i.getValue() instanceof TreeNode.Conn c) {
                return Optional.of(c.connection());
            }
        }
        return Optional.empty();
    }

    /** Selects {@code d} under {@code c} (which opens it); false when the tree does not list it. */
    boolean select(ConnectionViewModel c, Destination d) {
        for (TreeItem<TreeNode> conn : root.getChildren()) {
            if (!(conn.getValue() instanceof TreeNode.Conn k) || k.connection() != c) {
                continue;
            }
            for (TreeItem<TreeNode> group : conn.getChildren()) {
                for (TreeItem<TreeNode> item : group.getChildren()) {
                    if (item.getValue() instanceof TreeNode.Dest dest && dest.entry().destination().equals(d)) {
                        group.setExpanded(true);
                        getSelectionModel().select(item);
                        scrollTo(getRow(item));
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private TreeItem<TreeNode> connectionItem(ConnectionViewModel c) {
        TreeItem<TreeNode> item = new TreeItem<>(new TreeNode.Conn(c));
        item.setExpanded(true);
        c.destinations().addListener((ListChangeListener<DestinationEntry>) ch -> fill(item, c));
        fill(item, c);
        return item;
    }

    private void fill(TreeItem<TreeNode> item, ConnectionViewModel c) {
        // the groups the user folded stay folded; a group that is new (its first destination just came) opens
        List<String> collapsed = new ArrayList<>();
        item.getChildren().forEach(g -> {
            if (!g.isExpanded() && g.getValue() instanceof TreeNode.Group gr) {
                collapsed.add(gr.label());
            }
        });
        List<TreeItem<TreeNode>> groups = new ArrayList<>();
        group(groups, c, "Kafka topics", e -> e.destination().isKafka(), collapsed);
        group(groups, c, "JMS queues", e -> e.destination().isJms() && e.destination().isQueue(), collapsed);
        group(groups, c, "JMS topics", e -> e.destination().isJms() && !e.destination().isQueue(), collapsed);
        TreeItem<TreeNode> was = getSelectionModel().getSelectedItem();
        boolean inHere = was != null && was != item && under(was, item);
        TreeNode wasNode = inHere ? (was.getValue() instanceof TreeNode.Consumer ? was.getParent().getValue() : was.getValue()) : null;
        rebuilding = true;
        TreeItem<TreeNode> again = null;
        try {
            item.getChildren().setAll(groups);
            if (inHere) {
                again = find(item, wasNode);
                getSelectionModel().select(again != null ? again : item);
            }
        } finally {
            rebuilding = false;
        }
        if (inHere && again == null && wasNode instanceof TreeNode.Dest && onSelected != null) {
            onSelected.accept(null);   // the destination shown is gone (deleted)
        }
    }

    private static boolean under(TreeItem<TreeNode> node, TreeItem<TreeNode> ancestor) {
        for (TreeItem<TreeNode> p = node.getParent(); p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The group with the same label, or the destination with the same address, under {@code conn}; null when gone. */
    private static TreeItem<TreeNode> find(TreeItem<TreeNode> conn, TreeNode node) {
        for (TreeItem<TreeNode> group : conn.getChildren()) {
            if (node instanceof TreeNode.Group g && group.getValue() instanceof TreeNode.Group h && g.label().equals(h.label())) {
                return group;
            }
            for (TreeItem<TreeNode> dest : group.getChildren()) {
                if (node instanceof TreeNode.Dest d && dest.getValue() instanceof TreeNode.Dest e
                        && d.entry().destination().equals(e.entry().destination())) {
                    return dest;
                }
            }
        }
        return null;
    }

    /**
     * Calls {@code handler} when the user selects a row (null when the destination shown was deleted),
     * not when a refresh rebuilds the rows and puts the selection back.
     */
    void onSelected(java.util.function.Consumer<TreeItem<TreeNode>> handler) {
        this.onSelected = handler;
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!rebuilding) {
                handler.accept(now);
            }
        });
    }

    private static void group(List<TreeItem<TreeNode>> out, ConnectionViewModel c, String label, Predicate<DestinationEntry> which,
                              List<String> collapsed) {
        List<DestinationEntry> entries = c.destinations().stream().filter(which).toList();
        if (entries.isEmpty()) {
            return;
        }
        TreeItem<TreeNode> group = new TreeItem<>(new TreeNode.Group(label, entries.size()));
        group.setExpanded(!collapsed.contains(label));
        for (DestinationEntry e : entries) {
            TreeItem<TreeNode> dest = new TreeItem<>(new TreeNode.Dest(c, e));
            e.groups().forEach(g -> dest.getChildren().add(new TreeItem<>(new TreeNode.Consumer(g))));
            dest.setExpanded(!e.groups().isEmpty());
            group.getChildren().add(dest);
        }
        out.add(group);
    }

    /** Renders each kind of node; binds nothing that outlives the cell. */
    private static final class Cell extends TreeCell<TreeNode> {
        private final BiFunction<ConnectionViewModel, Destination, ContextMenu> menus;

        Cell(BiFunction<ConnectionViewModel, Destination, ContextMenu> menus) {
            this.menus = menus;
        }

        @Override
        protected void updateItem(TreeNode node, boolean empty) {
            super.updateItem(node, empty);
            setText(null);
            setGraphic(null);
            setContextMenu(null);
            if (empty || node == null) {
                return;
            }
            if (node instanceof TreeNode.Conn c) {
                Label name = new Label(c.connection().name());
                name.getStyleClass().add("pane-title");
                Label where = new Label(c.connection().connection().profile().kind().label());
                where.getStyleClass().add("dest-summary");
                HBox box = new HBox(8, name, where);
                if (c.connection().isProtected()) {
                    Label badge = new Label(c.connection().lockedProperty().get() ? "protected" : "unlocked");
                    badge.getStyleClass().add("protected-badge");
                    box.getChildren().add(badge);
                }
                setGraphic(box);
            } else if (node instanceof TreeNode.Group g) {
                Label l = new Label(g.label() + " (" + g.count() + ")");
                l.getStyleClass().add("group-label");
                setGraphic(l);
            } else if (node instanceof TreeNode.Dest d) {
                Label name = new Label(d.entry().destination().name());
                name.getStyleClass().add("dest-name");
                Label summary = new Label(d.entry().summary());
                summary.getStyleClass().add("dest-summary");
                setGraphic(new HBox(10, name, summary));
                setContextMenu(menus.apply(d.connection(), d.entry().destination()));
            } else if (node instanceof TreeNode.Consumer k) {
                Label l = new Label("group " + k.group().groupId() + " · " + k.group().state() + " · lag " + k.group().lag());
                l.getStyleClass().add("dest-summary");
                setGraphic(l);
            }
        }
    }
}
