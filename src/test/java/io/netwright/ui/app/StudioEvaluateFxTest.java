package io.netwright.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netwright.ui.evaluate.EvaluateView;
import io.netwright.ui.evaluate.TinyRun;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio's Evaluate tab as the Runs tab reaches it: {@link StudioWindow#evaluateRun} on a real run. */
@ExtendWith(ApplicationExtension.class)
class StudioEvaluateFxTest {

    private StudioWindow window;

    @Start
    void start(Stage stage) throws Exception {
        StudioViewModel vm = new StudioViewModel(new StudioHome(Files.createTempDirectory("studio-eval")
                .resolve("home")));
        window = new StudioWindow(stage, vm, new ScriptedDialogs());
        vm.openStartDesign();
        stage.setWidth(1200);
        stage.setHeight(780);
        window.show();
    }

    @Test
    void evaluateRunOpensTheEvaluateTabOnTheRunsFigures(FxRobot robot) throws Exception {
        TinyRun run = TinyRun.get();
        robot.interact(() -> window.evaluateRun(run.dir(), null));
        EvaluateView view = window.evaluateView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.stateProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#studio-tabs").queryAs(TabPane.class);
        assertEquals("Evaluate", tabs.getSelectionModel().getSelectedItem().getText());
        assertNotNull(robot.lookup("#evaluate-view").query());
        assertEquals(run.recorded().samples(), view.stateProperty().get().evaluation().samples());
        String accuracy = robot.lookup("#eval-accuracy").queryAs(Label.class).getText();
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f%%",
                100 * view.stateProperty().get().evaluation().accuracy()), accuracy);
    }
}
