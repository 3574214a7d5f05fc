package io.sitkit.fx.ui;

import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.fx.service.ProfileStore;
import io.sitkit.fx.view.MainView;
import io.sitkit.fx.viewmodel.Background;
import io.sitkit.fx.viewmodel.InspectorViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Test support: the real inspector window on headless Monocle, with the saved profile "UI sandbox"
 * (an embedded sandbox connected through the window's own menu), and what the UI tests do with it:
 * run and wait on the FX thread, find and click destinations, menu items, dialog buttons and table
 * rows, read texts, and write screenshots. A step that times out leaves a screenshot of the window
 * in {@code target/ui-failure.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class InspectorWindowTest {
    private static final Duration POLL = Duration.ofMillis(10);
    protected final FxRobot robot = new FxRobot();
    protected Path config;
    protected Background background;
    protected InspectorViewModel vm;
    protected Scene scene;

    @BeforeAll
    void start() throws Exception {
        config = Files.createTempDirectory(Path.of("target"), "ui-config");
        ProfileStore store = new ProfileStore(config.resolve("profiles.json"));
        store.save(List.of(ConnectionProfile.sandbox("UI sandbox", false)), Optional.empty());
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            background = Background.forFx();
            vm = new InspectorViewModel(background, store, config.resolve("audit.jsonl"), Duration.ofSeconds(2));
            scene = new Scene(new MainView(vm), 1280, 800);
            stage.setScene(scene);
            stage.setTitle("sitkit inspector");
            stage.show();
            vm.loadProfiles();
        });
        until(() -> vm.profiles().size() == 1);
    }

    /** A failed step must not leave a dialog over the window for the next one. */
    @AfterEach
    void closeDialogs() {
        fx(() -> {
            List.copyOf(javafx.stage.Window.getWindows()).stream().filter(w -> w instanceof Stage && w != scene.getWindow())
                    .forEach(w -> ((Stage) w).close());
            return null;
        });
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        fx(() -> {
            vm.close();
            return null;
        });
        background.close();
    }

    protected static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading on the FX thread failed", e);
        }
    }

    /**
     * Waits for {@code condition}, read on the FX thread, to hold: checked at once, then every 10 ms (a read on the
     * FX thread costs well under that), so a step that has already landed does not wait out a poll interval.
     */
    protected void until(Callable<Boolean> condition) {
        try {
            await().pollDelay(Duration.ZERO).pollInterval(POLL).atMost(Duration.ofSeconds(40)).until(() -> fx(condition));
        } catch (RuntimeException e) {
            Path shot = fx(() -> Screenshots.failure(scene));
            throw new AssertionError("a UI step timed out; the window at that moment: " + shot.toAbsolutePath(), e);
        }
    }

    protected Connection sandbox() {
        return fx(() -> vm.connections().get(0).connection());
    }

    /** Clicks destination {@code name} of the {@code connection}-th connection (tree cells are reused, so scene order says nothing). */
    protected void clickDestination(String name, int connection) {
        // after a refresh the tree is rebuilt: a label found before it lands may leave the scene before the click
        until(() -> vm.connections().stream().noneMatch(c -> c.loadingProperty().get()) && destinationLabel(name, connection) != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(fx(() -> destinationLabel(name, connection)));
    }

    protected Label destinationLabel(String name, int connection) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeView<Object> tree = robot.lookup("#destinationTree").queryAs(javafx.scene.control.TreeView.class);
        if (tree.getRoot().getChildren().size() <= connection) {
            return null;
        }
        javafx.scene.control.TreeItem<Object> root = tree.getRoot().getChildren().get(connection);
        for (Label l : robot.lookup(".dest-name").queryAllAs(Label.class)) {
            Node n = l;
            while (n != null && !(n instanceof javafx.scene.control.TreeCell)) {
                n = n.getParent();
            }
            if (l.getText().equals(name) && n instanceof javafx.scene.control.TreeCell<?> cell && cell.getTreeItem() != null) {
                javafx.scene.control.TreeItem<?> top = cell.getTreeItem();
                while (top.getParent() != null && top.getParent() != tree.getRoot()) {
                    top = top.getParent();
                }
                if (top == root) {
                    return l;
                }
            }
        }
        return null;
    }

    protected static String labelText(Node n) {
        return n.lookupAll(".label").stream().filter(l -> l instanceof Label).map(l -> ((Label) l).getText())
                .filter(t -> t != null).findFirst().orElse("");
    }

    /** Opens the Connect menu and picks the profile whose entry starts with {@code name}. */
    protected void chooseProfile(String name) {
        robot.clickOn("#connectMenu");
        WaitForAsyncUtils.waitForFxEvents();
        until(() -> robot.lookup(".menu-item").queryAll().stream().anyMatch(n -> labelText(n).startsWith(name + "  —")));
        Node item = fx(() -> robot.lookup(".menu-item").queryAll().stream().filter(n -> labelText(n).startsWith(name + "  —"))
                .findFirst().orElseThrow());
        robot.clickOn(item);
    }

    /** The table row showing item {@code index} (cells are reused, so their scene order is not the item order). */
    protected Node row(int index) {
        until(() -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .anyMatch(r -> r.getIndex() == index && r.getItem() != null));
        return fx(() -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getIndex() == index && r.getItem() != null).findFirst().orElseThrow());
    }

    /**
     * Fills the empty text field {@code query} with {@code value} in one step, as typing it there would: for fields
     * whose content the test needs but whose typing it is not about (file paths, payloads, routes). Key-by-key typing
     * through the robot costs 60–100 ms a character; the tests that are about typing still type. Fails if the field
     * is not empty, as typing after what it held would have.
     */
    protected void fill(String query, String value) {
        String before = fx(() -> {
            TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
            if (field.isDisabled() || !field.isEditable() || !field.isVisible()) {
                // where a user could not type, neither may the test
                return "<not typeable: disabled=" + field.isDisabled() + ", editable=" + field.isEditable()
                        + ", visible=" + field.isVisible() + ">";
            }
            String was = field.getText();
            if (was == null || was.isEmpty()) {
                field.setText(value);
            }
            return was;
        });
        assertThat(before).as("%s before it is filled (it must be enabled, editable, visible and empty)", query).isNullOrEmpty();
    }

    protected String text(String query) {
        return fx(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof Label l ? l.getText() : ((TextInputControl) n).getText();
        });
    }

    @SuppressWarnings("unchecked")
    protected TableView<io.sitkit.fx.service.MessageRow> table() {
        return robot.lookup("#messageTable").queryAs(TableView.class);
    }

    protected void shoot(String name, Scene dialog) {
        Path file = fx(() -> Screenshots.write(name, scene, dialog));
        assertThat(file).exists().isNotEmptyFile();
    }

    /** Clicks the button labelled {@code text} in the dialog showing now. */
    protected void clickDialogButton(String text) {
        until(() -> robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .anyMatch(b -> text.equals(b.getText())));
        robot.clickOn(fx(() -> robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow()));
    }

    /** Opens the toolbar menu {@code menu} ({@code "#toolsMenu"}…) and picks the item labelled {@code label}. */
    protected void chooseMenuItem(String menu, String label) {
        robot.clickOn(menu);
        until(() -> robot.lookup(".menu-item").queryAll().stream().anyMatch(n -> labelText(n).equals(label)));
        robot.clickOn(fx(() -> robot.lookup(".menu-item").queryAll().stream().filter(n -> labelText(n).equals(label))
                .findFirst().orElseThrow()));
    }

    protected boolean listed(String name) {
        return fx(() -> robot.lookup(".dest-name").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals(name)));
    }
}
