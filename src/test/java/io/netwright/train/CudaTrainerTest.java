package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.backend.Device;
import io.netwright.backend.DeviceInfo;
import io.netwright.backend.Devices;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer on {@code cuda:0} (the host CUDA driver in the build, the real driver on a GPU machine): a run of a
 * small CNN with BatchNorm and Dropout gives the CPU run's per-step losses, validation figures and test accuracy,
 * records its device, and a run started on the GPU resumes on the CPU from its device-neutral checkpoint.
 */
@Tag("cuda")
class CudaTrainerTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void needCuda() {
        if (!Devices.shared().isAvailable(Device.cuda(0))) {
            String reason = Devices.available().stream().map(DeviceInfo::toString).collect(Collectors.joining("; "));
            System.out.println("CudaTrainerTest skipped: cuda:0 is not available — " + reason);
            Assumptions.abort("cuda:0 is not available: " + reason);
        }
    }

    private static Design smallCnn() {
        List<Node> nodes = List.of(Node.of("input", "Input"),
                Node.of("conv1", "Conv2d").withParam("out_channels", 4).withParam("kernel_size", 3)
                        .withParam("stride", 2),
                Node.of("bn1", "BatchNorm2d"), Node.of("relu1", "ReLU"),
                Node.of("pool1", "MaxPool2d").withParam("kernel_size", 2), Node.of("flat", "Flatten"),
                Node.of("drop", "Dropout").withParam("p", 0.2), Node.of("fc", "Linear").withParam("out_features", 10),
                Node.of("output", "Output"));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(Edge.of(nodes.get(i - 1).id(), nodes.get(i).id()));
        }
        return new Design(Metadata.named("small-cnn"), InputSpec.image(1, 28, 28)
                .withNormalization(List.of(0.286), List.of(0.353)), Head.classification(), nodes, edges);
    }

    private static TrainingData data() throws java.io.IOException {
        Dataset<? extends Sample<?>> train = new Subset<>(SampleData.fashionMnist(Split.TRAIN), range(0, 64));
        Dataset<? extends Sample<?>> val = new Subset<>(SampleData.fashionMnist(Split.TEST), range(0, 32));
        Dataset<? extends Sample<?>> test = new Subset<>(SampleData.fashionMnist(Split.TEST), range(32, 64));
        return new TrainingData("fashion", io.netwright.data.formats.Mnist.FASHION_CLASSES, train, val, test);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static TrainingConfig config(String device) {
        return TrainFixtures.config(smallCnn()).withBatchSize(16).withEpochs(2).withDevice(device);
    }

    private static TrainFixtures.Recorder run(Trainer t) throws InterruptedException {
        var rec = new TrainFixtures.Recorder();
        t.addListener(rec);
        t.start();
        assertTrue(t.join(Duration.ofSeconds(300)));
        assertEquals(Trainer.State.FINISHED, t.state(), () -> String.valueOf(rec.last()));
        return rec;
    }

    @Test
    void aRunOnTheGpuGivesTheCpuRunsNumbersAndRecordsItsDevice() throws Exception {
        TrainingData data = data();
        var cpu = run(Trainer.create(config("cpu"), tmp.resolve("cpu"), data));
        var gpu = run(Trainer.create(config("cuda"), tmp.resolve("gpu"), data));
        assertTrue(gpu.of(TrainingEvent.Started.class).get(0).device().startsWith("cuda:0"),
                gpu.of(TrainingEvent.Started.class).get(0).device());
        assertSameNumbers(RunStore.history(tmp.resolve("cpu")), RunStore.history(tmp.resolve("gpu")));
        assertEquals(cpu.of(TrainingEvent.Samples.class).size(), gpu.of(TrainingEvent.Samples.class).size(),
                "probe sample events");
    }

    @Test
    void aRunStartedOnTheGpuResumesOnTheCpu() throws Exception {
        TrainingData data = data();
        run(Trainer.create(config("cpu"), tmp.resolve("cpu"), data));
        run(Trainer.create(config("cuda").withMaxSteps(3), tmp.resolve("moved"), data));
        var rec = new TrainFixtures.Recorder();
        Trainer t = Trainer.resumeRun(tmp.resolve("moved"), c -> c.withMaxSteps(0).withDevice("cpu"), data);
        t.addListener(rec);
        t.start();
        assertTrue(t.join(Duration.ofSeconds(300)));
        assertEquals(Trainer.State.FINISHED, t.state(), () -> String.valueOf(rec.last()));
        assertTrue(rec.of(TrainingEvent.Started.class).get(0).device().startsWith("cpu"));
        assertSameNumbers(RunStore.history(tmp.resolve("cpu")), RunStore.history(tmp.resolve("moved")));
    }

    /** Same logged steps and epochs within float tolerance (the devices sum in different orders). */
    private static void assertSameNumbers(RunHistory a, RunHistory b) {
        assertEquals(a.steps().size(), b.steps().size(), "logged steps");
        for (int i = 0; i < a.steps().size(); i++) {
            MetricRow x = a.steps().get(i);
            MetricRow y = b.steps().get(i);
            String at = "step row " + i + ": " + x + " vs " + y;
            assertEquals(x.step(), y.step(), at);
            assertEquals(x.batchLoss(), y.batchLoss(), 1e-4 * Math.max(1, Math.abs(x.batchLoss())), at);
            assertEquals(x.lr(), y.lr(), 0, at);
        }
        assertEquals(a.epochs().size(), b.epochs().size(), "epochs");
        for (int i = 0; i < a.epochs().size(); i++) {
            MetricRow x = a.epochs().get(i);
            MetricRow y = b.epochs().get(i);
            String at = "epoch row " + i + ": " + x + " vs " + y;
            assertEquals(x.trainLoss(), y.trainLoss(), 1e-4 * Math.max(1, Math.abs(x.trainLoss())), at);
            assertEquals(x.valLoss(), y.valLoss(), 1e-4 * Math.max(1, Math.abs(x.valLoss())), at);
            assertEquals(x.valAccuracy(), y.valAccuracy(), 1e-9, at);
        }
    }
}
