package io.sitkit.fx;

import javafx.application.Application;

/**
 * The inspector's entry point. It does not extend {@link Application}: with JavaFX on the class
 * path (not the module path) the launcher must be a plain class that hands over to the
 * application class.
 *
 * <pre>
 * mvn -B -pl toolkit-fx -am compile -Pinspector
 * </pre>
 *
 * <p>Thread-safety: a program entry point.
 */
public final class Inspector {
    private Inspector() {
    }

    public static void main(String[] args) {
        Application.launch(InspectorApp.class, args);
    }
}
