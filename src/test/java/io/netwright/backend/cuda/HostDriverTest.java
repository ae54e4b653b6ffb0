package io.netwright.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.backend.Buffer;
import io.netwright.backend.DType;
import io.netwright.backend.Device;
import io.netwright.backend.View;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The host CUDA driver itself and the backend's error paths on it: every global access is checked (a stray one
 * names the kernel, block, thread and allocation), injected out-of-memory and launch failures give the backend's
 * one-line messages, and the backend keeps working afterwards. Skipped, printing why, on a real GPU or without
 * the emulator.
 */
@Tag("cuda")
class HostDriverTest {

    private HostDriver driver;
    private CudaBackend backend;

    @BeforeEach
    void findEmulator() {
        driver = HostDriver.find().orElse(null);
        Assumptions.assumeTrue(driver != null, "the host CUDA driver is not loaded (see the printed reason)");
        backend = driver.backend();
    }

    @AfterEach
    void disarm() {
        if (driver != null) {
            driver.set(HostDriver.FAIL_ALLOC_AFTER, -1);
            driver.set(HostDriver.FAIL_LAUNCH_AFTER, -1);
            driver.set(HostDriver.TOTAL_MEMORY, 2L << 30);
        }
    }

    @Test
    void describesItselfAsTheEmulatorWithTheFatbinLoaded() {
        assertEquals("Netwright host emulator", backend.context().name());
        assertTrue(backend.context().image().contains("fatbin"), backend.context().image());
        long[] mem = backend.memoryInfo();
        assertEquals(2L << 30, mem[1]);
    }

    @Test
    void anOutOfBoundsKernelAccessNamesKernelThreadAndAllocation() {
        Buffer small = backend.allocate(DType.FLOAT32, 128); // 512 bytes: the allocator's smallest block
        View v = View.contiguous(small, 128);
        CudaException e = assertThrows(CudaException.class, () -> CudaLaunch.of(backend, Kernels.FILL_F32).ptr(v)
                .layout(Layouts.pack(new int[] {1000}, new int[] {1})).i64(1000).f32(1f).run1d(1000, "[1000]"));
        String m = e.getMessage();
        assertTrue(m.contains("kernel nw_fill_f32 on [1000]"), m);
        assertTrue(m.contains("CUDA_ERROR_ILLEGAL_ADDRESS"), m);
        assertTrue(m.contains("block (0,0,0) thread (128,0,0)"), m); // element 128 is the first past 512 bytes
        assertTrue(m.contains("size 512 bytes") && m.contains("offset 512, past the end"), m);
        assertTrue(!m.contains("\n"), "one line: " + m);
        // the device is still usable, and the buffer's own elements were written
        float[] ones = new float[128];
        java.util.Arrays.fill(ones, 1f);
        assertArrayEquals(ones, backend.copyOutFloat(v));
        small.close();
    }

    @Test
    void barrierKernelsRunTheirThreadsInLockstep() {
        // a 1-D reduction of 100,000 ones takes a block tree in shared memory across __syncthreads barriers
        Tensor x = Tensor.ones(TensorOptions.of(Device.cuda(0)), 100_000);
        assertEquals(100_000f, x.sum().item(), 0f);
        Tensor a = Tensor.ones(TensorOptions.of(Device.cuda(0)), 70, 90);
        Tensor b = Tensor.ones(TensorOptions.of(Device.cuda(0)), 90, 130);
        float[] c = a.matmul(b).toFloatArray();
        for (float f : c) {
            assertEquals(90f, f, 0f);
        }
    }

    @Test
    void outOfMemoryNamesTheSizeTheFreeMemoryAndSuggestsASmallerBatch() {
        driver.set(HostDriver.TOTAL_MEMORY, 8L << 20);
        backend.allocator().emptyCache();
        CudaOutOfMemoryException e = assertThrows(CudaOutOfMemoryException.class,
                () -> Tensor.zeros(TensorOptions.of(Device.cuda(0)), 64, 1024, 1024));
        String m = e.getMessage();
        assertTrue(m.startsWith("CUDA out of memory on cuda:0: cannot allocate 256.0 MiB"), m);
        assertTrue(m.contains("free of 8.0 MiB") && m.contains("smaller batch"), m);
        assertTrue(!m.contains("\n"), "one line: " + m);
        driver.set(HostDriver.TOTAL_MEMORY, 2L << 30);
        assertEquals(6f, Tensor.ones(TensorOptions.of(Device.cuda(0)), 2, 3).sum().item(), 0f);
    }

    @Test
    void oneFailedAllocationIsRetriedAfterEmptyingTheCache() {
        Tensor.ones(TensorOptions.of(Device.cuda(0)), 1000).close(); // leaves a block in the cache
        driver.set(HostDriver.FAIL_ALLOC_AFTER, 0);
        Tensor t = Tensor.ones(TensorOptions.of(Device.cuda(0)), 3000); // a new size: driver fails once, retry works
        assertEquals(3000f, t.sum().item(), 0f);
        assertEquals(-1L, driver.get(HostDriver.FAIL_ALLOC_AFTER));
    }

    @Test
    void aLaunchFailureNamesTheKernelAndShapeAndTheBackendGoesOn() {
        Tensor x = Tensor.ones(TensorOptions.of(Device.cuda(0)), 5, 7);
        driver.set(HostDriver.FAIL_LAUNCH_AFTER, 0);
        CudaException e = assertThrows(CudaException.class, () -> x.mul(x));
        String m = e.getMessage();
        assertTrue(m.startsWith("kernel nw_binary_f32 on "), m);
        assertTrue(m.contains("[5, 7]") && m.contains("CUDA_ERROR_LAUNCH_FAILED"), m);
        assertEquals(35f, x.mul(x).sum().item(), 0f);
    }

    @Test
    void mixingDevicesInOneOpNamesBothDevices() {
        Tensor g = Tensor.ones(TensorOptions.of(Device.cuda(0)), 2, 2);
        Tensor c = Tensor.ones(2, 2);
        for (Runnable op : new Runnable[] {() -> g.add(c), () -> c.mul(g), () -> g.matmul(c), () -> c.matmul(g),
            () -> io.netwright.nn.F.conv2d(Tensor.ones(TensorOptions.of(Device.cuda(0)), 1, 1, 4, 4),
                    Tensor.ones(1, 1, 3, 3), null, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op::run);
            String m = e.getMessage();
            assertTrue(m.contains("cuda:0") && m.contains("cpu") && m.contains("same device"), m);
        }
    }

    @Test
    void aCpuBufferGivenToTheCudaBackendIsRefusedByName() {
        View cpu = View.contiguous(Tensor.ones(3).backend().allocate(DType.FLOAT32, 3), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.copyOutFloat(cpu));
        assertTrue(e.getMessage().contains("belongs to another device (cpu)") && e.getMessage().contains(".to(cuda:0)"),
                e.getMessage());
    }

    @Test
    void launchesAreCountedByTheDriverAndTheBackendAlike() {
        driver.set(HostDriver.LAUNCH_COUNT, 0);
        long before = backend.launches();
        Tensor x = Tensor.ones(TensorOptions.of(Device.cuda(0)), 3, 4);
        x.add(x).sum().item();
        long byBackend = backend.launches() - before;
        assertTrue(byBackend >= 3, "fill, add and sum launch kernels: " + byBackend);
        assertEquals(byBackend, driver.get(HostDriver.LAUNCH_COUNT));
    }
}
