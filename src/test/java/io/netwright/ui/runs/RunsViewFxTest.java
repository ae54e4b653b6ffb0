package io.netwright.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Design;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.RunStore;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.app.StudioHome;
import io.netwright.ui.app.StudioViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Runs tab on real tiny runs in a temporary run store, headless. */
@ExtendWith(ApplicationExtension.class)
class RunsViewFxTest {

    private static Path root;
    private static Path sgd;
    private static Path adam;
    private static Path other;

    private RunStore store;
    private RunsView view;
    private StudioViewModel studio;
    private final SimpleStringProperty designName = new SimpleStringProperty("tiny-mlp");
    private final List<Object[]> evaluated = new ArrayList<>();

    @BeforeAll
    static void makeRuns() throws Exception {
        root = Files.createTempDirectory("runs-view");
        RunStore s = new RunStore(root.resolve("runs"));
        sgd = TinyRuns.run(s, TinyRuns.config(TinyRuns.mlp("tiny-mlp"), OptimizerConfig.sgd(0.1, 0.9), 3), false);
        adam = TinyRuns.run(s, TinyRuns.config(TinyRuns.mlp("tiny-mlp"), OptimizerConfig.adam(0.01), 2), false);
        other = TinyRuns.run(s, TinyRuns.config(TinyRuns.mlp("other-net"), OptimizerConfig.adam(0.01), 2), true);
    }

    @Start
    void start(Stage stage) throws Exception {
        store = new RunStore(root.resolve("runs"));
        studio = new StudioViewModel(new StudioHome(Files.createTempDirectory("runs-home")));
        view = new RunsView(store, designName, p -> {
            try {
                studio.newFromTemplate(p);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, (dir, checkpoint) -> evaluated.add(new Object[]{dir, checkpoint}));
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    private void awaitRefreshes(int n) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.refreshesDone() >= n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> ids() {
        return view.table().getItems().stream().map(RunRow::id).toList();
    }

    private static String id(Path p) {
        return p.getFileName().toString();
    }

    @Test
    void tableListsTheDesignsRunsNewestFirstAndAllOnRequest(FxRobot robot) throws Exception {
        awaitRefreshes(1);
        assertEquals(List.of(id(adam), id(sgd)), ids());
        RunRow first = view.table().getItems().get(0);
        assertEquals("Adam(lr=0.01), batch 8, 2 epochs", first.configSummary());
        assertEquals("finished", first.state());
        assertEquals(store.summary(adam).metric("val_accuracy"), first.valAccuracy());
        assertEquals("2 of 3 runs shown (runs of \"tiny-mlp\")",
                robot.lookup("#runs-status").queryAs(Label.class).getText());
        robot.clickOn("#runs-all");
        assertEquals(List.of(id(other), id(adam), id(sgd)), ids());
        assertEquals("stopped", view.table().getItems().get(0).state());
        robot.interact(() -> designName.set("other-net (copy)"));
        assertEquals(3, ids().size(), "all designs stays on");
        robot.clickOn("#runs-all");
        assertEquals(List.of(id(other)), ids(), "a copy's runs include its original's");
    }

    @Test
    void selectingRunsOverlaysOneSeriesEach(FxRobot robot) throws Exception {
        awaitRefreshes(1);
        robot.interact(() -> view.table().getSelectionModel().selectAll());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.chart().data().getSeriesCount() == 2);
        var data = view.chart().data();
        assertEquals(id(adam), data.getSeriesKey(0));
        assertEquals(2, data.getSeries(0).getItemCount(), "adam ran 2 epochs");
        assertEquals(3, data.getSeries(1).getItemCount(), "sgd ran 3 epochs");
        double lastValAcc = data.getSeries(1).getY(2).doubleValue();
        assertEquals(store.summary(sgd).metric("val_accuracy"), lastValAcc, 1e-12);
        @SuppressWarnings("unchecked")
        ComboBox<CurveMetric> metric = robot.lookup("#runs-metric").queryAs(ComboBox.class);
        robot.interact(() -> metric.setValue(CurveMetric.TRAIN_LOSS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, view.chart().data().getSeriesCount());
        assertEquals(store.summary(sgd).metric("train_loss"),
                view.chart().data().getSeries(1).getY(2).doubleValue(), 1e-12);
        robot.interact(() -> view.table().getSelectionModel().clearAndSelect(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, view.chart().data().getSeriesCount());
    }

    @Test
    void evaluateAndOpenInEditorActOnTheSelectedRun(FxRobot robot) throws Exception {
        awaitRefreshes(1);
        robot.interact(() -> view.table().getSelectionModel().clearAndSelect(1)); // sgd
        robot.clickOn("#runs-eval-best");
        robot.clickOn("#runs-eval-last");
        assertEquals(2, evaluated.size());
        assertEquals(sgd, evaluated.get(0)[0]);
        assertEquals("best", evaluated.get(0)[1]);
        assertEquals("last", evaluated.get(1)[1]);
        robot.clickOn("#runs-open");
        Design d = studio.editor().design();
        assertEquals("tiny-mlp (copy)", d.metadata().name());
        assertEquals(TinyRuns.mlp("tiny-mlp").nodes().size(), d.nodes().size());
        assertEquals(null, studio.fileProperty().get(), "the run's snapshot is opened as an untitled copy");
    }

    @Test
    void aFinishedRunRefreshesTheTable(FxRobot robot) throws Exception {
        awaitRefreshes(1);
        Path extra = TinyRuns.run(store, TinyRuns.config(TinyRuns.mlp("tiny-mlp"), OptimizerConfig.sgd(0.05, 0.9),
                1), false);
        try {
            assertEquals(2, ids().size(), "not seen before a refresh");
            robot.interact(() -> view.onEvents(List.of(new TrainingEvent.Finished(0, 6, "completed", 0.1,
                    Map.of()))));
            awaitRefreshes(2);
            assertEquals(List.of(id(extra), id(adam), id(sgd)), ids());
        } finally {
            deleteTree(extra);
        }
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    @Test
    void theTableShowsDataDurationDeviceAndTagsAndNotesSaveToTheRun(FxRobot robot) throws Exception {
        awaitRefreshes(1);
        List<String> columns = view.table().getColumns().stream().map(c -> c.getText()).toList();
        assertTrue(columns.containsAll(List.of("Design", "Data", "Test acc", "Duration", "Device", "State", "Tags")),
                columns.toString());
        for (String id : List.of("#runs-rename", "#runs-notes", "#runs-trash")) {
            assertTrue(robot.lookup(id).tryQuery().isPresent(), id);
        }
        RunRow row = view.table().getItems().stream().filter(r -> r.id().equals(id(sgd))).findFirst().orElseThrow();
        assertTrue(!row.duration().isEmpty() && !row.device().isEmpty(), row.toString());
        int before = view.refreshesDone();
        robot.interact(() -> view.model().saveNotes(row, new io.netwright.train.RunNotes("lr sweep",
                List.of("sgd", "baseline")), () -> { }));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.table().getItems().stream()
                .anyMatch(r -> r.id().equals(id(sgd)) && r.notes().tagsText().equals("sgd, baseline")));
        assertEquals("lr sweep", io.netwright.train.RunFolder.open(sgd).readNotes().notes());
        assertTrue(before >= 1);
    }
}
