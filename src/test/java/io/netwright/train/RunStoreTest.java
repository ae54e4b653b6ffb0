package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on disk: the folder's files, listing, history, and resuming from the folder alone. */
class RunStoreTest {

    @TempDir
    Path tmp;

    private TrainingConfig csvConfig() throws IOException {
        Path csv = TrainFixtures.csv(tmp.resolve("blobs.csv"), 120, 4, 3, 1);
        return TrainFixtures.config(TrainFixtures.mlp(4, 8, 3))
                .withData(new DataConfig(csv.toString(), 0.2, 0.2, "", "", 0));
    }

    private static Trainer.State run(Trainer t) throws InterruptedException {
        t.start();
        assertTrue(t.join(Duration.ofSeconds(60)));
        return t.state();
    }

    @Test
    void runFolderHoldsEveryFile() throws Exception {
        RunStore store = new RunStore(tmp.resolve("runs"));
        TrainingConfig cfg = csvConfig();
        Path dir = store.newRunDir(cfg);
        assertTrue(dir.getFileName().toString().matches("\\d{8}-\\d{6}-tiny-mlp"), dir.toString());
        assertEquals(Trainer.State.FINISHED, run(Trainer.create(cfg, dir)));
        for (String f : List.of("config.json", "design.json", "run.json", "metrics.csv", "events.jsonl",
                "evaluation.json", "checkpoints/last/checkpoint.json", "checkpoints/best/model.safetensors")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertEquals(cfg, TrainingConfig.fromJson(Files.readString(dir.resolve("config.json"))));
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(MetricRow.HEADER, metrics.get(0));
        assertEquals(1 + 27 + 3, metrics.size(), "72 samples / 8 = 9 steps × 3 epochs, logged every step, + 3 epochs");
        assertTrue(metrics.get(1).startsWith("step,1,1,"), "epochs count from 1 as on the console: " + metrics.get(1));
        assertTrue(metrics.get(metrics.size() - 1).startsWith("epoch,3,27,"), metrics.get(metrics.size() - 1));
        for (String row : metrics.subList(1, metrics.size())) {
            String[] cells = row.split(",", -1);
            assertEquals(13, cells.length, row);
            assertFalse(cells[11].isEmpty(), "elapsed_seconds in every row: " + row);
            assertEquals(row.startsWith("epoch"), !cells[12].isEmpty(), "epoch_seconds only on epochs: " + row);
        }
        RunHistory h = RunStore.history(dir);
        List<String> types = h.events().stream().map(o -> o.get("type").getAsString()).toList();
        assertEquals("started", types.get(0));
        assertEquals("finished", types.get(types.size() - 1));
        JsonObject started = h.events().get(0);
        assertEquals(72, started.get("train_size").getAsInt());
        assertEquals(24, started.get("validation_size").getAsInt());
        assertEquals(24, h.evaluation().orElseThrow().samples());
        assertEquals(3, h.evaluation().get().probes().get(0).points().size(), "one probe point per epoch");
    }

    @Test
    void listsRunsNewestFirstWithConfigSummaryAndFinalFigures() throws Exception {
        RunStore store = new RunStore(tmp.resolve("runs"));
        assertTrue(store.list().isEmpty());
        TrainingConfig cfg = csvConfig();
        Path first = store.newRunDir(cfg);
        assertEquals(Trainer.State.FINISHED, run(Trainer.create(cfg, first)));
        Path second = store.newRunDir(cfg);
        assertNotEquals(first, second, "names are unique even within one second");
        Trainer stopped = Trainer.create(cfg.withOptimizer(OptimizerConfig.adam(0.01)), second);
        stopped.stop();
        assertEquals(Trainer.State.STOPPED, run(stopped));
        Files.createDirectories(store.root().resolve("not-a-run"));

        List<RunSummary> runs = store.list();
        assertEquals(2, runs.size());
        RunSummary s = runs.get(0);
        assertEquals(second.getFileName().toString(), s.id());
        assertEquals("stopped", s.state());
        assertEquals("Adam(lr=0.01)", s.optimizer());
        RunSummary f = runs.get(1);
        assertEquals("finished", f.state());
        assertEquals("tiny-mlp", f.design());
        assertEquals("SGD(lr=0.1, momentum=0.9)", f.optimizer());
        assertEquals(27, f.step());
        assertEquals(3, f.epoch());
        assertTrue(f.metric("test_accuracy") > 0.5, f.metrics().toString());
        assertTrue(f.metric("val_loss") > 0, f.metrics().toString());
        assertTrue(!f.started().isAfter(s.started()));

        RunHistory h = store.history(f.id());
        assertEquals(27, h.steps().size());
        assertEquals(3, h.epochs().size());
        assertEquals(f.metric("val_loss"), h.epochs().get(2).valLoss(), 0);
        assertThrows(IOException.class, () -> store.history("nope"));
    }

    @Test
    void aRunResumesFromItsFolderAlone() throws Exception {
        TrainingConfig cfg = csvConfig().withMaxSteps(10);
        Path dir = tmp.resolve("run");
        assertEquals(Trainer.State.FINISHED, run(Trainer.create(cfg, dir)));
        var rec = new TrainFixtures.Recorder();
        Trainer again = Trainer.resumeRun(dir, c -> c.withMaxSteps(0).withEpochs(4), null);
        again.addListener(rec);
        assertEquals(Trainer.State.FINISHED, run(again));
        TrainingEvent.Started st = rec.of(TrainingEvent.Started.class).get(0);
        assertTrue(st.resumed());
        assertEquals(10, st.step());
        assertEquals(36, rec.of(TrainingEvent.Finished.class).get(0).step());
        assertTrue(rec.of(TrainingEvent.Warning.class).stream().noneMatch(w -> w.code().equals("setup")),
                "epochs and max_steps may change freely: " + rec.of(TrainingEvent.Warning.class));
        assertEquals(4, TrainingConfig.fromJson(Files.readString(dir.resolve("config.json"))).epochs());
        RunHistory h = RunStore.history(dir);
        assertEquals(36, h.steps().size());
        assertEquals(4, h.epochs().size());
        assertEquals(2, h.events().stream().filter(o -> o.get("type").getAsString().equals("started")).count());

        var changed = new TrainFixtures.Recorder();
        Trainer more = Trainer.resumeRun(dir, c -> c.withEpochs(5).withSeed(1), null);
        more.addListener(changed);
        assertEquals(Trainer.State.FINISHED, run(more));
        assertTrue(changed.of(TrainingEvent.Warning.class).stream()
                .anyMatch(w -> w.message().contains("changed seed")), changed.types().toString());
    }

    @Test
    void resumingWithoutACheckpointIsExplained() throws IOException {
        Path dir = tmp.resolve("nothing");
        var e = assertThrows(IOException.class, () -> Trainer.resumeRun(dir));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
        RunFolder.create(dir, TrainFixtures.config(TrainFixtures.mlp(4, 8, 3)));
        e = assertThrows(IOException.class, () -> Trainer.resumeRun(dir));
        assertTrue(e.getMessage().contains("no checkpoints/last"), e.getMessage());
        e = assertThrows(IOException.class, () -> RunFolder.create(dir, TrainFixtures.config(TrainFixtures.mlp(4, 8,
                3))));
        assertTrue(e.getMessage().contains("already holds a run"), e.getMessage());
    }
}
