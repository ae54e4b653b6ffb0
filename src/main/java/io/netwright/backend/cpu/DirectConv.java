package io.netwright.backend.cpu;

import io.netwright.backend.Conv2dGeometry;
import io.netwright.backend.DType;
import io.netwright.backend.ReduceOp;
import io.netwright.backend.View;
import java.util.Arrays;

/**
 * Direct AVX-512 convolution for the layers CNNs are made of: stride 1, dilation 1, ungrouped, on contiguous NCHW
 * tensors. The kernels ({@code src/main/c/netwright_conv.c}, built into the SGEMM shim's library) pad each image
 * once and run a register-blocked 8-channel x 48-position micro-kernel over the padded rows, with no column matrix,
 * so small channel counts (32, 64) run near the FMA peak where im2col + GEMM is held back by unfolding, packing and a
 * small M.
 * <ul>
 *   <li>{@link #forward}: {@code out = conv(x, w)};</li>
 *   <li>{@link #backwardInput}: the same kernel on {@code gOut} with the flipped, transposed weight;</li>
 *   <li>{@link #backwardWeight} (3x3 and 5x5 kernels, at least 6 input channels): channel-last accumulation over all
 *       output positions, summed over image chunks in chunk order (deterministic for a thread count).</li>
 * </ul>
 * Images are split over the worker threads. Where the library or AVX-512 is missing, {@link #available()} is false
 * and {@link CpuConvGemm} keeps its GEMM paths; {@code -Dnetwright.conv.direct=false} turns it off.
 */
final class DirectConv {

    private static final boolean ENABLED = !"false".equals(System.getProperty("netwright.conv.direct"));
    /** Largest kernel area the forward kernel takes (its tap offsets live in a fixed array). */
    private static final int MAX_TAPS = 64;

    private final CpuParallel par;

    DirectConv(CpuParallel par) {
        this.par = par;
    }

