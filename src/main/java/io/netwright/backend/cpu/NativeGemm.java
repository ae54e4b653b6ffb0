package io.netwright.backend.cpu;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

import java.nio.FloatBuffer;

/**
 * SGEMM through OpenBLAS {@code cblas_sgemm}. Operands are copied into per-thread native scratch buffers (reused
 * and grown, never freed per call): a row-major or column-major slice is copied as its whole span and passed with
 * {@code CblasNoTrans}/{@code CblasTrans} and its leading dimension; only other layouts (or spans much larger than
 * the matrix) are packed first. The result is computed row-major into scratch and copied into the output view.
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
    private final CpuParallel par;

    /** Products with at least this many multiply-adds are split by column blocks over the worker threads. */
    static final long PARALLEL_MACS = 1L << 21;

    /**
     * Products with at least this many multiply-adds run on OpenBLAS's own threads (it beats our column split
     * there); smaller ones keep OpenBLAS single-threaded. Changing OpenBLAS's process-wide thread count costs a few
     * hundred microseconds, so the setting only flips between products of different classes — never inside a
     * convolution, which is always single-threaded per call (see {@link CpuConvGemm}).
     */
    static final long OPENBLAS_THREADS_MACS = 1L << 24;

    NativeGemm(CpuParallel par) {
        this.par = par;
    }

    /**
     * {@code c = a @ b}. {@code keepA}/{@code keepB}: the operand is the same slice as in the previous call on this
     * thread (a broadcast batch), so its scratch copy is still valid and is not copied again.
     */
    void gemm(GemmMatrix a, GemmMatrix b, GemmMatrix c, boolean keepA, boolean keepB) {
        int m = c.rows();
        int n = c.cols();
        int k = a.cols();
        Scratch s = scratch.get();
        long macs = (long) m * n * k;
        Placed[] placed = new Placed[2];
        if (par.threads() > 1 && macs >= OPENBLAS_THREADS_MACS) {
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
        boolean own = macs >= OPENBLAS_THREADS_MACS;
        OpenBlas.threads(own ? par.threads() : 1);
        int blocks = !own && par.threads() > 1 && macs >= PARALLEL_MACS && n >= 32 * par.threads()
                ? par.threads() : 1;
        if (blocks == 1) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, pa.trans, pb.trans, m, n, k, 1f, s.ptr[0], pa.ld,
                    s.ptr[1], pb.ld, 0f, s.ptr[2], n);
        } else {
            // Disjoint column blocks of C, each a single-threaded OpenBLAS call on its own worker.
            par.forRange(blocks, 1, (from, to) -> {
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
            if ((c.rs() == n || m == 1) && own && par.threads() > 1) {
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
