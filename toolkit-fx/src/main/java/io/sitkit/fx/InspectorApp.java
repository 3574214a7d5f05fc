package io.sitkit.fx;

import io.sitkit.fx.service.ConfigDirs;
import io.sitkit.fx.service.ProfileStore;
import io.sitkit.fx.view.MainView;
import io.sitkit.fx.viewmodel.Background;
import io.sitkit.fx.viewmodel.InspectorViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Duration;

/**
 * The inspector application: one window over the view-models; profiles in the user's config
 * directory ({@link ConfigDirs}), injected messages audited to {@code audit.jsonl} beside them.
 * Start it through {@link Inspector#main}.
 *
 * <p>Thread-safety: JavaFX calls its lifecycle methods on the FX thread.
 */
public final class InspectorApp extends Application {
    private Background background;
    private InspectorViewModel vm;

    @Override
    public void start(Stage stage) {
        background = Background.forFx();
        vm = new InspectorViewModel(background, ProfileStore.inUserConfigDir(), ConfigDirs.userConfigDir().resolve("audit.jsonl"),
                Duration.ofSeconds(5));
        stage.setTitle("sitkit inspector");
        stage.setScene(new Scene(new MainView(vm), 1280, 800));
        stage.show();
        vm.loadProfiles();
    }

    /** The root view-model (for UI tests). */
    public InspectorViewModel viewModel() {
        return vm;
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
        if (background != null) {
            background.close();
        }
    }
}