    /** Lazy: the library is loaded by {@link CriticalSgemm}; this asks the CPU for AVX-512 once. */
    private static final class Holder {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            if (!ENABLED || !CriticalSgemm.available()) {
                return false;
            }
            try {
                return supported0();
            } catch (UnsatisfiedLinkError e) {
                return false; // a shim built before the direct convolution existed
            }
        }
    }

    /** Whether the native kernels are loaded and this CPU runs them (AVX-512F and FMA). */
    static boolean available() {
        return Holder.AVAILABLE;
    }

    /** True if the forward kernel (and with it the input gradient's) handles geometry {@code g}. */
    static boolean handles(Conv2dGeometry g, int groups) {
        return available() && groups == 1 && g.strideH() == 1 && g.strideW() == 1 && g.dilationH() == 1
                && g.dilationW() == 1 && g.kernelH() * g.kernelW() <= MAX_TAPS && g.outHeight() > 0
                && g.outWidth() > 0;
    }

    /** True if the input gradient runs as the forward kernel: the flipped convolution's padding is non-negative. */
    static boolean handlesInputGradient(Conv2dGeometry g, int groups) {
        return handles(g, groups) && g.padH() <= g.kernelH() - 1 && g.padW() <= g.kernelW() - 1;
    }

    /**
     * True if the weight-gradient kernel handles {@code g}: 3x3 or 5x5 kernels and at least 6 input channels (it
     * vectorises over 16 input channels, so fewer would leave most lanes idle).
     */
    static boolean handlesWeightGradient(Conv2dGeometry g, int groups) {
        return handles(g, groups) && g.kernelH() == g.kernelW() && (g.kernelH() == 3 || g.kernelH() == 5)
                && g.channels() >= 6;
    }

    /**
     * {@code out = conv(x, w) + bias}, then ReLU if {@code relu}; {@code x} and {@code out} contiguous NCHW,
     * {@code w} any-strided, {@code bias} ({@code [OC]}, any stride) or null.
     */
    void forward(View x, View w, View bias, View out, Conv2dGeometry g, boolean relu) {
        run(x, blocks(CpuConvRows.packWeight(w), out.shape()[1], g.channels(), g.kernelH() * g.kernelW()),
                bias == null ? null : dense(bias), out, g, relu);
    }

    private static float[] dense(View v) {
        float[] d = (float[]) CpuChecks.data(v);
        float[] r = new float[v.shape()[0]];
        for (int i = 0; i < r.length; i++) {
            r[i] = d[v.offset() + i * v.strides()[0]];
        }
        return r;
    }

    /** {@code gIn = conv(gOut, flip(w)^T)}, overwriting {@code gIn}. */
    void backwardInput(View gOut, View w, View gIn, Conv2dGeometry g) {
        run(gOut, blocks(CpuConvRows.flippedWeight(w, g, 1), g.channels(), w.shape()[0], g.kernelH() * g.kernelW()),
                null, gIn, CpuConvRows.flippedGeometry(w.shape()[0], g), false);
    }

    /**
     * Dense {@code [oc][c][taps]} weights in the forward kernel's layout: blocks of 8 output channels,
     * {@code [ceil(oc/8)][c][taps][8]}, zero past {@code oc}.
     */
    static float[] blocks(float[] w, int oc, int c, int taps) {
        int ocp = (oc + 7) / 8 * 8;
        float[] p = new float[ocp * c * taps];
        for (int o = 0; o < oc; o++) {
            int block = (o / 8) * 8 * c * taps;
            int lane = o % 8;
            int src = o * c * taps;
            for (int k = 0; k < c * taps; k++) {
                p[block + k * 8 + lane] = w[src + k];
            }
        }
        return p;
    }

    /** {@code wd}: the weights already in {@link #blocks} layout. */
    private void run(View x, float[] wd, float[] bias, View out, Conv2dGeometry g, boolean relu) {
        int n = x.shape()[0];
        int c = g.channels();
        int h = g.height();
        int wi = g.width();
        int oc = out.shape()[1];
        int inPer = c * h * wi;
        int outPer = oc * g.outHeight() * g.outWidth();
        float[] xd = (float[]) CpuChecks.data(x);
        float[] od = (float[]) CpuChecks.data(out);
        checkSpan("input", x, xd, n, inPer);
        checkSpan("output", out, od, n, outPer);
        par.forRange(n, 1, (from, to) -> {
            if (!forward0(xd, x.offset() + from * inPer, to - from, c, h, wi, wd, 0, oc, g.kernelH(), g.kernelW(),
                    g.padH(), g.padW(), bias, 0, relu, od, out.offset() + from * outPer)) {
                throw new OutOfMemoryError("direct conv2d: no native memory for its scratch buffers (" + c
                        + " channels of " + h + "x" + wi + ") — run with -Dnetwright.conv.direct=false");
            }
        });
    }

    /** {@code gW = sum over images of the weight gradient}, overwriting {@code gW} (any-strided). */
    void backwardWeight(View x, View gOut, View gW, Conv2dGeometry g) {
        int n = x.shape()[0];
        int c = g.channels();
        int h = g.height();
        int wi = g.width();
        int oc = gW.shape()[0];
        int inPer = c * h * wi;
        int outPer = oc * g.outHeight() * g.outWidth();
        int k = g.kernelH();
        int per = oc * c * k * k;
        float[] xd = (float[]) CpuChecks.data(x);
        float[] gd = (float[]) CpuChecks.data(gOut);
        checkSpan("input", x, xd, n, inPer);
        checkSpan("output gradient", gOut, gd, n, outPer);
        int chunks = Math.min(n, par.threads());
        float[][] partial = new float[chunks][per];
        par.forRange(chunks, 1, (from, to) -> {
            for (int part = from; part < to; part++) {
                int n0 = (int) ((long) n * part / chunks);
                int n1 = (int) ((long) n * (part + 1) / chunks);
                if (!backwardWeight0(xd, x.offset() + n0 * inPer, gd, gOut.offset() + n0 * outPer, n1 - n0, c, h,
                        wi, oc, k, k, g.padH(), g.padW(), partial[part], 0)) {
                    throw new OutOfMemoryError("direct conv2d backward: no native memory for its scratch buffers"
                            + " — run with -Dnetwright.conv.direct=false");
                }
            }
        });
        CpuConvRows.writeWeight(gW, CpuParallel.sumInOrder(Arrays.asList(partial), per));
    }

    /** True if {@code v} is contiguous NCHW (the kernels' layout). */
    static boolean contiguous(View v) {
        return Arrays.equals(v.strides(), View.contiguousStrides(v.shape()));
    }

    private static void checkSpan(String what, View v, float[] data, int n, int per) {
        if (!contiguous(v) || v.offset() < 0 || v.offset() + (long) n * per > data.length) {
            throw new IllegalArgumentException("direct conv2d: the " + what + " " + Arrays.toString(v.shape())
                    + " is not a contiguous NCHW span of its buffer — call it only for contiguous tensors");
        }
    }

    /**
     * True if {@code sum(x, dims)} is a convolution's bias gradient the native kernel computes: a contiguous 4-D
     * FLOAT32 {@code x} summed over {@code [0, 2, 3]} into a contiguous {@code out} of {@code C} elements.
     */
    static boolean handlesChannelSums(ReduceOp op, View x, int[] dims, View out) {
        return available() && op == ReduceOp.SUM && x.shape().length == 4 && Arrays.equals(dims, new int[]{0, 2, 3})
                && x.buffer().dtype() == DType.FLOAT32 && out.buffer().dtype() == DType.FLOAT32 && contiguous(x)
                && contiguous(out) && out.numel() == x.shape()[1];
    }

    /** {@code out[c] = sum over n, h, w of x[n, c, h, w]} (each plane in float lanes, planes summed in double). */
    void channelSums(View x, View out) {
        int n = x.shape()[0];
        int c = x.shape()[1];
        int hw = x.shape()[2] * x.shape()[3];
        float[] xd = (float[]) CpuChecks.data(x);
        float[] od = (float[]) CpuChecks.data(out);
        checkSpan("input", x, xd, n, c * hw);
        par.forRange(c, Math.max(1, CpuParallel.GRAIN / Math.max(1, n * hw)), (from, to) -> {
            if (!channelSums0(xd, x.offset(), n, c, hw, from, to, od, out.offset() + from)) {
                throw new OutOfMemoryError("conv bias gradient: the arrays could not be pinned");
            }
        });
    }

    private static native boolean supported0();

    private static native boolean channelSums0(float[] x, int xOff, int n, int c, int hw, int c0, int c1,
                                               float[] out, int outOff);

    private static native boolean forward0(float[] x, int xOff, int n, int c, int h, int w, float[] wt, int wOff,
                                           int oc, int kh, int kw, int ph, int pw, float[] bias, int bOff,
                                           boolean relu, float[] out, int outOff);

    private static native boolean backwardWeight0(float[] x, int xOff, float[] gOut, int gOff, int n, int c, int h,
                                                  int w, int oc, int kh, int kw, int ph, int pw, float[] gw,
                                                  int gwOff);
}
