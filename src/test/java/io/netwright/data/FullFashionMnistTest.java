package io.netwright.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netwright.data.formats.Mnist;
import io.netwright.data.formats.Split;
import io.netwright.data.transforms.Compose;
import io.netwright.data.transforms.Normalize;
import io.netwright.data.transforms.RandomCrop;
import io.netwright.data.transforms.RandomHorizontalFlip;
import io.netwright.data.transforms.ToTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The full Fashion-MNIST as Debian packages it ({@code apt-get install dataset-fashion-mnist}): load time and
 * DataLoader throughput. Tagged slow; skipped where the files are missing. Prints its figures.
 */
@Tag("slow")
class FullFashionMnistTest {

    private static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void loadsSixtyThousandImagesAndBatchesThemQuickly() throws IOException {
        assumeTrue(Files.isDirectory(DIR), "no " + DIR);
        long t0 = System.nanoTime();
        ImageDataset train = Mnist.fashion(DIR, Split.TRAIN);
        ImageDataset test = Mnist.fashion(DIR, Split.TEST);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        int[] six = new int[10];
        Arrays.fill(six, 6000);
        assertArrayEquals(six, train.classCounts());
        System.out.printf("Fashion-MNIST: 60,000 + 10,000 images loaded in %.0f ms%n", loadMs);

        for (int workers : new int[]{0, 2}) {
            rate("plain, " + workers + " workers", DataLoader.builder(train).batchSize(64).shuffle(true).seed(1)
                    .numWorkers(workers).build());
        }
        var augmented = new TransformedDataset<>(train, Compose.of(new ToTensor(), new RandomCrop(28, 2),
                new RandomHorizontalFlip(), new Normalize(new double[]{0.286}, new double[]{0.353})));
        for (int workers : new int[]{0, 2}) {
            rate("crop+flip+normalize, " + workers + " workers", DataLoader.builder(augmented).batchSize(64)
                    .shuffle(true).seed(1).numWorkers(workers).build());
        }
    }

    private static <T> void rate(String what, DataLoader<T, Batch> loader) {
        try (loader) {
            for (int epoch = 0; epoch < 2; epoch++) { // epoch 0 warms up the JIT
                long t0 = System.nanoTime();
                int n = 0;
                for (Batch b : loader.epoch(epoch)) {
                    try (b) {
                        n++;
                    }
                }
                double s = (System.nanoTime() - t0) / 1e9;
                if (epoch == 1) {
                    System.out.printf("  %-34s %5d batches of 64 in %.2f s: %6.0f batches/s, %7.0f images/s%n",
                            what, n, s, n / s, n * 64 / s);
                }
            }
        }
    }
}
