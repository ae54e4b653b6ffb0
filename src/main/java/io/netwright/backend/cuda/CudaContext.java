package io.netwright.backend.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadDataJIT;

import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUfunction;
import jcuda.driver.CUjit_option;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.JITOptions;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One device's driver state: its primary context, our kernel module loaded from the image the driver version
 * selects (with the JIT log kept for error messages), and the functions looked up from it. Every thread that calls
 * into the backend makes the context current first ({@link #makeCurrent()}).
 */
final class CudaContext {

    private final int ordinal;
    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final CUmodule module = new CUmodule();
    private final Map<String, CUfunction> functions = new ConcurrentHashMap<>();
    private final String name;
    private final int major;
    private final int minor;
    private final int multiprocessors;
    private final long totalMemory;
    private final String image;
    private final String jitLog;

    private CudaContext(int ordinal, int driverVersion) {
        this.ordinal = ordinal;
        CudaDriver.check(cuDeviceGet(device, ordinal), "cuDeviceGet(" + ordinal + ")");
        byte[] n = new byte[256];
        CudaDriver.check(cuDeviceGetName(n, n.length, device), "cuDeviceGetName");
        this.name = cString(n);
        this.major = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
        this.minor = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        this.multiprocessors = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
        long[] total = new long[1];
        CudaDriver.check(cuDeviceTotalMem(total, device), "cuDeviceTotalMem");
        this.totalMemory = total[0];
        CudaDriver.check(cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain(" + ordinal + ")");
        makeCurrent();
        KernelImage img = KernelImages.choose(driverVersion);
        if (!img.loadable()) {
            throw new CudaException(img.reason());
        }
        JITOptions jit = new JITOptions();
        jit.putBytes(CUjit_option.CU_JIT_ERROR_LOG_BUFFER, new byte[8192]);
        jit.putBytes(CUjit_option.CU_JIT_INFO_LOG_BUFFER, new byte[8192]);
        int r = cuModuleLoadDataJIT(module, Pointer.to(img.data()), jit);
        String log = (safe(jit, CUjit_option.CU_JIT_ERROR_LOG_BUFFER) + " "
                + safe(jit, CUjit_option.CU_JIT_INFO_LOG_BUFFER)).trim();
        if (r != CUresult.CUDA_SUCCESS) {
            throw new CudaException("cuda:" + ordinal + " (" + name + ", sm_" + major + minor + ") refused the kernel "
                    + "image " + img.name() + ": " + CudaDriver.error(r) + (log.isEmpty() ? "" : " — JIT log: " + log)
                    + " — update the NVIDIA driver, or use the CPU");
        }
        this.image = img.reason();
        this.jitLog = log;
    }

    /** Opens device {@code ordinal}: retains its primary context and loads our kernels. */
    static CudaContext open(int ordinal, int driverVersion) {
        return new CudaContext(ordinal, driverVersion);
    }

    private static String safe(JITOptions jit, int key) {
        try {
            String s = jit.getString(key);
            return s == null ? "" : s.trim();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private int attribute(int attr) {
        int[] v = new int[1];
        CudaDriver.check(cuDeviceGetAttribute(v, attr, device), "cuDeviceGetAttribute(" + attr + ")");
        return v[0];
    }

    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** Makes this context current on the calling thread (cheap; the driver keeps one per thread). */
    void makeCurrent() {
        CudaDriver.check(cuCtxSetCurrent(context), "cuCtxSetCurrent(cuda:" + ordinal + ")");
    }

    /** The function for a kernel descriptor, looked up once. */
    CUfunction function(CudaKernel k) {
        return functions.computeIfAbsent(k.name(), n -> {
            CUfunction f = new CUfunction();
            int r = cuModuleGetFunction(f, module, n);
            if (r != CUresult.CUDA_SUCCESS) {
                throw new CudaException("kernel " + n + " is missing from the loaded image (" + image + "): "
                        + CudaDriver.error(r) + " — the kernel images are stale: run scripts/build-cuda-kernels.sh");
            }
            return f;
        });
    }

    /** Free and total device memory in bytes, as {@code cuMemGetInfo} reports them. */
    long[] memoryInfo() {
        long[] free = new long[1];
        long[] total = new long[1];
        CudaDriver.check(cuMemGetInfo(free, total), "cuMemGetInfo");
        return new long[] {free[0], total[0]};
    }

    int ordinal() {
        return ordinal;
    }

    String name() {
        return name;
    }

    int multiprocessors() {
        return multiprocessors;
    }

    /** e.g. {@code "NVIDIA H100 80GB HBM3 (sm_90, 79.1 GiB, 78.6 GiB free)"}. */
    String describe() {
        long[] mem = memoryInfo();
        return name + " (sm_" + major + minor + ", " + CudaDriver.bytes(totalMemory) + ", "
                + CudaDriver.bytes(mem[0]) + " free)";
    }

    /**
     * Whether this is the host CUDA driver of the tests (src/test/cuda-host), which runs kernels on the CPU: usable
     * when asked for by name, never picked by {@code auto}.
     */
    boolean emulated() {
        return name.equals(HOST_EMULATOR);
    }

    /** The device name the host CUDA driver of the tests reports. */
    static final String HOST_EMULATOR = "Netwright host emulator";

    /** Which kernel image loaded and why. */
    String image() {
        return image;
    }

    /** The JIT log of the module load ("" when empty). */
    String jitLog() {
        return jitLog;
    }
}
