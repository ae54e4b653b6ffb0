package io.netwright.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Design;
import io.netwright.train.RunStore;
import io.netwright.train.Trainer;
import io.netwright.ui.editor.EditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train tab driven headless: a short real run of LeNet-5 on the bundled data fills the loss chart; pause holds
 * it, resume continues it, a new learning rate reaches the trainer, stop ends it with a checkpoint. Bad settings and
 * a broken design are refused with a message.
 */
@ExtendWith(ApplicationExtension.class)
class TrainTabFxTest {

    private EditorViewModel editor;
    private TrainTab tab;
    private Path tmp;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("train-tab");
        editor = new EditorViewModel();
        editor.load(RunFormValuesTest.lenet());
        tab = new TrainTab(editor, new SimpleObjectProperty<>(Path.of("samples/designs/lenet5.json")),
                tmp.resolve("home"), new RunStore(tmp.resolve("runs")));
        stage.setScene(new Scene(tab, 1280, 800));
        stage.show();
    }

    private void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents(); // the FX call that met the condition has finished
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; tab says: " + tab.message() + " / "
                    + tab.progress().stateText() + " " + tab.progress().positionText(), e);
        }
    }

    private void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    @Test
    void aShortRealRunFillsTheChartsPausesResumesAndStops(FxRobot robot) throws Exception {
        set(robot, "#cfg-batch", "16");
        set(robot, "#cfg-epochs", "20");
        set(robot, "#cfg-validation", "0.05");
        robot.clickOn("#train-start");
        Trainer trainer = tab.trainer().orElseThrow(() -> new AssertionError(tab.message()));
        assertEquals(16, trainer.config().batchSize());
        assertTrue(Files.exists(tmp.resolve("home").resolve(RunConfigMemory.FOLDER)), "settings remembered");
        MetricChart loss = tab.charts().lossChart();
        waitFor("loss points", () -> loss.totalPoints() >= 20 && loss.shownPoints() > 0);
        assertTrue(robot.lookup("#loss-chart").tryQuery().isPresent());

        robot.clickOn("#train-pause");
        waitFor("paused", () -> tab.stateProperty().get() == Trainer.State.PAUSED);
        assertEquals("paused", tab.progress().stateText());
        int held = loss.totalPoints();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(held, loss.totalPoints(), "no steps while paused");
        robot.clickOn("#train-lr").write("0.005").type(javafx.scene.input.KeyCode.ENTER);
        waitFor("the trainer's LrChanged", () -> tab.message().contains("→ 0.005"));
        robot.clickOn("#train-resume");
        waitFor("more points after resuming", () -> loss.totalPoints() > held + 5);
        assertEquals("training", tab.progress().stateText());
        MetricChart lr = tab.charts().lrChart();
        assertEquals(0.005, lr.lines().get(0).data().last(), 1e-9, "the steps after resuming use the new rate");

        robot.clickOn("#train-stop");
        waitFor("stopped", () -> tab.stateProperty().get() == Trainer.State.STOPPED);
        assertTrue(trainer.join(java.time.Duration.ofSeconds(30)));
        assertTrue(Files.isDirectory(trainer.runDir().orElseThrow().resolve("checkpoints").resolve("last")));
        assertTrue(tab.message().startsWith("Stopped after step"), tab.message());
        assertFalse(robot.lookup("#train-start").query().isDisabled(), "a new run can start");
        assertTrue(robot.lookup("#train-stop").query().isDisabled());
        assertTrue(tab.progress().positionText().startsWith("epoch "), tab.progress().positionText());
        assertTrue(tab.stallProbe().samples() > 0);
        waitFor("every loss point on the chart", () -> loss.shownPoints() >= loss.totalPoints() && loss.totalPoints()
                > 30);
        robot.interact(() -> {
            var area = loss.viewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
            String hover = loss.hoverText(area.getCenterX(), area.getCenterY());
            assertTrue(hover != null && hover.startsWith("train (step): ") && hover.contains(" at step "),
                    String.valueOf(hover));
        });
        System.out.printf("train tab: %d loss points, %d shown, %d chart redraws, bridge %s, worst FX stall %.1f ms%n",
                loss.totalPoints(), loss.shownPoints(), tab.charts().redraws(), tab.bridge().statistics(),
                tab.stallProbe().worstStallMillis());
        Path csv = tmp.resolve("metrics.csv");
        Path png = tmp.resolve("charts.png");
        robot.interact(() -> {
            try {
                tab.charts().exportCsv(csv);
                tab.charts().exportPng(png, 900, 300);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long rows = Files.lines(csv).filter(l -> l.startsWith("loss,train (step),")).count();
        assertEquals(loss.lines().get(0).data().size(), rows, "every point is exported");
        assertTrue(Files.size(png) > 10_000);
    }

    @Test
    void aStoppedRunResumesFromItsCheckpointWithTheRateChangedWhileItRan(FxRobot robot) throws Exception {
        set(robot, "#cfg-batch", "16");
        set(robot, "#cfg-epochs", "20");
        robot.clickOn("#train-start");
        Trainer first = tab.trainer().orElseThrow(() -> new AssertionError(tab.message()));
        waitFor("steps", () -> tab.charts().lossChart().totalPoints() >= 5);
        robot.interact(() -> first.setLearningRate(0.002));
        waitFor("the new rate", () -> tab.message().contains("→ 0.002"));
        robot.clickOn("#train-stop");
        waitFor("stopped", () -> tab.stateProperty().get() == Trainer.State.STOPPED);
        assertTrue(first.join(java.time.Duration.ofSeconds(30)));
        assertFalse(robot.lookup("#train-resume").query().isDisabled(), "a stopped run can be resumed");
        robot.clickOn("#train-resume");
        Trainer second = tab.trainer().orElseThrow();
        assertTrue(second != first, tab.message());
        assertEquals(first.runDir(), second.runDir());
        waitFor("running again", () -> tab.stateProperty().get() == Trainer.State.RUNNING
                && tab.charts().lrChart().lines().get(0).data().size() > 0);
        waitFor("a step after resuming", () -> second.state() == Trainer.State.RUNNING && tab.message()
                .startsWith("Training on"));
        robot.clickOn("#train-stop");
        assertTrue(second.join(java.time.Duration.ofSeconds(30)));
        MetricChart lr = tab.charts().lrChart();
        assertEquals(0.002, lr.lines().get(0).data().last(), 1e-9, "the resumed run keeps the changed rate");
    }

    @Test
    void chartsAreSmoothedByDefaultWithTheRawLineKept(FxRobot robot) {
        assertTrue(robot.lookup("#chart-smooth").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        assertTrue(!robot.lookup("#chart-smoothing").queryAs(javafx.scene.control.Slider.class).isDisabled());
    }

    @Test
    void wrongSettingsAreMarkedNextToTheFieldAndRefused(FxRobot robot) {
        set(robot, "#cfg-batch", "0");
        Label err = robot.lookup("#cfg-batch-error").queryAs(Label.class);
        assertTrue(err.isVisible());
        assertEquals("must be between 1 and 1000000", err.getText());
        robot.clickOn("#train-start");
        assertTrue(tab.trainer().isEmpty());
        assertTrue(tab.message().contains("Fix the settings"), tab.message());
        set(robot, "#cfg-batch", "32");
        assertFalse(err.isVisible());
    }

    @Test
    void aMissingDatasetIsRefusedBeforeTheRunExistsSoNothingIsWipedOrLeftBehind(FxRobot robot) throws Exception {
        String missing = tmp.resolve("no-such-folder").toString();
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> box = robot.lookup("#cfg-dataset")
                    .queryAs(javafx.scene.control.ComboBox.class);
            box.getEditor().setText(missing);
            box.setValue(missing);
        });
        robot.clickOn("#train-start");
        assertTrue(tab.trainer().isEmpty());
        assertTrue(tab.message().startsWith("Cannot train: dataset " + missing + ": no such file or folder"),
                tab.message());
        assertFalse(Files.exists(tmp.resolve("runs")) && Files.list(tmp.resolve("runs")).findAny().isPresent(),
                "no run folder for a run that never started");
    }

    @Test
    void aDesignWithErrorsIsNotTrained(FxRobot robot) {
        robot.interact(() -> {
            Design d = editor.design();
            editor.disconnect(d.edges().get(1));
        });
        robot.clickOn("#train-start");
        assertTrue(tab.trainer().isEmpty());
        assertTrue(tab.message().startsWith("Cannot train: the design has"), tab.message());
    }

    @Test
    void panelsFromOtherViewsAppearBelowTheCharts(FxRobot robot) {
        assertTrue(robot.lookup("#train-panels").tryQuery().isEmpty(), "no panel area until a panel is added");
        robot.interact(() -> tab.addPanel("Warnings", new Label("log")));
        assertTrue(robot.lookup("#train-panels").tryQuery().isPresent());
        var tabs = robot.lookup("#train-panels").queryAs(javafx.scene.control.TabPane.class).getTabs();
        assertEquals(1, tabs.size());
        assertEquals("train-panel-warnings", tabs.get(0).getId());
        assertEquals("Warnings", tabs.get(0).getText());
    }
}
