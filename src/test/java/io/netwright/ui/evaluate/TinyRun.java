package io.netwright.ui.evaluate;

import io.netwright.data.ImageDataset;
import io.netwright.data.formats.Idx;
import io.netwright.data.formats.SampleData;
import io.netwright.data.formats.Split;
import io.netwright.graph.DesignFiles;
import io.netwright.train.DataConfig;
import io.netwright.train.Evaluation;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.RunFolder;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * One real training run shared by the Evaluate tab's tests: LeNet-5 ({@code samples/designs/lenet5.json}) trained
 * for one epoch on a class-balanced subset of the bundled Fashion-MNIST (40 training and 12 test images per class,
 * written as IDX files into a temporary folder whose name contains "fashion", so the class names are
 * Fashion-MNIST's). Trained once per JVM (a few seconds) and deleted when the JVM exits.
 *
 * @param dir       the run folder
 * @param data      the IDX data folder
 * @param trainer   the (finished) trainer of the run
 * @param events    every event the trainer published
 * @param recorded  the run's {@code evaluation.json}
 */
public record TinyRun(Path dir, Path data, Trainer trainer, List<TrainingEvent> events, Evaluation recorded) {

    static final int TRAIN_PER_CLASS = 40;
    static final int TEST_PER_CLASS = 12;

    private static TinyRun run;

    /** The shared run, trained on first use. */
    public static synchronized TinyRun get() {
        if (run == null) {
            try {
                run = train();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return run;
    }

    private static TinyRun train() throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("nw-eval-run");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        Path data = Files.createDirectories(root.resolve("fashion-tiny"));
        subset(SampleData.fashionMnist(Split.TRAIN), TRAIN_PER_CLASS, data.resolve("train-images-idx3-ubyte"),
                data.resolve("train-labels-idx1-ubyte"));
        subset(SampleData.fashionMnist(Split.TEST), TEST_PER_CLASS, data.resolve("t10k-images-idx3-ubyte"),
                data.resolve("t10k-labels-idx1-ubyte"));
        TrainingConfig config = TrainingConfig.of(DesignFiles.read(Path.of("samples/designs/lenet5.json")))
                .withData(new DataConfig(data.toString(), 0.1, 0, "", "", 0)).withEpochs(1).withBatchSize(20)
                .withOptimizer(OptimizerConfig.adam(0.003)).withSeed(7).withThreads(1);
        Path dir = root.resolve("lenet-run");
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        Trainer t = Trainer.create(config, dir).addListener(events::add);
        t.start();
        if (!t.join(Duration.ofSeconds(120)) || t.state() != Trainer.State.FINISHED) {
            throw new IllegalStateException("the tiny LeNet run did not finish: " + t.state() + " " + events);
        }
        return new TinyRun(dir, data, t, List.copyOf(events), RunFolder.open(dir).readEvaluation().orElseThrow());
    }

    /** Writes the first {@code perClass} images of each class of {@code ds} as IDX files. */
    private static void subset(ImageDataset ds, int perClass, Path images, Path labels) throws IOException {
        int classes = ds.classes().size();
        int[] taken = new int[classes];
        int n = perClass * classes;
        int size = ds.imageBytes();
        byte[] pixels = new byte[n * size];
        byte[] y = new byte[n];
        int k = 0;
        for (int i = 0; i < ds.size() && k < n; i++) {
            int label = ds.label(i);
            if (taken[label] < perClass) {
                taken[label]++;
                System.arraycopy(ds.image(i).data(), 0, pixels, k * size, size);
                y[k++] = (byte) label;
            }
        }
        Idx.write(images, new int[] {n, ds.height(), ds.width()}, pixels, false);
        Idx.write(labels, new int[] {n}, y, false);
    }

    private static void delete(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }

    /** The final evaluation the trainer published. */
    public Evaluation published() {
        return events.stream().filter(e -> e instanceof TrainingEvent.Evaluated).map(e ->
                ((TrainingEvent.Evaluated) e).evaluation()).findFirst().orElseThrow();
    }
}
