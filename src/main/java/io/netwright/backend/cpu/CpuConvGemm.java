package io.netwright.backend.cpu;

import io.netwright.backend.Conv2dGeometry;
import io.netwright.backend.DType;
import io.netwright.backend.View;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.openblas.global.openblas;

/**
 * Fused convolution through OpenBLAS, one image (and group) at a time: the image's column matrix is unfolded
 * straight into native memory and multiplied there, so the large column matrix never exists on the Java heap and is
 * never copied across; the product lands directly in the output's {@code [OC, OH*OW]} plane. Images are spread over
 * the worker threads in cache-sized chunks, each product on one OpenBLAS thread.
 *
 * <p>Backward recomputes each image's columns instead of keeping them, trading a cheap unfold for the memory.
 * Stride-1 convolutions (the common case) take {@link CpuConvRows}'s faster padded-rows path instead.
 */
final class CpuConvGemm {

    private static final int COLS = 0;
    private static final int WEIGHT = 1;
    private static final int PLANE = 2;
    private static final int PARTIAL = 3;

    private final CpuParallel par;
    private final CpuConvRows rowsPath;
    private final DirectConv direct;
    private final ThreadLocal<ConvScratch> scratch = ThreadLocal.withInitial(ConvScratch::new);

    CpuConvGemm(CpuParallel par) {
        this.par = par;
        this.rowsPath = new CpuConvRows(par);
        this.direct = new DirectConv(par);
    }

    /** Shapes of one call, per group. */
    private record Dims(int n, int groups, int cg, int ocg, int rows, int l, Conv2dGeometry group, int chunk) {
        static Dims of(View x, View w, Conv2dGeometry g, int groups) {
            int cg = g.channels() / groups;
            Conv2dGeometry gg = new Conv2dGeometry(cg, g.height(), g.width(), g.kernelH(), g.kernelW(), g.strideH(),
                    g.strideW(), g.padH(), g.padW(), g.dilationH(), g.dilationW());
            int n = x.shape()[0];
            // Images per GEMM: enough columns to make the product efficient, few enough to stay cache-sized.
            long perImage = (long) gg.colRows() * gg.colCols();
            int chunk = (int) Math.max(1, Math.min(n, CHUNK_FLOATS / Math.max(1, perImage)));
            return new Dims(n, groups, cg, w.shape()[0] / groups, gg.colRows(), gg.colCols(), gg, chunk);
        }

        long macs() {
            return (long) ocg * rows * l * chunk;
        }

        /** Columns of one chunk's matrices. */
        int ld() {
            return l * chunk;
        }

        int chunks() {
            return (n + chunk - 1) / chunk;
        }
    }

    /** Target size (floats) of one chunk's column matrix (256 KB, cache-sized); {@code -Dnetwright.conv.chunk=N} tunes it. */
    static final long CHUNK_FLOATS = Long.getLong("netwright.conv.chunk", 1L << 16);

    private void check(String op, View x, View w, View y, Conv2dGeometry g, int groups) {
        CpuChecks.rank(op + " input", x, 4);
        CpuChecks.rank(op + " weight", w, 4);
        CpuChecks.rank(op + " output", y, 4);
        for (View v : new View[]{x, w, y}) {
            CpuChecks.dtype(op, v, DType.FLOAT32);
        }
        if (groups <= 0 || g.channels() % groups != 0 || w.shape()[0] % groups != 0
                || w.shape()[1] != g.channels() / groups) {
            throw new IllegalArgumentException(op + ": weight " + java.util.Arrays.toString(w.shape())
                    + " does not fit " + g.channels() + " input channels in " + groups + " groups");
        }
        CpuChecks.shape(op + " input", x, x.shape()[0], g.channels(), g.height(), g.width());
        CpuChecks.shape(op + " output", y, x.shape()[0], w.shape()[0], g.outHeight(), g.outWidth());
    }

    /**
     * Runs {@code body} over chunk indices in parallel, each chunk's products on one OpenBLAS thread (OpenBLAS's
     * own threading is never switched on and off: that costs about a millisecond per change).
     */
    private void overChunks(Dims d, CpuParallel.Range body) {
        OpenBlas.threads(1);
        par.forRange(d.chunks(), 1, body);
    }

    // ================================================================ forward

    /**
     * {@code out = conv(x, w) + bias}, then ReLU if {@code relu}, in one pass where the direct kernel handles
     * {@code g}; false (nothing written) otherwise, and the caller adds the bias and activation after
     * {@link #forward}.
     */
    boolean forwardFused(View x, View w, View bias, View out, Conv2dGeometry g, int groups, boolean relu) {
        check("conv2d", x, w, out, g, groups);
        if (!directForward(x, out, g, groups)) {
            return false;
        }
        direct.forward(x, w, bias, out, g, relu);
        return true;
    }

