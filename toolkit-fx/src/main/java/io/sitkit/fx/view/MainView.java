package io.sitkit.fx.view;

import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.fx.service.MessageRow;
import io.sitkit.fx.viewmodel.ConnectionViewModel;
import io.sitkit.fx.viewmodel.DetailViewModel;
import io.sitkit.fx.viewmodel.DiffViewModel;
import io.sitkit.fx.viewmodel.InjectViewModel;
import io.sitkit.fx.viewmodel.InspectorViewModel;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The inspector window: the toolbar, the banner for lost brokers, the connection and destination
 * tree, the message table and the detail pane. It binds to an {@link InspectorViewModel} and
 * forwards actions; it decides nothing itself.
 *
 * <p>The toolbar, in groups, every menu opened from the keyboard by its mnemonic (Alt and the
 * underlined letter) or by Tab and Space: <em>Connect</em> (saved profiles, the sandbox, New
 * profile…, Passphrase…); Refresh, Disconnect and Unlock… for the connection picked in the tree;
 * <em>Destinations</em> (new topic, delete topic, purge queue), <em>Sessions</em> (exploratory
 * session, flow traces and recordings) and <em>Tools</em> (Follow key… with Ctrl+K, Stubs…,
 * Coverage…).
 *
 * <p>Thread-safety: FX thread only.
 */
public final class MainView extends BorderPane {
    /** The inspector's stylesheet. */
    public static final String CSS = MainView.class.getResource("inspector.css").toExternalForm();

    private final InspectorViewModel vm;
    private final DestinationTree tree;
    private final DestinationActions actions;
    private final MessagesView messages;
    private final DetailViewModel detailVm;
    private final io.sitkit.fx.viewmodel.CoverageViewModel coverageVm;
    private final Label banner = new Label();
    private final Label connectionStatus = new Label();
    private final MenuButton connectMenu = Controls.menu("connectMenu", "_Connect");
    private final Button unlock = button("unlock", "_Unlock…", this::askUnlock);
    private ConnectionViewModel selected;

    public MainView(InspectorViewModel vm) {
        this.vm = vm;
        setId("mainView");
        this.actions = new DestinationActions(this::window, this::selectedConnection, this::selectedDestination);
        this.tree = new DestinationTree(vm, actions::contextMenu);
        SessionMenu sessions = new SessionMenu(vm, this::window, this::selectedConnection, this::selectedDestination);
        this.messages = new MessagesView(this::error);
        this.detailVm = new DetailViewModel(vm.background());
        this.coverageVm = new io.sitkit.fx.viewmodel.CoverageViewModel(vm.background());
        DetailView detail = new DetailView(detailVm);

        Label title = new Label("sitkit inspector");
        title.getStyleClass().add("app-title");
        vm.profiles().addListener((ListChangeListener<ConnectionProfile>) c -> fillConnectMenu());
        fillConnectMenu();
        Button refresh = button("refresh", "_Refresh", () -> {
            if (selected != null) {
                selected.refresh();
            } else {
                vm.connections().forEach(ConnectionViewModel::refresh);
            }
        });
        Button disconnect = button("disconnect", "D_isconnect", () -> {
            if (selected != null) {
                messages.bind(null);
                detailVm.show(null);
                vm.disconnect(selected);
                select(null);
            }
        });
        Label status = new Label();
        status.setId("inspectorStatus");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(vm.statusProperty());
        FollowKey follow = new FollowKey(vm, this::window, this::selectedConnection);
        messages.table.setContextMenu(follow.rowMenu(messages.table, messages::viewModel));
        MenuItem stubs = Controls.item("stubsItem", "Stubs…", () -> {
            if (selected != null) {
                new StubsDialog(window(), selected.stubs()).stage.show();
            }
        });
        MenuButton tools = Controls.menu("toolsMenu", "_Tools", follow.item,
                stubs, Controls.item("coverageItem", "Coverage…", () -> new CoverageDialog(window(), coverageVm).stage.show()));
        tools.setOnShowing(e -> stubs.setDisable(selected == null));
        HBox toolbar = new HBox(8, title, connectMenu, separator(), refresh, disconnect, unlock, separator(), actions.menu, sessions.menu,
                tools);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setId("toolbar");
        toolbar.getStyleClass().add("tool-bar");

        banner.setId("banner");
        banner.setWrapText(true);
        HBox bannerBox = new HBox(banner);
        bannerBox.getStyleClass().add("banner");
        bannerBox.visibleProperty().bind(banner.textProperty().isNotEmpty());
        bannerBox.managedProperty().bind(bannerBox.visibleProperty());
        vm.connections().addListener((ListChangeListener<ConnectionViewModel>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(added -> {
                    added.bannerProperty().addListener((o, was, now) -> updateBanner());
                    added.refusalProperty().addListener((o, was, now) -> {
                        if (!now.isEmpty()) {
                            error(now);
                        }
                    });
                });
            }
            updateBanner();
        });
        setTop(new VBox(toolbar, bannerBox));

