package io.netwright.train;

import io.netwright.data.Datasets;
import io.netwright.data.Dataset;
import io.netwright.data.Sample;
import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Head;
import io.netwright.graph.InputSpec;
import io.netwright.graph.Metadata;
import io.netwright.graph.Node;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tiny designs, data and configs for fast trainer tests. */
final class TrainFixtures {

    private TrainFixtures() {
    }

    /** Input [features] → Linear(hidden) → ReLU → Linear(classes) → Output. */
    static Design mlp(int features, int hidden, int classes) {
        List<Node> nodes = List.of(Node.of("input", "Input"),
                Node.of("fc1", "Linear").withParam("out_features", hidden),
                Node.of("relu1", "ReLU"),
                Node.of("fc2", "Linear").withParam("out_features", classes),
                Node.of("output", "Output"));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(Edge.of(nodes.get(i - 1).id(), nodes.get(i).id()));
        }
        return new Design(Metadata.named("tiny-mlp"), InputSpec.of(features), Head.classification(), nodes, edges);
    }

    /** {@code n} samples of {@code classes} Gaussian blobs in {@code features} dimensions (centres 3 apart). */
    static List<Sample<float[]>> blobs(int n, int features, int classes, long seed) {
        Generator g = new Generator(seed);
        float[] noise = Tensor.randn(g, n, features).toFloatArray();
        List<Sample<float[]>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int label = i % classes;
            float[] x = new float[features];
            for (int j = 0; j < features; j++) {
                x[j] = (j % classes == label ? 3f : 0f) + noise[i * features + j];
            }
            out.add(new Sample<>(x, label));
        }
        return out;
    }

    static List<String> classNames(int classes) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            out.add("class" + c);
        }
        return out;
    }

    /** Train/validation/test splits of blobs. */
    static TrainingData data(int train, int validation, int test, int features, int classes) {
        return new TrainingData("blobs", classNames(classes), Datasets.ofList(blobs(train, features, classes, 1)),
                validation == 0 ? null : Datasets.ofList(blobs(validation, features, classes, 2)),
                test == 0 ? null : Datasets.ofList(blobs(test, features, classes, 3)));
    }

    /** A dataset whose every {@code get} sleeps {@code millis}, to slow steps down. */
    static <T> Dataset<T> slow(Dataset<T> d, long millis) {
        return new Dataset<>() {
            @Override
            public int size() {
                return d.size();
            }

            @Override
            public T get(int index) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return d.get(index);
            }
        };
    }

    /** Writes blobs as a CSV file (features then label). */
    static Path csv(Path file, int n, int features, int classes, long seed) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < features; j++) {
            sb.append('f').append(j).append(',');
        }
        sb.append("label\n");
        for (Sample<float[]> s : blobs(n, features, classes, seed)) {
            for (float v : s.input()) {
                sb.append(v).append(',');
            }
            sb.append(s.label()).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** A small, fast config: batch 8, 3 epochs, SGD 0.1, every step logged, health every 5 steps, 4 probes. */
    static TrainingConfig config(Design design) {
        return TrainingConfig.of(design).withBatchSize(8).withEpochs(3).withOptimizer(OptimizerConfig.sgd(0.1, 0.9))
                .withData(new DataConfig("", 0.0, 0.0, "", "", 0))
                .withMonitoring(new Monitoring(1, 5, 4, 2, 10))
                .withCheckpoint(CheckpointPolicy.defaults().withBestMetric(Metric.VAL_ACCURACY));
    }

    /** A listener that keeps every event it sees. */
    static class Recorder implements TrainingListener {
        final List<TrainingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(TrainingEvent event) {
            events.add(event);
        }

        <E extends TrainingEvent> List<E> of(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<String> types() {
            return events.stream().map(TrainingEvent::type).toList();
        }

        TrainingEvent last() {
            return events.get(events.size() - 1);
        }
    }

    static Map<String, Object> sgd(double lr) {
        return Map.of("lr", lr, "momentum", 0.9);
    }

    /**
     * A 50-epoch run of a tiny MLP into {@code dir} on data slowed to 5 ms a sample, started; returns once its first
     * step is done, so the run is surely training.
     */
    static Trainer startSlowRun(Path dir) throws InterruptedException {
        TrainingData d = data(64, 8, 0, 4, 3);
        TrainingData slow = new TrainingData(d.name(), d.classes(), slow(d.train(), 5), d.validation(), d.test());
        Trainer t = Trainer.create(config(mlp(4, 6, 3)).withEpochs(50), dir, slow);
        java.util.concurrent.CountDownLatch stepping = new java.util.concurrent.CountDownLatch(1);
        t.addListener(e -> {
            if (e instanceof TrainingEvent.BatchEnd) {
                stepping.countDown();
            }
        });
        t.start();
        if (!stepping.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("the slow run did not take a step in 30 s");
        }
        return t;
    }
}
