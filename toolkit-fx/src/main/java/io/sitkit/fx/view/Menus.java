package io.sitkit.fx.view;

import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/**
 * The toolbar's menus and their items, made one way: a menu's label carries its mnemonic
 * ({@code "_Tools"}: Alt+T opens it), every item an id for the UI tests.
 *
 * <pre>{@code
 * MenuButton tools = Menus.menu("toolsMenu", "_Tools", Menus.item("coverageItem", "Coverage…", this::coverage));
 * }</pre>
 *
 * <p>Thread-safety: FX thread only.
 */
final class Menus {
    private Menus() {
    }

    /** A toolbar menu; {@code label} marks its mnemonic with {@code _}. */
    static MenuButton menu(String id, String label, MenuItem... items) {
        MenuButton m = new MenuButton(label);
        m.setId(id);
        m.setMnemonicParsing(true);
        m.getItems().setAll(items);
        return m;
    }

    /** An item that runs {@code action}. */
    static MenuItem item(String id, String label, Runnable action) {
        MenuItem i = new MenuItem(label);
        i.setId(id);
        i.setMnemonicParsing(false);
        i.setOnAction(e -> action.run());
        return i;
    }
}
