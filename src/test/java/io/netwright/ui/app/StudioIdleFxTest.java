package io.netwright.ui.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An idle studio costs no CPU: nothing keeps JavaFX pulsing. A running animation would, 60 times a second, each
 * pulse walking the whole scene graph (about 3,000 nodes) — during a training run that took more CPU than all the
 * run's views together.
 */
@ExtendWith(ApplicationExtension.class)
class StudioIdleFxTest {

    private StudioWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path tmp = Files.createTempDirectory("studio-idle");
        StudioViewModel vm = new StudioViewModel(new StudioHome(tmp.resolve("home")));
        window = new StudioWindow(stage, vm, new ScriptedDialogs());
        vm.openStartDesign();
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    @Test
    void anIdleWindowDoesNotPulseOnAnyTab(FxRobot robot) throws Exception {
        AtomicLong pulses = new AtomicLong();
        robot.interact(() -> window.stage().getScene().addPreLayoutPulseListener(pulses::incrementAndGet));
        TabPane tabs = robot.lookup("#studio-tabs").queryAs(TabPane.class);
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int tab = i;
            robot.interact(() -> tabs.getSelectionModel().select(tab));
            Thread.sleep(500); // the tab lays out and settles
            long before = pulses.get();
            Thread.sleep(600);
            long n = pulses.get() - before;
            // a late repaint may ask for one or two; a running animation (a Timeline, the blinking caret of a
            // focused text field) asks for about 36 in that time
            assertTrue(n <= 4, tabs.getTabs().get(tab).getText() + " tab: " + n + " pulses in 0.6 s while idle"
                    + " (focus on " + window.stage().getScene().getFocusOwner() + ")");
        }
    }
}
