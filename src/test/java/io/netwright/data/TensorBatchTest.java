package io.netwright.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.backend.DType;
import io.netwright.data.formats.SampleData;
import io.netwright.data.formats.Split;
import io.netwright.data.transforms.Compose;
import io.netwright.data.transforms.Normalize;
import io.netwright.data.transforms.RandomCrop;
import io.netwright.data.transforms.RandomHorizontalFlip;
import io.netwright.data.transforms.ToTensor;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts that make tensors: the default collate, TensorDataset, and the loader end to end on the sample set. */
class TensorBatchTest {

    @Test
    void defaultCollateMakesFloatInputsAndLongTargets() {
        ByteImage a = new ByteImage(1, 2, 2, new byte[]{0, (byte) 255, 51, 102});
        try (Batch b = Collate.<Sample<ByteImage>>batch().apply(List.of(new Sample<>(a, 3), new Sample<>(a, 1)))) {
            assertArrayEquals(new int[]{2, 1, 2, 2}, b.inputs().sizes());
            assertEquals(DType.FLOAT32, b.inputs().dtype());
            assertEquals(DType.INT64, b.targets().dtype());
            assertArrayEquals(new long[]{3, 1}, b.targets().toLongArray());
            assertArrayEquals(new float[]{0, 1, 0.2f, 0.4f, 0, 1, 0.2f, 0.4f}, b.inputs().toFloatArray(), 1e-7f);
            assertEquals(2, b.size());
        }
    }

    @Test
    void tensorDatasetRowsCollateBackIntoABatch() {
        Tensor x = Tensor.of(new float[]{0, 1, 2, 3, 4, 5}, 3, 2);
        Tensor y = Tensor.ofLongs(new long[]{7, 8, 9}, 3);
        TensorDataset ds = new TensorDataset(x, y);
        assertEquals(3, ds.size());
        assertArrayEquals(new float[]{2, 3}, ds.get(1).get(0).toFloatArray());
        try (var dl = DataLoader.builder(ds).batchSize(2).build()) {
            List<Batch> batches = new ArrayList<>();
            dl.epoch(0).forEach(batches::add);
            assertEquals(2, batches.size());
            assertArrayEquals(new float[]{0, 1, 2, 3}, batches.get(0).inputs().toFloatArray());
            assertArrayEquals(new long[]{9}, batches.get(1).targets().toLongArray());
        }
        List<Tensor> stacked = Collate.stack().apply(List.of(ds.get(2), ds.get(0)));
        assertArrayEquals(new float[]{4, 5, 0, 1}, stacked.get(0).toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> new TensorDataset(x, Tensor.ofLongs(new long[]{1}, 1)));
    }

    @Test
    void hostPermutationMatchesTensorRandperm() {
        long[] t = Tensor.randperm(new Generator(77), 500).toLongArray();
        int[] h = Draws.permutation(new Generator(77), 500);
        for (int i = 0; i < 500; i++) {
            assertEquals(t[i], h[i]);
        }
    }

    @Test
    void augmentedSampleBatchesAreIdenticalForAnyWorkerCount() throws IOException {
        var train = new TransformedDataset<>(SampleData.fashionMnist(Split.TRAIN), Compose.of(new ToTensor(),
                new RandomCrop(28, 2), new RandomHorizontalFlip(), new Normalize(new double[]{0.286},
                        new double[]{0.353})));
        List<float[]> reference = null;
        for (int workers : new int[]{0, 1, 3}) {
            List<float[]> got = new ArrayList<>();
            try (var dl = DataLoader.builder(new Subset<>(train, range(300))).batchSize(64).shuffle(true).seed(3)
                    .numWorkers(workers).build()) {
                for (int epoch = 0; epoch < 2; epoch++) {
                    for (Batch b : dl.epoch(epoch)) {
                        try (b) {
                            assertEquals(28, b.inputs().size(2));
                            got.add(b.inputs().toFloatArray());
                            got.add(toFloats(b.targets().toLongArray()));
                        }
                    }
                }
            }
            if (reference == null) {
                reference = got;
            } else {
                assertEquals(reference.size(), got.size());
                for (int i = 0; i < got.size(); i++) {
                    assertArrayEquals(reference.get(i), got.get(i), "array " + i + " with " + workers + " workers");
                }
            }
        }
        assertTrue(reference.size() == 2 * 2 * 5);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static float[] toFloats(long[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = v[i];
        }
        return f;
    }
}
