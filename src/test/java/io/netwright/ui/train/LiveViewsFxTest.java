package io.netwright.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live views spend as little FX time as they can while a run goes: the charts paint nothing behind another tab
 * and catch up when shown, repaint at once when the run ends, and leave the learning-rate chart alone while the rate
 * holds; the progress line shows its figures at most once a second but always the final ones.
 */
@ExtendWith(ApplicationExtension.class)
class LiveViewsFxTest {

    private static final int STEPS = 1000;

    private TrainingCharts charts;
    private RunProgress progress;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        charts = new TrainingCharts();
        progress = new RunProgress();
        tabs = new TabPane(new Tab("Other", new Label("another view")), new Tab("Charts", charts),
                new Tab("Progress", progress));
        stage.setScene(new Scene(tabs, 900, 700));
        stage.show();
    }

    private static TrainingEvent.BatchEnd batch(long step, double lr) {
        return new TrainingEvent.BatchEnd(0, step, (int) step, STEPS, 1f / step, 1.0 / step, 0.5, lr, 8254.3,
                (STEPS - step) * 0.01);
    }

    private static List<TrainingEvent> batches(long from, long to, double lr) {
        List<TrainingEvent> out = new ArrayList<>();
        for (long s = from; s <= to; s++) {
            out.add(batch(s, lr));
        }
        return out;
    }

    private void select(FxRobot robot, int tab) {
        robot.interact(() -> tabs.getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void chartsBehindAnotherTabPaintNothingAndCatchUpWhenShown(FxRobot robot) {
        select(robot, 0);
        robot.interact(() -> charts.onEvents(batches(1, 50, 0.01)));
        robot.interact(() -> charts.onEvents(List.of(new TrainingEvent.Finished(0, 50, "completed", 1.0,
                Map.of()))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, charts.redraws(), "nothing painted while another tab is in front");
        assertEquals(0, charts.lossChart().shownPoints());

        select(robot, 1);
        assertEquals(1, charts.redraws(), "one redraw when the charts come to the front");
        assertEquals(50, charts.lossChart().shownPoints(), "with every point so far");
    }

    @Test
    void theRunsEndIsShownAtOnceAndTheLearningRateChartOnlyWhenItChanges(FxRobot robot) {
        select(robot, 1);
        robot.interact(() -> charts.onEvents(batches(1, 100, 0.01)));
        assertEquals(1, charts.redraws(), "the first points show at once");
        assertEquals(1, charts.lrPaints());

        robot.interact(() -> charts.onEvents(batches(101, 110, 0.01)));
        assertEquals(1, charts.redraws(), "the next points wait for the redraw budget");
        robot.interact(charts::redrawNow);
        assertEquals(2, charts.redraws());
        assertEquals(1, charts.lrPaints(), "a steady rate whose x range grew by 10% is not repainted");

        robot.interact(() -> charts.onEvents(batches(111, 112, 0.005)));
        robot.interact(charts::redrawNow);
        assertEquals(2, charts.lrPaints(), "a new rate is painted");
        robot.interact(() -> charts.onEvents(batches(113, 150, 0.005)));
        robot.interact(charts::redrawNow);
        assertEquals(3, charts.lrPaints(), "a steady rate whose x range grew by a third is painted");

        robot.interact(() -> charts.onEvents(batches(151, 160, 0.005)));
        long before = charts.redraws();
        robot.interact(() -> charts.onEvents(List.of(new TrainingEvent.Finished(0, 160, "completed", 2.0,
                Map.of()))));
        assertEquals(before + 1, charts.redraws(), "the end is drawn at once, not when the budget allows");
        assertEquals(4, charts.lrPaints(), "every chart shows its last points when the run ends");
        assertEquals(160, charts.lossChart().shownPoints());
        assertEquals(160, charts.lrChart().shownPoints());
    }

    @Test
    void theProgressLineIsThrottledButShowsTheFinalFigures(FxRobot robot) throws Exception {
        select(robot, 2);
        TrainingEvent.Started started = new TrainingEvent.Started(0, 0, "run-1", TrainingConfig.of(
                RunFormValuesTest.lenet()), List.of("a", "b"), 10, 10, "cpu (test)", 64_000, 0, 0, STEPS, STEPS,
                false);
        robot.interact(() -> progress.onEvents(List.of(started, batch(1, 0.01))));
        assertEquals("epoch 1/" + started.config().epochs() + " · step 1/1,000", progress.positionText());
        assertEquals("8,250 images/s", progress.speedText(), "three significant digits");
        robot.interact(() -> progress.onEvents(batches(2, 40, 0.01)));
        robot.interact(() -> progress.onEvents(List.of(batch(41, 0.01), new TrainingEvent.Health(0, 41, List.of()),
                new TrainingEvent.Warning(0, 41, "loss_spike", "a spike"))));
        assertEquals(0.0, progress.barProgress(), 1e-9, "step 1 of 1,000 moves the bar by less than a pixel");
        assertTrue(progress.positionText().contains("step 1/"), "not shown again within "
                + RunProgress.SHOW_MILLIS + " ms, health figures and warnings included: " + progress.positionText());
        robot.interact(() -> progress.onEvents(List.of(batch(42, 0.01), new TrainingEvent.Paused(0, 42,
                TrainingEvent.PauseReason.USER, null))));
        assertEquals("paused", progress.stateText());
        assertTrue(progress.positionText().endsWith("step 42/1,000"), "a pause shows the latest step at once: "
                + progress.positionText());
        robot.interact(() -> progress.onEvents(List.of(new TrainingEvent.Resumed(0, 42))));

        robot.interact(() -> progress.onEvents(List.of(batch(STEPS, 0.01), new TrainingEvent.Finished(0, STEPS,
                "completed", 3.0, Map.of()))));
        assertEquals("finished", progress.stateText());
        assertTrue(progress.positionText().endsWith("step 1,000/1,000"), progress.positionText());
        assertEquals(1.0, progress.barProgress(), 1e-9);
        assertEquals("", progress.etaText());
    }

    @Test
    void speedTextKeepsThreeSignificantDigits() {
        assertEquals("8,250 images/s", RunProgress.speedText(8254.3));
        assertEquals("98,800 images/s", RunProgress.speedText(98_765));
        assertEquals("123 images/s", RunProgress.speedText(123.4));
        assertEquals("7 images/s", RunProgress.speedText(7.2));
        assertEquals("– images/s", RunProgress.speedText(Double.NaN));
    }
}
