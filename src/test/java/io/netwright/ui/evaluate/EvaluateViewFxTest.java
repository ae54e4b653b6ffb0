package io.netwright.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ByteImage;
import io.netwright.data.formats.ImageFiles;
import io.netwright.train.Evaluation;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.app.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Evaluate tab driven headless (Monocle) on a real one-epoch LeNet-5 run: evaluate it, read the summary, click
 * confusion cells, look at the PR curves and the bars, predict a PNG, and follow the run's events live.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluateViewFxTest {

    private static TinyRun run;
    private EvaluateView view;

    @BeforeAll
    static void train() {
        run = TinyRun.get();
    }

    @Start
    void start(Stage stage) {
        view = new EvaluateView();
        Scene scene = new Scene(view, 1200, 760); // within Monocle's headless 1280×800 screen
        scene.getStylesheets().setAll(Theme.LIGHT.stylesheets());
        scene.getRoot().getStyleClass().add("theme-light");
        stage.setScene(scene);
        stage.show();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void evaluate(FxRobot robot) throws Exception {
        robot.interact(() -> view.evaluateRun(run.dir(), "last"));
        settle();
        assertNotNull(view.stateProperty().get(), view.statusText());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Clicks confusion cell {@code [t][p]} on screen. */
    private void clickCell(FxRobot robot, int t, int p) {
        Point2D local = view.matrix().cellCenter(t, p);
        robot.clickOn(view.matrix().localToScreen(local.getX(), local.getY()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSummaryShowsTheRunsEvaluation(FxRobot robot) throws Exception {
        evaluate(robot);
        Evaluation e = run.recorded();
        assertEquals(SummaryPane.percent(e.accuracy()), text(robot, "#eval-accuracy"));
        assertEquals(SummaryPane.percent(e.topKAccuracy()), text(robot, "#eval-topk"));
        assertEquals(String.format(Locale.ROOT, "%.4f", e.loss()), text(robot, "#eval-loss"));
        assertEquals(SummaryPane.score(e.macro().f1()), text(robot, "#eval-macro-f1"));
        assertEquals(SummaryPane.score(e.macro().precision()), text(robot, "#eval-macro-precision"));
        assertEquals(SummaryPane.score(e.weighted().recall()), text(robot, "#eval-weighted-recall"));
        assertEquals("120", text(robot, "#eval-samples"));
        assertEquals("test", text(robot, "#eval-split"));
        assertTrue(text(robot, "#eval-header").contains("checkpoint last"), text(robot, "#eval-header"));
        CategoryDataset bars = view.classBars().getChart().getCategoryPlot().getDataset();
        assertEquals(3, bars.getRowCount(), "precision, recall and F1");
        assertEquals(10, bars.getColumnCount(), "one group per class");
        assertEquals(e.perClass().get(3).f1(), bars.getValue("F1", e.classes().get(3)).doubleValue(), 1e-12);
        assertEquals(0, view.misclassifiedGrid().tileCount(), "views are drawn when they are shown");
        robot.interact(() -> view.selectView("Misclassified"));
        assertEquals(e.misclassified().size(), view.misclassifiedGrid().tileCount());
        assertTrue(view.misclassifiedGrid().caption().startsWith("The " + e.misclassified().size() + " worst"));
    }

    @Test
    void openRunEvaluatesTheChosenFolderAndTheCheckpointCanBeSwitched(FxRobot robot) throws Exception {
        robot.interact(() -> view.setChoosers(owner -> Optional.of(run.data()), owner -> Optional.empty()));
        robot.clickOn("#eval-open-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.statusText().contains("is not a run folder"), view.statusText());
        assertNull(view.stateProperty().get());
        robot.interact(() -> view.setChoosers(owner -> Optional.of(run.dir()), owner -> Optional.empty()));
        robot.clickOn("#eval-open-run");
        settle();
        assertTrue(text(robot, "#eval-header").contains("checkpoint best"), text(robot, "#eval-header"));
        ChoiceBox<?> checkpoint = robot.lookup("#eval-checkpoint").queryAs(ChoiceBox.class);
        assertEquals("best", checkpoint.getValue());
        robot.interact(() -> checkpoint.getSelectionModel().select(1));
        settle();
        assertTrue(text(robot, "#eval-header").contains("checkpoint last"), text(robot, "#eval-header"));
        assertEquals(run.recorded().accuracy(), view.stateProperty().get().evaluation().accuracy(), 0,
                "the last checkpoint holds the weights of the run's final evaluation");
    }

    @Test
    void clickingAConfusionCellShowsExactlyThatCellsSamples(FxRobot robot) throws Exception {
        evaluate(robot);
        robot.interact(() -> view.selectView("Confusion matrix"));
        WaitForAsyncUtils.waitForFxEvents();
        int[][] m = run.recorded().confusion();
        int[] offDiagonal = largest(m, false);
        int[] diagonal = largest(m, true);
        for (int[] cell : List.of(offDiagonal, diagonal)) {
            clickCell(robot, cell[0], cell[1]);
            int count = m[cell[0]][cell[1]];
            assertEquals(count, view.cellSamples().tileCount(), "cell " + cell[0] + "," + cell[1]);
            assertTrue(view.cellSamples().caption().startsWith(count + " sample"), view.cellSamples().caption());
            assertTrue(view.cellSamples().caption().contains(run.recorded().classes().get(cell[0])));
        }
        robot.clickOn("#eval-normalise");
        assertTrue(view.matrix().isNormalised());
        clickCell(robot, offDiagonal[0], offDiagonal[1]);
        assertEquals(m[offDiagonal[0]][offDiagonal[1]], view.cellSamples().tileCount(),
                "normalising changes the colours, not the cells");
    }

    @Test
    void precisionRecallCurvesArePlottedPerClass(FxRobot robot) throws Exception {
        evaluate(robot);
        robot.interact(() -> view.selectView("Precision–recall"));
        var all = view.prCurves().chart().getXYPlot().getDataset();
        assertEquals(10, all.getSeriesCount());
        for (int c = 0; c < 10; c++) {
            assertTrue(all.getSeriesKey(c).toString().startsWith(run.recorded().classes().get(c) + " (AP "));
            assertTrue(all.getItemCount(c) >= 2, "a curve, not a point");
        }
        String coat = run.recorded().classes().get(4);
        robot.interact(() -> view.prCurves().choose(coat));
        var one = view.prCurves().chart().getXYPlot().getDataset();
        assertEquals(1, one.getSeriesCount());
        assertEquals(run.recorded().prCurves().get(4).recall().length, one.getItemCount(0));
    }

    @Test
    void predictingAFileShowsTopKAndOneFeatureMapGroupPerConvLayer(FxRobot robot) throws Exception {
        evaluate(robot);
        ByteImage sample = (ByteImage) view.stateProperty().get().split().get(0).input();
        Path png = Files.createTempFile("nw-predict", ".png");
        try {
            ImageFiles.write(sample, "png", png);
            robot.interact(() -> view.setChoosers(owner -> Optional.empty(), owner -> Optional.of(png)));
            robot.interact(() -> view.selectView("Predict a file"));
            robot.clickOn("#eval-predict-choose");
            settle();
            PredictPane p = view.predictPane();
            assertTrue(p.caption().startsWith(png.getFileName() + " → "), p.caption());
            CategoryDataset top = p.topKChart().getCategoryPlot().getDataset();
            assertEquals(5, top.getColumnCount(), "the run's top-k is 5");
            double sum = 0;
            for (int i = 0; i < top.getColumnCount(); i++) {
                sum += top.getValue(0, i).doubleValue();
            }
            assertTrue(sum > 0 && sum <= 1 + 1e-6, "top-5 probabilities sum to " + sum);
            List<PredictPane.FeatureGroup> groups = p.groups();
            assertEquals(List.of("conv1", "conv2"), groups.stream().map(PredictPane.FeatureGroup::layer).toList());
            assertEquals(6, groups.get(0).channels());
            assertEquals(16, groups.get(1).channels());
            Pane conv2 = robot.lookup("#feature-maps-conv2").queryAs(Pane.class);
            assertEquals(16, ((Pane) conv2.getChildren().get(1)).getChildren().size(), "16 channel images");
        } finally {
            Files.deleteIfExists(png);
        }
    }

    @Test
    void aFollowedRunsEvaluationAppearsAndItsCellsFillOnceItFinishes(FxRobot robot) throws Exception {
        List<TrainingEvent> events = run.events();
        int evaluated = indexOf(events, TrainingEvent.Evaluated.class);
        long[] nanos = new long[1];
        for (int i = 0; i < 3; i++) { // the last of three, so class loading and JIT warm-up are not counted
            robot.interact(() -> {
                view.runStarted(run.trainer());
                long t0 = System.nanoTime();
                view.onEvents(events.subList(0, evaluated + 1));
                nanos[0] = System.nanoTime() - t0;
            });
            settle();
        }
        System.out.printf(Locale.ROOT, "Evaluate tab: onEvents with the run's %d events up to its evaluation took "
                + "%.1f ms on the FX thread%n", evaluated + 1, nanos[0] / 1e6);
        WaitForAsyncUtils.waitForFxEvents();
        Evaluation published = run.published();
        assertEquals(SummaryPane.percent(published.accuracy()), text(robot, "#eval-accuracy"));
        assertNull(view.stateProperty().get().predictions(), "a live evaluation has no per-sample data yet");
        robot.interact(() -> view.selectView("Confusion matrix"));
        int[] cell = largest(published.confusion(), false);
        clickCell(robot, cell[0], cell[1]);
        long kept = published.misclassified().stream().filter(m -> m.label() == cell[0]
                && m.predicted() == cell[1]).count();
        assertEquals(kept, view.cellSamples().tileCount(), "until then, the kept misclassified samples");
        robot.interact(() -> view.onEvents(events.subList(evaluated + 1, events.size())));
        settle();
        assertNotNull(view.stateProperty().get().predictions(), view.statusText());
        assertNotNull(view.stateProperty().get().split(), "sample images come from the run's folder");
        assertEquals(published.confusion()[cell[0]][cell[1]], view.cellSamples().tileCount(),
                "the open cell fills once the per-sample predictions are known");
        assertTrue(view.cellSamples().caption().startsWith(published.confusion()[cell[0]][cell[1]] + " sample"));
    }

    @Test
    void behindAnotherTabAFollowedRunsEvaluationWaitsUntilTheTabIsShown(FxRobot robot) throws Exception {
        List<TrainingEvent> events = run.events();
        robot.interact(() -> {
            view.setVisible(false); // what the tab pane does to the content of a tab in the back
            view.runStarted(run.trainer());
            view.onEvents(events);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.stateProperty().get(), "nothing drawn behind another tab");
        assertFalse(view.busyProperty().get(), "no per-sample predictions computed for nobody");

        robot.interact(() -> view.setVisible(true));
        settle();
        assertNotNull(view.stateProperty().get(), view.statusText());
        assertNotNull(view.stateProperty().get().predictions(), "shown: the evaluation is completed as before");
        assertEquals(SummaryPane.percent(run.published().accuracy()), text(robot, "#eval-accuracy"));
    }

    private static int indexOf(List<TrainingEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + events);
    }

    /** The cell with the largest count on ({@code diagonal}) or off the diagonal. */
    private static int[] largest(int[][] m, boolean diagonal) {
        int[] best = null;
        for (int t = 0; t < m.length; t++) {
            for (int p = 0; p < m.length; p++) {
                if ((t == p) == diagonal && (best == null || m[t][p] > m[best[0]][best[1]])) {
                    best = new int[] {t, p};
                }
            }
        }
        assertTrue(best != null && m[best[0]][best[1]] > 0, "the run has such a non-empty cell");
        return best;
    }
}