        TextField search = new TextField();
        search.setId("destinationSearch");
        search.setPromptText("Search destinations");
        search.textProperty().addListener((o, was, now) -> vm.connections().forEach(c -> c.searchProperty().set(now)));
        VBox left = new VBox(search, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        left.setPrefWidth(358);
        left.setMinWidth(220);
        tree.onSelected(this::open);

        messages.table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> detailVm.show(now));
        messages.inject.setOnAction(e -> inject(null));
        messages.resend.setOnAction(e -> inject(messages.table.getSelectionModel().getSelectedItem()));
        messages.diff.setOnAction(e -> diff());
        messages.export.setOnAction(e -> transfer(true));
        messages.importFile.setOnAction(e -> transfer(false));
        SplitPane center = new SplitPane(messages, detail);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);
        SplitPane main = new SplitPane(left, center);
        main.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(left, false);
        setCenter(main);

        connectionStatus.setId("connectionStatus");
        connectionStatus.getStyleClass().add("status-text");
        Region g2 = new Region();
        HBox.setHgrow(g2, Priority.ALWAYS);
        HBox statusBar = new HBox(12, status, g2, connectionStatus);
        statusBar.getStyleClass().add("status-bar");
        setBottom(statusBar);
        getStylesheets().add(CSS);
        select(null);
    }

    private Optional<io.sitkit.core.Destination> selectedDestination() {
        return tree.selectedDestination();
    }

    private ConnectionViewModel selectedConnection() {
        return tree.selectedConnection().orElse(null);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static Button button(String id, String label, Runnable action) {
        Button b = new Button(label);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    /** The saved profiles, the sandbox, and what makes and opens profiles: New profile…, Passphrase…. */
    private void fillConnectMenu() {
        List<MenuItem> menu = connectMenu.getItems();
        menu.clear();
        for (ConnectionProfile p : vm.profiles()) {
            MenuItem item = new MenuItem(p.name() + "  —  " + p.kind().label() + (p.isProtected() ? " (protected)" : ""));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> connect(p));
            menu.add(item);
        }
        if (menu.isEmpty()) {
            MenuItem none = new MenuItem("No profiles yet: create one with New profile… below");
            none.setDisable(true);
            menu.add(none);
        }
        menu.add(new SeparatorMenuItem());
        menu.add(Controls.item("sandboxItem", "Embedded sandbox with demo traffic", () -> connect(ConnectionProfile.sandbox("Sandbox", true))));
        menu.add(new SeparatorMenuItem());
        menu.add(Controls.item("newProfile", "New profile…", () -> ProfileDialog.show(window(), this::error).ifPresent(p -> {
            vm.saveProfile(p);
            connect(p);
        })));
        menu.add(Controls.item("passphrase", "Passphrase…", this::askPassphrase));
    }

    /** Connects, first asking for any secret the profile needs and does not know. */
    void connect(ConnectionProfile profile) {
        ConnectionProfile p = profile;
        for (String key : profile.missingSecrets()) {
            Optional<String> typed = askSecret("Connect to '" + profile.name() + "'", key);
            if (typed.isEmpty()) {
                return;
            }
            p = p.withSecret(key, typed.get());
        }
        vm.connect(p);
    }

    private Optional<String> askSecret(String title, String what) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(window());
        d.setTitle(title);
        PasswordField field = new PasswordField();
        field.setPrefWidth(320);
        d.getDialogPane().setContent(new VBox(8, new Label(what), field));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        return d.showAndWait().filter(b -> b == ButtonType.OK).map(b -> field.getText());
    }

    private void askPassphrase() {
        askSecret(vm.hasSavedVault() ? "Open saved secrets" : "Set a master passphrase",
                vm.hasSavedVault() ? "Master passphrase of the saved secrets" : "A passphrase to encrypt saved secrets with (AES-GCM)")
                .ifPresent(s -> vm.openVault(s.toCharArray()));
    }

    private void askUnlock() {
        if (selected == null || !selected.isProtected()) {
            return;
        }
        TextInputDialog d = new TextInputDialog();
        d.initOwner(window());
        d.setTitle("Unlock '" + selected.name() + "'");
        d.setHeaderText("This connection is protected. Type the environment's name to allow injecting,\n"
                + "purging and deleting. Every injected message is written to the audit log.");
        d.showAndWait().ifPresent(typed -> {
            if (selected.unlock(typed)) {
                tree.refresh();
            } else {
                error(selected.statusProperty().get());
            }
        });
    }

    /**
     * Shows {@code d} of {@code c} as if picked in the tree: selected there when listed, its messages in
     * the table (the first page, or a live tail for a JMS topic).
     */
    public void show(ConnectionViewModel c, io.sitkit.core.Destination d) {
        if (!tree.select(c, d)) {
            select(c);
            detailVm.show(null);
            messages.bind(c.messages(d));
        }
    }

    private void open(TreeItem<TreeNode> item) {
        if (item == null) {
            messages.bind(null);
            detailVm.show(null);
            return;
        }
        TreeNode node = item.getValue();
        if (node instanceof TreeNode.Conn c) {
            select(c.connection());
        } else if (node instanceof TreeNode.Dest d) {
            select(d.connection());
            detailVm.show(null);
            messages.bind(d.connection().messages(d.entry().destination()));
        } else if (item.getParent() != null && item.getParent().getValue() instanceof TreeNode.Conn c) {
            select(c.connection());
        }
    }

    private void select(ConnectionViewModel c) {
        selected = c;
        connectionStatus.textProperty().unbind();
        if (c == null) {
            connectionStatus.setText("");
            unlock.setDisable(true);
            return;
        }
        connectionStatus.textProperty().bind(c.statusProperty());
        unlock.disableProperty().bind(c.lockedProperty().not());
    }

    private void updateBanner() {
        banner.setText(vm.connections().stream().map(c -> c.bannerProperty().get()).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("\n")));
    }

    private void inject(MessageRow from) {
        if (messages.viewModel() == null) {
            return;
        }
        InjectViewModel i = messages.viewModel().connection().inject(messages.viewModel().destination());
        if (from != null) {
            i.prefillFrom(from);
        }
        new InjectDialog(window(), i).stage.show();
    }

    private void transfer(boolean export) {
        var m = messages.viewModel();
        if (m == null) {
            return;
        }
        var t = m.connection().transfer(m.destination());
        (export ? TransferDialog.export(window(), t, List.copyOf(messages.table.getSelectionModel().getSelectedItems()),
                List.copyOf(m.rows()), !m.filterDescriptionProperty().get().isEmpty())
                : TransferDialog.importing(window(), t)).stage.show();
    }

    private void diff() {
        var rows = messages.table.getSelectionModel().getSelectedItems();
        if (rows.size() == 2) {
            new DiffDialog(window(), new DiffViewModel(vm.background(), rows.get(0), rows.get(1))).stage.show();
        }
    }

    private void error(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(window());
        a.setHeaderText(null);
        a.show();
    }
}
