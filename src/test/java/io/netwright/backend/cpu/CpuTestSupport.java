package io.netwright.backend.cpu;

import io.netwright.backend.BackendOptions;
import io.netwright.backend.Buffer;
import io.netwright.backend.DType;
import io.netwright.backend.View;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Helpers for the CPU backend tests: building contiguous and deliberately strided views from host data. */
final class CpuTestSupport {

    private CpuTestSupport() {
    }

    static CpuBackend backend(int threads) {
        return new CpuBackend(new BackendOptions(threads, true));
    }

    static int numel(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    static float[] randomFloats(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextGaussian() * 2);
        }
        return a;
    }

    static View floats(CpuBackend b, float[] data, int... shape) {
        Buffer buf = b.allocate(DType.FLOAT32, data.length);
        b.copyIn(data, buf, 0);
        return View.contiguous(buf, shape);
    }

    static View longs(CpuBackend b, long[] data, int... shape) {
        Buffer buf = b.allocate(DType.INT64, data.length);
        b.copyIn(data, buf, 0);
        return View.contiguous(buf, shape);
    }

    static View bools(CpuBackend b, boolean[] data, int... shape) {
        Buffer buf = b.allocate(DType.BOOL, data.length);
        b.copyIn(data, buf, 0);
        return View.contiguous(buf, shape);
    }

    static View zeros(CpuBackend b, DType t, int... shape) {
        return View.contiguous(b.allocate(t, numel(shape)), shape);
    }

    /**
     * A view of {@code shape} holding {@code data} (row-major) through a non-contiguous layout: dims stored in a
     * shuffled order, a gap after every innermost run, and an offset; unused slots hold garbage (NaN / -99).
     */
    static View strided(CpuBackend b, DType t, Object data, int[] shape, long seed) {
        int rank = shape.length;
        Random r = new Random(seed);
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = i;
        }
        for (int i = rank - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        // Physical layout: dims in order perm[0..], innermost padded by 1 extra slot.
        int[] strides = new int[rank];
        int s = 1;
        for (int i = rank - 1; i >= 0; i--) {
            int d = perm[i];
            strides[d] = s;
            s *= shape[d] + (i == rank - 1 ? 1 : 0);
        }
        int offset = 3;
        int length = offset + s + 2;
        Buffer buf = b.allocate(t, length);
        int n = numel(shape);
        switch (t) {
            case FLOAT32 -> {
                float[] phys = new float[length];
                java.util.Arrays.fill(phys, Float.NaN);
                forEach(shape, strides, offset, (i, p) -> phys[p] = ((float[]) data)[i]);
                b.copyIn(phys, buf, 0);
            }
            case INT64 -> {
                long[] phys = new long[length];
                java.util.Arrays.fill(phys, -99);
                forEach(shape, strides, offset, (i, p) -> phys[p] = ((long[]) data)[i]);
                b.copyIn(phys, buf, 0);
            }
            case BOOL -> {
                boolean[] phys = new boolean[length];
                java.util.Arrays.fill(phys, true);
                forEach(shape, strides, offset, (i, p) -> phys[p] = ((boolean[]) data)[i]);
                b.copyIn(phys, buf, 0);
            }
        }
        assertEquals(n, numel(shape));
        return new View(buf, offset, shape.clone(), strides);
    }

    interface IndexBody {
        void at(int rowMajor, int physical);
    }

    /** Visits every element of a strided layout with its row-major index and physical position. */
    static void forEach(int[] shape, int[] strides, int offset, IndexBody body) {
        int n = numel(shape);
        int[] idx = new int[shape.length];
        for (int i = 0; i < n; i++) {
            int p = offset;
            for (int d = 0; d < shape.length; d++) {
                p += idx[d] * strides[d];
            }
            body.at(i, p);
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }

    /** Row-major multi-index of flat position {@code i}. */
    static int[] unravel(int i, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = i % shape[d];
            i /= shape[d];
        }
        return idx;
    }

    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            if (Float.isNaN(e) && Float.isNaN(a)) {
                continue;
            }
            if (e == a) {
                continue;
            }
            double err = Math.abs(e - a);
            if (!(err <= tol * Math.max(1.0, Math.abs(e)))) {
                fail(what + ": element " + i + " expected " + e + " but was " + a);
            }
        }
    }
}
