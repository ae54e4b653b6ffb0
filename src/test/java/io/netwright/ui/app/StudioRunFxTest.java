package io.netwright.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.train.Evaluation;
import io.netwright.train.Trainer;
import io.netwright.ui.evaluate.EvaluateView;
import io.netwright.ui.monitor.ParameterTable;
import io.netwright.ui.monitor.SampleCell;
import io.netwright.ui.monitor.SampleGrid;
import io.netwright.ui.monitor.TrainingLog;
import io.netwright.ui.runs.RunsView;
import io.netwright.ui.train.TrainTab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole studio following a real run, headless: start LeNet-5 on the bundled data from the Train tab, see the
 * loss chart and the sample grid fill, pause and resume, let it finish; the Runs tab lists the run, the Evaluate tab
 * shows its evaluation, and clicking a confusion-matrix cell shows exactly that cell's samples. A second run is
 * stopped.
 */
@ExtendWith(ApplicationExtension.class)
class StudioRunFxTest {

    private StudioWindow window;
    private Path tmp;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("studio-run");
        StudioViewModel vm = new StudioViewModel(new StudioHome(tmp.resolve("home")));
        window = new StudioWindow(stage, vm, new ScriptedDialogs());
        vm.openStartDesign();
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    private <T extends Node> T find(FxRobot robot, Class<T> type) {
        return robot.lookup((Node n) -> type.isInstance(n)).queryAs(type);
    }

