package io.netwright.backend.cpu;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

import java.nio.FloatBuffer;

/**
 * SGEMM through OpenBLAS {@code cblas_sgemm}, on one of two paths:
 * <ul>
 *   <li><b>in place</b> (when {@link CriticalSgemm}'s shim is loaded): OpenBLAS reads and writes the Java arrays
 *   directly; row-major and column-major slices are passed with {@code CblasNoTrans}/{@code CblasTrans} and their
 *   leading dimension, only other layouts are packed (on the heap) first;</li>
 *   <li><b>copying</b> (otherwise): operands are copied into per-thread native scratch buffers (reused and grown,
 *   never freed per call) the same way, the result is computed row-major into scratch and copied into the output
 *   view.</li>
 * </ul>
 */
final class NativeGemm {

    /** Native scratch of one thread: A, B and C regions, each grown on demand. */
    private static final class Scratch {
        private final FloatPointer[] ptr = new FloatPointer[3];
        private final FloatBuffer[] buf = new FloatBuffer[3];

        FloatBuffer ensure(int slot, long n) {
            if (ptr[slot] == null || ptr[slot].capacity() < n) {
                if (ptr[slot] != null) {
                    ptr[slot].close();
                }
                long cap = Math.max(n, ptr[slot] == null ? 1024 : ptr[slot].capacity() * 3 / 2);
                if (cap > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("matmul: operand of " + n + " floats is too large");
                }
                ptr[slot] = new FloatPointer(cap);
                buf[slot] = ptr[slot].asBuffer();
            }
            return buf[slot];
        }
    }

    /** How an operand was placed in scratch. */
    private record Placed(int trans, int ld) {
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    /** Per-thread heap scratch of the in-place path: packed A, packed B, C (only for layouts BLAS cannot take). */
    private final ThreadLocal<float[][]> heap = ThreadLocal.withInitial(() -> new float[3][]);
    private final CpuParallel par;
    private final boolean inPlace;
    private final SpinGuard spinGuard = new SpinGuard();
    private final long openBlasThreadsMacs;

    /**
     * Products with at least this many multiply-adds are split by column blocks over our worker threads, one block
     * per thread, each block a single-threaded OpenBLAS call; the calling thread computes one block itself
     * ({@link CpuParallel#forEachWithCaller}).
     */
    static final long PARALLEL_MACS = 1L << 21;

    /** The copying path copies the operands of products this large on two threads. */
    static final long PARALLEL_COPY_MACS = 1L << 24;

    /**
     * Products with at least this many multiply-adds, and every dimension at least {@link #OPENBLAS_THREADS_MIN_DIM},
     * run on OpenBLAS's own threads; the rest of the large products use our split. On a quiet machine OpenBLAS's
     * threads are the faster of the two for big square-ish products (measured in one run, best GFLOP/s at n = 256 /
     * 512 / 1024, NumPy's OpenBLAS alongside: OpenBLAS threads 244–245 / 288–299 / 315–320, our split 200–204 /
     * 276–281 / 301–306, NumPy 246–262 / 281–303 / 322–350), because each split block packs the shared operand again
     * and waking a worker costs tens of microseconds. But bytedeco's build spin-waits without ever yielding, so on a
     * machine with more runnable threads than cores its threaded products collapse to 1–10 GFLOP/s ({@link SpinGuard}
     * then sends them to our split for a while), and its spinning threads compete with our workers for the rest of a
     * training step — so the skinny products of training (batch x features, below 256 on one side) never use them;
     * convolutions call OpenBLAS single-threaded per chunk, and OpenBLAS's process-wide thread count (0.15 ms per
     * change) then never has to change during training. {@code -Dnetwright.gemm.openblasThreadsMacs=} sets the
     * threshold ({@code 9223372036854775807} turns OpenBLAS's threads off).
     */
    static final long OPENBLAS_THREADS_MACS = Long.getLong("netwright.gemm.openblasThreadsMacs", 1L << 24);

    /** The smallest m, n and k a product may have to run on OpenBLAS's threads (see {@link #OPENBLAS_THREADS_MACS}). */
    static final int OPENBLAS_THREADS_MIN_DIM = Integer.getInteger("netwright.gemm.openblasThreadsMinDim", 256);

    /** OpenBLAS GEMM on {@code par}'s threads, in place when the {@link CriticalSgemm} shim is available. */
    NativeGemm(CpuParallel par) {
        this(par, true);
    }

