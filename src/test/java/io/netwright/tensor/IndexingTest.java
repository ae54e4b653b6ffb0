package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.backend.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class IndexingTest {

    /** 0, 1, 2, ... as float32 in the given shape. */
    private static Tensor iota(int... shape) {
        float[] d = new float[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        return Tensor.of(d, shape, TensorOptions.DEFAULT);
    }

    private static float[] f(float... v) {
        return v;
    }

    private static long[] l(long... v) {
        return v;
    }

    private static Tensor longs(long[] v, int... shape) {
        return Tensor.ofLongs(v, shape);
    }

    private static void assertValues(float[] expected, int[] shape, Tensor t) {
        assertArrayEquals(shape, t.sizes(), "shape");
        assertArrayEquals(expected, t.toFloatArray(), 1e-6f);
    }

    private static <T extends Throwable> void assertMessage(Class<T> type, String part, Executable call) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
    }

    // ================================================================ index(String)

    @Test
    void indexIntegerSelectsAndDropsTheDim() {
        Tensor x = iota(2, 3, 4);
        Tensor r = x.index("1");
        assertArrayEquals(new int[]{3, 4}, r.sizes());
        assertEquals(12f, r.toFloatArray()[0]);
        assertTrue(r.sharesStorage(x));
        assertValues(f(23), new int[0], x.index("-1, -1, -1"));
    }

    @Test
    void indexSlicesWithOmittedPartsAndSteps() {
        Tensor x = iota(2, 3, 4);
        assertValues(f(4, 5, 6, 7, 8, 9, 10, 11), new int[]{2, 4}, x.index("0, 1:3"));
        assertValues(f(1, 3, 5, 7, 9, 11), new int[]{3, 2}, x.index("0, :, 1::2"));
        assertArrayEquals(new int[]{1, 3, 4}, x.index("1:100").sizes());
        assertArrayEquals(new int[]{1, 3, 4}, x.index("-1:").sizes());
        assertArrayEquals(new int[]{2, 0, 4}, x.index(":, 2:1").sizes());
    }

    @Test
    void indexEllipsisAndNone() {
        Tensor x = iota(2, 3, 4);
        assertValues(f(1, 5, 9, 13, 17, 21), new int[]{2, 3}, x.index("..., 1"));
        assertValues(f(0, 2, 4, 6, 8, 10), new int[]{1, 3, 2}, x.index("None, 0, ..., ::2"));
        assertArrayEquals(new int[]{2, 1, 3, 4, 1}, x.index(":, None, ..., None").sizes());
        assertArrayEquals(new int[]{3, 4}, x.index("1,").sizes());
    }

    @Test
    void emptyOrEllipsisOnlySpecIsAViewOfEverything() {
        Tensor x = iota(2, 3);
        for (String spec : new String[]{"", "...", ":, :"}) {
            Tensor r = x.index(spec);
            assertNotSame(x, r);
            assertTrue(r.sharesStorage(x));
            assertValues(x.toFloatArray(), new int[]{2, 3}, r);
        }
    }

    @Test
    void indexViewWritesThrough() {
        Tensor x = iota(2, 3);
        x.index("1, 1:").fill_(-1);
        assertArrayEquals(f(0, 1, 2, 3, -1, -1), x.toFloatArray());
    }

    @Test
    void indexErrorsNameTheProblem() {
        Tensor x = iota(3, 4);
        assertMessage(IllegalArgumentException.class, "index: too many indices for tensor of dimension 2",
                () -> x.index("0, 0, 0"));
        assertMessage(IndexOutOfBoundsException.class, "index 5 is out of bounds for dimension 0 with size 3",
                () -> x.index("5"));
        assertMessage(IndexOutOfBoundsException.class, "index -5 is out of bounds for dimension 1 with size 4",
                () -> x.index("..., -5"));
        assertMessage(IllegalArgumentException.class, "'a'", () -> x.index("0, a"));
        assertMessage(IllegalArgumentException.class, "(empty)", () -> x.index("0,,1"));
        assertMessage(IllegalArgumentException.class, "'1:2:3:4'", () -> x.index("1:2:3:4"));
        assertMessage(IllegalArgumentException.class, "slice step cannot be zero", () -> x.index("::0"));
        assertMessage(IllegalArgumentException.class, "step must be greater than zero", () -> x.index("::-1"));
        assertMessage(IllegalArgumentException.class, "single ellipsis", () -> x.index("..., ..."));
    }

    @Test
    void indexGradientScattersIntoPlace() {
        GradCheck.check(xs -> xs[0].index("None, 1:, ::2, -1"), GradCheck.randn(1, 3, 4, 5));
        GradCheck.check(xs -> xs[0].index("..., 0").mul(xs[0].index("1")), GradCheck.randn(2, 2, 2));
    }

    // ================================================================ get

    @Test
    void getTakesLeadingIndices() {
        Tensor x = iota(2, 3, 4);
        assertValues(f(20, 21, 22, 23), new int[]{4}, x.get(1, 2));
        assertValues(f(11), new int[0], x.get(0, -1, -1));
        assertMessage(IndexOutOfBoundsException.class, "get: index 3 is out of bounds for dimension 1 with size 3",
                () -> x.get(0, 3));
        assertMessage(IllegalArgumentException.class, "too many indices", () -> x.get(0, 0, 0, 0));
    }

    // ================================================================ index(Tensor)

    @Test
    void boolMaskOverLeadingDimsPicksRows() {
        Tensor x = iota(3, 2);
        Tensor rows = x.index(Tensor.ofBools(new boolean[]{true, false, true}));
        assertValues(f(0, 1, 4, 5), new int[]{2, 2}, rows);
        assertFalse(rows.sharesStorage(x));
        Tensor all = x.index(x.gt(2.0));
        assertValues(f(3, 4, 5), new int[]{3}, all);
        assertArrayEquals(new int[]{0, 2}, x.index(Tensor.ofBools(new boolean[3])).sizes());
    }

    @Test
    void boolMaskShapeMustMatch() {
        Tensor x = iota(3, 2);
        assertMessage(IllegalArgumentException.class, "The shape of the mask [2] at index 0 does not match the shape"
                + " of the indexed tensor [3, 2] at index 0", () -> x.index(Tensor.ofBools(new boolean[2])));
    }

    @Test
    void longIndexPicksRowsInIndexShapeWithNegatives() {
        Tensor x = iota(3, 2);
        Tensor r = x.index(longs(l(2, 0, -1, 1), 2, 2));
        assertValues(f(4, 5, 0, 1, 4, 5, 2, 3), new int[]{2, 2, 2}, r);
        assertMessage(IndexOutOfBoundsException.class, "index 3 is out of bounds for dimension 0 with size 3",
                () -> x.index(longs(l(0, 3))));
        assertMessage(IllegalArgumentException.class, "tensors used as indices must be long or bool",
                () -> x.index(Tensor.of(f(0, 1))));
    }

    @Test
    void tensorIndexGradientsAccumulateRepeats() {
        Tensor idx = longs(l(1, 1, 0, -1), 2, 2);
        GradCheck.check(xs -> xs[0].index(idx), GradCheck.randn(2, 3, 2));
        Tensor mask = Tensor.ofBools(new boolean[]{true, false, true, true, false, true}, 2, 3);
        GradCheck.check(xs -> xs[0].index(mask), GradCheck.randn(3, 2, 3, 2));
    }

    // ================================================================ index_select

    @Test
    void indexSelectAlongEachDim() {
        Tensor x = iota(3, 4);
        assertValues(f(3, 0, 3, 7, 4, 7, 11, 8, 11), new int[]{3, 3}, x.indexSelect(1, longs(l(3, 0, 3))));
        assertValues(f(8, 9, 10, 11, 0, 1, 2, 3), new int[]{2, 4}, x.indexSelect(0, longs(l(2, 0))));
        assertValues(f(4, 5, 6, 7), new int[]{1, 4}, x.indexSelect(0, Tensor.ofLongs(l(1), new int[0])));
        assertArrayEquals(new int[]{3, 0}, x.indexSelect(-1, longs(l())).sizes());
    }

    @Test
    void indexSelectOnStridedInputAndIndex() {
        Tensor x = iota(3, 4).t();                             // [4, 3], strides [1, 4]
        Tensor idx = longs(l(2, 9, 0, 9, 1)).slice(0, 0, 5, 2); // [2, 0, 1] with stride 2
        assertValues(f(8, 0, 4, 9, 1, 5, 10, 2, 6, 11, 3, 7), new int[]{4, 3}, x.indexSelect(1, idx));
    }

    @Test
    void indexSelectFollowsPyTorchChecks() {
        Tensor x = iota(3, 4);
        assertMessage(IndexOutOfBoundsException.class, "does not accept negative indices",
                () -> x.indexSelect(0, longs(l(-1))));
        assertMessage(IndexOutOfBoundsException.class, "index 4 is out of bounds for dimension 1 with size 4",
                () -> x.indexSelect(1, longs(l(4))));
        assertMessage(IllegalArgumentException.class, "Index is supposed to be a vector",
                () -> x.indexSelect(0, longs(l(0, 1), 1, 2)));
        assertMessage(IllegalArgumentException.class, "Expected dtype int64 for index",
                () -> x.indexSelect(0, Tensor.of(f(0))));
    }

    @Test
    void indexSelectGradient() {
        Tensor idx = longs(l(2, 0, 2, 2));
        GradCheck.check(xs -> xs[0].t().indexSelect(1, idx), GradCheck.randn(2, 3, 2));
        GradCheck.check(xs -> xs[0].indexSelect(0, idx), GradCheck.randn(3, 3, 2));
    }

    @Test
    void flipReversesWithGradient() {
        Tensor x = iota(2, 3);
        assertValues(f(5, 4, 3, 2, 1, 0), new int[]{2, 3}, x.flip(0, 1));
        assertValues(f(2, 1, 0, 5, 4, 3), new int[]{2, 3}, x.flip(-1));
        GradCheck.check(xs -> xs[0].flip(1), GradCheck.randn(4, 2, 3));
    }

    // ================================================================ gather / scatter

    @Test
    void gatherPicksAlongDim() {
        Tensor x = Tensor.of(f(1, 2, 3, 4), 2, 2);
        assertValues(f(1, 1, 4, 3), new int[]{2, 2}, x.gather(1, longs(l(0, 0, 1, 0), 2, 2)));
        Tensor y = iota(3, 3);
        // index smaller than self outside dim: reads the leading window
        assertValues(f(6, 4), new int[]{1, 2}, y.gather(0, longs(l(2, 1), 1, 2)));
        assertValues(f(2, 0), new int[]{2}, iota(3).gather(0, longs(l(2, 0))));
    }

    @Test
    void gatherChecksShapesAndRange() {
        Tensor x = iota(2, 2);
        assertMessage(IllegalArgumentException.class, "same number of dimensions",
                () -> x.gather(0, longs(l(0, 1))));
        assertMessage(IllegalArgumentException.class, "Size does not match at dimension 1",
                () -> x.gather(0, longs(l(0, 0, 0), 1, 3)));
        assertMessage(IndexOutOfBoundsException.class, "index 2 is out of bounds for dimension 1 with size 2",
                () -> x.gather(1, longs(l(0, 2), 1, 2)));
    }

    @Test
    void gatherGradientAddsRepeats() {
        Tensor idx = longs(l(0, 0, 2, 1, 1, 1), 2, 3);
        GradCheck.check(xs -> xs[0].gather(1, idx), GradCheck.randn(5, 2, 4));
        GradCheck.check(xs -> xs[0].t().gather(0, idx), GradCheck.randn(6, 3, 3));
    }

    @Test
    void scatterWritesOutOfPlace() {
        Tensor src = iota(2, 5).add(1.0);
        Tensor index = longs(l(0, 1, 2, 0), 1, 4);
        Tensor self = Tensor.zeros(3, 5);
        Tensor r = self.scatter(0, index, src);
        assertValues(f(1, 0, 0, 4, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0), new int[]{3, 5}, r);
        assertArrayEquals(new float[15], self.toFloatArray());
    }

    @Test
    void scatterAddAccumulates() {
        Tensor src = Tensor.ones(2, 5);
        Tensor index = longs(l(0, 1, 2, 0, 0, 1, 2, 0, 0, 1), 2, 5);
        Tensor r = Tensor.zeros(3, 5).scatterAdd(0, index, src);
        assertValues(f(1, 0, 1, 2, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0), new int[]{3, 5}, r);
        Tensor row = Tensor.zeros(2, 3).scatterAdd(1, longs(l(2, 2, 0, 1, 1, 1), 2, 3), iota(2, 3));
        assertValues(f(2, 0, 1, 0, 12, 0), new int[]{2, 3}, row);
    }

    @Test
    void scatterChecksPyTorchRules() {
        Tensor self = Tensor.zeros(2, 3);
        assertMessage(IllegalArgumentException.class, "Expected self.dtype to be equal to src.dtype",
                () -> self.scatter(0, longs(l(0), 1, 1), longs(l(1), 1, 1)));
        assertMessage(IllegalArgumentException.class, "to be smaller size than src",
                () -> self.scatter(1, longs(l(0, 1), 1, 2), Tensor.zeros(1, 1)));
        assertMessage(IndexOutOfBoundsException.class, "index 2 is out of bounds for dimension 0 with size 2",
                () -> self.scatterAdd(0, longs(l(2), 1, 1), Tensor.zeros(1, 1)));
    }

    @Test
    void scatterOnIntegersMakesOneHot() {
        Tensor labels = longs(l(2, 0), 2, 1);
        Tensor oneHot = Tensor.zeros(TensorOptions.of(DType.INT64), 2, 3)
                .scatter(1, labels, Tensor.ofLongs(l(1, 1), 2, 1));
        assertArrayEquals(l(0, 0, 1, 1, 0, 0), oneHot.toLongArray());
    }

    @Test
    void scatterGradients() {
        // unique targets along dim 0 (scatter's gradient is only defined then)
        Tensor idx = longs(l(1, 0, 2, 2, 1, 0), 2, 3);
        GradCheck.check(xs -> xs[0].scatter(0, idx, xs[1]), GradCheck.randn(7, 3, 3), GradCheck.randn(8, 2, 3));
        // src larger than index: the unused part gets zero gradient
        GradCheck.check(xs -> xs[0].scatter(0, idx, xs[1]), GradCheck.randn(7, 3, 3), GradCheck.randn(9, 3, 4));
        Tensor dup = longs(l(1, 1, 0, 1, 1, 0), 2, 3);
        GradCheck.check(xs -> xs[0].scatterAdd(1, dup, xs[1]), GradCheck.randn(3, 2, 2), GradCheck.randn(4, 2, 3));
    }

    // ================================================================ masks

    @Test
    void maskedFillBroadcastsAndKeepsDtype() {
        Tensor x = iota(2, 3);
        Tensor mask = Tensor.ofBools(new boolean[]{true, false, true}, 1, 3);
        assertValues(f(-1, 1, -1, -1, 4, -1), new int[]{2, 3}, x.maskedFill(mask, -1));
        assertArrayEquals(f(0, 1, 2, 3, 4, 5), x.toFloatArray());
        Tensor ints = Tensor.ofLongs(l(5, 6, 7));
        Tensor r = ints.maskedFill(Tensor.ofBools(new boolean[]{false, true, false}), 2.7);
        assertEquals(DType.INT64, r.dtype());
        assertArrayEquals(l(5, 2, 7), r.toLongArray());
        assertMessage(IllegalArgumentException.class, "masked_fill only supports boolean masks",
                () -> x.maskedFill(Tensor.ofLongs(l(1, 0, 1)), 0));
    }

    @Test
    void maskedFillGradientIsZeroWhereFilled() {
        Tensor mask = Tensor.ofBools(new boolean[]{true, false, false, true, true, false}, 2, 3);
        GradCheck.check(xs -> xs[0].maskedFill(mask, 3.5), GradCheck.randn(11, 2, 3));
        Tensor x = Tensor.of(f(1, 2, 3)).requiresGrad_();
        x.maskedFill(Tensor.ofBools(new boolean[]{false, true, false}), 0).sum().backward();
        assertArrayEquals(f(1, 0, 1), x.grad().toFloatArray());
        // a mask that broadcasts the input up: gradients sum back over the broadcast dim
        GradCheck.check(xs -> xs[0].maskedFill(mask, -2), GradCheck.randn(12, 3));
    }

    @Test
    void maskedFillInPlace() {
        Tensor x = iota(2, 3);
        Tensor r = x.maskedFill_(x.gt(3.0), 9);
        assertTrue(r == x);
        assertArrayEquals(f(0, 1, 2, 3, 9, 9), x.toFloatArray());
        x.t().maskedFill_(Tensor.ofBools(new boolean[]{true, false}), -1);   // strided self, broadcast mask
        assertArrayEquals(f(-1, -1, -1, 3, 9, 9), x.toFloatArray());
        assertMessage(IllegalArgumentException.class, "is not broadcastable to self",
                () -> Tensor.zeros(3).maskedFill_(Tensor.ofBools(new boolean[6], 2, 3), 1));
    }

    @Test
    void maskedFillInPlaceRefusesTensorsThatRequireGrad() {
        Tensor w = Tensor.of(f(1, 2)).requiresGrad_();
        Tensor mask = Tensor.ofBools(new boolean[]{true, false});
        assertMessage(IllegalStateException.class, "masked_fill_: a tensor that requires grad",
                () -> w.maskedFill_(mask, 0));
        try (var g = NoGrad.enter()) {
            w.maskedFill_(mask, 0);
        }
        assertArrayEquals(f(0, 2), w.toFloatArray());
    }

    @Test
    void maskedSelectBroadcastsAndFlattens() {
        Tensor x = iota(2, 3);
        assertValues(f(0, 2, 3, 5), new int[]{4}, x.maskedSelect(Tensor.ofBools(new boolean[]{true, false, true})));
        Tensor col = Tensor.of(f(10, 20), 2, 1);
        assertValues(f(10, 20, 20, 20), new int[]{4}, col.maskedSelect(x.gt(2.0).logicalOr(x.eq(0.0))));
        assertArrayEquals(new int[]{0}, x.maskedSelect(x.gt(100.0)).sizes());
    }

    @Test
    void maskedSelectGradient() {
        Tensor mask = Tensor.ofBools(new boolean[]{true, false, true, true, false, true}, 2, 3);
        GradCheck.check(xs -> xs[0].maskedSelect(mask), GradCheck.randn(13, 2, 3));
        GradCheck.check(xs -> xs[0].maskedSelect(mask), GradCheck.randn(14, 2, 1));
    }

    @Test
    void nonzeroListsPositions() {
        Tensor x = Tensor.of(f(0, 1, 2, 0, Float.NaN, 0), 2, 3);
        Tensor nz = x.nonzero();
        assertEquals(DType.INT64, nz.dtype());
        assertArrayEquals(new int[]{3, 2}, nz.sizes());
        assertArrayEquals(l(0, 1, 0, 2, 1, 1), nz.toLongArray());
        assertArrayEquals(new int[]{0, 1}, Tensor.zeros(4).nonzero().sizes());
        assertArrayEquals(l(1, 2), Tensor.ofBools(new boolean[]{false, true, true}).nonzero().toLongArray());
        assertArrayEquals(l(0, 1, 1, 0, 1, 1), iota(2, 2).t().nonzero().toLongArray());
    }

    // ================================================================ sort / topk

    @Test
    void sortIsStableInBothDirections() {
        Tensor x = Tensor.of(f(3, 1, 3, 2, 1));
        ValuesIndices up = x.sort(0, false);
        assertArrayEquals(f(1, 1, 2, 3, 3), up.values().toFloatArray());
        assertArrayEquals(l(1, 4, 3, 0, 2), up.indices().toLongArray());
        ValuesIndices down = x.sort(0, true);
        assertArrayEquals(f(3, 3, 2, 1, 1), down.values().toFloatArray());
        assertArrayEquals(l(0, 2, 3, 1, 4), down.indices().toLongArray());
    }

    @Test
    void sortPutsNanLast() {
        Tensor x = Tensor.of(f(1, Float.NaN, 0, -0.0f, Float.NEGATIVE_INFINITY));
        ValuesIndices up = x.sort(0, false);
        assertArrayEquals(l(4, 2, 3, 0, 1), up.indices().toLongArray());
        ValuesIndices down = x.sort(-1, true);
        assertArrayEquals(l(1, 0, 2, 3, 4), down.indices().toLongArray());
        assertTrue(Float.isNaN(down.values().toFloatArray()[0]));
        float negNan = Float.intBitsToFloat(0xffc00000);
        Tensor edges = Tensor.of(f(negNan, Float.MAX_VALUE, -Float.MIN_VALUE, Float.MIN_VALUE,
                Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY));
        assertArrayEquals(l(4, 2, 3, 1, 5, 0), edges.sort(0, false).indices().toLongArray());
        assertArrayEquals(l(0, 5, 1, 3, 2, 4), edges.sort(0, true).indices().toLongArray());
    }

    @Test
    void sortAlongAnyDimOfStridedInput() {
        Tensor x = Tensor.of(f(5, 1, 4, 2, 6, 0), 2, 3).t();   // [[5, 2], [1, 6], [4, 0]]
        ValuesIndices byCol = x.sort(0, false);
        assertValues(f(1, 0, 4, 2, 5, 6), new int[]{3, 2}, byCol.values());
        assertArrayEquals(l(1, 2, 2, 0, 0, 1), byCol.indices().toLongArray());
        ValuesIndices byRow = x.sort(1, true);
        assertValues(f(5, 2, 6, 1, 4, 0), new int[]{3, 2}, byRow.values());
        assertArrayEquals(l(0, 1, 1, 0, 0, 1), byRow.indices().toLongArray());
        Tensor cube = iota(2, 3, 2).neg();
        assertArrayEquals(l(2, 2, 1, 1, 0, 0, 2, 2, 1, 1, 0, 0), cube.sort(1, false).indices().toLongArray());
    }

    @Test
    void sortLongsExactly() {
        long big = 1L << 53;
        Tensor x = Tensor.ofLongs(l(big + 1, big, -3));
        ValuesIndices s = x.sort(0, false);
        assertEquals(DType.INT64, s.values().dtype());
        assertArrayEquals(l(-3, big, big + 1), s.values().toLongArray());
        assertArrayEquals(l(2, 1, 0), s.indices().toLongArray());
    }

    @Test
    void sortOfScalar() {
        ValuesIndices s = Tensor.scalar(4).sort(0, false);
        assertArrayEquals(new int[0], s.values().sizes());
        assertEquals(4f, s.values().item());
        assertEquals(0L, s.indices().itemLong());
    }

    @Test
    void topkLargestAndSmallest() {
        Tensor x = Tensor.of(f(1, 5, 3, 4));
        ValuesIndices hi = x.topk(2, 0, true);
        assertArrayEquals(f(5, 4), hi.values().toFloatArray());
        assertArrayEquals(l(1, 3), hi.indices().toLongArray());
        ValuesIndices lo = x.topk(2, -1, false);
        assertArrayEquals(f(1, 3), lo.values().toFloatArray());
        assertArrayEquals(l(0, 2), lo.indices().toLongArray());
        ValuesIndices cols = iota(3, 2).topk(1, 0, true);
        assertValues(f(4, 5), new int[]{1, 2}, cols.values());
        assertArrayEquals(l(2, 2), cols.indices().toLongArray());
        assertArrayEquals(new int[]{0}, x.topk(0, 0, true).values().sizes());
        assertMessage(IllegalArgumentException.class, "selected index k out of range", () -> x.topk(5, 0, true));
        assertMessage(IllegalArgumentException.class, "Dimension out of range", () -> x.topk(1, 1, true));
    }

    @Test
    void sortAndTopkGradientsScatterBack() {
        GradCheck.check(xs -> xs[0].sort(1, true).values(), GradCheck.distinct(21, 3, 4));
        GradCheck.check(xs -> xs[0].t().sort(1, false).values(), GradCheck.distinct(22, 3, 4));
        GradCheck.check(xs -> xs[0].topk(2, 0, true).values(), GradCheck.distinct(23, 4, 3));
        GradCheck.check(xs -> xs[0].topk(3, -1, false).values(), GradCheck.distinct(24, 2, 5));
    }

    @Test
    void gradFnNamesFollowPyTorch() {
        Tensor x = Tensor.of(f(3, 1, 2)).requiresGrad_();
        assertEquals("IndexSelectBackward", x.indexSelect(0, longs(l(0))).gradFn().label());
        assertEquals("GatherBackward", x.gather(0, longs(l(0))).gradFn().label());
        assertEquals("SortBackward", x.sort(0, false).values().gradFn().label());
        assertEquals("TopkBackward", x.topk(1, 0, true).values().gradFn().label());
        assertEquals("MaskedFillBackward", x.maskedFill(x.gt(1.0), 0).gradFn().label());
        assertEquals("ScatterAddBackward", x.scatterAdd(0, longs(l(0)), x).gradFn().label());
    }
}
