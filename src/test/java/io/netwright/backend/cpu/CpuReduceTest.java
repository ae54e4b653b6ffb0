package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.ReduceOp;
import io.netwright.backend.View;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.netwright.backend.cpu.CpuTestSupport.assertClose;
import static io.netwright.backend.cpu.CpuTestSupport.bools;
import static io.netwright.backend.cpu.CpuTestSupport.floats;
import static io.netwright.backend.cpu.CpuTestSupport.longs;
import static io.netwright.backend.cpu.CpuTestSupport.numel;
import static io.netwright.backend.cpu.CpuTestSupport.strided;
import static io.netwright.backend.cpu.CpuTestSupport.unravel;
import static io.netwright.backend.cpu.CpuTestSupport.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CpuReduceTest {

    private static final CpuBackend B = CpuTestSupport.backend(2);

    @AfterAll
    static void close() {
        B.close();
    }

    /** Naive reference: visits every element and folds it into its output slot. */
    private static float[] reference(ReduceOp op, float[] x, int[] shape, int[] dims) {
        int[] outShape = shape.clone();
        for (int d : dims) {
            outShape[d] = 1;
        }
        int n = numel(outShape);
        double[] acc = new double[n];
        long[] arg = new long[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < x.length; i++) {
            int[] idx = unravel(i, shape);
            int along = dims.length == 1 ? idx[dims[0]] : 0;
            for (int d : dims) {
                idx[d] = 0;
            }
            int o = 0;
            for (int d = 0; d < shape.length; d++) {
                o = o * outShape[d] + idx[d];
            }
            double v = x[i];
            if (!seen[o]) {
                seen[o] = true;
                acc[o] = v;
                arg[o] = along;
                continue;
            }
            switch (op) {
                case SUM -> acc[o] += v;
                case PROD -> acc[o] *= v;
                case MAX -> acc[o] = Double.isNaN(acc[o]) || Double.isNaN(v) ? Double.NaN : Math.max(acc[o], v);
                case MIN -> acc[o] = Double.isNaN(acc[o]) || Double.isNaN(v) ? Double.NaN : Math.min(acc[o], v);
                case ARGMAX, ARGMIN -> {
                    boolean better = op == ReduceOp.ARGMAX ? v > acc[o] : v < acc[o];
                    if (!Double.isNaN(acc[o]) && (better || Double.isNaN(v))) {
                        acc[o] = v;
                        arg[o] = along;
                    }
                }
            }
        }
        float[] out = new float[n];
        for (int o = 0; o < n; o++) {
            out[o] = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN ? arg[o] : (float) acc[o];
        }
        return out;
    }

    @Test
    void everyDimSubsetMatchesReferenceOnStridedInput() {
        int[] shape = {3, 4, 5};
        float[] x = CpuTestSupport.randomFloats(new Random(1), 60);
        x[7] = Float.NaN;
        int[][] subsets = {{}, {0}, {1}, {2}, {0, 1}, {0, 2}, {1, 2}, {0, 1, 2}, {2, 0}};
        for (ReduceOp op : new ReduceOp[] {ReduceOp.SUM, ReduceOp.PROD, ReduceOp.MAX, ReduceOp.MIN}) {
            for (int[] dims : subsets) {
                int[] outShape = shape.clone();
                for (int d : dims) {
                    outShape[d] = 1;
                }
                View out = strided(B, DType.FLOAT32, new float[numel(outShape)], outShape, 4);
                B.reduce(op, strided(B, DType.FLOAT32, x, shape, 3), dims, out);
                assertClose(reference(op, x, shape, dims), B.copyOutFloat(out), 1e-5,
                        op + " " + java.util.Arrays.toString(dims));
            }
        }
    }

    @Test
    void outerDimReductionsMatchReference() {
        int[] shape = {7, 3, 33};
        float[] x = CpuTestSupport.randomFloats(new Random(2), 7 * 3 * 33);
        x[40] = Float.NaN;
        int[][] subsets = {{0}, {0, 1}, {1}};
        for (ReduceOp op : new ReduceOp[] {ReduceOp.SUM, ReduceOp.PROD, ReduceOp.MAX, ReduceOp.MIN}) {
            for (int[] dims : subsets) {
                int[] outShape = shape.clone();
                for (int d : dims) {
                    outShape[d] = 1;
                }
                View out = zeros(B, DType.FLOAT32, outShape);
                B.reduce(op, floats(B, x, shape), dims, out);
                assertClose(reference(op, x, shape, dims), B.copyOutFloat(out), 1e-5,
                        op + " " + java.util.Arrays.toString(dims));
            }
        }
    }

    @Test
    void argReductionsPickFirstExtremeAndNan() {
        int[] shape = {4, 6};
        float[] x = {1, 5, 5, 2, 0, 5, 3, Float.NaN, 9, Float.NaN, 9, 1, -1, -1, -2, -2, 7, 7, 0, 0, 0, 0, 0, 0};
        for (ReduceOp op : new ReduceOp[] {ReduceOp.ARGMAX, ReduceOp.ARGMIN}) {
            for (int dim = 0; dim < 2; dim++) {
                int[] outShape = shape.clone();
                outShape[dim] = 1;
                View out = zeros(B, DType.INT64, outShape);
                B.reduce(op, strided(B, DType.FLOAT32, x, shape, 2), new int[] {dim}, out);
                float[] expected = reference(op, x, shape, new int[] {dim});
                long[] got = B.copyOutLong(out);
                for (int i = 0; i < got.length; i++) {
                    assertEquals((long) expected[i], got[i], op + " dim " + dim + " at " + i);
                }
            }
        }
        View out = zeros(B, DType.INT64, 4, 1);
        B.reduce(ReduceOp.ARGMAX, floats(B, x, 4, 6), new int[] {1}, out);
        assertArrayEquals(new long[] {1, 1, 4, 0}, B.copyOutLong(out));
        assertThrows(IllegalArgumentException.class,
                () -> B.reduce(ReduceOp.ARGMAX, floats(B, x, 4, 6), new int[] {0, 1}, zeros(B, DType.INT64, 1, 1)));
    }

    @Test
    void integerAndBoolReductions() {
        View l = longs(B, new long[] {3, -2, 7, 4, 4, -9}, 2, 3);
        View s = zeros(B, DType.INT64, 2, 1);
        B.reduce(ReduceOp.SUM, l, new int[] {1}, s);
        assertArrayEquals(new long[] {8, -1}, B.copyOutLong(s));
        B.reduce(ReduceOp.PROD, l, new int[] {1}, s);
        assertArrayEquals(new long[] {-42, -144}, B.copyOutLong(s));
        View m = zeros(B, DType.INT64, 1, 3);
        B.reduce(ReduceOp.MAX, l, new int[] {0}, m);
        assertArrayEquals(new long[] {4, 4, 7}, B.copyOutLong(m));
        B.reduce(ReduceOp.ARGMIN, l, new int[] {0}, m);
        assertArrayEquals(new long[] {0, 0, 1}, B.copyOutLong(m));
        View mask = bools(B, new boolean[] {true, false, true, true, false, false}, 2, 3);
        View count = zeros(B, DType.INT64, 1, 1);
        B.reduce(ReduceOp.SUM, mask, new int[] {0, 1}, count);
        assertArrayEquals(new long[] {3}, B.copyOutLong(count));
        View any = zeros(B, DType.BOOL, 2, 1);
        B.reduce(ReduceOp.MAX, mask, new int[] {1}, any);
        assertArrayEquals(new long[] {1, 1}, B.copyOutLong(any));
        assertThrows(IllegalArgumentException.class,
                () -> B.reduce(ReduceOp.SUM, mask, new int[] {1}, zeros(B, DType.BOOL, 2, 1)));
    }

    @Test
    void emptyReductionsUseTheIdentityOrThrow() {
        View x = zeros(B, DType.FLOAT32, 0, 3);
        View out = zeros(B, DType.FLOAT32, 1, 3);
        B.reduce(ReduceOp.SUM, x, new int[] {0}, out);
        assertArrayEquals(new float[3], B.copyOutFloat(out));
        B.reduce(ReduceOp.PROD, x, new int[] {0}, out);
        assertArrayEquals(new float[] {1, 1, 1}, B.copyOutFloat(out));
        assertThrows(IllegalArgumentException.class, () -> B.reduce(ReduceOp.MAX, x, new int[] {0}, out));
        assertThrows(IllegalArgumentException.class,
                () -> B.reduce(ReduceOp.ARGMIN, x, new int[] {0}, zeros(B, DType.INT64, 1, 3)));
    }

    @Test
    void largeReductionsAreAccurateAndIndependentOfThreadCount() {
        float[] x = CpuTestSupport.randomFloats(new Random(7), 400_000);
        x[333_333] = 50f;
        double total = 0;
        for (float v : x) {
            total += v;
        }
        try (CpuBackend one = CpuTestSupport.backend(1); CpuBackend four = CpuTestSupport.backend(4)) {
            float[][] sums = new float[2][];
            float[][] cols = new float[2][];
            long[][] args = new long[2][];
            CpuBackend[] bs = {one, four};
            for (int k = 0; k < 2; k++) {
                CpuBackend b = bs[k];
                View xv = floats(b, x, 400_000);
                View s = zeros(b, DType.FLOAT32, 1);
                b.reduce(ReduceOp.SUM, xv, new int[] {0}, s);
                sums[k] = b.copyOutFloat(s);
                View a = zeros(b, DType.INT64, 1);
                b.reduce(ReduceOp.ARGMAX, xv, new int[] {0}, a);
                args[k] = b.copyOutLong(a);
                View c = zeros(b, DType.FLOAT32, 1, 400);
                b.reduce(ReduceOp.SUM, floats(b, x, 1000, 400), new int[] {0}, c);
                cols[k] = b.copyOutFloat(c);
            }
            assertArrayEquals(sums[0], sums[1]);
            assertArrayEquals(cols[0], cols[1]);
            assertArrayEquals(new long[] {333_333}, args[0]);
            assertArrayEquals(args[0], args[1]);
            assertEquals(total, sums[0][0], 1e-3);
            assertClose(reference(ReduceOp.SUM, x, new int[] {1000, 400}, new int[] {0}), cols[0], 1e-5, "columns");
        }
    }
}
