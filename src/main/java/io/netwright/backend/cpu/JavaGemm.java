package io.netwright.backend.cpu;

import java.util.Arrays;

/**
 * The pure-Java SGEMM {@code C = A B} used when OpenBLAS is unavailable or disabled.
 *
 * <p>B is packed into column panels (one array per row, see {@link #pack}), C is cut into tiles of {@link #MB} rows by {@link #NB}
 * columns which run in parallel, and each tile is computed four rows at a time into four small accumulator rows
 * ({@code t[j] += a * b[j]}, a loop HotSpot vectorises). K is blocked by {@link #KB} so the B panel being reused
 * stays in L2. Each C element is summed over k in increasing order, so results do not depend on the thread count.
 */
final class JavaGemm {

    static final int MB = 64;
    static final int NB = 256;
    static final int KB = 512;

    private JavaGemm() {
    }

    /** {@code c = a @ b} for one batch entry; parallel over tiles. */
    static void gemm(CpuParallel par, GemmMatrix a, GemmMatrix b, GemmMatrix c) {
        int m = c.rows();
        int n = c.cols();
        int k = a.cols();
        if (m == 0 || n == 0) {
            return;
        }
        float[][][] panels = pack(b);
        int mt = (m + MB - 1) / MB;
        int nt = panels.length;
        long flopsPerTile = 2L * Math.min(m, MB) * Math.min(n, NB) * k;
        int grain = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (1L << 21) / Math.max(1, flopsPerTile)));
        par.forRange(mt * nt, grain, (from, to) -> {
            float[][] t = new float[4][Math.min(n, NB)];
            for (int tile = from; tile < to; tile++) {
                int i0 = (tile / nt) * MB;
                int j = tile % nt;
                tile(a, panels[j], c, i0, Math.min(m, i0 + MB), j * NB, k, t);
            }
        });
    }

    /** {@code c = a @ b} for one batch entry on the calling thread (used when batches run in parallel). */
    static void gemmSequential(GemmMatrix a, GemmMatrix b, GemmMatrix c) {
        int m = c.rows();
        int n = c.cols();
        if (m == 0 || n == 0) {
            return;
        }
        float[][][] panels = pack(b);
        float[][] t = new float[4][Math.min(n, NB)];
        for (int i0 = 0; i0 < m; i0 += MB) {
            for (int j = 0; j < panels.length; j++) {
                tile(a, panels[j], c, i0, Math.min(m, i0 + MB), j * NB, a.cols(), t);
            }
        }
    }

    /**
     * B cut into column panels of at most {@link #NB} columns, each row of a panel its own array: loops that index
     * every array from 0 are the ones HotSpot (17) vectorises, an invariant offset defeats it.
     */
    private static float[][][] pack(GemmMatrix b) {
        int k = b.rows();
        int n = b.cols();
        int nt = (n + NB - 1) / NB;
        float[][][] panels = new float[nt][k][];
        float[] bd = b.data();
        for (int j = 0; j < nt; j++) {
            int j0 = j * NB;
            int nb = Math.min(NB, n - j0);
            for (int kk = 0; kk < k; kk++) {
                float[] row = new float[nb];
                int src = b.offset() + kk * b.rs() + j0 * b.cs();
                if (b.cs() == 1) {
                    System.arraycopy(bd, src, row, 0, nb);
                } else {
                    for (int q = 0; q < nb; q++, src += b.cs()) {
                        row[q] = bd[src];
                    }
                }
                panels[j][kk] = row;
            }
        }
        return panels;
    }

    private static void tile(GemmMatrix a, float[][] panel, GemmMatrix c, int i0, int i1, int j0, int k,
                             float[][] t) {
        int nb = panel.length == 0 ? 0 : panel[0].length;
        int rows = i1 - i0;
        // Partial sums of the whole tile across K blocks (only needed when K is blocked).
        float[] acc = k > KB ? new float[rows * nb] : null;
        float[] ad = a.data();
        int ars = a.rs();
        int acs = a.cs();
        float[] t0 = t[0];
        float[] t1 = t[1];
        float[] t2 = t[2];
        float[] t3 = t[3];
        for (int k0 = 0; k0 < k; k0 += KB) {
            int k1 = Math.min(k, k0 + KB);
            for (int i = i0; i < i1; i += 4) {
                int live = Math.min(4, i1 - i);
                if (k0 == 0) {
                    Arrays.fill(t0, 0, nb, 0f);
                    Arrays.fill(t1, 0, nb, 0f);
                    Arrays.fill(t2, 0, nb, 0f);
                    Arrays.fill(t3, 0, nb, 0f);
                } else {
                    int base = (i - i0) * nb;
                    System.arraycopy(acc, base, t0, 0, nb);
                    if (live > 1) {
                        System.arraycopy(acc, base + nb, t1, 0, nb);
                    }
                    if (live > 2) {
                        System.arraycopy(acc, base + 2 * nb, t2, 0, nb);
                    }
                    if (live > 3) {
                        System.arraycopy(acc, base + 3 * nb, t3, 0, nb);
                    }
                }
                int r0 = a.offset() + i * ars;
                int r1 = live > 1 ? r0 + ars : -1;
                int r2 = live > 2 ? r0 + 2 * ars : -1;
                int r3 = live > 3 ? r0 + 3 * ars : -1;
                for (int kk = k0; kk < k1; kk++) {
                    int ko = kk * acs;
                    float a0 = ad[r0 + ko];
                    float a1 = r1 >= 0 ? ad[r1 + ko] : 0f;
                    float a2 = r2 >= 0 ? ad[r2 + ko] : 0f;
                    float a3 = r3 >= 0 ? ad[r3 + ko] : 0f;
                    axpy4(panel[kk], nb, a0, a1, a2, a3, t0, t1, t2, t3);
                }
                if (k1 < k) {
                    int base = (i - i0) * nb;
                    System.arraycopy(t0, 0, acc, base, nb);
                    if (live > 1) {
                        System.arraycopy(t1, 0, acc, base + nb, nb);
                    }
                    if (live > 2) {
                        System.arraycopy(t2, 0, acc, base + 2 * nb, nb);
                    }
                    if (live > 3) {
                        System.arraycopy(t3, 0, acc, base + 3 * nb, nb);
                    }
                } else {
                    store(c, i, j0, nb, t0);
                    if (live > 1) {
                        store(c, i + 1, j0, nb, t1);
                    }
                    if (live > 2) {
                        store(c, i + 2, j0, nb, t2);
                    }
                    if (live > 3) {
                        store(c, i + 3, j0, nb, t3);
                    }
                }
            }
        }
    }

    /** The micro-kernel: four rows of {@code t += a * b}; every array indexed from 0 so it vectorises. */
    private static void axpy4(float[] b, int nb, float a0, float a1, float a2, float a3, float[] t0, float[] t1,
                              float[] t2, float[] t3) {
        for (int j = 0; j < nb; j++) {
            float bv = b[j];
            t0[j] += a0 * bv;
            t1[j] += a1 * bv;
            t2[j] += a2 * bv;
            t3[j] += a3 * bv;
        }
    }

    private static void store(GemmMatrix c, int row, int j0, int nb, float[] t) {
        float[] cd = c.data();
        int o = c.offset() + row * c.rs() + j0 * c.cs();
        if (c.cs() == 1) {
            System.arraycopy(t, 0, cd, o, nb);
        } else {
            for (int j = 0; j < nb; j++, o += c.cs()) {
                cd[o] = t[j];
            }
        }
    }
}
