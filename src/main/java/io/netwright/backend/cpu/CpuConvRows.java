package io.netwright.backend.cpu;

import io.netwright.backend.Conv2dGeometry;
import io.netwright.backend.View;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.openblas.global.openblas;

/**
 * Stride-1 convolution on padded rows: each image's channels are first copied into a zero-padded
 * {@code [C, H+2pH, W+2pW]} plane, in which every row {@code (c, i, j)} of the column matrix is one contiguous run
 * of {@code OH * (W+2pW)} floats starting at {@code c*plane + i*dH*Wp + j*dW}. The column matrix is therefore
 * unfolded with one bulk copy per row straight into native memory, and the GEMM computes the output on an extended
 * grid {@code OH x Wp} whose last {@code Wp - OW} columns of each row are discarded (they read wrapped-around
 * inputs). Backward passes give those extra columns a zero gradient, so they contribute nothing:
 * <ul>
 *   <li>input gradient: the stride-1 convolution of {@code gradOut} with the flipped, transposed weight and
 *       padding {@code d*(k-1) - p} (no col2im at all), or — when the input has fewer channels than the output, so
 *       that product would have a small M — {@code W^T @ gradOut_ext} folded back row by row into padded planes;</li>
 *   <li>weight gradient: {@code gradOut_ext @ cols_ext^T} (or its transpose when that gives OpenBLAS the larger
 *       M), summed over images in chunk order.</li>
 * </ul>
 * Images are spread over the worker threads in cache-sized chunks, each product on one OpenBLAS thread.
 */
final class CpuConvRows {

    /**
     * Target size (floats) of one chunk's column matrix: 64 KB measured best for LeNet-sized layers (a larger product
     * spills the cache); layers bigger than this run one image per product. {@code -Dnetwright.conv.rowsChunk=N}.
     */
    static final long CHUNK_FLOATS = Long.getLong("netwright.conv.rowsChunk", 1L << 14);

    private static final int COLS = 0;
    private static final int WEIGHT = 1;
    private static final int PLANE = 2;
    private static final int PARTIAL = 3;

    private final CpuParallel par;
    private final ThreadLocal<ConvScratch> scratch = ThreadLocal.withInitial(ConvScratch::new);

    CpuConvRows(CpuParallel par) {
        this.par = par;
    }

    /** True if this class handles convolutions of geometry {@code g} (stride 1 in both dims). */
    static boolean handles(Conv2dGeometry g) {
        return g.strideH() == 1 && g.strideW() == 1;
    }

    /** True if the input gradient of {@code g} is a stride-1 convolution this class can run. */
    static boolean handlesInputGradient(Conv2dGeometry g) {
        return handles(g) && g.dilationH() * (g.kernelH() - 1) >= g.padH()
                && g.dilationW() * (g.kernelW() - 1) >= g.padW();
    }

    /** Shapes of one call, per group, on the extended grid. */
    private record Dims(int n, int groups, int cg, int ocg, int rows, int hp, int wp, int oh, int ow, int lext,
                        int chunk, Conv2dGeometry g) {
        static Dims of(int n, int outChannels, Conv2dGeometry g, int groups) {
            int cg = g.channels() / groups;
            int hp = g.height() + 2 * g.padH();
            int wp = g.width() + 2 * g.padW();
            int oh = g.outHeight();
            int rows = cg * g.kernelH() * g.kernelW();
            int lext = oh * wp;
            long perImage = (long) rows * lext;
            int chunk = (int) Math.max(1, Math.min(n, CHUNK_FLOATS / Math.max(1, perImage)));
            return new Dims(n, groups, cg, outChannels / groups, rows, hp, wp, oh, g.outWidth(), lext, chunk, g);
        }

        int ld() {
            return lext * chunk;
        }

        int chunks() {
            return (n + chunk - 1) / chunk;
        }

        int planeSize() {
            return hp * wp;
        }

        /** Padded floats of one group's channels, with the tail the last unfolded rows read past the end. */
        int paddedSize() {
            return cg * planeSize() + (g.kernelW() - 1) * g.dilationW();
        }
    }

    // ================================================================ forward

