package io.netwright.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.Dataset;
import io.netwright.data.Sample;
import io.netwright.data.Subset;
import io.netwright.data.formats.Mnist;
import io.netwright.data.formats.SampleData;
import io.netwright.data.formats.Split;
import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Head;
import io.netwright.graph.InputSpec;
import io.netwright.graph.Metadata;
import io.netwright.graph.Node;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingData;
import io.netwright.train.TrainingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Out of GPU memory during a run (the host driver's device made too small for a step's activations): the run
 * pauses with a message naming the batch size and the memory estimate, nothing is lost, and once memory is back a
 * resume retries the step and the run finishes.
 */
@Tag("cuda")
class CudaOutOfMemoryPauseTest {

    @TempDir
    Path tmp;

    private static Design cnn() {
        List<Node> nodes = List.of(Node.of("input", "Input"),
                Node.of("conv1", "Conv2d").withParam("out_channels", 16).withParam("kernel_size", 3)
                        .withParam("padding", 1),
                Node.of("relu1", "ReLU"), Node.of("pool1", "MaxPool2d").withParam("kernel_size", 4),
                Node.of("flat", "Flatten"), Node.of("fc", "Linear").withParam("out_features", 10),
                Node.of("output", "Output"));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(Edge.of(nodes.get(i - 1).id(), nodes.get(i).id()));
        }
        return new Design(Metadata.named("oom-cnn"), InputSpec.image(1, 28, 28), Head.classification(), nodes, edges);
    }

    @Test
    void aStepOutOfMemoryPausesTheRunAndResumeRetriesIt() throws Exception {
        Optional<HostDriver> found = HostDriver.find();
        Assumptions.assumeTrue(found.isPresent(), "skipped: cuda:0 is not the host test driver");
        HostDriver hd = found.get();
        long total = hd.get(HostDriver.TOTAL_MEMORY);
        Dataset<? extends Sample<?>> train = new Subset<>(SampleData.fashionMnist(Split.TRAIN),
                IntStream.range(0, 64).toArray());
        Dataset<? extends Sample<?>> test = new Subset<>(SampleData.fashionMnist(Split.TEST),
                IntStream.range(0, 16).toArray());
        TrainingData data = new TrainingData("fashion", Mnist.FASHION_CLASSES, train, null, test);
        TrainingConfig config = TrainingConfig.of(cnn()).withBatchSize(32).withEpochs(1).withDevice("cuda");
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        try {
            hd.backend().allocator().emptyCache();
            long[] info = hd.backend().memoryInfo();
            long used = info[1] - info[0];
            // room for the weights and optimizer state, not for a batch's 32×16×28×28 activations (1.6 MB)
            hd.set(HostDriver.TOTAL_MEMORY, used + (512 << 10));
            Trainer t = Trainer.create(config, tmp.resolve("run"), data);
            t.addListener(events::add);
            t.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (t.state() != Trainer.State.PAUSED && !t.state().isTerminal() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(Trainer.State.PAUSED, t.state(), () -> events.toString());
            // listeners hear of the pause just after the state changes: wait for the event too
            while (events.stream().noneMatch(e -> e instanceof TrainingEvent.Paused) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            TrainingEvent.Paused p = events.stream().filter(e -> e instanceof TrainingEvent.Paused)
                    .map(e -> (TrainingEvent.Paused) e).findFirst().orElseThrow();
            assertEquals(TrainingEvent.PauseReason.OUT_OF_MEMORY, p.reason());
            String warning = events.stream().filter(e -> e instanceof TrainingEvent.Warning w
                    && w.code().equals("out_of_memory")).map(e -> ((TrainingEvent.Warning) e).message()).findFirst()
                    .orElseThrow();
            assertTrue(warning.contains("batch size 32") && warning.contains("training-memory estimate"), warning);
            assertTrue(warning.contains("checkpoints are intact"), warning);
            assertTrue(Files.readString(tmp.resolve("run/run.json")).contains("out of device memory"),
                    "run.json says why it paused");
            String before = events.stream().filter(e -> e instanceof TrainingEvent.Warning w && w.code().equals("setup"))
                    .map(e -> ((TrainingEvent.Warning) e).message()).filter(m -> m.contains(" free: ")).findFirst()
                    .orElse("");
            assertTrue(before.contains("training needs about"), "warned at the start from cuMemGetInfo: " + events);

            hd.set(HostDriver.TOTAL_MEMORY, total);
            t.resume();
            assertTrue(t.join(Duration.ofSeconds(300)));
            assertEquals(Trainer.State.FINISHED, t.state(), () -> events.get(events.size() - 1).toString());
            long steps = events.stream().filter(e -> e instanceof TrainingEvent.BatchEnd).count();
            assertEquals(2, steps, "both steps of the epoch ran once the memory was back");
        } finally {
            hd.set(HostDriver.TOTAL_MEMORY, total);
        }
    }
}
