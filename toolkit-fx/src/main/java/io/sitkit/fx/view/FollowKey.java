package io.sitkit.fx.view;

import io.sitkit.fx.service.MessageRow;
import io.sitkit.fx.viewmodel.ConnectionViewModel;
import io.sitkit.fx.viewmodel.CorrelationViewModel;
import io.sitkit.fx.viewmodel.InspectorViewModel;
import io.sitkit.fx.viewmodel.MessagesViewModel;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * The main window's ways into the correlation view: <em>Tools → Follow key…</em> (Ctrl+K, ⌘K on a
 * Mac), which opens it for a key to type, and <em>Follow this key…</em> on a message row, which
 * follows the key that row carries. One {@link CorrelationWindow} is opened on first use and reused.
 *
 * <p>Thread-safety: FX thread only.
 */
final class FollowKey {
    /** The shortcut of {@link #item}. */
    static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    final MenuItem item = new MenuItem("Follow key…");
    private final CorrelationViewModel vm;
    private final Supplier<Window> owner;
    private CorrelationWindow window;

    /** @param selected the connection picked in the tree, if any: its route is the one drawn */
    FollowKey(InspectorViewModel inspector, Supplier<Window> owner, Supplier<ConnectionViewModel> selected) {
        this.vm = new CorrelationViewModel(inspector);
        this.owner = owner;
        item.setId("followKeyItem");
        item.setAccelerator(SHORTCUT);
        item.setOnAction(e -> {
            vm.focusOn(selected.get());
            window().show();
        });
    }

    CorrelationViewModel viewModel() {
        return vm;
    }

    /** The message table's context menu: <em>Follow this key…</em> of the row clicked. */
    ContextMenu rowMenu(TableView<MessageRow> table, Supplier<MessagesViewModel> shown) {
        MenuItem follow = new MenuItem("Follow this key…");
        follow.setId("followThisKey");
        follow.setOnAction(e -> {
            MessageRow row = table.getSelectionModel().getSelectedItem();
            MessagesViewModel m = shown.get();
            if (row != null && m != null) {
                window().show();
                vm.followMessage(m.connection(), row);
            }
        });
        ContextMenu menu = new ContextMenu(follow);
        menu.setOnShowing(e -> follow.setDisable(table.getSelectionModel().getSelectedItem() == null));
        return menu;
    }

    private CorrelationWindow window() {
        if (window == null) {
            window = new CorrelationWindow(owner.get(), vm);
        }
        return window;
    }
}
