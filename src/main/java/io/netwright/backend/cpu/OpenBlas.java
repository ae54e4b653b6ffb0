package io.netwright.backend.cpu;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Loads OpenBLAS (JavaCPP presets) on first use, once per process — the native library is process-wide, so its
 * load outcome and thread setting are too. A failure (missing native library, wrong platform, ...) is logged once
 * and reported through {@link #status()}; callers then use {@link JavaGemm}.
 */
final class OpenBlas {

    /** Outcome of loading: whether OpenBLAS is usable, and its version or the failure reason. */
    record Status(boolean loaded, String detail) {
    }

    private static final System.Logger LOG = System.getLogger(OpenBlas.class.getName());
    private static final Object LOCK = new Object();
    private static volatile Status status;
    /** The thread count last given to OpenBLAS (it is one global setting). */
    private static int threads = -1;

    private OpenBlas() {
    }

    /** Loads OpenBLAS if not yet tried; never throws. */
    static Status status() {
        Status s = status;
        if (s == null) {
            synchronized (LOCK) {
                if (status == null) {
                    status = load();
                }
                s = status;
            }
        }
        return s;
    }

    private static Status load() {
        try {
            Loader.load(openblas.class);
            String version = openblas.OPENBLAS_VERSION == null ? "OpenBLAS" : openblas.OPENBLAS_VERSION.trim();
            // One tiny call proves the symbols resolve (a broken library fails here, not in the middle of training).
            float[] one = {1f};
            float[] r = {0f};
            openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, 1, 1, 1,
                    1f, one, 1, one, 1, 0f, r, 1);
            if (r[0] != 1f) {
                throw new IllegalStateException("cblas_sgemm self-test returned " + r[0] + " instead of 1");
            }
            return new Status(true, version.startsWith("OpenBLAS") ? version : "OpenBLAS " + version);
        } catch (Throwable t) {
            String reason = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            LOG.log(System.Logger.Level.WARNING, "OpenBLAS failed to load, matmul uses the pure-Java GEMM ("
                    + reason + ")");
            return new Status(false, reason);
        }
    }

    /** Sets OpenBLAS's (global) thread count if it differs from the last setting. */
    static void threads(int n) {
        synchronized (LOCK) {
            if (threads != n) {
                openblas.blas_set_num_threads(n);
                threads = n;
            }
        }
    }
}
