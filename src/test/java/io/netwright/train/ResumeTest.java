package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.Dataset;
import io.netwright.data.Sample;
import io.netwright.data.Subset;
import io.netwright.data.formats.SampleData;
import io.netwright.data.formats.Split;
import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Head;
import io.netwright.graph.InputSpec;
import io.netwright.graph.Metadata;
import io.netwright.graph.Node;
import io.netwright.io.Checkpoint;
import io.netwright.io.CheckpointIO;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run interrupted (stopped, or ended by a step limit) and resumed from {@code checkpoints/last} reproduces the
 * uninterrupted run bit for bit: every logged step's loss, the running means, the learning rates, the epoch
 * figures, the final weights and the evaluation.
 */
class ResumeTest {

    @TempDir
    Path tmp;

    /** Input [4] → Linear(16) → ReLU → Dropout(0.3) → Linear(3): dropout makes the generator's state matter. */
    private static Design mlpWithDropout() {
        return chain("mlp-dropout", InputSpec.of(4), Node.of("fc1", "Linear").withParam("out_features", 16),
                Node.of("relu1", "ReLU"), Node.of("drop", "Dropout").withParam("p", 0.3),
                Node.of("fc2", "Linear").withParam("out_features", 3));
    }

    /** A small CNN with batch norm (buffers) and dropout on 1×28×28 images. */
    private static Design smallCnn() {
        return chain("small-cnn", InputSpec.image(1, 28, 28).withNormalization(List.of(0.286), List.of(0.353)),
                Node.of("conv1", "Conv2d").withParam("out_channels", 4).withParam("kernel_size", 3)
                        .withParam("stride", 2),
                Node.of("bn1", "BatchNorm2d"), Node.of("relu1", "ReLU"),
                Node.of("pool1", "MaxPool2d").withParam("kernel_size", 2), Node.of("flat", "Flatten"),
                Node.of("drop", "Dropout").withParam("p", 0.2), Node.of("fc", "Linear").withParam("out_features", 10));
    }