    /** {@code out = conv(x, w)} (bias added by the caller); {@code w} is any-strided {@code [OC, C/groups, kH, kW]}. */
    void forward(View x, View w, View out, Conv2dGeometry g, int groups) {
        run(x, packWeight(w), out, g, groups);
    }

    /** Input gradient: the stride-1 convolution of {@code gOut} with the flipped, transposed weight. */
    void backwardInput(View gOut, View w, View gIn, Conv2dGeometry g, int groups) {
        run(gOut, flippedWeight(w, g, groups), gIn, flippedGeometry(w.shape()[0], g), groups);
    }

    /** The geometry of the input gradient's stride-1 convolution over {@code gOut} ({@code oc} channels). */
    static Conv2dGeometry flippedGeometry(int oc, Conv2dGeometry g) {
        int kh = g.kernelH();
        int kw = g.kernelW();
        return new Conv2dGeometry(oc, g.outHeight(), g.outWidth(), kh, kw, 1, 1, g.dilationH() * (kh - 1) - g.padH(),
                g.dilationW() * (kw - 1) - g.padW(), g.dilationH(), g.dilationW());
    }

    /**
     * The weight of the input gradient's convolution: {@code W'[grp*cg + c, o, i, j] = W[grp*ocg + o, c, kh-1-i,
     * kw-1-j]}, dense {@code [C, OC/groups, kH, kW]}.
     */
    static float[] flippedWeight(View w, Conv2dGeometry g, int groups) {
        int kh = g.kernelH();
        int kw = g.kernelW();
        int ocg = w.shape()[0] / groups;
        int cg = g.channels() / groups;
        float[] wd = (float[]) CpuChecks.data(w);
        int[] ws = w.strides();
        // W'[grp*cg + c, o, i, j] = W[grp*ocg + o, c, kh-1-i, kw-1-j]: [C, OC/groups, kH, kW], dense.
        float[] wf = new float[g.channels() * ocg * kh * kw];
        int t = 0;
        for (int grp = 0; grp < groups; grp++) {
            for (int c = 0; c < cg; c++) {
                for (int o = 0; o < ocg; o++) {
                    int base = w.offset() + (grp * ocg + o) * ws[0] + c * ws[1];
                    for (int i = kh - 1; i >= 0; i--) {
                        for (int j = kw - 1; j >= 0; j--) {
                            wf[t++] = wd[base + i * ws[2] + j * ws[3]];
                        }
                    }
                }
            }
        }
        return wf;
    }

