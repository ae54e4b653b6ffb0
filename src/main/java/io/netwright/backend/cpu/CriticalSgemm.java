package io.netwright.backend.cpu;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;

import java.io.File;

/**
 * Row-major SGEMM straight on Java {@code float[]} arrays: a small JNI shim ({@code src/main/c/netwright_sgemm.c},
 * built by the pom where gcc exists and packaged as {@code native/<platform>/libnetwright_sgemm.so}) pins the arrays
 * with {@code GetPrimitiveArrayCritical} and calls the {@code cblas_sgemm} of the OpenBLAS that JavaCPP loaded — no
 * copy into native memory and back, which is what JavaCPP's own {@code float[]} overloads and {@link NativeGemm}'s
 * scratch path pay for.
 *
 * <p>Optional: where the shim was not built (no gcc, Windows, macOS) or fails to load, {@link #available()} is false,
 * the reason is logged once, and callers keep the copying path.
 *
 * <pre>{@code if (CriticalSgemm.available()) CriticalSgemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);}</pre>
 *
 * <p>Pinning blocks the garbage collector (on JDK 17's G1 it defers collections) for the duration of one product,
 * i.e. milliseconds at most for the sizes a training step uses.
 */
final class CriticalSgemm {

    /** ABI version the Java side expects from {@code bind}. */
    private static final int ABI = 1;
    /** CBLAS transpose flags. */
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;
    private static final System.Logger LOG = System.getLogger(CriticalSgemm.class.getName());

    /** Outcome of loading the shim: usable or not, and why not. */
    record Status(boolean loaded, String detail) {
    }

    /** Lazy holder: the shim is looked for on first use, once per process (the loaded library is process-wide). */
    private static final class Holder {
        static final Status STATUS = load();
    }

    private CriticalSgemm() {
    }

    /** Whether the shim is loaded and bound to OpenBLAS (loads both on first call; never throws). */
    static boolean available() {
        return Holder.STATUS.loaded();
    }

    /** The load outcome, e.g. for {@code devices}/diagnostics. */
    static Status status() {
        return Holder.STATUS;
    }

    private static Status load() {
        if (Boolean.getBoolean("netwright.cpu.noCriticalGemm")) {
            return new Status(false, "disabled by -Dnetwright.cpu.noCriticalGemm=true");
        }
        OpenBlas.Status blas = OpenBlas.status();
        if (!blas.loaded()) {
            return new Status(false, "OpenBLAS is not loaded: " + blas.detail());
        }
        String resource = "native/" + Loader.getPlatform() + "/" + System.mapLibraryName("netwright_sgemm");
        try {
            if (CriticalSgemm.class.getResource(resource) == null) {
                return unavailable("the shim " + resource + " was not built (it needs gcc at build time; "
                        + "see the native-sgemm profile in pom.xml)");
            }
            File lib = Loader.cacheResource(CriticalSgemm.class, resource);
            System.load(lib.getAbsolutePath());
            Pointer fn = Loader.addressof("cblas_sgemm");
            if (fn == null || fn.isNull()) {
                return unavailable("cblas_sgemm was not found in the loaded OpenBLAS");
            }
            int abi = bind(fn.address());
            if (abi != ABI) {
                return unavailable("the shim " + resource + " has ABI " + abi + ", expected " + ABI
                        + " — rebuild with mvn compile");
            }
            // One tiny product proves the binding (a wrong symbol fails here, not in the middle of training).
            float[] a = {2f};
            float[] b = {3f};
            float[] c = {0f};
            sgemm0(NO_TRANS, NO_TRANS, 1, 1, 1, 1f, a, 0, 1, b, 0, 1, 0f, c, 0, 1);
            if (c[0] != 6f) {
                return unavailable("self-test returned " + c[0] + " instead of 6");
            }
            return new Status(true, lib.getName());
        } catch (Throwable t) {
            return unavailable(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
    }

    private static Status unavailable(String reason) {
        LOG.log(System.Logger.Level.INFO, "matmul copies operands into native memory for OpenBLAS: " + reason);
        return new Status(false, reason);
    }

    /**
     * {@code c = alpha * op(a) @ op(b) + beta * c} on row-major slices of Java arrays, in place. {@code op(a)} is
     * {@code m x k}: stored {@code m x k} with leading dimension {@code lda} (or {@code k x m} when {@code transA}),
     * likewise {@code op(b)} is {@code k x n} and {@code c} is {@code m x n} with {@code ldc}. The elements of
     * {@code c} must not overlap those of {@code a} or {@code b}.
     *
     * @throws IllegalStateException    if the shim is not {@link #available()}
     * @throws IllegalArgumentException if a slice does not fit its array or a leading dimension is too small
     */
    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (!available()) {
            throw new IllegalStateException("CriticalSgemm.sgemm: the shim is not loaded (" + status().detail()
                    + ") — check CriticalSgemm.available() first");
        }
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm: negative size m=" + m + " n=" + n + " k=" + k);
        }
        check("a", a, aOff, transA ? k : m, transA ? m : k, lda);
        check("b", b, bOff, transB ? n : k, transB ? k : n, ldb);
        check("c", c, cOff, m, n, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        sgemm0(transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha, a, aOff, lda, b, bOff, ldb,
                beta, c, cOff, ldc);
    }

    /** A stored {@code rows x cols} row-major slice with leading dimension {@code ld} must lie inside {@code x}. */
    static void check(String name, float[] x, int off, int rows, int cols, int ld) {
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("sgemm: leading dimension of " + name + " is " + ld
                    + ", must be >= max(1, " + cols + ")");
        }
        long end = rows == 0 || cols == 0 ? off : off + (long) (rows - 1) * ld + cols;
        if (off < 0 || end > x.length) {
            throw new IllegalArgumentException("sgemm: " + name + " (" + rows + "x" + cols + ", ld " + ld
                    + ") at offset " + off + " needs elements up to " + end + " but the array has " + x.length);
        }
    }

    private static native int bind(long cblasSgemm);

    private static native void sgemm0(int transA, int transB, int m, int n, int k, float alpha, float[] a, int aOff,
                                      int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff,
                                      int ldc);
}
