package io.netwright.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** PyTorch's default initialisation of every layer with parameters, checked by its bounds and statistics. */
class LayerInitTest {

    /** Values lie in [-bound, bound], reach close to it, and have the mean and std of U(-bound, bound). */
    private static void assertUniform(String what, Tensor t, double bound) {
        float[] v = t.toFloatArray();
        double sum = 0;
        double sq = 0;
        double max = 0;
        for (float x : v) {
            assertTrue(Math.abs(x) <= bound * (1 + 1e-6), what + ": " + x + " outside +-" + bound);
            sum += x;
            sq += x * x;
            max = Math.max(max, Math.abs(x));
        }
        double mean = sum / v.length;
        double std = Math.sqrt(sq / v.length - mean * mean);
        double wantStd = bound / Math.sqrt(3);
        assertTrue(max > 0.97 * bound, what + ": max |w| " + max + " far below the bound " + bound);
        assertEquals(0, mean, 4 * wantStd / Math.sqrt(v.length), what + ": mean");
        assertEquals(wantStd, std, 0.05 * wantStd, what + ": std");
    }

    @Test
    void conv2dUsesKaimingUniformWithBoundOneOverSqrtFanIn() {
        var conv = Conv2d.builder(16, 32, 3).generator(new Generator(1)).build();
        assertUniform("Conv2d weight", conv.weight().data(), 1 / Math.sqrt(16 * 9));
        float[] b = conv.bias().data().toFloatArray();
        for (float x : b) {
            assertTrue(Math.abs(x) <= 1 / Math.sqrt(16 * 9));
        }
    }

    @Test
    void groupedConvFanInCountsOnlyTheGroupsChannels() {
        var conv = Conv2d.builder(8, 64, 3).groups(4).generator(new Generator(2)).build();
        assertArrayEquals(new int[]{64, 2, 3, 3}, conv.weight().data().sizes());
        assertUniform("grouped Conv2d weight", conv.weight().data(), 1 / Math.sqrt(2 * 9));
    }

    @Test
    void linearUsesKaimingUniformWithBoundOneOverSqrtFanIn() {
        var fc = new Linear(256, 128, true, new Generator(3));
        assertUniform("Linear weight", fc.weight().data(), 1 / 16.0);
        assertUniform("Linear bias", fc.bias().data(), 1 / 16.0 * 1.0001);
    }

    @Test
    void convTransposeFanInIsOutChannelsTimesKernel() {
        var up = ConvTranspose2d.builder(32, 16, 3).generator(new Generator(4)).build();
        assertArrayEquals(new int[]{32, 16, 3, 3}, up.weight().data().sizes());
        assertUniform("ConvTranspose2d weight", up.weight().data(), 1 / Math.sqrt(16 * 9));
    }

    @Test
    void sameSeedGivesSameWeights() {
        var a = Conv2d.builder(3, 6, 5).generator(new Generator(42)).build();
        var b = Conv2d.builder(3, 6, 5).generator(new Generator(42)).build();
        assertTrue(a.weight().data().equal(b.weight().data()));
        assertTrue(a.bias().data().equal(b.bias().data()));
    }

    @Test
    void embeddingIsStandardNormalWithZeroPaddingRow() {
        var emb = new Embedding(2000, 16, 5, new Generator(5));
        float[] w = emb.weight().data().toFloatArray();
        double sum = 0;
        double sq = 0;
        for (float x : w) {
            sum += x;
            sq += x * x;
        }
        assertEquals(0, sum / w.length, 0.02);
        assertEquals(1, Math.sqrt(sq / w.length), 0.02);
        for (int j = 0; j < 16; j++) {
            assertEquals(0f, w[5 * 16 + j]);
        }
    }

    @Test
    void normalisationLayersStartAtIdentity() {
        var bn = new BatchNorm2d(4);
        assertArrayEquals(new float[]{1, 1, 1, 1}, bn.weight().data().toFloatArray());
        assertArrayEquals(new float[]{0, 0, 0, 0}, bn.bias().data().toFloatArray());
        assertArrayEquals(new float[]{0, 0, 0, 0}, bn.runningMean().toFloatArray());
        assertArrayEquals(new float[]{1, 1, 1, 1}, bn.runningVar().toFloatArray());
        assertEquals(0, bn.numBatchesTracked().itemLong());
        assertEquals(0, bn.numBatchesTracked().dim());
        var ln = new LayerNorm(3, 2);
        assertArrayEquals(new float[]{1, 1, 1, 1, 1, 1}, ln.weight().data().toFloatArray());
        assertArrayEquals(new float[]{0.25f, 0.25f}, new PReLU(2, 0.25).weight().data().toFloatArray());
    }
}
