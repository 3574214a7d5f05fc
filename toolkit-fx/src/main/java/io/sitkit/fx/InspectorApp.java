package io.sitkit.fx;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Placeholder during bring-up. */
public final class InspectorApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("sitkit inspector"), 400, 300));
        stage.setTitle("sitkit inspector");
        stage.show();
    }
}
