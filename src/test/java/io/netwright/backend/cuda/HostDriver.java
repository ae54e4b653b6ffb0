package io.netwright.backend.cuda;

import io.netwright.backend.Device;
import io.netwright.backend.Devices;
import jcuda.driver.JCudaDriver;

import java.util.Optional;

/**
 * The test-only limits of the host CUDA driver (src/test/cuda-host/fake_driver.cpp): fault injection and counters
 * set through {@code cuCtxSetLimit}. Present only when the tests run on that emulator, never on a real GPU.
 */
final class HostDriver {

    /** The allocation after N more successful ones fails once with CUDA_ERROR_OUT_OF_MEMORY; -1 disarms. */
    static final int FAIL_ALLOC_AFTER = 0x4E570001;
    /** The launch after N more successful ones fails once with CUDA_ERROR_LAUNCH_FAILED; -1 disarms. */
    static final int FAIL_LAUNCH_AFTER = 0x4E570002;
    /** The device's total memory in bytes. */
    static final int TOTAL_MEMORY = 0x4E570003;
    /** Launches accepted so far. */
    static final int LAUNCH_COUNT = 0x4E570004;

    private final CudaBackend backend;

    private HostDriver(CudaBackend backend) {
        this.backend = backend;
    }

    /** The emulator behind cuda:0, or empty (with the reason printed) when cuda:0 is absent or a real GPU. */
    static Optional<HostDriver> find() {
        Device cuda = Device.cuda(0);
        if (!Devices.shared().isAvailable(cuda)) {
            System.out.println("host CUDA driver tests skipped: cuda:0 is not available — "
                    + Devices.available());
            return Optional.empty();
        }
        CudaBackend b = (CudaBackend) Devices.backendFor(cuda);
        if (!b.context().name().equals("Netwright host emulator")) {
            System.out.println("host CUDA driver tests skipped: cuda:0 is a real GPU (" + b.context().name() + ")");
            return Optional.empty();
        }
        return Optional.of(new HostDriver(b));
    }

    CudaBackend backend() {
        return backend;
    }

    void set(int limit, long value) {
        backend.context().makeCurrent();
        CudaDriver.check(JCudaDriver.cuCtxSetLimit(limit, value), "cuCtxSetLimit(0x" + Integer.toHexString(limit) + ")");
    }

    long get(int limit) {
        backend.context().makeCurrent();
        long[] v = new long[1];
        CudaDriver.check(JCudaDriver.cuCtxGetLimit(v, limit), "cuCtxGetLimit(0x" + Integer.toHexString(limit) + ")");
        return v[0];
    }
}
