package io.netwright.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.train.Metric;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.editor.Designs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The training log fed a run's worth of synthetic events. */
@ExtendWith(ApplicationExtension.class)
class TrainingLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:14:03Z"), ZoneOffset.UTC);

    private TrainingLog log;

    @Start
    void start(Stage stage) {
        log = new TrainingLog(CLOCK);
        stage.setScene(new Scene(log, 700, 400));
        stage.show();
    }

    private static List<TrainingEvent> run() {
        return List.of(Events.started(Designs.lenet(), 61_706),
                new TrainingEvent.BatchEnd(0, 1, 1, 10, 2.3f, 2.3, 0.1, 0.01, 500, 20),
                new TrainingEvent.Warning(0, 4, "update_ratio", "layer 'conv1': update/parameter ratio 0.3 is far "
                        + "above the usual ~1e-3 — the learning rate is probably too high"),
                new TrainingEvent.EpochEnd(0, 10, 1.2, 0.55, 1.1, 0.6, 0.9, 5, 0.01, 2.5),
                new TrainingEvent.CheckpointSaved(0, 10, "best", Path.of("runs/x/checkpoints/best"),
                        Metric.VAL_LOSS, 1.1),
                new TrainingEvent.LrChanged(1, 12, 0.01, 0.001),
                new TrainingEvent.Paused(1, 13, TrainingEvent.PauseReason.NON_FINITE,
                        new TrainingEvent.NonFinite(Double.NaN, "fc1", null)),
                new TrainingEvent.Failed(1, 13, "out of memory", new OutOfMemoryError()));
    }

    @Test
    void eventsBecomeEntriesWithTimeEpochStepAndLevel(FxRobot robot) {
        robot.interact(() -> log.onEvents(run()));
        List<LogEntry> e = log.entries();
        assertEquals(7, e.size(), "every event but the batch");
        assertEquals(List.of("started", "warning:update_ratio", "epoch", "checkpoint", "lr_changed",
                "paused:non_finite", "failed"), e.stream().map(LogEntry::code).toList());
        assertEquals(List.of(LogEntry.Level.INFO, LogEntry.Level.WARNING, LogEntry.Level.INFO, LogEntry.Level.INFO,
                LogEntry.Level.INFO, LogEntry.Level.ERROR, LogEntry.Level.ERROR),
                e.stream().map(LogEntry::level).toList());
        assertEquals(LocalTime.of(10, 14, 3), e.get(1).time());
        assertEquals("10:14:03  epoch 1  step 4", e.get(1).where());
        assertEquals("Run started run-1 on cpu (test): 61,706 parameters (61,706 trainable), 900 training samples, "
                + "10 steps per epoch", e.get(0).text());
        assertEquals("Epoch 1: train loss 1.2000, accuracy 55.00%; validation loss 1.1000, accuracy 60.00% (2.5 s)",
                e.get(2).text());
        assertTrue(e.get(3).text().startsWith("Checkpoint 'best' saved (val_loss 1.1000) to "), e.get(3).text());
        assertEquals("Learning rate changed from 0.01000 to 0.001000", e.get(4).text());
        assertEquals("Paused: step 14: loss is NaN; gradients went non-finite first at 'fc1' — lower the learning "
                + "rate (or clip gradients) and resume", e.get(5).text());
        assertEquals("Failed: out of memory", e.get(6).text());
        assertEquals("1 warning, 2 errors", robot.lookup("#training-log-counts").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".log-entry.error").queryAll().size() >= 2, "errors are styled as such");
    }

    @Test
    void theListCanShowOnlyProblemsAndBeCleared(FxRobot robot) {
        robot.interact(() -> log.onEvents(run()));
        ListView<?> list = robot.lookup("#training-log").queryAs(ListView.class);
        assertEquals(7, list.getItems().size());
        robot.clickOn("#training-log-problems-only");
        assertTrue(robot.lookup("#training-log-problems-only").queryAs(CheckBox.class).isSelected());
        assertEquals(3, list.getItems().size());
        robot.clickOn("#training-log-clear");
        assertEquals(0, log.entries().size());
        assertEquals("0 warnings, 0 errors", robot.lookup("#training-log-counts").queryAs(Label.class).getText());
        robot.interact(() -> log.onEvents(List.of(new TrainingEvent.Finished(3, 30, "completed", 7.5,
                Map.of("val_accuracy", 0.8125)))));
        assertEquals("Finished (completed) in 7.5 s: val_accuracy 0.8125", log.entries().get(0).text());
        assertEquals(0, list.getItems().size(), "an info line is hidden while only problems are shown");
    }

    @Test
    void problemsPopUpOncePerBatchOnlyWhenShowingAndEnabled(FxRobot robot) {
        robot.interact(() -> log.onEvents(run()));
        assertEquals(1, log.notificationCount(), "one notification for the batch's three problems");
        robot.interact(() -> log.onEvents(List.of(new TrainingEvent.Resumed(1, 13))));
        assertEquals(1, log.notificationCount(), "no notification for information");
        robot.interact(() -> {
            log.notifyProperty().set(false);
            log.onEvents(run());
        });
        assertEquals(1, log.notificationCount());
        TrainingLog detached = new TrainingLog(CLOCK);
        robot.interact(() -> detached.onEvents(run()));
        assertEquals(0, detached.notificationCount(), "not in a window: logged, not popped up");
        assertEquals(7, detached.entries().size());
    }
}
