package io.netwright.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Train/eval behaviour, reproducibility and the functional facade beyond the single-step golden cases. */
class LayerBehaviourTest {

    @Test
    void dropoutIsReproducibleWithASeededGeneratorAndTheIdentityInEval() {
        Tensor x = Tensor.ones(64, 32);
        Tensor a = new Dropout(0.5, new Generator(9)).call(x);
        Tensor b = new Dropout(0.5, new Generator(9)).call(x);
        assertTrue(a.equal(b));
        Dropout d = new Dropout(0.5, new Generator(10));
        assertTrue(!d.call(x).equal(a), "another seed gives another mask");
        d.eval();
        assertSame(x, d.call(x));
        float kept = 0;
        for (float v : a.toFloatArray()) {
            kept += v != 0 ? 1 : 0;
        }
        assertEquals(0.5, kept / x.numel(), 0.05);
    }

    @Test
    void dropoutDefaultsToTheDefaultGeneratorAndCanBeReseeded() {
        Dropout d = new Dropout(0.3);
        assertSame(Generator.defaultGenerator(), d.generator());
        Generator g = new Generator(1);
        assertSame(g, d.generator(g).generator());
    }

    @Test
    void batchNormWithoutMomentumKeepsACumulativeAverage() {
        BatchNorm1d bn = new BatchNorm1d(2, 1e-5, null, true, true);
        Generator g = new Generator(4);
        double[] sum = new double[2];
        for (int step = 0; step < 3; step++) {
            Tensor x = Tensor.randn(g, 5, 2).mul(step + 1).add(step);
            bn.call(x);
            float[] m = x.mean(0).toFloatArray();
            sum[0] += m[0];
            sum[1] += m[1];
        }
        assertEquals(3, bn.numBatchesTracked().itemLong());
        float[] rm = bn.runningMean().toFloatArray();
        assertEquals(sum[0] / 3, rm[0], 1e-5);
        assertEquals(sum[1] / 3, rm[1], 1e-5);
    }

    @Test
    void batchNormUsesRunningStatisticsInEval() {
        BatchNorm2d bn = new BatchNorm2d(3);
        Tensor x = Tensor.randn(new Generator(5), 4, 3, 2, 2).mul(3).add(1);
        bn.eval();
        // fresh running stats are mean 0, var 1: eval is (x - 0) / sqrt(1 + eps)
        assertTrue(bn.call(x).allclose(x.div(Math.sqrt(1 + 1e-5)), 1e-5, 1e-6));
        assertEquals(0, bn.numBatchesTracked().itemLong(), "eval does not update the statistics");
    }

    @Test
    void batchNormRefusesOneValuePerChannelInTraining() {
        BatchNorm1d bn = new BatchNorm1d(4);
        var e = assertThrows(IllegalArgumentException.class, () -> bn.call(Tensor.randn(1, 4)));
        assertTrue(e.getMessage().contains("Expected more than 1 value per channel when training"), e.getMessage());
        bn.eval();
        assertArrayEquals(new int[]{1, 4}, bn.call(Tensor.randn(1, 4)).sizes());
    }

    @Test
    void embeddingPaddingRowGetsNoGradient() {
        Embedding emb = new Embedding(5, 2, 0, new Generator(1));
        Tensor idx = Tensor.ofLongs(new long[]{0, 1, 1, 0, 4}, 5);
        emb.call(idx).sum().backward();
        assertArrayEquals(new float[]{0, 0, 2, 2, 0, 0, 0, 0, 1, 1}, emb.weight().grad().toFloatArray());
    }

    @Test
    void unbatchedInputsKeepTheirRank() {
        assertArrayEquals(new int[]{4, 5, 5}, Conv2d.builder(2, 4, 3).padding(1).build().call(Tensor.randn(2, 5, 5))
                .sizes());
        assertArrayEquals(new int[]{2, 2, 2}, new MaxPool2d(2).call(Tensor.randn(2, 4, 4)).sizes());
        assertArrayEquals(new int[]{2, 1, 1}, new AdaptiveAvgPool2d(1).call(Tensor.randn(2, 4, 4)).sizes());
        assertArrayEquals(new int[]{2, 6, 6}, new ZeroPad2d(1).call(Tensor.randn(2, 4, 4)).sizes());
    }

    @Test
    void functionalFacadeMatchesTheModules() {
        Tensor x = Tensor.randn(new Generator(3), 4, 6);
        assertTrue(F.gelu(x).allclose(new GELU().call(x), 0, 0));
        assertTrue(F.gelu(x, "tanh").allclose(new GELU("tanh").call(x), 0, 0));
        assertTrue(F.silu(x).allclose(new SiLU().call(x), 0, 0));
        assertTrue(F.elu(x, 1).allclose(new ELU().call(x), 0, 0));
        assertTrue(F.relu(x).allclose(new ReLU().call(x), 0, 0));
        assertTrue(F.softmax(x, 1).allclose(new Softmax(1).call(x), 0, 0));
        assertTrue(F.layerNorm(x, new int[]{6}, null, null, 1e-5).allclose(new LayerNorm(6).call(x), 1e-6, 1e-6));
        Tensor t = Tensor.ofLongs(new long[]{0, 5, 2, 3});
        assertTrue(F.crossEntropy(x, t).allclose(new CrossEntropyLoss().forward(x, t), 0, 0));
        assertTrue(F.nllLoss(x.logSoftmax(1), t).allclose(new NLLLoss().forward(x.logSoftmax(1), t), 0, 0));
        assertTrue(F.mseLoss(x, x.mul(2)).allclose(new MSELoss().forward(x, x.mul(2)), 0, 0));
        assertArrayEquals(new int[]{4, 6}, F.pad(Tensor.ones(2, 3), 1, 2, 1, 1, 7).sizes());
        assertEquals(7f, F.pad(Tensor.ones(2, 3), 1, 2, 1, 1, 7).get(0, 0).item());
    }

    @Test
    void crossEntropyWithAllTargetsIgnoredIsNaNLikePyTorch() {
        Tensor x = Tensor.randn(3, 4);
        Tensor t = Tensor.ofLongs(new long[]{-100, -100, -100});
        assertTrue(Float.isNaN(new CrossEntropyLoss().forward(x, t).item()));
        assertEquals(0f, new CrossEntropyLoss(Reduction.SUM).forward(x, t).item());
    }

    @Test
    void reductionParsesPyTorchNames() {
        assertEquals(Reduction.MEAN, Reduction.of("mean"));
        assertEquals("sum", Reduction.SUM.torchName());
        assertThrows(IllegalArgumentException.class, () -> Reduction.of("avg"));
    }
}