    private static Design chain(String name, InputSpec input, Node... layers) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(Node.of("input", "Input"));
        nodes.addAll(List.of(layers));
        nodes.add(Node.of("output", "Output"));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(Edge.of(nodes.get(i - 1).id(), nodes.get(i).id()));
        }
        return new Design(Metadata.named(name), input, Head.classification(), nodes, edges);
    }

    private static Trainer.State run(Trainer t) throws InterruptedException {
        t.start();
        assertTrue(t.join(Duration.ofSeconds(120)));
        return t.state();
    }

    private static void resume(Path dir, UnaryOperator<TrainingConfig> change, TrainingData data) throws Exception {
        var rec = new TrainFixtures.Recorder();
        Trainer t = Trainer.resumeRun(dir, change, data);
        t.addListener(rec);
        assertEquals(Trainer.State.FINISHED, run(t), () -> String.valueOf(rec.last()));
        assertTrue(rec.of(TrainingEvent.Started.class).get(0).resumed());
    }

    @Test
    void stoppedMidEpochAndResumedGivesTheSameNumbers() throws Exception {
        TrainingConfig cfg = TrainFixtures.config(mlpWithDropout())
                .withOptimizer(new OptimizerConfig("Adam", Map.of("lr", 0.01)))
                .withSchedule(ScheduleConfig.cosine().withWarmup(5, 0.1))
                .withClipping(Clipping.norm(1.0));
        TrainingData data = TrainFixtures.data(96, 24, 30, 4, 3);
        assertEquals(Trainer.State.FINISHED, run(Trainer.create(cfg, tmp.resolve("a"), data)));

        // the same run on slow data (same values), stopped from another thread part-way
        TrainingData slow = new TrainingData(data.name(), data.classes(), TrainFixtures.slow(data.train(), 1),
                data.validation(), data.test());
        Trainer b = Trainer.create(cfg, tmp.resolve("b"), slow);
        b.addListener(e -> {
            if (e instanceof TrainingEvent.BatchEnd be && be.step() >= 4) {
                b.stop(); // batch events may be coalesced: act on the first one seen from step 4 on
            }
        });
        assertEquals(Trainer.State.STOPPED, run(b));
        long stoppedAt = RunStore.history(tmp.resolve("b")).summary().step();
        assertTrue(stoppedAt > 0 && stoppedAt < 36, "stopped part-way, at step " + stoppedAt);
        resume(tmp.resolve("b"), UnaryOperator.identity(), data);
        assertSameRun(tmp.resolve("a"), tmp.resolve("b"));
    }

    @Test
    void endedByAStepLimitMidEpochOrAtAnEpochEndAndExtendedGivesTheSameNumbers() throws Exception {
        TrainingConfig cfg = TrainFixtures.config(mlpWithDropout())
                .withSchedule(ScheduleConfig.of("step", Map.of("step_size", 1, "gamma", 0.5)).withWarmup(3, 0.5));
        TrainingData data = TrainFixtures.data(96, 24, 0, 4, 3);
        assertEquals(Trainer.State.FINISHED, run(Trainer.create(cfg, tmp.resolve("a"), data)));
        for (long limit : new long[]{17, 12}) {
            Path dir = tmp.resolve("limit" + limit);
            assertEquals(Trainer.State.FINISHED, run(Trainer.create(cfg.withMaxSteps(limit), dir, data)));
            assertEquals(limit, RunStore.history(dir).summary().step());
            resume(dir, c -> c.withMaxSteps(0), data);
            assertSameRun(tmp.resolve("a"), dir);
        }
    }

    @Test
    void imagesWithAugmentationBatchNormAndDropoutResumeExactly() throws Exception {
        Dataset<? extends Sample<?>> train = new Subset<>(SampleData.fashionMnist(Split.TRAIN), range(0, 160));
        Dataset<? extends Sample<?>> val = new Subset<>(SampleData.fashionMnist(Split.TEST), range(0, 64));
        TrainingData data = new TrainingData("fashion", io.netwright.data.formats.Mnist.FASHION_CLASSES, train, val,
                null);
        TrainingConfig cfg = TrainFixtures.config(smallCnn()).withBatchSize(32).withEpochs(2)
                .withAugmentation(Augmentation.flipAndCrop())
                .withData(new DataConfig("", 0, 0, "", "", 2));
        assertEquals(Trainer.State.FINISHED, run(Trainer.create(cfg, tmp.resolve("a"), data)));
        assertEquals(Trainer.State.FINISHED, run(Trainer.create(cfg.withMaxSteps(3), tmp.resolve("b"), data)));
        resume(tmp.resolve("b"), c -> c.withMaxSteps(0), data);
        assertSameRun(tmp.resolve("a"), tmp.resolve("b"));
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** Same logged steps and epochs (timings aside), same final weights, same evaluation. */
    private static void assertSameRun(Path a, Path b) throws IOException {
        RunHistory ha = RunStore.history(a);
        RunHistory hb = RunStore.history(b);
        assertEquals(ha.steps().size(), hb.steps().size(), "logged steps");
        for (int i = 0; i < ha.steps().size(); i++) {
            MetricRow x = ha.steps().get(i);
            MetricRow y = hb.steps().get(i);
            String at = "step row " + i + ": " + x + " vs " + y;
            assertEquals(x.epoch(), y.epoch(), at);
            assertEquals(x.step(), y.step(), at);
            assertEquals(x.batchLoss(), y.batchLoss(), 0, at);
            assertEquals(x.trainLoss(), y.trainLoss(), 0, at);
            assertEquals(x.trainAccuracy(), y.trainAccuracy(), 0, at);
            assertEquals(x.lr(), y.lr(), 0, at);
        }
        assertEquals(ha.epochs().size(), hb.epochs().size(), "epochs");
        for (int i = 0; i < ha.epochs().size(); i++) {
            MetricRow x = ha.epochs().get(i);
            MetricRow y = hb.epochs().get(i);
            String at = "epoch row " + i + ": " + x + " vs " + y;
            assertEquals(x.step(), y.step(), at);
            assertEquals(x.trainLoss(), y.trainLoss(), 0, at);
            assertEquals(x.trainAccuracy(), y.trainAccuracy(), 0, at);
            assertEquals(x.lr(), y.lr(), 0, at);
            assertEquals(x.valLoss(), y.valLoss(), 0, at);
            assertEquals(x.valAccuracy(), y.valAccuracy(), 0, at);
            assertEquals(x.valTopK(), y.valTopK(), 0, at);
        }
        Checkpoint ca = CheckpointIO.load(a.resolve("checkpoints/last"));
        Checkpoint cb = CheckpointIO.load(b.resolve("checkpoints/last"));
        assertEquals(ca.model().keySet(), cb.model().keySet());
        for (var e : ca.model().entrySet()) {
            Tensor y = cb.model().get(e.getKey());
            assertTrue(e.getValue().equal(y), "final weights " + e.getKey());
        }
        for (var e : ca.optimizerTensors().entrySet()) {
            assertTrue(e.getValue().equal(cb.optimizerTensors().get(e.getKey())), "optimizer state " + e.getKey());
        }
        if (ha.evaluation().isPresent()) {
            assertEquals(ha.evaluation().get().loss(), hb.evaluation().get().loss(), 0);
            assertEquals(ha.evaluation().get().accuracy(), hb.evaluation().get().accuracy(), 0);
            assertEquals(ha.evaluation().get().probes(), hb.evaluation().get().probes(), "probe histories");
        }
    }
}
