package io.netwright.backend.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The ahead-of-time compiled kernel images shipped as resources (built by {@code scripts/build-cuda-kernels.sh}
 * from {@code src/main/cuda/}) and the choice among them for a driver version.
 */
public final class KernelImages {

    private static final String DIR = "/io/netwright/backend/cuda/";

    private KernelImages() {
    }

    /**
     * A kernel image to load with {@code cuModuleLoadData}.
     *
     * @param name   the resource name
     * @param data   the bytes (PTX with a trailing NUL)
     * @param reason why this image was chosen, for {@code devices}
     */
    public record KernelImage(String name, byte[] data, String reason) { }

    /**
     * The image for a driver of CUDA version {@code driverVersion} (e.g. 13000): the fatbin from CUDA 13 on (SASS
     * for the device's architecture, or JIT of its compute_75 PTX), the compatibility PTX (ISA 7.8, JIT-compiled)
     * for CUDA 12 drivers.
     *
     * @throws IllegalStateException for older drivers, naming the version and the fix
     */
    public static KernelImage choose(int driverVersion) {
        if (driverVersion >= 13000) {
            return new KernelImage("netwright_kernels.fatbin", fatbin(), "fatbin (SASS sm_75..sm_120, PTX compute_75)"
                    + " for driver CUDA " + CudaDriver.version(driverVersion));
        }
        if (driverVersion >= 12000) {
            return new KernelImage("netwright_kernels_compat.ptx", compatPtx(), "compatibility PTX (ISA 7.8, JIT) for "
                    + "driver CUDA " + CudaDriver.version(driverVersion));
        }
        throw new IllegalStateException("NVIDIA driver " + CudaDriver.version(driverVersion) + " is too old: "
                + "Netwright's CUDA kernels need driver 525 (CUDA 12.0) or newer — update the driver or use --device cpu");
    }

    /** The fatbin. */
    public static byte[] fatbin() {
        return read("netwright_kernels.fatbin", false);
    }

    /** The compute_75 PTX as nvcc emitted it, NUL-terminated. */
    public static byte[] ptx() {
        return read("netwright_kernels.ptx", true);
    }

    /** The compatibility PTX (header lowered to ISA 7.8), NUL-terminated. */
    public static byte[] compatPtx() {
        return read("netwright_kernels_compat.ptx", true);
    }

    private static byte[] read(String name, boolean nulTerminated) {
        try (InputStream in = KernelImages.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("CUDA kernel image " + DIR + name + " is missing from the class path"
                        + " — run scripts/build-cuda-kernels.sh and rebuild");
            }
            byte[] b = in.readAllBytes();
            return nulTerminated ? Arrays.copyOf(b, b.length + 1) : b;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read CUDA kernel image " + DIR + name + ": " + e.getMessage(), e);
        }
    }
}
