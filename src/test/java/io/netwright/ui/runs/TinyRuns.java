package io.netwright.ui.runs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.Datasets;
import io.netwright.data.Sample;
import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Head;
import io.netwright.graph.InputSpec;
import io.netwright.graph.Metadata;
import io.netwright.graph.Node;
import io.netwright.tensor.Generator;
import io.netwright.train.DataConfig;
import io.netwright.train.Monitoring;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.RunStore;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Real, tiny training runs (an MLP on Gaussian blobs, a fraction of a second each) written into a run store. */
final class TinyRuns {

    private TinyRuns() {
    }

    /** Input [4] → Linear(8) → ReLU → Linear(3) → Output, named {@code name}. */
    static Design mlp(String name) {
        List<Node> nodes = List.of(Node.of("input", "Input"), Node.of("fc1", "Linear").withParam("out_features", 8),
                Node.of("relu1", "ReLU"), Node.of("fc2", "Linear").withParam("out_features", 3),
                Node.of("output", "Output"));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(Edge.of(nodes.get(i - 1).id(), nodes.get(i).id()));
        }
        return new Design(Metadata.named(name), InputSpec.of(4), Head.classification(), nodes, edges);
    }

    private static List<Sample<float[]>> blobs(int n, long seed) {
        Generator g = new Generator(seed);
        List<Sample<float[]>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            float[] x = new float[4];
            for (int j = 0; j < 4; j++) {
                x[j] = (j % 3 == label ? 3f : 0f) + (float) (g.nextDouble() - 0.5);
            }
            out.add(new Sample<>(x, label));
        }
        return out;
    }

    static TrainingData data() {
        return new TrainingData("blobs", List.of("a", "b", "c"), Datasets.ofList(blobs(48, 1)),
                Datasets.ofList(blobs(24, 2)), null);
    }

    /** The config of a tiny run: batch 8, {@code epochs} epochs, one thread, every step logged. */
    static TrainingConfig config(Design design, OptimizerConfig optimizer, int epochs) {
        return TrainingConfig.of(design).withBatchSize(8).withEpochs(epochs).withOptimizer(optimizer)
                .withData(new DataConfig("", 0.0, 0.0, "", "", 0)).withThreads(1)
                .withMonitoring(new Monitoring(1, 0, 2, 2, 4));
    }

    /** Runs {@code config} to its end in a new folder of {@code store} (stopped at once if {@code stop}). */
    static Path run(RunStore store, TrainingConfig config, boolean stop) throws Exception {
        Path dir = store.newRunDir(config);
        try (Trainer t = Trainer.create(config, dir, data())) {
            if (stop) {
                t.stop();
            }
            t.start();
            assertTrue(t.join(Duration.ofSeconds(60)), "tiny run did not end in 60 s");
        }
        return dir;
    }
}
