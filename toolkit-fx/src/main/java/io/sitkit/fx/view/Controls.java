package io.sitkit.fx.view;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The small pieces every view is built of, made one way: toolbar menus and their items (a menu's
 * label carries its mnemonic, {@code "_Tools"} opens with Alt+T), form labels, the line that says
 * how a view-model's last command went and the bar it sits in with Close, and <em>Browse…</em>
 * buttons with their file dialogs.
 *
 * <pre>{@code
 * MenuButton tools = Controls.menu("toolsMenu", "_Tools", Controls.item("coverageItem", "Coverage…", this::coverage));
 * Button browse = Controls.browse("stubBrowse", "Browse…", file, Controls.openFile("Load a stub file"), file::setText);
 * Label message = Controls.outcome("stubMessage", vm.messageProperty(), vm.okProperty());
 * }</pre>
 *
 * <p>Thread-safety: FX thread only.
 */
final class Controls {
    static final String NO_FILE_DIALOG = "no file dialog on this platform: type the path";

    private Controls() {
    }

    /** A toolbar menu; {@code label} marks its mnemonic with {@code _}. */
    static MenuButton menu(String id, String label, MenuItem... items) {
        MenuButton m = new MenuButton(label);
        m.setId(id);
        m.setMnemonicParsing(true);
        m.getItems().setAll(items);
        return m;
    }

    /** A menu item that runs {@code action}. */
    static MenuItem item(String id, String label, Runnable action) {
        MenuItem i = new MenuItem(label);
        i.setId(id);
        i.setMnemonicParsing(false);
        i.setOnAction(e -> action.run());
        return i;
    }

    /** A form's label, never cut shorter than its text. */
    static Label formLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** How the last command went, in full (wrapped, never cut): green while {@code ok}, red when not. */
    static Label outcome(String id, ReadOnlyStringProperty message, ReadOnlyBooleanProperty ok) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(message);
        l.getStyleClass().setAll("label", ok.get() ? "ok-text" : "error-text");
        ok.addListener((o, was, now) -> l.getStyleClass().setAll("label", now ? "ok-text" : "error-text"));
        return l;
    }

    /** The bottom line of a panel: how the last command went on the left, Close (which closes {@code stage}) on the right. */
    static HBox closeBar(Stage stage, String closeId, Label outcome) {
        Button close = new Button("Close");
        close.setId(closeId);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(outcome, Priority.SOMETIMES);
        HBox bar = new HBox(8, outcome, spacer, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /**
     * A button that asks {@code pick} (given the button's window) for a file and hands its path to
     * {@code use}; where the platform has no file dialog, {@code field}'s prompt says to type the path.
     */
    static Button browse(String id, String text, TextInputControl field, Function<Window, File> pick, Consumer<String> use) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            try {
                File f = pick.apply(b.getScene() == null ? null : b.getScene().getWindow());
                if (f != null) {
                    use.accept(f.getAbsolutePath());
                }
            } catch (RuntimeException noDialog) {
                field.setPromptText(NO_FILE_DIALOG);
            }
        });
        return b;
    }

    /** <em>Browse…</em> into {@code field}. */
    static Button browse(String id, TextInputControl field, Function<Window, File> pick) {
        return browse(id, "Browse…", field, pick, field::setText);
    }

    /** An open-file dialog, showing only {@code filters}' files when given. */
    static Function<Window, File> openFile(String title, FileChooser.ExtensionFilter... filters) {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().addAll(filters);
            return chooser.showOpenDialog(owner);
        };
    }

    /** A save-file dialog, proposing {@code initialName} when not null. */
    static Function<Window, File> saveFile(String title, String initialName) {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            if (initialName != null) {
                chooser.setInitialFileName(initialName);
            }
            return chooser.showSaveDialog(owner);
        };
    }

    /** A folder dialog. */
    static Function<Window, File> folder(String title) {
        return owner -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            return chooser.showDialog(owner);
        };
    }
}