    /**
     * Input gradient through the column matrix: {@code dCols_ext = W^T @ gOut_ext} (zero in the extra columns), each
     * row added back into the padded planes at its offset (one contiguous run), then cropped into {@code gIn}. Better
     * than the flipped convolution when the input has few channels (the flipped product's M).
     */
    void backwardInputCols(View gOut, View w, View gIn, Conv2dGeometry g, int groups) {
        Dims d = Dims.of(gIn.shape()[0], w.shape()[0], g, groups);
        float[] wmat = packWeight(w);
        float[] gi = (float[]) CpuChecks.data(gIn);
        int ld = d.ld();
        OpenBlas.threads(1);
        par.forRange(d.chunks(), 1, (from, to) -> {
            ConvScratch s = scratch.get();
            FloatBuffer wb = s.get(WEIGHT, (long) d.ocg() * d.rows());
            FloatBuffer gb = s.get(PLANE, (long) d.ocg() * ld);
            FloatBuffer cb = s.get(COLS, (long) d.rows() * ld);
            float[] xp = s.heap(0, d.paddedSize());
            float[] hp = s.heap(1, d.ocg() * ld);
            float[] hc = s.heap(2, d.rows() * ld);
            for (int grp = 0; grp < d.groups(); grp++) {
                wb.put(0, wmat, grp * d.ocg() * d.rows(), d.ocg() * d.rows());
                for (int ch = from; ch < to; ch++) {
                    int n0 = ch * d.chunk();
                    int cnt = Math.min(d.chunk(), d.n() - n0);
                    for (int k = 0; k < cnt; k++) {
                        extend(gOut, n0 + k, grp * d.ocg(), d, hp, ld, k * d.lext());
                    }
                    gb.put(0, hp, 0, d.ocg() * ld);
                    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans,
                            d.rows(), cnt * d.lext(), d.ocg(), 1f, s.ptr[WEIGHT], d.rows(), s.ptr[PLANE], ld, 0f,
                            s.ptr[COLS], ld);
                    cb.get(0, hc, 0, d.rows() * ld);
                    for (int k = 0; k < cnt; k++) {
                        fold(hc, ld, k * d.lext(), d, xp);
                        uncrop(xp, d, gIn, gi, n0 + k, grp * d.cg());
                    }
                }
            }
        });
    }

    /** Sums the extended column rows (from column {@code col}) into fresh padded planes {@code xp}. */
    private static void fold(float[] hc, int ld, int col, Dims d, float[] xp) {
        java.util.Arrays.fill(xp, 0, d.paddedSize(), 0f);
        int kh = d.g().kernelH();
        int kw = d.g().kernelW();
        int lext = d.lext();
        int row = 0;
        for (int c = 0; c < d.cg(); c++) {
            for (int i = 0; i < kh; i++) {
                int base = c * d.planeSize() + i * d.g().dilationH() * d.wp();
                for (int j = 0; j < kw; j++, row++) {
                    int dst = base + j * d.g().dilationW();
                    int src = row * ld + col;
                    for (int p = 0; p < lext; p++) {
                        xp[dst + p] += hc[src + p];
                    }
                }
            }
        }
    }

    /** The inside of padded planes {@code xp} into channels {@code [c0, c0+cg)} of image {@code n} of {@code img}. */
    private static void uncrop(float[] xp, Dims d, View img, float[] id, int n, int c0) {
        int[] s = img.strides();
        int h = d.g().height();
        int w = d.g().width();
        for (int c = 0; c < d.cg(); c++) {
            int src = c * d.planeSize() + d.g().padH() * d.wp() + d.g().padW();
            int dst = img.offset() + n * s[0] + (c0 + c) * s[1];
            for (int y = 0; y < h; y++, src += d.wp(), dst += s[2]) {
                if (s[3] == 1) {
                    System.arraycopy(xp, src, id, dst, w);
                } else {
                    for (int q = 0; q < w; q++) {
                        id[dst + q * s[3]] = xp[src + q];
                    }
                }
            }
        }
    }

    private void run(View x, float[] wmat, View out, Conv2dGeometry g, int groups) {
        Dims d = Dims.of(x.shape()[0], out.shape()[1], g, groups);
        float[] od = (float[]) CpuChecks.data(out);
        int ld = d.ld();
        OpenBlas.threads(1);
        par.forRange(d.chunks(), 1, (from, to) -> {
            ConvScratch s = scratch.get();
            FloatBuffer wb = s.get(WEIGHT, (long) d.ocg() * d.rows());
            FloatBuffer ob = s.get(PLANE, (long) d.ocg() * ld);
            FloatBuffer cb = s.get(COLS, (long) d.rows() * ld);
            float[] xp = s.heap(0, d.paddedSize());
            float[] hp = s.heap(1, d.ocg() * ld);
            for (int grp = 0; grp < d.groups(); grp++) {
                wb.put(0, wmat, grp * d.ocg() * d.rows(), d.ocg() * d.rows());
                for (int ch = from; ch < to; ch++) {
                    int n0 = ch * d.chunk();
                    int cnt = Math.min(d.chunk(), d.n() - n0);
                    for (int k = 0; k < cnt; k++) {
                        pad(x, n0 + k, grp * d.cg(), d, xp);
                        unfold(xp, d, cb, ld, k * d.lext());
                    }
                    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                            d.ocg(), cnt * d.lext(), d.rows(), 1f, s.ptr[WEIGHT], d.rows(), s.ptr[COLS], ld, 0f,
                            s.ptr[PLANE], ld);
                    ob.get(0, hp, 0, d.ocg() * ld);
                    for (int k = 0; k < cnt; k++) {
                        crop(hp, ld, k * d.lext(), d, out, od, n0 + k, grp * d.ocg());
                    }
                }
            }
        });
    }

    // ================================================================ backward: weight

    void backwardWeight(View x, View gOut, View gW, Conv2dGeometry g, int groups) {
        Dims d = Dims.of(x.shape()[0], gW.shape()[0], g, groups);
        int per = d.ocg() * d.rows();
        int ld = d.ld();
        Map<Integer, float[]> partials = new TreeMap<>();
        // OpenBLAS is faster with the larger dimension as M: few output channels compute gW^T = cols @ gOut^T.
        boolean transposed = d.rows() > d.ocg();
        OpenBlas.threads(1);
        par.forRange(d.chunks(), 1, (from, to) -> {
            ConvScratch s = scratch.get();
            FloatBuffer cb = s.get(COLS, (long) d.rows() * ld);
            FloatBuffer gb = s.get(PLANE, (long) d.ocg() * ld);
            FloatBuffer pb = s.get(PARTIAL, per);
            float[] xp = s.heap(0, d.paddedSize());
            float[] hp = s.heap(1, d.ocg() * ld);
            float[] mine = new float[per * d.groups()];
            for (int grp = 0; grp < d.groups(); grp++) {
                for (int ch = from; ch < to; ch++) {
                    int n0 = ch * d.chunk();
                    int cnt = Math.min(d.chunk(), d.n() - n0);
                    for (int k = 0; k < cnt; k++) {
                        pad(x, n0 + k, grp * d.cg(), d, xp);
                        unfold(xp, d, cb, ld, k * d.lext());
                        extend(gOut, n0 + k, grp * d.ocg(), d, hp, ld, k * d.lext());
                    }
                    gb.put(0, hp, 0, d.ocg() * ld);
                    float beta = ch == from ? 0f : 1f;
                    if (transposed) {
                        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans,
                                d.rows(), d.ocg(), cnt * d.lext(), 1f, s.ptr[COLS], ld, s.ptr[PLANE], ld, beta,
                                s.ptr[PARTIAL], d.ocg());
                    } else {
                        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans,
                                d.ocg(), d.rows(), cnt * d.lext(), 1f, s.ptr[PLANE], ld, s.ptr[COLS], ld, beta,
                                s.ptr[PARTIAL], d.rows());
                    }
                }
                if (transposed) {
                    float[] t = s.heap(1, per);
                    pb.get(0, t, 0, per);
                    for (int r = 0; r < d.rows(); r++) {
                        for (int o = 0; o < d.ocg(); o++) {
                            mine[grp * per + o * d.rows() + r] = t[r * d.ocg() + o];
                        }
                    }
                } else {
                    pb.get(0, mine, grp * per, per);
                }
            }
            synchronized (partials) {
                partials.put(from, mine);
            }
        });
        writeWeight(gW, CpuParallel.sumInOrder(partials.values(), per * d.groups()));
    }

    // ================================================================ moving data

    /** The weight {@code [OC, C/groups, kH, kW]} (any strides) as a dense row-major array. */
    /** {@code w} as a dense {@code [OC, C/groups, kH, kW]} array. */
    static float[] packWeight(View w) {
        int[] sh = w.shape();
        int[] ws = w.strides();
        float[] wd = (float[]) CpuChecks.data(w);
        int per = sh[1] * sh[2] * sh[3];
        float[] m = new float[sh[0] * per];
        if (ws[3] == 1 && ws[2] == sh[3] && ws[1] == sh[2] * sh[3]) {
            for (int o = 0; o < sh[0]; o++) {
                System.arraycopy(wd, w.offset() + o * ws[0], m, o * per, per);
            }
            return m;
        }
        int t = 0;
        for (int o = 0; o < sh[0]; o++) {
            for (int c = 0; c < sh[1]; c++) {
                for (int i = 0; i < sh[2]; i++) {
                    for (int j = 0; j < sh[3]; j++) {
                        m[t++] = wd[w.offset() + o * ws[0] + c * ws[1] + i * ws[2] + j * ws[3]];
                    }
                }
            }
        }
        return m;
    }

    /** Writes a dense {@code [OC, C/groups*kH*kW]} gradient into {@code gW} (any strides). */
    /** Dense {@code total} ({@code gW}'s shape, row-major) into the any-strided {@code gW}. */
    static void writeWeight(View gW, float[] total) {
        int[] sh = gW.shape();
        int[] ws = gW.strides();
        float[] wd = (float[]) CpuChecks.data(gW);
        int t = 0;
        for (int o = 0; o < sh[0]; o++) {
            for (int c = 0; c < sh[1]; c++) {
                for (int i = 0; i < sh[2]; i++) {
                    for (int j = 0; j < sh[3]; j++) {
                        wd[gW.offset() + o * ws[0] + c * ws[1] + i * ws[2] + j * ws[3]] = total[t++];
                    }
                }
            }
        }
    }

    /** Channels {@code [c0, c0+cg)} of image {@code n} into the zero-padded planes {@code xp}. */
    private static void pad(View x, int n, int c0, Dims d, float[] xp) {
        float[] xd = (float[]) CpuChecks.data(x);
        int[] xs = x.strides();
        int h = d.g().height();
        int w = d.g().width();
        int ph = d.g().padH();
        int pw = d.g().padW();
        int plane = d.planeSize();
        if (ph != 0 || pw != 0) {
            Arrays.fill(xp, 0, d.paddedSize(), 0f);
        } else {
            Arrays.fill(xp, d.cg() * plane, d.paddedSize(), 0f);
        }
        for (int c = 0; c < d.cg(); c++) {
            int src = x.offset() + n * xs[0] + (c0 + c) * xs[1];
            int dst = c * plane + ph * d.wp() + pw;
            for (int y = 0; y < h; y++, src += xs[2], dst += d.wp()) {
                if (xs[3] == 1) {
                    System.arraycopy(xd, src, xp, dst, w);
                } else {
                    for (int q = 0; q < w; q++) {
                        xp[dst + q] = xd[src + q * xs[3]];
                    }
                }
            }
        }
    }

    /** Rows {@code (c*kH + i)*kW + j} of the extended column matrix, from column {@code col}: one copy each. */
    private static void unfold(float[] xp, Dims d, FloatBuffer cols, int ld, int col) {
        int kh = d.g().kernelH();
        int kw = d.g().kernelW();
        int plane = d.planeSize();
        int row = 0;
        for (int c = 0; c < d.cg(); c++) {
            for (int i = 0; i < kh; i++) {
                int base = c * plane + i * d.g().dilationH() * d.wp();
                for (int j = 0; j < kw; j++, row++) {
                    cols.put(row * ld + col, xp, base + j * d.g().dilationW(), d.lext());
                }
            }
        }
    }

    /** Output planes of image {@code n} from the extended product {@code hp} (from column {@code col}). */
    private static void crop(float[] hp, int ld, int col, Dims d, View out, float[] od, int n, int first) {
        int[] os = out.strides();
        int ow = d.ow();
        boolean dense = os[3] == 1;
        for (int o = 0; o < d.ocg(); o++) {
            int dst = out.offset() + n * os[0] + (first + o) * os[1];
            int src = o * ld + col;
            for (int y = 0; y < d.oh(); y++, dst += os[2], src += d.wp()) {
                if (dense) {
                    System.arraycopy(hp, src, od, dst, ow);
                } else {
                    for (int q = 0; q < ow; q++) {
                        od[dst + q * os[3]] = hp[src + q];
                    }
                }
            }
        }
    }

    /** Gradient planes of image {@code n} onto the extended grid in {@code hp}, zero in the extra columns. */
    private static void extend(View gOut, int n, int first, Dims d, float[] hp, int ld, int col) {
        float[] gd = (float[]) CpuChecks.data(gOut);
        int[] gs = gOut.strides();
        int ow = d.ow();
        int wp = d.wp();
        for (int o = 0; o < d.ocg(); o++) {
            int src = gOut.offset() + n * gs[0] + (first + o) * gs[1];
            int dst = o * ld + col;
            for (int y = 0; y < d.oh(); y++, src += gs[2], dst += wp) {
                if (gs[3] == 1) {
                    System.arraycopy(gd, src, hp, dst, ow);
                } else {
                    for (int q = 0; q < ow; q++) {
                        hp[dst + q] = gd[src + q * gs[3]];
                    }
                }
                Arrays.fill(hp, dst + ow, dst + wp, 0f);
            }
        }
    }
}
