package io.sitkit.fx;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class SmokeTest {
    @Start
    void start(Stage stage) throws Exception {
        new InspectorApp().start(stage);
    }

    @Test
    void shows(FxRobot robot) {
        assertThat(robot.lookup(".label").queryAs(Label.class).getText()).isEqualTo("sitkit inspector");
    }
}
