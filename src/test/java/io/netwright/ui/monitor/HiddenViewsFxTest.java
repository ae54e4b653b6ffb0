package io.netwright.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.train.TrainingEvent;
import io.netwright.ui.editor.Designs;
import io.netwright.ui.run.WhenShown;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
 * Views of a run on a tab in the back do no display work (every change would cost the run a scene pulse, a layout
 * and a repaint) and show everything once their tab comes to the front; what they record meanwhile stays complete.
 */
@ExtendWith(ApplicationExtension.class)
class HiddenViewsFxTest {

    private TabPane tabs;
    private SampleGrid grid;
    private TrainingLog log;

    @Start
    void start(Stage stage) {
        grid = new SampleGrid();
        log = new TrainingLog();
        tabs = new TabPane(new Tab("Front", new Label("in front")), new Tab("Samples", grid), new Tab("Log", log));
        stage.setScene(new Scene(tabs, 800, 600));
        stage.show();
    }

    private void select(FxRobot robot, int tab) {
        robot.interact(() -> tabs.getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theSampleGridRecordsWhileHiddenAndShowsTheLatestEpochWhenShown(FxRobot robot) {
        select(robot, 0);
        robot.interact(() -> grid.onEvents(List.of(Events.started(Designs.lenet(), 1000),
                Events.samples(0, Events.probe(0, 1, 2, 0.6, 0.3), Events.probe(1, 3, 3, 0.9, 0.9)))));
        robot.interact(() -> grid.onEvents(List.of(Events.samples(1, Events.probe(0, 1, 1, 0.7, 0.7),
                Events.probe(1, 3, 3, 0.95, 0.95)))));
        assertTrue(grid.cells().isEmpty(), "no cells are built behind another tab");
        assertEquals(2, grid.history(0).size(), "every epoch is recorded meanwhile");

        select(robot, 1);
        assertEquals(2, grid.cells().size());
        assertTrue(grid.cell(0).isCorrect(), "the latest epoch is shown: " + grid.cell(0).predictedText());
    }

    @Test
    void theLogKeepsItsEntriesWhileHiddenButLaysOutNoCellsUntilShown(FxRobot robot) {
        select(robot, 0);
        @SuppressWarnings("unchecked")
        ListView<LogEntry> list = (ListView<LogEntry>) robot.lookup("#training-log").query();
        robot.interact(() -> log.onEvents(List.of(Events.started(Designs.lenet(), 1000),
                new TrainingEvent.EpochEnd(0, 10, 1.2, 0.55, 1.1, 0.6, 0.9, 5, 0.01, 2.5))));
        assertEquals(2, log.entries().size(), "the entries are there at once");
        assertTrue(list.getItems().isEmpty(), "the hidden list holds none of them");

        select(robot, 2);
        assertEquals(2, list.getItems().size(), "shown: the list holds every entry");
        robot.interact(() -> log.onEvents(List.of(new TrainingEvent.Resumed(1, 12))));
        assertEquals(3, list.getItems().size(), "in front it follows at once");
    }

    @Test
    void whenShownRunsOnlyTheLatestUpdateOnceTheNodeCanBeSeen(FxRobot robot) {
        select(robot, 0);
        AtomicInteger first = new AtomicInteger();
        AtomicInteger latest = new AtomicInteger();
        WhenShown shown = new WhenShown(grid);
        robot.interact(() -> {
            shown.run(first::incrementAndGet);
            shown.run(latest::incrementAndGet);
        });
        assertTrue(shown.isWaiting());
        assertEquals(0, first.get() + latest.get(), "nothing runs while the node is hidden");

        select(robot, 1);
        assertEquals(0, first.get(), "a replaced update never runs");
        assertEquals(1, latest.get());
        assertFalse(shown.isWaiting());
        robot.interact(() -> shown.run(latest::incrementAndGet));
        assertEquals(2, latest.get(), "a visible node is updated at once");

        WhenShown detached = new WhenShown(new Label("in no window"));
        robot.interact(() -> detached.run(latest::incrementAndGet));
        assertEquals(3, latest.get(), "a node in no window is updated at once");
    }
}
