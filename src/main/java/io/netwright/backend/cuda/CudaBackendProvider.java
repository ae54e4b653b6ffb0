package io.netwright.backend.cuda;

import io.netwright.backend.Backend;
import io.netwright.backend.BackendOptions;
import io.netwright.backend.BackendProvider;
import io.netwright.backend.Device;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Service provider of the CUDA backend (found by {@link java.util.ServiceLoader}). Construction is free; the probe
 * loads the driver through JCuda, opens each GPU's primary context and loads our kernel image, and never throws:
 * without a usable GPU it says exactly why (no driver library, no device, driver too old, image refused with the
 * JIT log). The detail lists each GPU with its compute capability, total and free memory, the driver version and
 * which kernel image loaded.
 */
public final class CudaBackendProvider implements BackendProvider {

    /** Contexts are per process (the driver's primary contexts): opened once, shared by every registry. */
    private static final Map<Integer, Object> OPENED = new HashMap<>();

    /** Cheap: nothing is probed until {@link #probe()}. */
    public CudaBackendProvider() {
    }

    @Override
    public Device.Kind kind() {
        return Device.Kind.CUDA;
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public String name() {
        return "cuda (JCuda driver API)";
    }

    @Override
    public Probe probe() {
        CudaDriver.Status s;
        try {
            s = CudaDriver.status();
        } catch (LinkageError | RuntimeException e) {
            return Probe.unavailable("the CUDA driver could not be probed: " + e);
        }
        if (!s.loaded()) {
            return Probe.unavailable(s.reason());
        }
        List<String> lines = new ArrayList<>();
        int usable = 0;
        String image = "";
        boolean emulated = false;
        for (int i = 0; i < s.devices(); i++) {
            Object c = open(i, s.driverVersion());
            if (c instanceof CudaContext ctx) {
                if (usable == i) {
                    usable++;
                }
                lines.add("cuda:" + i + " " + ctx.describe());
                emulated |= ctx.emulated();
                image = ctx.image();
            } else {
                lines.add("cuda:" + i + " unusable: " + c);
            }
        }
        String detail = String.join("; ", lines) + "; driver " + CudaDriver.version(s.driverVersion())
                + (image.isEmpty() ? "" : "; kernels: " + image) + "; cuBLAS: not used (own SGEMM kernels)";
        return usable == 0 ? Probe.unavailable(detail) : new Probe(usable, detail, !emulated);
    }

    /** The context of device {@code ordinal}, or the reason (a String) it could not be opened. */
    private static synchronized Object open(int ordinal, int driverVersion) {
        return OPENED.computeIfAbsent(ordinal, o -> {
            try {
                return CudaContext.open(o, driverVersion);
            } catch (RuntimeException e) {
                return e.getMessage();
            }
        });
    }

    @Override
    public Backend create(Device device, BackendOptions options) {
        CudaDriver.Status s = CudaDriver.status();
        if (!s.loaded()) {
            throw new IllegalStateException("Device " + device + " is not available: " + s.reason());
        }
        Object c = open(device.index(), s.driverVersion());
        if (!(c instanceof CudaContext ctx)) {
            throw new IllegalStateException("Device " + device + " is not available: " + c);
        }
        return new CudaBackend(device, ctx);
    }
}
