package io.netwright.backend;

/**
 * Options for creating a backend.
 *
 * @param threads worker threads for parallel kernels; 0 means all available processors
 * @param nativeBlas whether to try a native BLAS library (false forces the pure-Java GEMM)
 */
public record BackendOptions(int threads, boolean nativeBlas) {

    /** Validates the thread count. */
    public BackendOptions {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
        }
    }

    /** All cores, native BLAS when it loads. */
    public static BackendOptions defaults() {
        return new BackendOptions(0, true);
    }

    /** The thread count to use: {@code threads}, or the number of available processors when 0. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
