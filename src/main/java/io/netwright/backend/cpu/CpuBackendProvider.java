package io.netwright.backend.cpu;

import io.netwright.backend.Backend;
import io.netwright.backend.BackendOptions;
import io.netwright.backend.BackendProvider;
import io.netwright.backend.Device;

/**
 * Service provider of the CPU backend (rank 0: the baseline every other CPU provider can outrank). The probe always
 * finds one device; its detail says which GEMM is used, e.g. {@code "OpenBLAS 0.3.31 (2 threads)"} or
 * {@code "pure-Java GEMM (OpenBLAS failed to load: UnsatisfiedLinkError: ...)"}.
 */
public final class CpuBackendProvider implements BackendProvider {

    /** Cheap: nothing is probed until {@link #probe()}. */
    public CpuBackendProvider() {
    }

    @Override
    public Device.Kind kind() {
        return Device.Kind.CPU;
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public Probe probe() {
        int threads = BackendOptions.defaults().effectiveThreads();
        String suffix = " (" + threads + (threads == 1 ? " thread)" : " threads)");
        OpenBlas.Status s = OpenBlas.status();
        return new Probe(1, s.loaded() ? s.detail() + suffix
                : "pure-Java GEMM (OpenBLAS failed to load: " + s.detail() + ")" + suffix);
    }

    @Override
    public Backend create(Device device, BackendOptions options) {
        if (device.kind() != Device.Kind.CPU || device.index() != 0) {
            throw new IllegalArgumentException("cpu provider cannot create " + device + " — use Device.cpu()");
        }
        return new CpuBackend(options);
    }
}
