package io.netwright.tensor;

import io.netwright.backend.Backend;
import io.netwright.backend.View;

/**
 * {@code interpolate} in nearest and bilinear modes, composed from a recorded gather along one dim
 * ({@link #indexAlong}) and broadcast multiplies, so gradients come from the pieces' rules. Source indices and
 * weights follow PyTorch's CPU kernels exactly, computed in float as PyTorch does for float32 input.
 */
final class ResizeOps {

    private ResizeOps() {
    }

    static Tensor interpolate(Tensor x, int outH, int outW, String mode, boolean alignCorners) {
        check(x, mode, alignCorners);
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("interpolate: output size must be positive, got " + outH + "x"
                    + outW);
        }
        return resize(x, outH, outW, Double.NaN, Double.NaN, mode, alignCorners);
    }

    static Tensor interpolate(Tensor x, double[] scaleFactors, String mode, boolean alignCorners) {
        check(x, mode, alignCorners);
        if (scaleFactors == null || scaleFactors.length < 1 || scaleFactors.length > 2) {
            throw new IllegalArgumentException("interpolate: scale_factor must have 1 or 2 elements (h, w), got "
                    + (scaleFactors == null ? "null" : java.util.Arrays.toString(scaleFactors)));
        }
        double sh = scaleFactors[0];
        double sw = scaleFactors.length == 2 ? scaleFactors[1] : sh;
        if (!(sh > 0) || !(sw > 0) || Double.isInfinite(sh) || Double.isInfinite(sw)) {
            throw new IllegalArgumentException("interpolate: scale_factor must be positive and finite, got "
                    + java.util.Arrays.toString(scaleFactors));
        }
        // PyTorch: output size = floor(input size * scale), and the given scale (not in/out) maps indices back.
        int oh = (int) Math.floor(x.size(2) * sh);
        int ow = (int) Math.floor(x.size(3) * sw);
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException("interpolate: input " + x.size(2) + "x" + x.size(3)
                    + " scaled by " + java.util.Arrays.toString(scaleFactors) + " gives an empty output " + oh + "x"
                    + ow + " — use a larger scale_factor");
        }
        return resize(x, oh, ow, sh, sw, mode, alignCorners);
    }

    private static void check(Tensor x, String mode, boolean alignCorners) {
        String op = "interpolate";
        if (!"nearest".equals(mode) && !"bilinear".equals(mode)) {
            throw new IllegalArgumentException(op + ": mode '" + mode + "' is not supported — use 'nearest' or "
                    + "'bilinear'");
        }
        CnnArgs.checkFloat(op, "input", x);
        if (x.dim() != 4) {
            throw new IllegalArgumentException(op + ": Got " + x.dim() + "D input, but " + mode + " mode needs 4D "
                    + "input [N, C, H, W] (input of size " + x.shape() + ") — add a batch dim with unsqueeze(0)");
        }
        CnnArgs.checkNonEmpty(op, x);
        if (alignCorners && "nearest".equals(mode)) {
            throw new IllegalArgumentException(op + ": align_corners option can only be set with the interpolating "
                    + "modes: linear | bilinear | bicubic | trilinear — pass alignCorners=false for 'nearest'");
        }
    }

    private static Tensor resize(Tensor x, int oh, int ow, double sh, double sw, String mode, boolean align) {
        int h = x.size(2);
        int w = x.size(3);
        if ("nearest".equals(mode)) {
            Tensor t = oh == h ? x : indexAlong(x, 2, nearest(h, oh, sh));
            t = ow == w ? t : indexAlong(t, 3, nearest(w, ow, sw));
            return t == x ? x.clone() : t;
        }
        Tensor t = x;
        if (ow != w) {
            t = linear(t, 3, linearWeights(w, ow, sw, align));
        }
        if (oh != h) {
            t = linear(t, 2, linearWeights(h, oh, sh, align));
        }
        return t == x ? x.clone() : t;
    }

    // ================================================================ source indices (PyTorch's rules)

    /** PyTorch's {@code compute_scales_value}: 1/scale when a scale was given, else in/out (in float). */
    private static float scaleValue(int in, int out, double scale) {
        return scale > 0 ? (float) (1.0 / scale) : (float) in / out;
    }

    /** PyTorch's {@code nearest_idx}: identity, halving, or {@code min(floor(dst * scale), in - 1)}. */
    static long[] nearest(int in, int out, double scale) {
        long[] idx = new long[out];
        float s = scaleValue(in, out, scale);
        for (int i = 0; i < out; i++) {
            if (out == in) {
                idx[i] = i;
            } else if (out == 2 * in) {
                idx[i] = i >> 1;
            } else {
                idx[i] = Math.min((long) Math.floor(i * s), in - 1);
            }
        }
        return idx;
    }

    /** Two source indices and their weights per output position along one dim. */
    record Linear(long[] i0, long[] i1, float[] l0, float[] l1) {
    }

    /**
     * PyTorch's {@code compute_source_index_and_lambda}: the source coordinate is {@code ratio*dst} with
     * align_corners, else {@code max(ratio*(dst+0.5)-0.5, 0)}; ratio is {@code (in-1)/(out-1)} with align_corners
     * (0 if out == 1), else the scale value.
     */
    static Linear linearWeights(int in, int out, double scale, boolean align) {
        float ratio = align ? (out > 1 ? (float) (in - 1) / (out - 1) : 0f) : scaleValue(in, out, scale);
        long[] i0 = new long[out];
        long[] i1 = new long[out];
        float[] l0 = new float[out];
        float[] l1 = new float[out];
        for (int i = 0; i < out; i++) {
            if (in == out) {
                i0[i] = i;
                i1[i] = i;
                l0[i] = 1;
                continue;
            }
            float real = align ? ratio * i : Math.max(ratio * (i + 0.5f) - 0.5f, 0f);
            int src = Math.min((int) Math.floor(real), in - 1);
            float lambda = Math.min(Math.max(real - src, 0f), 1f);
            i0[i] = src;
            i1[i] = src + (src < in - 1 ? 1 : 0);
            l1[i] = lambda;
            l0[i] = 1f - lambda;
        }
        return new Linear(i0, i1, l0, l1);
    }

    /** {@code l0 * x[i0] + l1 * x[i1]} along {@code dim} (2 or 3), with the weights broadcast. */
    private static Tensor linear(Tensor x, int dim, Linear lin) {
        int out = lin.l0().length;
        int[] wShape = dim == 2 ? new int[]{out, 1} : new int[]{out};
        Tensor a = indexAlong(x, dim, lin.i0()).mul(Creation.floatsLike(lin.l0(), wShape, x));
        boolean second = false;
        for (float v : lin.l1()) {
            second |= v != 0;
        }
        return second ? a.add(indexAlong(x, dim, lin.i1()).mul(Creation.floatsLike(lin.l1(), wShape, x))) : a;
    }

    // ================================================================ gather along one dim

    /**
     * {@code x} with dim {@code dim} re-indexed by {@code idx} (PyTorch {@code index_select}), as one recorded op
     * on the backend gather; the gradient scatter-adds back, so repeated indices accumulate.
     */
    static Tensor indexAlong(Tensor x, int dim, long[] idx) {
        Backend be = x.backend();
        Tensor index = Creation.fromLongs(idx, new int[]{idx.length}, be);
        int[] os = x.sizes();
        os[dim] = idx.length;
        int[] strides = new int[os.length];
        strides[dim] = 1;
        // The 1-D index broadcast (0 strides) to the output's shape, as gather/scatter expect.
        View iv = new View(index.v().buffer(), index.storageOffset(), os, strides);
        Tensor out = Tensor.allocate(be, x.dtype(), os);
        be.gather(x.v(), dim, iv, out.v());
        return Autograd.record("index_select", out, g -> {
            Tensor gi = CnnArgs.zeros(x, x.shapeRef());
            be.scatter(g.v(), dim, iv, gi.v(), true);
            return new Tensor[]{gi};
        }, x);
    }
}