    private static void waitFor(String what, Callable<Boolean> condition, Callable<String> state) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + ": " + state.call(), e);
        }
    }

    /**
     * The focus is not in a text field while the run goes: its blinking caret is an animation that would make the
     * whole window pulse 60 times a second, CPU taken from the run (Start and Resume disable themselves, and the
     * focus moves on to the next enabled control).
     */
    private void assertNoCaret(String when) {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node owner = window.stage().getScene().getFocusOwner();
        assertFalse(owner instanceof javafx.scene.control.TextInputControl, when + " the focus is on " + owner);
    }

    private void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    @Test
    void aRunFillsTheMonitorsAndItsEvaluationCanBeExplored(FxRobot robot) throws Exception {
        robot.interact(() -> window.showTab("Train"));
        TrainTab train = find(robot, TrainTab.class);
        Callable<String> said = () -> train.message() + " / " + train.progress().stateText() + " "
                + train.progress().positionText();
        set(robot, "#cfg-batch", "32");
        set(robot, "#cfg-epochs", "2");
        set(robot, "#cfg-validation", "0.1");
        robot.clickOn("#train-start");
        Trainer trainer = train.trainer().orElseThrow(() -> new AssertionError(train.message()));
        waitFor("loss points", () -> train.charts().lossChart().totalPoints() >= 10, said);
        assertNoCaret("after Start");

        robot.clickOn("#train-pause");
        waitFor("paused", () -> train.stateProperty().get() == Trainer.State.PAUSED, said);
        robot.clickOn("#train-resume");
        waitFor("running again", () -> train.stateProperty().get() == Trainer.State.RUNNING
                || train.stateProperty().get().isTerminal(), said);
        assertNoCaret("after Resume");

        SampleGrid samples = find(robot, SampleGrid.class);
        waitFor("sample grid", () -> !samples.cells().isEmpty(), said);
        SampleCell first = samples.cells().get(0);
        assertNotNull(first.imageView().getImage(), "probe image shown");
        assertFalse(first.trueText().isBlank());
        assertFalse(first.predictedText().isBlank());

        waitFor("run end", () -> train.stateProperty().get().isTerminal(), said);
        assertEquals(Trainer.State.FINISHED, trainer.state(), said.call());
        assertTrue(samples.history(first.index()).size() >= 2, "one prediction per epoch");
        TrainingLog log = find(robot, TrainingLog.class);
        assertFalse(log.entries().isEmpty(), "the log saw the run");
        assertEquals(61_706, find(robot, ParameterTable.class).summaryProperty().get().params());

        assertTrue(window.canvas().nodeTints().isEmpty(), "the hidden Design canvas is not restyled during the run");
        robot.interact(() -> window.showTab("Design"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.canvas().nodeTints().containsKey("conv1"), "shown: coloured by the latest health figures "
                + window.canvas().nodeTints().keySet());

        robot.interact(() -> window.showTab("Runs"));
        RunsView runs = find(robot, RunsView.class);
        waitFor("runs table", () -> runs.table().getItems().size() == 1,
                () -> "rows " + runs.table().getItems());

        robot.interact(() -> window.showTab("Evaluate"));
        EvaluateView evaluate = window.evaluateView();
        waitFor("per-sample predictions", () -> evaluate.stateProperty().get() != null
                && evaluate.stateProperty().get().predictions() != null && !evaluate.busyProperty().get(),
                evaluate::statusText);
        Evaluation e = evaluate.stateProperty().get().evaluation();
        assertEquals("test", e.split());
        robot.interact(() -> evaluate.selectView("Confusion matrix"));
        WaitForAsyncUtils.waitForFxEvents();
        int best = 0;
        for (int c = 1; c < e.classes().size(); c++) {
            best = e.confusion()[c][c] > e.confusion()[best][best] ? c : best;
        }
        Point2D cell = evaluate.confusionCellOnScreen(best, best);
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(e.confusion()[best][best], evaluate.cellTileCount(), evaluate.cellCaption());
        assertTrue(evaluate.cellCaption().contains(e.classes().get(best)), evaluate.cellCaption());

        // opening another design leaves nothing of this run on screen
        robot.interact(() -> {
            try {
                window.viewModel().newFromTemplate(Path.of("samples/designs/simple_cnn.json"));
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, train.charts().lossChart().totalPoints(), "the old run's loss curve is gone");
        assertTrue(samples.cells().isEmpty(), "the old run's sample grid is gone");
        assertTrue(train.progress().stateText().contains("no run yet"), train.progress().stateText());
        assertEquals(null, evaluate.stateProperty().get(), "the old evaluation is gone");
        robot.interact(() -> window.showTab("Design"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.canvas().nodeTints().isEmpty(), "no health colours from the old run: "
                + window.canvas().nodeTints().keySet());
    }

    @Test
    void aRunCanBeEvaluatedWhileItTrainsAndStoppedFromTheStudio(FxRobot robot) throws Exception {
        robot.interact(() -> window.showTab("Train"));
        TrainTab train = find(robot, TrainTab.class);
        Callable<String> said = () -> train.message() + " / " + train.progress().stateText();
        set(robot, "#cfg-batch", "16");
        set(robot, "#cfg-epochs", "20");
        robot.clickOn("#train-start");
        Trainer trainer = train.trainer().orElseThrow(() -> new AssertionError(train.message()));
        EvaluateView evaluate = window.evaluateView();
        javafx.scene.control.Button now = robot.lookup("#eval-now").queryAs(javafx.scene.control.Button.class);
        assertTrue(now.isDisabled(), "nothing to evaluate before the first checkpoint");
        waitFor("a checkpoint", () -> !now.isDisabled(), said);
        robot.interact(() -> window.showTab("Evaluate"));
        robot.clickOn("#eval-now");
        waitFor("an evaluation during the run", () -> evaluate.stateProperty().get() != null
                && !evaluate.busyProperty().get(), evaluate::statusText);
        assertEquals(1000, evaluate.stateProperty().get().evaluation().samples(), "the bundled test split");
        assertFalse(trainer.state().isTerminal(), "the run goes on meanwhile");
        robot.interact(() -> window.showTab("Train"));
        robot.clickOn("#train-stop");
        waitFor("stopped", () -> train.stateProperty().get().isTerminal(), said);
        assertEquals(Trainer.State.STOPPED, trainer.state());
        Path dir = trainer.runDir().orElseThrow();
        assertTrue(dir.startsWith(tmp), "runs live under the studio home: " + dir);
        assertTrue(Files.isDirectory(dir.resolve("checkpoints").resolve("last")), "a checkpoint to resume from");
    }
}
