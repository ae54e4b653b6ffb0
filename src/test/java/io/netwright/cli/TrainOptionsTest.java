package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Design;
import io.netwright.graph.DesignFiles;
import io.netwright.train.Augmentation;
import io.netwright.train.Metric;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} takes what the studio's run form sets, and its saved config, with the studio's defaults. */
class TrainOptionsTest {

    private static final Path LENET = Path.of("samples/designs/lenet5.json");

    private static TrainingConfig runConfig(Path run) throws IOException {
        return TrainingConfig.fromJson(Files.readString(run.resolve("config.json")));
    }

    @Test
    void optionsLeftOutTakeTheStudiosDefaults(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Cli.Result t = Cli.run("train", LENET.toString(), "--max-steps", "1", "--limit", "32", "--out",
                run.toString());
        assertEquals(0, t.code(), t.err());
        TrainingConfig got = runConfig(run);
        TrainingConfig studio = TrainingConfig.of(DesignFiles.read(LENET)); // what the run form starts from
        assertEquals(studio.optimizer(), got.optimizer());
        assertEquals(studio.epochs(), got.epochs());
        assertEquals(studio.batchSize(), got.batchSize());
        assertEquals(studio.schedule(), got.schedule());
        assertEquals(studio.augmentation(), got.augmentation());
        assertEquals(studio.checkpoint(), got.checkpoint());
        assertEquals(studio.earlyStopping(), got.earlyStopping());
        assertEquals(studio.seed(), got.seed());
        assertEquals(studio.data().validationFraction(), got.data().validationFraction());
        Cli.Result help = Cli.run("train", "--help");
        assertTrue(help.out().contains("Epochs (default: " + studio.epochs() + ")"), help.out());
        assertTrue(help.out().contains("(default: sgd)"), help.out());
        // the on/off flags' help says "default: off" / "on" in words: keep it true
        assertFalse(studio.augmentation().horizontalFlip() || studio.augmentation().verticalFlip());
        assertTrue(studio.checkpoint().keepBest());
    }

    @Test
    void runFormOptionsReachTheConfig(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Cli.Result t = Cli.run("train", LENET.toString(), "--max-steps", "1", "--limit", "32", "--out",
                run.toString(), "--schedule", "step", "--schedule-options", "step_size=1, gamma=0.5", "--warmup", "2",
                "--momentum", "0.8", "--weight-decay", "1e-4", "--hflip", "--crop", "2", "--rotation", "10",
                "--color-jitter", "0.2", "--random-erasing", "0.1", "--early-stopping", "3",
                "--early-stopping-metric", "val_accuracy", "--checkpoint-steps", "5", "--checkpoint-epochs", "0",
                "--no-keep-best", "--best-metric", "val_accuracy", "--test", "0.2");
        assertEquals(0, t.code(), t.err());
        TrainingConfig c = runConfig(run);
        assertEquals("step", c.schedule().type());
        assertEquals(Map.of("step_size", 1, "gamma", 0.5).keySet(), c.schedule().options().keySet());
        assertEquals(2, c.schedule().warmupSteps());
        assertEquals(0.8, ((Number) c.optimizer().options().get("momentum")).doubleValue());
        assertEquals(1e-4, ((Number) c.optimizer().options().get("weight_decay")).doubleValue());
        assertEquals(new Augmentation(true, false, 2, 10, 0.2, 0.1), c.augmentation());
        assertEquals(3, c.earlyStopping().patience());
        assertEquals(Metric.VAL_ACCURACY, c.earlyStopping().metric());
        assertEquals(5, c.checkpoint().everySteps());
        assertEquals(0, c.checkpoint().everyEpochs());
        assertFalse(c.checkpoint().keepBest());
        assertEquals(Metric.VAL_ACCURACY, c.checkpoint().bestMetric());
        assertEquals(0.2, c.data().testFraction());
        assertEquals(1, c.maxSteps());
    }

    @Test
    void configFileIsTheBaseAndOptionsOverrideIt(@TempDir Path dir) throws IOException {
        Design other = DesignFiles.read(Path.of("samples/designs/cifar10_tutorial.json"));
        TrainingConfig saved = TrainingConfig.of(other).withBatchSize(16).withEpochs(2)
                .withOptimizer(OptimizerConfig.adam(0.002)).withAugmentation(new Augmentation(true, false, 0, 0, 0, 0));
        Path file = Files.writeString(dir.resolve("saved.json"), saved.toJson());
        Path run = dir.resolve("run");
        Cli.Result t = Cli.run("train", LENET.toString(), "--config", file.toString(), "--batch", "8", "--max-steps",
                "1", "--limit", "32", "--out", run.toString());
        assertEquals(0, t.code(), t.err());
        TrainingConfig c = runConfig(run);
        assertEquals("LeNet-5", c.design().metadata().name(), "the design given, not the file's snapshot");
        assertEquals(8, c.batchSize(), "an option given overrides the file");
        assertEquals(2, c.epochs());
        assertEquals(OptimizerConfig.adam(0.002), c.optimizer());
        assertTrue(c.augmentation().horizontalFlip());
        assertEquals("fashion-mnist-small", c.dataSpec(), "the design's dataset: the file named none");
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheOption(@TempDir Path dir) throws IOException {
        Cli.Result sched = Cli.run("train", LENET.toString(), "--schedule", "foo", "--out", dir.resolve("a").toString());
        assertEquals(2, sched.code(), sched.err());
        assertEquals("netwright train: --schedule foo: unknown LR schedule 'foo'; known: none, step, multistep, "
                + "exponential, cosine, linear, onecycle, plateau", sched.err().strip());
        Cli.Result aug = Cli.run("train", LENET.toString(), "--color-jitter", "2", "--out", dir.resolve("b").toString());
        assertEquals(2, aug.code(), aug.err());
        assertTrue(aug.firstErrorLine().contains("color_jitter must be in [0, 1), got 2.0"), aug.err());
        Cli.Result missing = Cli.run("train", LENET.toString(), "--config", dir.resolve("nope.json").toString());
        assertEquals(1, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.firstErrorLine().startsWith("netwright train: --config " + dir.resolve("nope.json")
                + ": no such file"), missing.err());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"batch_size\": 0}");
        Cli.Result invalid = Cli.run("train", LENET.toString(), "--config", bad.toString());
        assertEquals(1, invalid.code());
        assertTrue(invalid.firstErrorLine().contains("batch_size must be >= 1"), invalid.err());
        assertEquals(List.of(), List.of(dir.resolve("a"), dir.resolve("b")).stream().filter(Files::exists).toList(),
                "nothing written for a refused command");
    }
}
