package io.netwright.backend.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The ahead-of-time compiled images of our kernels, loaded from the classpath
 * ({@code io/netwright/backend/cuda/}, built from {@code src/main/cuda/} by {@code scripts/build-cuda-kernels.sh}),
 * and the choice of which one a driver loads.
 *
 * <ul>
 *   <li>{@code netwright_kernels.fatbin}: SASS for sm_75, 80, 86, 89, 90, 100, 120 and compute_75 PTX, as nvcc 13
 *       emits it, so for drivers of CUDA 13 (580) or newer; a device of another arch JITs the PTX;</li>
 *   <li>{@code netwright_kernels_compat.ptx}: the same PTX declared as ISA 7.8, which drivers of CUDA 12.x
 *       (525-575) JIT;</li>
 *   <li>{@code netwright_kernels.ptx}: the PTX as nvcc emitted it (ISA 9.0), kept for tools and tests.</li>
 * </ul>
 *
 * <p>Each call reads the resource again; the caller (the backend's module loader) keeps what it loaded.
 */
public final class KernelImages {

    /** The fatbin resource's name. */
    public static final String FATBIN = "netwright_kernels.fatbin";
    /** The PTX resource's name. */
    public static final String PTX = "netwright_kernels.ptx";
    /** The compatibility PTX resource's name. */
    public static final String COMPAT_PTX = "netwright_kernels_compat.ptx";
    /** The oldest driver (as {@code cuDriverGetVersion} reports it) that loads the fatbin. */
    public static final int FATBIN_MIN_DRIVER = 13000;
    /** The oldest driver that JITs the compatibility PTX: CUDA 12.0, driver 525. */
    public static final int COMPAT_MIN_DRIVER = 12000;

    private KernelImages() {
    }

    /** The fatbin's bytes, as {@code cuModuleLoadData} takes them. */
    public static byte[] fatbin() {
        return resource(FATBIN);
    }

    /** The PTX as nvcc emitted it, with the trailing NUL {@code cuModuleLoadData} needs. */
    public static byte[] ptx() {
        return withNul(resource(PTX));
    }

    /** The compatibility PTX ({@code .version 7.8}), with the trailing NUL {@code cuModuleLoadData} needs. */
    public static byte[] compatPtx() {
        return withNul(resource(COMPAT_PTX));
    }

    /**
     * Which image a driver loads, with a one-line reason; {@link KernelImage#none} where the driver is too old.
     * Only the chosen image is read.
     *
     * <p>Example: {@code choose(13000)} gives the fatbin; {@code choose(12040)} the compat PTX; {@code choose(11080)}
     * none ("NVIDIA driver 11.8 is too old: ...").
     *
     * @param driverVersion the driver's CUDA version as {@code cuDriverGetVersion} reports it (1000 * major + 10 *
     *                      minor, e.g. 12040 for 12.4)
     * @throws IllegalStateException if the chosen resource is not on the classpath
     */
    public static KernelImage choose(int driverVersion) {
        String v = versionString(driverVersion);
        if (driverVersion >= FATBIN_MIN_DRIVER) {
            return new KernelImage(FATBIN, fatbin(), "driver " + v + " (CUDA 13 or newer) loads the fatbin: SASS for"
                    + " the device's arch, else a JIT of its compute_75 PTX");
        }
        if (driverVersion >= COMPAT_MIN_DRIVER) {
            return new KernelImage(COMPAT_PTX, compatPtx(), "driver " + v + " (CUDA 12.x) JITs the compatibility"
                    + " PTX (.version 7.8): nvcc 13's fatbin needs driver 580 (CUDA 13) or newer");
        }
        return KernelImage.none("NVIDIA driver " + v + " is too old: Netwright's CUDA kernels need driver 525"
                + " (CUDA 12.0) or newer — update the driver or use --device cpu");
    }

    /** {@code 12040} as {@code "12.4"}. */
    static String versionString(int driverVersion) {
        return driverVersion / 1000 + "." + (driverVersion % 1000) / 10;
    }

    // ---------------------------------------------------------------- resources

    static byte[] resource(String name) {
        try (InputStream in = KernelImages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("CUDA kernel image io/netwright/backend/cuda/" + name + " is not on"
                        + " the classpath: run scripts/build-cuda-kernels.sh (it writes resources/io/netwright/"
                        + "backend/cuda/) and rebuild");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("CUDA kernel image io/netwright/backend/cuda/" + name + " could not be"
                    + " read: " + e.getMessage() + " — run scripts/build-cuda-kernels.sh and rebuild", e);
        }
    }

    private static byte[] withNul(byte[] text) {
        if (text.length > 0 && text[text.length - 1] == 0) {
            return text;
        }
        return Arrays.copyOf(text, text.length + 1);
    }
}
