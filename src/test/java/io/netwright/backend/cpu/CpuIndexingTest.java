package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.View;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.netwright.backend.cpu.CpuTestSupport.floats;
import static io.netwright.backend.cpu.CpuTestSupport.longs;
import static io.netwright.backend.cpu.CpuTestSupport.strided;
import static io.netwright.backend.cpu.CpuTestSupport.unravel;
import static io.netwright.backend.cpu.CpuTestSupport.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CpuIndexingTest {

    private static final CpuBackend B = CpuTestSupport.backend(2);

    @AfterAll
    static void close() {
        B.close();
    }

    @Test
    void gatherMatchesReferenceAlongEachDim() {
        Random r = new Random(1);
        int[] srcShape = {3, 5, 4};
        float[] src = CpuTestSupport.randomFloats(r, 60);
        for (int dim = 0; dim < 3; dim++) {
            int[] idxShape = {3, 5, 4};
            idxShape[dim] = 7;
            int n = CpuTestSupport.numel(idxShape);
            long[] idx = new long[n];
            for (int i = 0; i < n; i++) {
                idx[i] = r.nextInt(srcShape[dim]);
            }
            float[] expected = new float[n];
            for (int i = 0; i < n; i++) {
                int[] at = unravel(i, idxShape);
                at[dim] = (int) idx[i];
                expected[i] = src[(at[0] * 5 + at[1]) * 4 + at[2]];
            }
            View out = strided(B, DType.FLOAT32, new float[n], idxShape, 2);
            B.gather(strided(B, DType.FLOAT32, src, srcShape, 1), dim, strided(B, DType.INT64, idx, idxShape, 3),
                    out);
            assertArrayEquals(expected, B.copyOutFloat(out), "dim " + dim);
        }
    }

    @Test
    void gatherRejectsOutOfRangeAndNegativeIndices() {
        View src = floats(B, new float[10], 2, 5);
        View out = zeros(B, DType.FLOAT32, 2, 1);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> B.gather(src, 1, longs(B, new long[] {1, 7}, 2, 1), out));
        assertEquals("gather: index 7 is out of range for dim 1 of size 5", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> B.gather(src, 1, longs(B, new long[] {-1, 0}, 2, 1), out));
    }

    @Test
    void scatterWritesAndScatterAddAccumulatesDuplicates() {
        View base = floats(B, new float[] {1, 1, 1, 1, 1, 1}, 2, 3);
        View src = floats(B, new float[] {10, 20, 30, 40}, 2, 2);
        View idx = longs(B, new long[] {2, 0, 1, 1}, 2, 2);
        B.scatter(src, 1, idx, base, false);
        // Row 1 writes index 1 twice: the later element (row-major order) wins.
        assertArrayEquals(new float[] {20, 1, 10, 1, 40, 1}, B.copyOutFloat(base));
        View acc = floats(B, new float[] {1, 1, 1, 1, 1, 1}, 2, 3);
        B.scatter(src, 1, idx, acc, true);
        assertArrayEquals(new float[] {21, 1, 11, 1, 71, 1}, B.copyOutFloat(acc));
        View counts = zeros(B, DType.INT64, 4);
        B.scatter(longs(B, new long[] {1, 1, 1, 1, 1}, 5), 0, longs(B, new long[] {0, 3, 3, 1, 3}, 5), counts, true);
        assertArrayEquals(new long[] {1, 1, 0, 3}, B.copyOutLong(counts));
    }

    @Test
    void scatterWithBadIndexLeavesOutputUntouched() {
        View out = floats(B, new float[] {5, 5, 5}, 3);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> B.scatter(floats(B, new float[] {1, 2}, 2), 0, longs(B, new long[] {0, 3}, 2), out, true));
        assertEquals("scatter_add: index 3 is out of range for dim 0 of size 3", e.getMessage());
        assertArrayEquals(new float[] {5, 5, 5}, B.copyOutFloat(out));
    }

    @Test
    void largeGatherReportsBadIndexFromWorkerThreads() {
        try (CpuBackend four = CpuTestSupport.backend(4)) {
            long[] idx = new long[200_000];
            idx[150_000] = 9;
            View src = floats(four, new float[2 * 3], 2, 3);
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> four.gather(src, 1, longs(four, idx, 2, 100_000), zeros(four, DType.FLOAT32, 2, 100_000)));
            assertEquals("gather: index 9 is out of range for dim 1 of size 3", e.getMessage());
        }
    }
}