    private static boolean directForward(View x, View out, Conv2dGeometry g, int groups) {
        return DirectConv.handles(g, groups) && DirectConv.contiguous(x)
                && DirectConv.contiguous(out);
    }

    /** A convolution's bias gradient, {@code out[c] = sum of x[:, c, :, :]} (see {@link DirectConv#channelSums}). */
    void channelSums(View x, View out) {
        direct.channelSums(x, out);
    }

    void forward(View x, View w, View out, Conv2dGeometry g, int groups) {
        check("conv2d", x, w, out, g, groups);
        if (directForward(x, out, g, groups)) {
            direct.forward(x, w, null, out, g, false);
            return;
        }
        if (CpuConvRows.handles(g)) {
            rowsPath.forward(x, w, out, g, groups);
            return;
        }
        Dims d = Dims.of(x, w, g, groups);
        float[] od = (float[]) CpuChecks.data(out);
        int ld = d.ld();
        overChunks(d, (from, to) -> {
            ConvScratch s = scratch.get();
            FloatBuffer wb = s.get(WEIGHT, (long) d.ocg() * d.rows());
            FloatBuffer ob = s.get(PLANE, (long) d.ocg() * ld);
            FloatBuffer cb = s.get(COLS, (long) d.rows() * ld);
            for (int grp = 0; grp < d.groups(); grp++) {
                putMatrix(w, grp * d.ocg(), d.ocg(), d.rows(), wb);
                for (int ch = from; ch < to; ch++) {
                    int n0 = ch * d.chunk();
                    int cnt = Math.min(d.chunk(), d.n() - n0);
                    float[] hc = s.heap(0, d.rows() * ld);
                    for (int k = 0; k < cnt; k++) {
                        im2col(x, n0 + k, grp * d.cg(), d.group(), hc, ld, k * d.l());
                    }
                    cb.put(0, hc, 0, d.rows() * ld);
                    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans,
                            d.ocg(), cnt * d.l(), d.rows(), 1f, s.ptr[WEIGHT], d.rows(), s.ptr[COLS], ld, 0f,
                            s.ptr[PLANE], ld);
                    for (int k = 0; k < cnt; k++) {
                        getPlanes(ob, ld, k * d.l(), out, od, n0 + k, grp * d.ocg(), d.ocg(), d.l());
                    }
                }
            }
        });
    }

    // ================================================================ backward: input

    void backwardInput(View gOut, View w, View gIn, Conv2dGeometry g, int groups) {
        check("conv2d backward", gIn, w, gOut, g, groups);
        // With 1-3 input channels the flipped convolution's output blocks (8 channels) would be mostly padding.
        if (g.channels() >= 4 && DirectConv.handlesInputGradient(g, groups) && DirectConv.contiguous(gOut)
                && DirectConv.contiguous(gIn)) {
            direct.backwardInput(gOut, w, gIn, g);
            return;
        }
        if (CpuConvRows.handles(g)) {
            // The flipped convolution's M is the input channel count: with fewer input than output channels the
            // column-matrix product (M = C*kH*kW) is faster.
            if (w.shape()[1] < w.shape()[0] / groups || !CpuConvRows.handlesInputGradient(g)) {
                rowsPath.backwardInputCols(gOut, w, gIn, g, groups);
            } else {
                rowsPath.backwardInput(gOut, w, gIn, g, groups);
            }
            return;
        }
        Dims d = Dims.of(gIn, w, g, groups);
        float[] gi = (float[]) CpuChecks.data(gIn);
        float[] god = (float[]) CpuChecks.data(gOut);
        int ld = d.ld();
        overChunks(d, (from, to) -> {
            ConvScratch s = scratch.get();
            s.get(WEIGHT, (long) d.ocg() * d.rows());
            FloatBuffer gb = s.get(PLANE, (long) d.ocg() * ld);
            FloatBuffer cb = s.get(COLS, (long) d.rows() * ld);
            for (int n = from * d.chunk(); n < Math.min(d.n(), to * d.chunk()); n++) {
                zeroImage(gIn, gi, n);
            }
            for (int grp = 0; grp < d.groups(); grp++) {
                putMatrix(w, grp * d.ocg(), d.ocg(), d.rows(), s.buf[WEIGHT]);
                for (int ch = from; ch < to; ch++) {
                    int n0 = ch * d.chunk();
                    int cnt = Math.min(d.chunk(), d.n() - n0);
                    for (int k = 0; k < cnt; k++) {
                        putPlanes(gOut, god, n0 + k, grp * d.ocg(), d.ocg(), d.l(), gb, ld, k * d.l());
                    }
                    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans,
                            d.rows(), cnt * d.l(), d.ocg(), 1f, s.ptr[WEIGHT], d.rows(), s.ptr[PLANE], ld, 0f,
                            s.ptr[COLS], ld);
                    float[] hc = s.heap(0, d.rows() * ld);
                    cb.get(0, hc, 0, d.rows() * ld);
                    for (int k = 0; k < cnt; k++) {
                        col2im(hc, ld, k * d.l(), gIn, gi, n0 + k, grp * d.cg(), d.group());
                    }
                }
            }
        });
    }

    // ================================================================ backward: weight

    void backwardWeight(View x, View gOut, View gW, Conv2dGeometry g, int groups) {
        check("conv2d backward", x, gW, gOut, g, groups);
        if (DirectConv.handlesWeightGradient(g, groups) && DirectConv.contiguous(x) && DirectConv.contiguous(gOut)) {
            direct.backwardWeight(x, gOut, gW, g);
            return;
        }
        if (CpuConvRows.handles(g)) {
            rowsPath.backwardWeight(x, gOut, gW, g, groups);
            return;
        }
        Dims d = Dims.of(x, gW, g, groups);
        float[] god = (float[]) CpuChecks.data(gOut);
        int per = d.ocg() * d.rows();
        Map<Integer, float[]> partials = new TreeMap<>();
        int ld = d.ld();
        overChunks(d, (from, to) -> {
            ConvScratch s = scratch.get();
            FloatBuffer cb = s.get(COLS, (long) d.rows() * ld);
            FloatBuffer gb = s.get(PLANE, (long) d.ocg() * ld);
            FloatBuffer pb = s.get(PARTIAL, (long) per);
            float[] mine = new float[per * d.groups()];
            for (int grp = 0; grp < d.groups(); grp++) {
                for (int ch = from; ch < to; ch++) {
                    int n0 = ch * d.chunk();
                    int cnt = Math.min(d.chunk(), d.n() - n0);
                    float[] hc = s.heap(0, d.rows() * ld);
                    for (int k = 0; k < cnt; k++) {
                        im2col(x, n0 + k, grp * d.cg(), d.group(), hc, ld, k * d.l());
                        putPlanes(gOut, god, n0 + k, grp * d.ocg(), d.ocg(), d.l(), gb, ld, k * d.l());
                    }
                    cb.put(0, hc, 0, d.rows() * ld);
                    openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans,
                            d.ocg(), d.rows(), cnt * d.l(), 1f, s.ptr[PLANE], ld, s.ptr[COLS], ld,
                            ch == from ? 0f : 1f, s.ptr[PARTIAL], d.rows());
                }
                pb.get(0, mine, grp * per, per);
            }
            synchronized (partials) {
                partials.put(from, mine);
            }
        });
        writeWeight(gW, CpuParallel.sumInOrder(partials.values(), per * d.groups()), d);
    }

    // ================================================================ moving data

    /** Rows {@code [first, first+count)} of weight {@code w} (flattened to {@code rows} columns) into {@code dst}. */
    private static void putMatrix(View w, int first, int count, int rows, FloatBuffer dst) {
        float[] wd = (float[]) CpuChecks.data(w);
        int[] ws = w.strides();
        int kh = w.shape()[2];
        int kw = w.shape()[3];
        boolean dense = ws[3] == 1 && ws[2] == kw && ws[1] == kh * kw;
        for (int o = 0; o < count; o++) {
            int base = w.offset() + (first + o) * ws[0];
            if (dense) {
                dst.put(o * rows, wd, base, rows);
            } else {
                int r = 0;
                for (int c = 0; c < w.shape()[1]; c++) {
                    for (int i = 0; i < kh; i++) {
                        for (int j = 0; j < kw; j++) {
                            dst.put(o * rows + r++, wd[base + c * ws[1] + i * ws[2] + j * ws[3]]);
                        }
                    }
                }
            }
        }
    }

    /** Writes the summed weight gradient {@code [groups*ocg, rows]} into {@code gW} (any strides). */
    private static void writeWeight(View gW, float[] total, Dims d) {
        float[] wd = (float[]) CpuChecks.data(gW);
        int[] ws = gW.strides();
        int kh = gW.shape()[2];
        int kw = gW.shape()[3];
        int oc = gW.shape()[0];
        for (int o = 0; o < oc; o++) {
            int r = 0;
            for (int c = 0; c < gW.shape()[1]; c++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        wd[gW.offset() + o * ws[0] + c * ws[1] + i * ws[2] + j * ws[3]] = total[o * d.rows() + r++];
                    }
                }
            }
        }
    }

    /** Output planes {@code [first, first+count)} of image {@code n} from native {@code src} ({@code [count, l]}). */
    private static void getPlanes(FloatBuffer src, int ld, int col, View out, float[] od, int n, int first,
                                  int count, int l) {
        int[] os = out.strides();
        int ow = out.shape()[3];
        boolean dense = os[3] == 1 && os[2] == ow;
        for (int o = 0; o < count; o++) {
            int base = out.offset() + n * os[0] + (first + o) * os[1];
            if (dense) {
                src.get(o * ld + col, od, base, l);
            } else {
                for (int p = 0; p < l; p++) {
                    od[base + (p / ow) * os[2] + (p % ow) * os[3]] = src.get(o * ld + col + p);
                }
            }
        }
    }

    /** Gradient planes {@code [first, first+count)} of image {@code n} into native {@code dst}. */
    private static void putPlanes(View gOut, float[] gd, int n, int first, int count, int l, FloatBuffer dst,
                                  int ld, int col) {
        int[] gs = gOut.strides();
        int ow = gOut.shape()[3];
        boolean dense = gs[3] == 1 && gs[2] == ow;
        for (int o = 0; o < count; o++) {
            int base = gOut.offset() + n * gs[0] + (first + o) * gs[1];
            if (dense) {
                dst.put(o * ld + col, gd, base, l);
            } else {
                for (int p = 0; p < l; p++) {
                    dst.put(o * ld + col + p, gd[base + (p / ow) * gs[2] + (p % ow) * gs[3]]);
                }
            }
        }
    }

    private static void zeroImage(View img, float[] d, int n) {
        int[] s = img.strides();
        int[] sh = img.shape();
        for (int c = 0; c < sh[1]; c++) {
            for (int h = 0; h < sh[2]; h++) {
                int base = img.offset() + n * s[0] + c * s[1] + h * s[2];
                if (s[3] == 1) {
                    java.util.Arrays.fill(d, base, base + sh[3], 0f);
                } else {
                    for (int w = 0; w < sh[3]; w++) {
                        d[base + w * s[3]] = 0f;
                    }
                }
            }
        }
    }

    /**
     * Unfolds channels {@code [c0, c0+g.channels())} of image {@code n} into {@code cols} (row length {@code ld},
     * starting at column {@code col}), row {@code (c*kH + i)*kW + j}, padding as zeros.
     */
    private static void im2col(View x, int n, int c0, Conv2dGeometry g, float[] cols, int ld, int col) {
        float[] xd = (float[]) CpuChecks.data(x);
        int[] xs = x.strides();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kernelH();
        int kw = g.kernelW();
        for (int c = 0; c < g.channels(); c++) {
            int plane = x.offset() + n * xs[0] + (c0 + c) * xs[1];
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int row = ((c * kh + i) * kw + j) * ld + col;
                    int hOff = i * g.dilationH() - g.padH();
                    int wOff = j * g.dilationW() - g.padW();
                    int lo = Math.min(ow, CpuConv.firstInside(wOff, g.strideW()));
                    int hi = Math.max(lo, CpuConv.lastInside(wOff, g.strideW(), g.width(), ow));
                    int step = g.strideW() * xs[3];
                    for (int y = 0; y < oh; y++) {
                        int h = y * g.strideH() + hOff;
                        int dst = row + y * ow;
                        if (h < 0 || h >= g.height()) {
                            java.util.Arrays.fill(cols, dst, dst + ow, 0f);
                            continue;
                        }
                        for (int q = 0; q < lo; q++) {
                            cols[dst + q] = 0f;
                        }
                        int xi = plane + h * xs[2] + (lo * g.strideW() + wOff) * xs[3];
                        for (int q = lo; q < hi; q++, xi += step) {
                            cols[dst + q] = xd[xi];
                        }
                        for (int q = hi; q < ow; q++) {
                            cols[dst + q] = 0f;
                        }
                    }
                }
            }
        }
    }

    /** Adds {@code cols} (row length {@code ld}, from column {@code col}) back into the channels of image {@code n}. */
    private static void col2im(float[] cols, int ld, int col, View img, float[] d, int n, int c0,
                               Conv2dGeometry g) {
        int[] s = img.strides();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kernelH();
        int kw = g.kernelW();
        for (int c = 0; c < g.channels(); c++) {
            int plane = img.offset() + n * s[0] + (c0 + c) * s[1];
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int row = ((c * kh + i) * kw + j) * ld + col;
                    int hOff = i * g.dilationH() - g.padH();
                    int wOff = j * g.dilationW() - g.padW();
                    int lo = CpuConv.firstInside(wOff, g.strideW());
                    int hi = CpuConv.lastInside(wOff, g.strideW(), g.width(), ow);
                    int step = g.strideW() * s[3];
                    for (int y = 0; y < oh; y++) {
                        int h = y * g.strideH() + hOff;
                        if (h < 0 || h >= g.height()) {
                            continue;
                        }
                        int oi = plane + h * s[2] + (lo * g.strideW() + wOff) * s[3];
                        for (int q = lo, ci = row + y * ow + lo; q < hi; q++, ci++, oi += step) {
                            d[oi] += cols[ci];
                        }
                    }
                }
            }
        }
    }
}
