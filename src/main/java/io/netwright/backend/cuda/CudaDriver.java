package io.netwright.backend.cuda;

import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuGetErrorName;
import static jcuda.driver.JCudaDriver.cuGetErrorString;
import static jcuda.driver.JCudaDriver.cuInit;

import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads the NVIDIA driver through JCuda once per process and reports what happened, never throwing: JCuda's native
 * library needs only {@code libcuda.so.1} ({@code nvcuda.dll} on Windows), no CUDA toolkit. The system property
 * {@value #DRIVER_PROPERTY} names a driver library to load first — the tests point it at the host emulator built
 * from {@code src/test/cuda-host/}, and it can point at a driver in a non-standard place.
 */
final class CudaDriver {

    /** System property: path of a {@code libcuda.so.1} to load before JCuda. */
    static final String DRIVER_PROPERTY = "netwright.cuda.driver";

    /**
     * The outcome of loading the driver.
     *
     * @param loaded        whether cuInit succeeded
     * @param driverVersion the driver's CUDA version ({@code 13000} for 13.0), 0 if unknown
     * @param devices       the number of devices, 0 if none
     * @param reason        why CUDA is unusable, or "" when it is usable
     */
    record Status(boolean loaded, int driverVersion, int devices, String reason) { }

    private static Status status;

    private CudaDriver() {
    }

    /** Loads and initialises the driver on first call; later calls return the same status. */
    static synchronized Status status() {
        if (status == null) {
            status = load();
        }
        return status;
    }

    private static Status load() {
        String lib = System.getProperty(DRIVER_PROPERTY, "").trim();
        if (!lib.isEmpty()) {
            Path p = Path.of(lib).toAbsolutePath();
            if (!Files.isRegularFile(p)) {
                return new Status(false, 0, 0, "the CUDA driver library set by -D" + DRIVER_PROPERTY + " does not "
                        + "exist: " + p + " — fix the path or remove the property");
            }
            try {
                System.load(p.toString());
            } catch (UnsatisfiedLinkError | SecurityException e) {
                return new Status(false, 0, 0, "cannot load the CUDA driver library " + p + ": " + firstLine(e));
            }
        }
        int r;
        try {
            JCudaDriver.setExceptionsEnabled(false);
            r = cuInit(0);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return new Status(false, 0, 0, "no NVIDIA driver (" + driverLibrary() + " not found: " + firstLine(e)
                    + ") — install the NVIDIA driver (525 or newer) to train on the GPU, or use the CPU");
        } catch (LinkageError | RuntimeException e) {
            return new Status(false, 0, 0, "the JCuda driver binding failed to load: " + firstLine(e));
        }
        int[] version = new int[1];
        cuDriverGetVersion(version);
        if (r == CUresult.CUDA_ERROR_NO_DEVICE) {
            return new Status(false, version[0], 0, "the NVIDIA driver " + version(version[0])
                    + " found no CUDA device");
        }
        if (r == 35 /* CUDA_ERROR_INSUFFICIENT_DRIVER */ || r == 804 /* CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE */) {
            return new Status(false, version[0], 0, "the NVIDIA driver " + version(version[0]) + " is too old for "
                    + "CUDA 12 (" + error(r) + ") — update the driver to 525 or newer");
        }
        if (r != CUresult.CUDA_SUCCESS) {
            return new Status(false, version[0], 0, "cuInit failed: " + error(r));
        }
        int[] count = new int[1];
        int c = cuDeviceGetCount(count);
        if (c != CUresult.CUDA_SUCCESS || count[0] == 0) {
            return new Status(false, version[0], 0, "the NVIDIA driver " + version(version[0])
                    + " found no CUDA device" + (c != CUresult.CUDA_SUCCESS ? " (" + error(c) + ")" : ""));
        }
        return new Status(true, version[0], count[0], "");
    }

    private static String driverLibrary() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "nvcuda.dll"
                : "libcuda.so.1";
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    /** Throws a {@link CudaException} naming {@code what} unless {@code result} is success. */
    static void check(int result, String what) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaException(what + " failed: " + error(result));
        }
    }

    /** The driver's name and text for an error code, e.g. {@code CUDA_ERROR_OUT_OF_MEMORY (out of memory)}. */
    static String error(int result) {
        String[] name = new String[1];
        String[] text = new String[1];
        String n = cuGetErrorName(result, name) == CUresult.CUDA_SUCCESS && name[0] != null ? name[0]
                : CUresult.stringFor(result);
        String t = cuGetErrorString(result, text) == CUresult.CUDA_SUCCESS && text[0] != null ? text[0] : "";
        return t.isEmpty() ? n : n + " (" + t + ")";
    }

    /** {@code 13000} as {@code 13.0}. */
    static String version(int v) {
        return v / 1000 + "." + (v % 1000) / 10;
    }

    /** Bytes in binary units, e.g. {@code 1.5 GiB}. */
    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
