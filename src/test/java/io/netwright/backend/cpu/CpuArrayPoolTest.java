package io.netwright.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netwright.backend.BackendOptions;
import io.netwright.backend.DType;
import io.netwright.backend.View;
import org.junit.jupiter.api.Test;

class CpuArrayPoolTest {

    @Test
    void closedLargeArraysAreReusedZeroed() {
        CpuArrayPool pool = new CpuArrayPool(1 << 24);
        int n = CpuArrayPool.MIN_LENGTH * 2;
        float[] a = pool.take(n, true);
        a[5] = 3f;
        pool.give(a);
        assertEquals((long) n * 4, pool.retainedBytes());
        float[] b = pool.take(n, true);
        assertSame(a, b);
        assertEquals(0f, b[5]);
        assertNotSame(b, pool.take(n, true), "an array is handed out once");
    }

    @Test
    void capAndSmallArraysAreRespected() {
        CpuArrayPool pool = new CpuArrayPool((long) CpuArrayPool.MIN_LENGTH * 4);
        pool.give(new float[CpuArrayPool.MIN_LENGTH - 1]);
        assertEquals(0, pool.retainedBytes(), "small arrays are left to the GC");
        pool.give(new float[CpuArrayPool.MIN_LENGTH]);
        pool.give(new float[CpuArrayPool.MIN_LENGTH]);
        assertEquals((long) CpuArrayPool.MIN_LENGTH * 4, pool.retainedBytes(), "the second one exceeds the cap");
    }

    @Test
    void aClosedBufferCannotBeReadAfterItsArrayWasRecycled() {
        try (CpuBackend be = new CpuBackend(new BackendOptions(1, false))) {
            int n = CpuArrayPool.MIN_LENGTH;
            CpuBuffer first = (CpuBuffer) be.allocate(DType.FLOAT32, n);
            be.fill(View.contiguous(first, n), 7);
            first.close();
            CpuBuffer second = (CpuBuffer) be.allocate(DType.FLOAT32, n);
            assertEquals(0f, be.copyOutFloat(View.contiguous(second, n))[0]);
            assertThrows(IllegalStateException.class, () -> be.copyOutFloat(View.contiguous(first, n)));
        }
    }
}
