package io.netwright.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SmokeFxTest {
    int clicks;

    @Start
    void start(Stage stage) {
        Button b = new Button("Go");
        b.setId("go");
        b.setOnAction(e -> clicks++);
        stage.setScene(new Scene(new StackPane(b), 300, 200));
        stage.show();
    }

    @Test
    void clicks(FxRobot robot) {
        robot.clickOn("#go");
        robot.drag("#go").dropBy(30, 10);
        assertEquals(1, clicks);
    }
}
