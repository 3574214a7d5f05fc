package io.sitkit.fx.view;

import io.sitkit.core.Destination;
import io.sitkit.fx.service.DestinationAdmin;
import io.sitkit.fx.viewmodel.ConnectionViewModel;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Supplier;

import static io.sitkit.fx.view.Controls.item;

/**
 * Create topic, delete topic and purge queue: the toolbar's Destinations menu and the tree's
 * context menu. It asks what to create and confirms what destroys, then forwards to the
 * connection's view-model — the core refuses on a locked protected connection (shown as an alert by
 * the main view) and audits what it does. A locked connection is not asked to confirm first: the
 * refusal comes straight away.
 *
 * <p>Thread-safety: FX thread only.
 */
final class DestinationActions {
    final MenuButton menu;
    private final Supplier<Window> window;
    private final Supplier<ConnectionViewModel> connection;
    private final Supplier<Optional<Destination>> selected;

    /**
     * @param connection the connection selected in the tree, or null
     * @param selected   the destination selected in the tree
     */
    DestinationActions(Supplier<Window> window, Supplier<ConnectionViewModel> connection, Supplier<Optional<Destination>> selected) {
        this.window = window;
        this.connection = connection;
        this.selected = selected;
        MenuItem create = item("newTopicItem", "New topic…", () -> newTopic(connection.get()));
        MenuItem delete = item("deleteTopicItem", "Delete topic…", () -> delete(connection.get(), selected.get().orElseThrow()));
        MenuItem purge = item("purgeQueueItem", "Purge queue…", () -> purge(connection.get(), selected.get().orElseThrow()));
        menu = Controls.menu("destinationsMenu", "_Destinations", create, delete, purge);
        menu.setOnShowing(e -> {
            Optional<Destination> d = selected.get();
            boolean connected = connection.get() != null;
            create.setDisable(!connected);
            delete.setDisable(!connected || d.isEmpty() || !d.get().isKafka());
            purge.setDisable(!connected || d.isEmpty() || !d.get().isJms() || !d.get().isQueue());
        });
    }

    /** The tree's context menu for destination {@code d} of {@code c}. */
    ContextMenu contextMenu(ConnectionViewModel c, Destination d) {
        ContextMenu m = new ContextMenu();
        if (d.isKafka()) {
            m.getItems().add(item("deleteTopicContext", "Delete topic…", () -> delete(c, d)));
        } else if (d.isQueue()) {
            m.getItems().add(item("purgeQueueContext", "Purge queue…", () -> purge(c, d)));
        }
        m.getItems().add(item("newTopicContext", "New topic…", () -> newTopic(c)));
        return m;
    }

    void newTopic(ConnectionViewModel c) {
        if (c == null) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(window.get());
        d.setTitle("New topic on '" + c.name() + "'");
        TextField name = new TextField();
        name.setId("newTopicName");
        name.setPromptText("orders.v2");
        name.setPrefWidth(280);
        Spinner<Integer> partitions = new Spinner<>(1, DestinationAdmin.MAX_PARTITIONS, 1);
        partitions.setId("newTopicPartitions");
        partitions.setEditable(true);
        partitions.setPrefWidth(100);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Partitions"), partitions);
        d.getDialogPane().setContent(form);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().getStylesheets().add(MainView.CSS);
        if (d.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            c.createTopic(name.getText(), partitions.getValue());
        }
    }

    void delete(ConnectionViewModel c, Destination d) {
        if (c.lockedProperty().get() || confirm("Delete topic " + d + "?",
                "The topic and every message in it are deleted on '" + c.name() + "'. This cannot be undone.")) {
            c.deleteTopic(d);
        }
    }

    void purge(ConnectionViewModel c, Destination d) {
        if (c.lockedProperty().get() || confirm("Purge queue " + d + "?",
                "Every message in the queue now is consumed and lost on '" + c.name() + "'. This cannot be undone.")) {
            c.purge(d);
        }
    }

    private boolean confirm(String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(window.get());
        a.setTitle("Confirm");
        a.setHeaderText(header);
        a.getDialogPane().getStylesheets().add(MainView.CSS);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
