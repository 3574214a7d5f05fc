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
 * The inspector window: toolbar (connect, new profile, passphrase, refresh, unlock), the banner
 * for lost brokers, the connection and destination tree, the message table and the detail pane.
 * It binds to an {@link InspectorViewModel} and forwards actions; it decides nothing itself.
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
    private final Button unlock = new Button("Unlock…");
    private final Button stubs = new Button("Stubs…");
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
        MenuButton connect = new MenuButton("Connect");
        connect.setId("connectMenu");
        vm.profiles().addListener((ListChangeListener<ConnectionProfile>) c -> fillConnectMenu(connect));
        fillConnectMenu(connect);
        Button newProfile = new Button("New profile…");
        newProfile.setId("newProfile");
        newProfile.setOnAction(e -> ProfileDialog.show(window(), this::error).ifPresent(p -> {
            vm.saveProfile(p);
            connect(p);
        }));
        Button passphrase = new Button("Passphrase…");
        passphrase.setId("passphrase");
        passphrase.setOnAction(e -> askPassphrase());
        Button refresh = new Button("Refresh");
        refresh.setId("refresh");
        refresh.setOnAction(e -> {
            if (selected != null) {
                selected.refresh();
            } else {
                vm.connections().forEach(ConnectionViewModel::refresh);
            }
        });
        Button disconnect = new Button("Disconnect");
        disconnect.setId("disconnect");
        disconnect.setOnAction(e -> {
            if (selected != null) {
                messages.bind(null);
                detailVm.show(null);
                vm.disconnect(selected);
                select(null);
            }
        });
        unlock.setId("unlock");
        unlock.setOnAction(e -> askUnlock());
        stubs.setId("stubsButton");
        stubs.setOnAction(e -> new StubsDialog(window(), selected.stubs()).stage.show());
        Button coverage = new Button("Coverage…");
        coverage.setId("coverageButton");
        coverage.setOnAction(e -> new CoverageDialog(window(), coverageVm).stage.show());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label status = new Label();
        status.setId("inspectorStatus");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(vm.statusProperty());
        FollowKey follow = new FollowKey(vm, this::window, this::selectedConnection);
        messages.table.setContextMenu(follow.rowMenu(messages.table, messages::viewModel));
        HBox toolbar = new HBox(8, title, connect, newProfile, passphrase, refresh, disconnect, unlock, actions.menu, sessions.menu, stubs, coverage, follow.button, grow);
        toolbar.setAlignment(Pos.CENTER_LEFT);
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

    private void fillConnectMenu(MenuButton menu) {
        menu.getItems().clear();
        for (ConnectionProfile p : vm.profiles()) {
            MenuItem item = new MenuItem(p.name() + "  —  " + p.kind().label() + (p.isProtected() ? " (protected)" : ""));
            item.setOnAction(e -> connect(p));
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No profiles yet: create one with New profile…");
            none.setDisable(true);
            menu.getItems().add(none);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem sandbox = new MenuItem("Embedded sandbox with demo traffic");
        sandbox.setOnAction(e -> connect(ConnectionProfile.sandbox("Sandbox", true)));
        menu.getItems().add(sandbox);
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
            stubs.setDisable(true);
            return;
        }
        connectionStatus.textProperty().bind(c.statusProperty());
        unlock.disableProperty().bind(c.lockedProperty().not());
        stubs.setDisable(false);
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
