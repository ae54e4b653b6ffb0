package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.backend.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorBasicsTest {

    @Test
    void viewsShareStorage() {
        Tensor x = Tensor.zeros(2, 3);
        Tensor row = x.select(0, 1);
        try (var g = NoGrad.enter()) {
            row.fill_(7);
        }
        assertArrayEquals(new float[]{0, 0, 0, 7, 7, 7}, x.toFloatArray(), 0f);
        assertTrue(row.sharesStorage(x));
    }

    @Test
    void transposeIsAViewAndContiguousCopies() {
        Tensor x = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor t = x.t();
        assertFalse(t.isContiguous());
        assertArrayEquals(new float[]{1, 4, 2, 5, 3, 6}, t.toFloatArray(), 0f);
        Tensor c = t.contiguous();
        assertTrue(c.isContiguous());
        assertArrayEquals(new int[]{3, 2}, c.sizes());
    }

    @Test
    void viewOfNonContiguousFailsWithAdvice() {
        Tensor t = Tensor.zeros(2, 3).t();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.view(6));
        assertTrue(e.getMessage().contains("reshape"), e.getMessage());
        assertArrayEquals(new int[]{6}, t.reshape(6).sizes());
    }

    @Test
    void reshapeInfersMinusOne() {
        assertArrayEquals(new int[]{4, 6}, Tensor.zeros(2, 3, 4).reshape(4, -1).sizes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).reshape(4, -1));
        assertTrue(e.getMessage().contains("invalid for input of size 6"), e.getMessage());
    }

    @Test
    void broadcastingErrorNamesOpAndShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        assertTrue(e.getMessage().startsWith("add: shapes [2, 3] and [4]"), e.getMessage());
    }

    @Test
    void matmulErrorNamesInnerDimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)));
        assertEquals("matmul: (2x3) @ (4x5): inner dimensions 3 and 4 differ", e.getMessage());
    }

    @Test
    void dimOutOfRangeUsesPyTorchWording() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).sum(2));
        assertEquals("sum: Dimension out of range (expected to be in range of [-2, 1], but got 2)", e.getMessage());
    }

    @Test
    void typePromotion() {
        Tensor i = Tensor.ofLongs(new long[]{1, 2});
        assertEquals(DType.INT64, i.add(i).dtype());
        assertEquals(DType.FLOAT32, i.add(Tensor.of(new float[]{0.5f, 0.5f})).dtype());
        assertEquals(DType.FLOAT32, i.div(i).dtype());
        assertEquals(DType.BOOL, i.gt(1.0).dtype());
        assertArrayEquals(new long[]{3, 6}, i.mul(3.0).toLongArray());
    }

    @Test
    void creationFunctions() {
        assertArrayEquals(new long[]{0, 1, 2, 3}, Tensor.arange(4).toLongArray());
        assertArrayEquals(new long[]{5, 3, 1}, Tensor.arange(5, 0, -2).toLongArray());
        assertArrayEquals(new float[]{0f, 0.25f, 0.5f, 0.75f, 1f}, Tensor.linspace(0, 1, 5).toFloatArray(), 1e-7f);
        assertArrayEquals(new float[]{1, 0, 0, 0, 1, 0}, Tensor.eye(2, 3).toFloatArray(), 0f);
        assertArrayEquals(new float[]{7, 7}, Tensor.full(new int[]{2}, 7).toFloatArray(), 0f);
    }

    @Test
    void seededRandomIsReproducible() {
        Tensor a = Tensor.randn(new Generator(7), 100);
        Tensor b = Tensor.randn(new Generator(7), 100);
        assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
        Generator g = new Generator(7);
        Tensor c1 = Tensor.rand(g, 10);
        Tensor c2 = Tensor.rand(g, 10);
        assertFalse(c1.equal(c2));
        long[] perm = Tensor.randperm(new Generator(1), 10).toLongArray();
        assertEquals(45, java.util.Arrays.stream(perm).sum());
        long[] ints = Tensor.randint(new Generator(3), 2, 5, 1000).toLongArray();
        assertTrue(java.util.Arrays.stream(ints).allMatch(v -> v >= 2 && v < 5));
    }

    @Test
    void catStackSplitChunk() {
        Tensor a = Tensor.of(new float[]{1, 2}, 1, 2);
        Tensor b = Tensor.of(new float[]{3, 4, 5, 6}, 2, 2);
        Tensor c = Tensor.cat(List.of(a, b), 0);
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6}, c.toFloatArray(), 0f);
        Tensor s = Tensor.stack(List.of(a, a), 0);
        assertArrayEquals(new int[]{2, 1, 2}, s.sizes());
        List<Tensor> parts = c.split(2, 0);
        assertEquals(2, parts.size());
        assertArrayEquals(new int[]{1, 2}, parts.get(1).sizes());
        assertEquals(3, Tensor.arange(0.0, 7.0, 1.0).chunk(3, 0).size());
        assertEquals(3, c.unbind(0).size());
    }

    @Test
    void repeatAndExpand() {
        Tensor x = Tensor.of(new float[]{1, 2});
        assertArrayEquals(new float[]{1, 2, 1, 2, 1, 2, 1, 2}, x.repeat(2, 2).toFloatArray(), 0f);
        assertArrayEquals(new int[]{3, 2}, x.expand(3, -1).sizes());
    }

    @Test
    void reductionsWithKeepdim() {
        Tensor x = Tensor.of(new float[]{1, 5, 3, 4, 2, 6}, 2, 3);
        assertArrayEquals(new float[]{9, 12}, x.sum(1).toFloatArray(), 1e-6f);
        assertArrayEquals(new int[]{2, 1}, x.sum(1, true).sizes());
        ValuesIndices m = x.max(1, false);
        assertArrayEquals(new float[]{5, 6}, m.values().toFloatArray(), 0f);
        assertArrayEquals(new long[]{1, 2}, m.indices().toLongArray());
        assertEquals(3.5f, x.mean().item(), 1e-6f);
        assertEquals(3.5f, x.var().item(), 1e-5f);
        assertArrayEquals(new long[]{0, 1}, x.argmin(1, false).toLongArray());
    }

    @Test
    void softmaxIsStableForLargeInputs() {
        Tensor x = Tensor.of(new float[]{1000, 1001, 1002});
        float[] p = x.softmax(0).toFloatArray();
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-6);
        assertEquals(0.6652409, p[2], 1e-6);
        float[] lp = x.logSoftmax(0).toFloatArray();
        assertEquals(-0.40760596, lp[2], 1e-5);
    }

    @Test
    void matmulCases() {
        Tensor a = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor v = Tensor.of(new float[]{1, 0, -1});
        assertArrayEquals(new float[]{-2, -2}, a.matmul(v).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[]{-3, -3, -3}, Tensor.of(new float[]{1, -1}).matmul(a).toFloatArray(), 1e-6f);
        assertEquals(2f, v.dot(v).item(), 1e-6f);
        Tensor batch = Tensor.ones(4, 2, 3);
        assertArrayEquals(new int[]{4, 2, 2}, batch.matmul(a.t()).sizes());
        assertArrayEquals(new int[]{4, 2, 2}, a.matmul(batch.transpose(1, 2)).sizes());
    }

    @Test
    void printsLikePyTorch() {
        assertEquals("tensor([1., 2., 3.])", Tensor.of(new float[]{1, 2, 3}).toString());
        assertEquals("tensor([[1.5000, 2.0000],\n        [3.0000, 4.0000]])",
                Tensor.of(new float[]{1.5f, 2, 3, 4}, 2, 2).toString());
        assertEquals("tensor([0, 1, 2])", Tensor.arange(3).toString());
        assertEquals("tensor([ True, False])", Tensor.ofBools(new boolean[]{true, false}).toString());
        assertEquals("tensor(2.5000)", Tensor.scalar(2.5).toString());
        assertEquals("tensor([1., 2.], requires_grad=True)", Tensor.of(new float[]{1, 2}).requiresGrad_().toString());
        assertEquals("tensor([2., 4.], grad_fn=<MulBackward0>)",
                Tensor.of(new float[]{1, 2}).requiresGrad_().mul(2.0).toString());
    }

    @Test
    void clampAndComparisons() {
        Tensor x = Tensor.of(new float[]{-2, 0.5f, 3});
        assertArrayEquals(new float[]{-1, 0.5f, 1}, x.clamp(-1, 1).toFloatArray(), 0f);
        assertArrayEquals(new boolean[]{false, true, true}, x.gt(0.0).toBooleanArray());
        assertTrue(x.allclose(Tensor.of(new float[]{-2, 0.5f, 3.000001f}), 1e-5, 1e-8));
    }
}
