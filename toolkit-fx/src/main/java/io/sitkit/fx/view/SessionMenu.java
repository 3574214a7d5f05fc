package io.sitkit.fx.view;

import io.sitkit.core.Destination;
import io.sitkit.fx.viewmodel.ConnectionViewModel;
import io.sitkit.fx.viewmodel.InspectorViewModel;
import io.sitkit.fx.viewmodel.RecordingViewModel;
import io.sitkit.fx.viewmodel.SessionViewModel;
import javafx.scene.control.MenuButton;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The toolbar's Sessions menu (Alt+S): the exploratory session panel (one session view-model per window,
 * so closing the panel leaves a running session running) and the viewer for flow traces and
 * recordings, which decodes with the selected connection's registry when the file lacks a schema.
 *
 * <p>Thread-safety: FX thread only.
 */
final class SessionMenu {
    final MenuButton menu = Controls.menu("sessionsMenu", "_Sessions",
            Controls.item("sessionItem", "Exploratory session…", this::showSession),
            Controls.item("openTraceItem", "Open flow trace or recording…", this::openRecording));
    private final InspectorViewModel vm;
    private final Supplier<Window> window;
    private final Supplier<ConnectionViewModel> connection;
    private final Supplier<Optional<Destination>> selected;
    private SessionViewModel session;
    private SessionDialog dialog;

    /**
     * @param connection the connection selected in the tree, or null
     * @param selected   the destination selected in the tree
     */
    SessionMenu(InspectorViewModel vm, Supplier<Window> window, Supplier<ConnectionViewModel> connection,
                Supplier<Optional<Destination>> selected) {
        this.vm = vm;
        this.window = window;
        this.connection = connection;
        this.selected = selected;
    }

    /** Shows the session panel, choosing the selected connection and destination when no session runs. */
    void showSession() {
        if (session == null) {
            session = new SessionViewModel(vm.connections(), vm.background(), sessionsDir());
        }
        if (!session.runningProperty().get()) {
            ConnectionViewModel c = connection.get();
            if (c == null && !vm.connections().isEmpty()) {
                c = vm.connections().get(0);
            }
            if (c != null) {
                session.connectionProperty().set(c);
                selected.get().ifPresent(d -> session.choose(d, true));
            }
        }
        if (dialog == null) {
            dialog = new SessionDialog(window.get(), session);
        }
        dialog.stage.show();
        dialog.stage.toFront();
    }

    /** Opens the flow-trace and recording viewer. */
    void openRecording() {
        ConnectionViewModel c = connection.get();
        RecordingViewModel r = new RecordingViewModel(vm.background(), c == null ? Optional.empty() : c.connection().schemas());
        new RecordingViewer(window.get(), r).stage.show();
    }

    private Path sessionsDir() {
        return vm.configDir().resolve("sessions");
    }
}