    /** As {@link #NativeGemm(CpuParallel)}; {@code inPlace = false} forces the copying path (tests, comparisons). */
    NativeGemm(CpuParallel par, boolean inPlace) {
        this(par, inPlace, OPENBLAS_THREADS_MACS);
    }

    /** As above, with products of at least {@code openBlasThreadsMacs} multiply-adds on OpenBLAS's threads. */
    NativeGemm(CpuParallel par, boolean inPlace, long openBlasThreadsMacs) {
        this.par = par;
        this.inPlace = inPlace && CriticalSgemm.available();
        this.openBlasThreadsMacs = openBlasThreadsMacs;
    }

    /** True if products run on the Java arrays in place (the shim is loaded and not switched off). */
    boolean inPlace() {
        return inPlace;
    }

    /**
     * {@code c = a @ b}. {@code keepA}/{@code keepB}: the operand is the same slice as in the previous call on this
     * thread (a broadcast batch), so its scratch copy is still valid and is not copied again.
     */
    void gemm(GemmMatrix a, GemmMatrix b, GemmMatrix c, boolean keepA, boolean keepB) {
        if (inPlace) {
            gemmInPlace(a, b, c, keepA, keepB);
            return;
        }
        int m = c.rows();
        int n = c.cols();
        int k = a.cols();
        Scratch s = scratch.get();
        long macs = (long) m * n * k;
        Placed[] placed = new Placed[2];
        if (par.threads() > 1 && macs >= PARALLEL_COPY_MACS) {
            // Large products: the two operand copies into native memory run side by side.
            par.forRange(2, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    placed[i] = i == 0 ? place(s, 0, a, keepA) : place(s, 1, b, keepB);
                }
            });
        } else {
            placed[0] = place(s, 0, a, keepA);
            placed[1] = place(s, 1, b, keepB);
        }
        Placed pa = placed[0];
        Placed pb = placed[1];
        FloatBuffer cb = s.ensure(2, (long) m * n);
        boolean own = large(m, n, k, macs) && spinGuard.allowed(System.nanoTime());
        OpenBlas.threads(own ? par.threads() : 1);
        int blocks = blocks(macs, n, own);
        if (blocks == 1) {
            long t0 = System.nanoTime();
            openblas.cblas_sgemm(openblas.CblasRowMajor, pa.trans, pb.trans, m, n, k, 1f, s.ptr[0], pa.ld,
                    s.ptr[1], pb.ld, 0f, s.ptr[2], n);
            if (own) {
                long t1 = System.nanoTime();
                spinGuard.record(macs, t1 - t0, t1);
            }
        } else {
            // Disjoint column blocks of C, each a single-threaded OpenBLAS call on its own thread.
            par.forEachWithCaller(blocks, (from, to) -> {
                for (int blk = from; blk < to; blk++) {
                    int j0 = (int) ((long) n * blk / blocks);
                    int j1 = (int) ((long) n * (blk + 1) / blocks);
                    long bOff = pb.trans == openblas.CblasNoTrans ? j0 : (long) j0 * pb.ld;
                    openblas.cblas_sgemm(openblas.CblasRowMajor, pa.trans, pb.trans, m, j1 - j0, k, 1f,
                            s.ptr[0], pa.ld, at(s.ptr[1], bOff), pb.ld, 0f, at(s.ptr[2], j0), n);
                }
            });
        }
        float[] cd = c.data();
        if (c.cs() == 1 || n == 1) {
            if ((c.rs() == n || m == 1) && macs >= PARALLEL_COPY_MACS && par.threads() > 1) {
                int total = m * n;
                int parts = par.threads();
                par.forRange(parts, 1, (from, to) -> {
                    for (int p = from; p < to; p++) {
                        int lo = (int) ((long) total * p / parts);
                        int hi = (int) ((long) total * (p + 1) / parts);
                        cb.get(lo, cd, c.offset() + lo, hi - lo);
                    }
                });
            } else if (c.rs() == n || m == 1) {
                cb.get(0, cd, c.offset(), m * n);
            } else {
                for (int r = 0; r < m; r++) {
                    cb.get(r * n, cd, c.offset() + r * c.rs(), n);
                }
            }
        } else {
            float[] tmp = new float[m * n];
            cb.get(0, tmp, 0, m * n);
            c.unpackRowMajor(tmp, 0);
        }
    }

    /** Large and square enough for OpenBLAS's own threads (see {@link #OPENBLAS_THREADS_MACS}). */
    private boolean large(int m, int n, int k, long macs) {
        return par.threads() > 1 && macs >= openBlasThreadsMacs && Math.min(m, Math.min(n, k)) >= OPENBLAS_THREADS_MIN_DIM;
    }

    /**
     * Column blocks of C computed as separate single-threaded OpenBLAS calls on our threads (1 = one call);
     * {@code own}: the product runs on OpenBLAS's threads instead.
     */
    private int blocks(long macs, int n, boolean own) {
        int t = par.threads();
        return own || t == 1 || macs < PARALLEL_MACS || n < 32 * t ? 1 : t;
    }

    // ================================================================ in place (CriticalSgemm)

    /** An operand as BLAS sees it: array, offset, transposed or not, leading dimension. */
    private record Operand(float[] data, int offset, boolean trans, int ld, int storedRows, int storedCols) {
        /** One past the last element BLAS touches. */
        long end() {
            return storedRows == 0 || storedCols == 0 ? offset : offset + (long) (storedRows - 1) * ld + storedCols;
        }

        boolean overlaps(float[] array, int from, long to) {
            return data == array && offset < to && from < end();
        }
    }

    private void gemmInPlace(GemmMatrix a, GemmMatrix b, GemmMatrix c, boolean keepA, boolean keepB) {
        int m = c.rows();
        int n = c.cols();
        int k = a.cols();
        float[][] h = heap.get();
        Operand pa = operand(h, 0, a, keepA);
        Operand pb = operand(h, 1, b, keepB);
        boolean direct = (c.cs() == 1 || n == 1) && (c.rs() >= n || m == 1);
        int ldc = direct ? c.rowLd() : n;
        if (direct) {
            long end = c.offset() + (long) (m - 1) * ldc + n;
            // An output overlapping an input would be overwritten while BLAS still reads it.
            direct = !pa.overlaps(c.data(), c.offset(), end) && !pb.overlaps(c.data(), c.offset(), end);
        }
        float[] cd = direct ? c.data() : grow(h, 2, (long) m * n);
        int cOff = direct ? c.offset() : 0;
        long macs = (long) m * n * k;
        boolean own = large(m, n, k, macs) && spinGuard.allowed(System.nanoTime());
        OpenBlas.threads(own ? par.threads() : 1);
        int blocks = blocks(macs, n, own);
        if (blocks == 1) {
            long t0 = System.nanoTime();
            CriticalSgemm.sgemm(pa.trans, pb.trans, m, n, k, 1f, pa.data, pa.offset, pa.ld, pb.data, pb.offset,
                    pb.ld, 0f, cd, cOff, ldc);
            if (own) {
                long t1 = System.nanoTime();
                spinGuard.record(macs, t1 - t0, t1);
            }
        } else {
            // Disjoint column blocks of C, each a single-threaded OpenBLAS call on its own thread.
            par.forEachWithCaller(blocks, (from, to) -> {
                for (int blk = from; blk < to; blk++) {
                    int j0 = (int) ((long) n * blk / blocks);
                    int j1 = (int) ((long) n * (blk + 1) / blocks);
                    int bOff = pb.offset + (pb.trans ? j0 * pb.ld : j0);
                    CriticalSgemm.sgemm(pa.trans, pb.trans, m, j1 - j0, k, 1f, pa.data, pa.offset, pa.ld, pb.data,
                            bOff, pb.ld, 0f, cd, cOff + j0, ldc);
                }
            });
        }
        if (!direct) {
            c.unpackRowMajor(cd, 0);
        }
    }

    /** {@code x} as BLAS can take it from its own array, or packed row-major into heap scratch {@code slot}. */
    private static Operand operand(float[][] h, int slot, GemmMatrix x, boolean keep) {
        int rows = x.rows();
        int cols = x.cols();
        if (x.isRowMajor()) {
            return new Operand(x.data(), x.offset(), false, x.rowLd(), rows, cols);
        }
        if (x.isColMajor()) {
            return new Operand(x.data(), x.offset(), true, x.colLd(), cols, rows);
        }
        float[] packed = keep && h[slot] != null ? h[slot] : grow(h, slot, (long) rows * cols);
        if (!keep) {
            x.packRowMajor(packed, 0);
        }
        return new Operand(packed, 0, false, Math.max(1, cols), rows, cols);
    }

    private static float[] grow(float[][] h, int slot, long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matmul: operand of " + n + " floats is too large for a Java array");
        }
        if (h[slot] == null || h[slot].length < n) {
            h[slot] = new float[(int) Math.max(n, h[slot] == null ? 1024 : h[slot].length * 3L / 2)];
        }
        return h[slot];
    }

    // ================================================================ heap-array API

    /**
     * Row-major {@code c = alpha * op(a) @ op(b) + beta * c} on slices of Java arrays (the CBLAS argument order),
     * single-threaded in OpenBLAS on the calling thread: in place when the shim is loaded, otherwise through this
     * thread's native scratch. For callers such as the fused convolution that already hold their matrices on the heap.
     *
     * <pre>{@code gemm.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n); // c = a @ b}</pre>
     *
     * @throws IllegalArgumentException if a slice does not fit its array or a leading dimension is too small
     */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
               float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        OpenBlas.threads(1);
        if (inPlace) {
            CriticalSgemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        CriticalSgemm.check("a", a, aOff, transA ? k : m, transA ? m : k, lda);
        CriticalSgemm.check("b", b, bOff, transB ? n : k, transB ? k : n, ldb);
        CriticalSgemm.check("c", c, cOff, m, n, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        Scratch s = scratch.get();
        int aLen = (transA ? k : m) == 0 ? 0 : ((transA ? k : m) - 1) * lda + (transA ? m : k);
        int bLen = (transB ? n : k) == 0 ? 0 : ((transB ? n : k) - 1) * ldb + (transB ? k : n);
        int cLen = (m - 1) * ldc + n;
        s.ensure(0, aLen).put(0, a, aOff, aLen);
        s.ensure(1, bLen).put(0, b, bOff, bLen);
        FloatBuffer cb = s.ensure(2, cLen);
        if (beta != 0f) {
            cb.put(0, c, cOff, cLen);
        }
        openblas.cblas_sgemm(openblas.CblasRowMajor, transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, s.ptr[0], lda, s.ptr[1], ldb,
                beta, s.ptr[2], ldc);
        // Row by row, so elements between rows (ldc > n) keep their values.
        for (int r = 0; r < m; r++) {
            cb.get(r * ldc, c, cOff + r * ldc, n);
        }
    }

    /**
     * A view of {@code base} starting {@code offset} floats in, owning nothing: JavaCPP's copy constructor shares the
     * deallocator, so closing (or collecting) such a copy could free the scratch memory itself.
     */
    private static FloatPointer at(FloatPointer base, long offset) {
        long target = base.address() + offset * Float.BYTES;
        return new FloatPointer() {
            {
                address = target;
            }
        };
    }

    private static Placed place(Scratch s, int slot, GemmMatrix x, boolean keep) {
        int rows = x.rows();
        int cols = x.cols();
        long compact = (long) rows * cols;
        if (x.isRowMajor()) {
            int ld = x.rowLd();
            long span = (long) (rows - 1) * ld + cols;
            if (span <= 2 * compact + 4096) {
                if (!keep) {
                    s.ensure(slot, span).put(0, x.data(), x.offset(), (int) span);
                }
                return new Placed(openblas.CblasNoTrans, ld);
            }
        } else if (x.isColMajor()) {
            int ld = x.colLd();
            long span = (long) (cols - 1) * ld + rows;
            if (span <= 2 * compact + 4096) {
                if (!keep) {
                    s.ensure(slot, span).put(0, x.data(), x.offset(), (int) span);
                }
                return new Placed(openblas.CblasTrans, ld);
            }
            if (!keep) {
                float[] tmp = new float[(int) compact];
                x.transpose().packRowMajor(tmp, 0);
                s.ensure(slot, compact).put(0, tmp, 0, tmp.length);
            }
            return new Placed(openblas.CblasTrans, Math.max(1, rows));
        }
        if (!keep) {
            FloatBuffer fb = s.ensure(slot, compact);
            if (x.cs() == 1) {
                for (int r = 0; r < rows; r++) {
                    fb.put(r * cols, x.data(), x.offset() + r * x.rs(), cols);
                }
            } else {
                float[] tmp = new float[(int) compact];
                x.packRowMajor(tmp, 0);
                fb.put(0, tmp, 0, tmp.length);
            }
        }
        return new Placed(openblas.CblasNoTrans, Math.max(1, cols));
    }
}
