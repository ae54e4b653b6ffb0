package io.netwright.tensor;

import io.netwright.backend.Backend;
import io.netwright.backend.BinaryOp;
import io.netwright.backend.Conv2dGeometry;
import io.netwright.backend.ReduceOp;
import io.netwright.backend.View;

/**
 * 2-D convolution and its adjoint (transposed convolution), each one recorded op driving the backend's
 * {@code im2col}/{@code col2im} and {@code matmul} primitives directly.
 *
 * <p>Layout: the column matrix is stored {@code [C*kH*kW, N, OH*OW]} (im2col writes it through a permuted view), so
 * all images of the batch form one matrix and each group is a single GEMM; the {@code groups} GEMMs are issued as
 * one batched matmul over per-group views. The GEMM result {@code [OC, N, OH*OW]} is moved to {@code [N, OC, OH, OW]}
 * by one strided copy that also adds the bias.
 */
final class ConvOps {

    /**
     * Column matrices up to this many elements (256 MB) are kept from forward for the weight gradient; larger ones
     * are recomputed in backward rather than held in memory between the passes.
     */
    static final long KEEP_COLS_LIMIT = 1L << 26;

    private ConvOps() {
    }

    // ================================================================ conv2d

    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] strideIn, int[] padIn, int[] dilIn,
                         int groups) {
        return conv2d(input, weight, bias, strideIn, padIn, dilIn, groups, KEEP_COLS_LIMIT);
    }

    /** As above, keeping the column matrix for backward only up to {@code keepColsLimit} elements (tests). */
    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] strideIn, int[] padIn, int[] dilIn,
                         int groups, long keepColsLimit) {
        String op = "conv2d";
        int[] stride = CnnArgs.pair(op, "stride", strideIn);
        int[] pad = CnnArgs.pair(op, "padding", padIn);
        int[] dil = CnnArgs.pair(op, "dilation", dilIn);
        checkConv(op, input, weight, bias, stride, pad, dil, groups);
        boolean unbatched = input.dim() == 3;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor out = conv2dBatched(x, weight, bias, stride, pad, dil, groups, keepColsLimit);
        return unbatched ? out.squeeze(0) : out;
    }

    /** {@code padding} "valid" (none) or "same" (output size = input size; stride must be 1). */
    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] strideIn, String padding, int[] dilIn,
                         int groups) {
        String op = "conv2d";
        if ("valid".equals(padding)) {
            return conv2d(input, weight, bias, strideIn, new int[]{0}, dilIn, groups);
        }
        if (!"same".equals(padding)) {
            throw new IllegalArgumentException(op + ": Invalid padding string '" + padding
                    + "', should be one of {'valid', 'same'}");
        }
        int[] stride = CnnArgs.pair(op, "stride", strideIn);
        int[] dil = CnnArgs.pair(op, "dilation", dilIn);
        if (stride[0] != 1 || stride[1] != 1) {
            throw new IllegalArgumentException(op + ": padding='same' is not supported for strided convolutions"
                    + " (stride " + CnnArgs.str(stride) + ") — use stride 1 or give explicit padding");
        }
        checkCommon(op, input, weight, bias, stride, new int[]{0, 0}, dil, groups); // weight is 4-D below
        // PyTorch's rule (WindowRules.samePadding): total/2 before, the odd remainder after (right/bottom); the
        // kernel is checked against the input as padded, so a kernel larger than the input is fine
        int[] ph = WindowRules.samePadding(weight.size(2), dil[0]);
        int[] pw = WindowRules.samePadding(weight.size(3), dil[1]);
        int[] left = {ph[0], pw[0]};
        checkConv(op, input, weight, bias, stride, left, new int[]{ph[1], pw[1]}, dil, groups);
        int extraH = ph[1] - ph[0];
        int extraW = pw[1] - pw[0];
        Tensor x = extraH == 0 && extraW == 0 ? input : padEnd(input, extraH, extraW);
        return conv2d(x, weight, bias, stride, left, dil, groups);
    }

    private static void checkConv(String op, Tensor input, Tensor weight, Tensor bias, int[] stride, int[] pad,
                                  int[] dil, int groups) {
        checkConv(op, input, weight, bias, stride, pad, pad, dil, groups);
    }

    /** As above with the padding before ({@code padLo}) and after ({@code padHi}) each axis given apart. */
    private static void checkConv(String op, Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padLo,
                                  int[] padHi, int[] dil, int groups) {
        checkCommon(op, input, weight, bias, stride, padLo, dil, groups);
        int[] ws = weight.shapeRef();
        int c = input.size(-3);
        if (ws[0] % groups != 0) {
            throw new IllegalArgumentException(op + ": Given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size " + CnnArgs.str(ws) + " instead — "
                    + "out_channels must be a multiple of groups");
        }
        if (ws[1] * groups != c) {
            String expect = groups == 1 ? String.valueOf(ws[1])
                    : (ws[1] * groups) + " (" + ws[1] + " per group, groups=" + groups + ")";
            throw new IllegalArgumentException(op + ": input has " + c + " channels but weight expects " + expect
                    + " (weight " + CnnArgs.str(ws) + ", input " + input.shape() + ") — pass an input with "
                    + (ws[1] * groups) + " channels or a weight of shape "
                    + CnnArgs.str(new int[]{ws[0], c / Math.max(groups, 1), ws[2], ws[3]})
                    + (c % groups != 0 ? " with groups dividing " + c : ""));
        }
        checkBias(op, bias, ws[0], ws);
        WindowRules.Violation v = WindowRules.convFits(new int[]{input.size(-2), input.size(-1)},
                new int[]{ws[2], ws[3]}, stride, padLo, padHi, dil);
        if (v != null) {
            v.throwFor(op);
        }
    }

    /** Checks shared by conv2d and conv_transpose2d: dtypes, devices, ranks and hyper-parameter signs. */
    private static void checkCommon(String op, Tensor input, Tensor weight, Tensor bias, int[] stride, int[] pad,
                                    int[] dil, int groups) {
        CnnArgs.checkFloat(op, "input", input);
        CnnArgs.checkFloat(op, "weight", weight);
        Elementwise.checkSameDevice(op, input, weight);
        if (bias != null) {
            CnnArgs.checkFloat(op, "bias", bias);
            Elementwise.checkSameDevice(op, input, bias);
        }
        if (weight.dim() != 4) {
            throw new IllegalArgumentException(op + ": weight must be 4-D " + (op.startsWith("conv_transpose")
                    ? "[in_channels, out_channels/groups, kH, kW]" : "[out_channels, in_channels/groups, kH, kW]")
                    + ", but got weight of size " + weight.shape());
        }
        CnnArgs.check3or4d(op, input);
        if (stride[0] <= 0 || stride[1] <= 0) {
            throw new IllegalArgumentException(op + ": non-positive stride is not supported, got stride "
                    + CnnArgs.str(stride));
        }
        if (pad[0] < 0 || pad[1] < 0) {
            throw new IllegalArgumentException(op + ": negative padding is not supported, got padding "
                    + CnnArgs.str(pad));
        }
        if (dil[0] <= 0 || dil[1] <= 0) {
            throw new IllegalArgumentException(op + ": dilation should be greater than zero, got dilation "
                    + CnnArgs.str(dil));
        }
        if (groups <= 0) {
            throw new IllegalArgumentException(op + ": non-positive groups is not supported, got groups=" + groups);
        }
        if (weight.numel() == 0) {
            throw new IllegalArgumentException(op + ": weight " + weight.shape() + " is empty — every dim must be"
                    + " at least 1");
        }
        CnnArgs.checkNonEmpty(op, input);
    }

    private static void checkBias(String op, Tensor bias, int outChannels, int[] ws) {
        if (bias != null && (bias.dim() != 1 || bias.size(0) != outChannels)) {
            throw new IllegalArgumentException(op + ": Given weight of size " + CnnArgs.str(ws)
                    + ", expected bias to be 1-dimensional with " + outChannels + " elements, but got bias of size "
                    + bias.shape() + " instead");
        }
    }

    private static void checkColumns(String op, long rows, long cols) {
        if (rows * cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": the column matrix would have " + rows + " x " + cols
                    + " elements, more than 2^31-1 — use a smaller batch");
        }
    }

    private static Tensor conv2dBatched(Tensor x, Tensor weight, Tensor bias, int[] s, int[] p, int[] d,
                                        int groups, long keepColsLimit) {
        int n = x.size(0);
        int c = x.size(1);
        int h = x.size(2);
        int w = x.size(3);
        int oc = weight.size(0);
        int kh = weight.size(2);
        int kw = weight.size(3);
        int ocg = oc / groups;
        int rows = (c / groups) * kh * kw;
        Conv2dGeometry geo = new Conv2dGeometry(c, h, w, kh, kw, s[0], s[1], p[0], p[1], d[0], d[1]);
        int oh = geo.outHeight();
        int ow = geo.outWidth();
        int l = oh * ow;
        checkColumns("conv2d", (long) c * kh * kw, (long) n * l);
        Backend be = x.backend();
        Tensor out = CnnArgs.empty(x, n, oc, oh, ow);
        if (n == 0) {
            return Autograd.record("convolution", out, g -> new Tensor[]{Tensor.zerosLike(x),
                Tensor.zerosLike(weight), bias == null ? null : Tensor.zerosLike(bias)}, x, weight, bias);
        }
        if (bias != null && be.conv2dFused(x.v(), weight.v(), bias.v(), out.v(), geo, groups, false)) {
            return fused(x, weight, bias, out, geo, groups, true, false);
        }
        if (be.conv2d(x.v(), weight.v(), out.v(), geo, groups)) {
            return fused(x, weight, bias, out, geo, groups, false, false);
        }
        Tensor wc = CnnArgs.dense(weight);
        View wG = CnnArgs.view(wc, groups, ocg, rows);
        Tensor cols = im2colT(x, geo, n, l);
        View colsG = CnnArgs.view(cols, groups, rows, n * l);
        if (n == 1) {
            // [OC, 1, L] and [1, OC, L] are the same layout: the GEMM writes the output directly.
            be.matmul(wG, colsG, CnnArgs.view(out, groups, ocg, l));
            if (bias != null) {
                be.binary(BinaryOp.ADD, out.v(), biasView(bias, out.shapeRef()), out.v());
            }
        } else {
            Tensor prod = CnnArgs.empty(x, oc, n, l);
            be.matmul(wG, colsG, CnnArgs.view(prod, groups, ocg, n * l));
            View src = CnnArgs.view(prod, new int[]{n, oc, oh, ow}, new int[]{l, n * l, ow, 1});
            if (bias != null) {
                be.binary(BinaryOp.ADD, src, biasView(bias, out.shapeRef()), out.v());
            } else {
                be.copy(src, out.v());
            }
            prod.close();
        }
        boolean keep = CnnArgs.recording(x, weight, bias) && weight.requiresGrad()
                && cols.numel() <= keepColsLimit;
        Tensor saved = keep ? cols : null;
        if (!keep) {
            cols.close();
        }
        return Autograd.record("convolution", out, gOut -> {
            Tensor gM = CnnArgs.empty(gOut, oc, n, l);
            be.copy(gOut.v(), CnnArgs.view(gM, new int[]{n, oc, oh, ow}, new int[]{l, n * l, ow, 1}));
            View gG = CnnArgs.view(gM, groups, ocg, n * l);
            Tensor dx = null;
            Tensor dw = null;
            Tensor db = null;
            if (x.requiresGrad()) {
                Tensor dCols = CnnArgs.empty(x, c * kh * kw, n, l);
                View wT = CnnArgs.view(wc, new int[]{groups, rows, ocg}, new int[]{ocg * rows, 1, rows});
                be.matmul(wT, gG, CnnArgs.view(dCols, groups, rows, n * l));
                dx = CnnArgs.zeros(x, n, c, h, w);
                be.col2im(colsNcl(dCols, n, c * kh * kw, l), dx.v(), geo);
                dCols.close();
            }
            if (weight.requiresGrad()) {
                Tensor cl = saved != null ? saved : im2colT(x, geo, n, l);
                dw = CnnArgs.empty(weight, weight.shapeRef());
                View colsT = CnnArgs.view(cl, new int[]{groups, n * l, rows}, new int[]{rows * n * l, 1, n * l});
                be.matmul(gG, colsT, CnnArgs.view(dw, groups, ocg, rows));
                if (cl != saved) {
                    cl.close();
                }
            }
            if (bias != null && bias.requiresGrad()) {
                Tensor sum = CnnArgs.zeros(gOut, oc, 1);
                be.reduce(ReduceOp.SUM, CnnArgs.view(gM, oc, n * l), new int[]{1}, sum.v());
                db = sum.viewOf(new int[]{oc}, new int[]{1}, sum.storageOffset());
            }
            gM.close();
            return new Tensor[]{dx, dw, db};
        }, x, weight, bias);
    }

    /**
     * The backend's fused convolution wrote {@code out}: add the bias (unless the backend did) and record the fused backward (input and weight
     * gradients straight from the backend, the bias gradient as one reduction over N, H, W).
     */
    private static Tensor fused(Tensor x, Tensor weight, Tensor bias, Tensor out, Conv2dGeometry geo, int groups,
                                boolean biasAdded, boolean relu) {
        Backend be = x.backend();
        if (bias != null && !biasAdded) {
            be.binary(BinaryOp.ADD, out.v(), biasView(bias, out.shapeRef()), out.v());
        }
        int oc = weight.size(0);
        return Autograd.record(relu ? "convolution_relu" : "convolution", out, gIn -> {
            // ReLU's gradient first: keep the incoming gradient where the (activated) output is positive.
            Tensor gOut = relu ? Elementwise.binary("threshold_backward", BinaryOp.THRESHOLD_BACKWARD, gIn, out) : gIn;
            Tensor dx = null;
            Tensor dw = null;
            Tensor db = null;
            if (x.requiresGrad()) {
                dx = CnnArgs.empty(x, x.shapeRef());
                if (!be.conv2dBackwardInput(gOut.v(), weight.v(), dx.v(), geo, groups)) {
                    throw unfusedBackward(be, "conv2dBackwardInput");
                }
            }
            if (weight.requiresGrad()) {
                dw = CnnArgs.empty(weight, weight.shapeRef());
                if (!be.conv2dBackwardWeight(x.v(), gOut.v(), dw.v(), geo, groups)) {
                    throw unfusedBackward(be, "conv2dBackwardWeight");
                }
            }
            if (bias != null && bias.requiresGrad()) {
                Tensor sum = CnnArgs.empty(gOut, 1, oc, 1, 1);
                be.reduce(ReduceOp.SUM, gOut.v(), new int[]{0, 2, 3}, sum.v());
                db = sum.viewOf(new int[]{oc}, new int[]{1}, sum.storageOffset());
            }
            return new Tensor[]{dx, dw, db};
        }, x, weight, bias);
    }

    /** A backend fused a convolution's forward pass but not its backward: a defect of that backend, never silent. */
    private static IllegalStateException unfusedBackward(Backend be, String op) {
        return new IllegalStateException(be.description() + " fused a convolution's forward pass but returned false"
                + " from " + op + " for it — a backend that fuses conv2d must fuse both gradients for the same"
                + " arguments (see Backend.conv2d)");
    }

    /**
     * {@code relu(conv2d(input, weight, bias, ...))} as one op when the backend fuses the bias and activation into
     * its convolution pass (one output tensor instead of two, one memory pass less); null when it cannot (unbatched
     * input, an empty batch, a backend without the fused kernel), and the caller composes conv2d and relu.
     */
    static Tensor conv2dReluFused(Tensor input, Tensor weight, Tensor bias, int[] strideIn, int[] padIn, int[] dilIn,
                                  int groups) {
        String op = "conv2d";
        int[] stride = CnnArgs.pair(op, "stride", strideIn);
        int[] pad = CnnArgs.pair(op, "padding", padIn);
        int[] dil = CnnArgs.pair(op, "dilation", dilIn);
        checkConv(op, input, weight, bias, stride, pad, dil, groups);
        if (input.dim() != 4 || input.size(0) == 0) {
            return null;
        }
        Conv2dGeometry geo = new Conv2dGeometry(input.size(1), input.size(2), input.size(3), weight.size(2),
                weight.size(3), stride[0], stride[1], pad[0], pad[1], dil[0], dil[1]);
        Tensor out = CnnArgs.empty(input, input.size(0), weight.size(0), geo.outHeight(), geo.outWidth());
        if (!input.backend().conv2dFused(input.v(), weight.v(), bias == null ? null : bias.v(), out.v(), geo, groups,
                true)) {
            out.close();
            return null;
        }
        return fused(input, weight, bias, out, geo, groups, true, true);
    }

    /** im2col of {@code x} into a new {@code [C*kH*kW, N, L]} tensor (one matrix for the whole batch). */
    private static Tensor im2colT(Tensor x, Conv2dGeometry geo, int n, int l) {
        Tensor cols = CnnArgs.empty(x, geo.colRows(), n, l);
        x.backend().im2col(x.v(), colsNcl(cols, n, geo.colRows(), l), geo);
        return cols;
    }

    /** The {@code [N, rows, L]} view im2col/col2im expect over a {@code [rows, N, L]} tensor. */
    private static View colsNcl(Tensor cols, int n, int rows, int l) {
        return CnnArgs.view(cols, new int[]{n, rows, l}, new int[]{l, n * l, 1});
    }

    /** The 1-D bias broadcast over {@code [N, OC, OH, OW]}. */
    private static View biasView(Tensor bias, int[] outShape) {
        View b = bias.v();
        return new View(b.buffer(), b.offset(), outShape.clone(), new int[]{0, b.strides()[0], 0, 0});
    }

    /** Zero padding at the end of the last two dims (PyTorch's {@code constant_pad_nd} for padding='same'). */
    static Tensor padEnd(Tensor x, int extraH, int extraW) {
        int[] s = x.sizes();
        int r = s.length;
        int[] o = s.clone();
        o[r - 2] += extraH;
        o[r - 1] += extraW;
        Tensor out = CnnArgs.zeros(x, o);
        Tensor target = out.narrow(r - 2, 0, s[r - 2]).narrow(r - 1, 0, s[r - 1]);
        x.backend().copy(x.v(), target.v());
        return Autograd.record("constant_pad_nd", out,
                g -> new Tensor[]{g.narrow(r - 2, 0, s[r - 2]).narrow(r - 1, 0, s[r - 1])}, x);
    }

    // ================================================================ conv_transpose2d

    static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] strideIn, int[] padIn,
                                  int[] outPadIn, int groups, int[] dilIn) {
        String op = "conv_transpose2d";
        int[] stride = CnnArgs.pair(op, "stride", strideIn);
        int[] pad = CnnArgs.pair(op, "padding", padIn);
        int[] outPad = CnnArgs.pair(op, "output_padding", outPadIn);
        int[] dil = CnnArgs.pair(op, "dilation", dilIn);
        checkCommon(op, input, weight, bias, stride, pad, dil, groups);
        int[] ws = weight.shapeRef();
        int c = input.size(-3);
        if (ws[0] % groups != 0) {
            throw new IllegalArgumentException(op + ": Given groups=" + groups + ", expected weight to be divisible by "
                    + groups + " at dimension 0, but got weight of size " + CnnArgs.str(ws) + " instead — "
                    + "in_channels must be a multiple of groups");
        }
        if (ws[0] != c) {
            throw new IllegalArgumentException(op + ": input has " + c + " channels but weight expects " + ws[0]
                    + " (weight " + CnnArgs.str(ws) + " is [in_channels, out_channels/groups, kH, kW], input "
                    + input.shape() + ") — pass an input with " + ws[0] + " channels or a weight of shape "
                    + CnnArgs.str(new int[]{c, ws[1], ws[2], ws[3]}));
        }
        int oc = ws[1] * groups;
        checkBias(op, bias, oc, ws);
        if (outPad[0] < 0 || outPad[1] < 0
                || outPad[0] >= Math.max(stride[0], dil[0]) || outPad[1] >= Math.max(stride[1], dil[1])) {
            throw new IllegalArgumentException(op + ": output padding must be smaller than either stride or "
                    + "dilation, but got output_padding_height: " + outPad[0] + " output_padding_width: " + outPad[1]
                    + " stride_height: " + stride[0] + " stride_width: " + stride[1] + " dilation_height: " + dil[0]
                    + " dilation_width: " + dil[1]);
        }
        int h = input.size(-2);
        int w = input.size(-1);
        int oh = (h - 1) * stride[0] - 2 * pad[0] + dil[0] * (ws[2] - 1) + outPad[0] + 1;
        int ow = (w - 1) * stride[1] - 2 * pad[1] + dil[1] * (ws[3] - 1) + outPad[1] + 1;
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException(op + ": input " + h + "x" + w + " with kernel " + ws[2] + "x" + ws[3]
                    + ", stride " + CnnArgs.str(stride) + ", padding " + CnnArgs.str(pad) + " and dilation "
                    + CnnArgs.str(dil) + " gives output " + oh + "x" + ow + ", which is empty — reduce padding");
        }
        boolean unbatched = input.dim() == 3;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor out = convTransposeBatched(x, weight, bias, stride, pad, dil, groups, oh, ow);
        return unbatched ? out.squeeze(0) : out;
    }

    private static Tensor convTransposeBatched(Tensor x, Tensor weight, Tensor bias, int[] s, int[] p, int[] d,
                                               int groups, int oh, int ow) {
        int n = x.size(0);
        int c = x.size(1);
        int h = x.size(2);
        int w = x.size(3);
        int kh = weight.size(2);
        int kw = weight.size(3);
        int ocg = weight.size(1);
        int oc = ocg * groups;
        int cg = c / groups;
        int rows = ocg * kh * kw;
        // The conv whose adjoint this is: it maps [N, OC, oh, ow] to [N, C, hg, wg]. hg > h only when
        // output_padding >= stride (allowed while < dilation); the extra input rows/cols then read as zeros.
        Conv2dGeometry geo = new Conv2dGeometry(oc, oh, ow, kh, kw, s[0], s[1], p[0], p[1], d[0], d[1]);
        int hg = geo.outHeight();
        int wg = geo.outWidth();
        int lg = hg * wg;
        checkColumns("conv_transpose2d", (long) oc * kh * kw, (long) n * lg);
        Backend be = x.backend();
        Tensor out = CnnArgs.zeros(x, n, oc, oh, ow);
        if (n == 0) {
            return Autograd.record("convolution_transpose", out, g -> new Tensor[]{Tensor.zerosLike(x),
                Tensor.zerosLike(weight), bias == null ? null : Tensor.zerosLike(bias)}, x, weight, bias);
        }
        Tensor wc = CnnArgs.dense(weight);
        Tensor xM = CnnArgs.zeros(x, c, n, hg, wg);
        be.copy(x.v(), CnnArgs.view(xM, new int[]{n, c, h, w}, new int[]{lg, n * lg, wg, 1}));
        View xG = CnnArgs.view(xM, groups, cg, n * lg);
        Tensor cols = CnnArgs.zeros(x, oc * kh * kw, n, lg);
        View wT = CnnArgs.view(wc, new int[]{groups, rows, cg}, new int[]{cg * rows, 1, rows});
        be.matmul(wT, xG, CnnArgs.view(cols, groups, rows, n * lg));
        be.col2im(colsNcl(cols, n, oc * kh * kw, lg), out.v(), geo);
        cols.close();
        if (bias != null) {
            be.binary(BinaryOp.ADD, out.v(), biasView(bias, out.shapeRef()), out.v());
        }
        boolean keep = CnnArgs.recording(x, weight, bias) && weight.requiresGrad();
        if (!keep) {
            xM.close();
        }
        return Autograd.record("convolution_transpose", out, gOut -> {
            Tensor gCols = im2colT(gOut, geo, n, lg);
            View gG = CnnArgs.view(gCols, groups, rows, n * lg);
            Tensor dx = null;
            Tensor dw = null;
            Tensor db = null;
            if (x.requiresGrad()) {
                Tensor dxM = CnnArgs.zeros(x, c, n, lg);
                be.matmul(CnnArgs.view(wc, groups, cg, rows), gG, CnnArgs.view(dxM, groups, cg, n * lg));
                dx = CnnArgs.zeros(x, n, c, h, w);
                be.copy(CnnArgs.view(dxM, new int[]{n, c, h, w}, new int[]{lg, n * lg, wg, 1}), dx.v());
                dxM.close();
            }
            if (weight.requiresGrad()) {
                dw = CnnArgs.zeros(weight, weight.shapeRef());
                View gT = CnnArgs.view(gCols, new int[]{groups, n * lg, rows}, new int[]{rows * n * lg, 1, n * lg});
                be.matmul(xG, gT, CnnArgs.view(dw, groups, cg, rows));
            }
            if (bias != null && bias.requiresGrad()) {
                db = gOut.sum(new int[]{0, 2, 3}, false);
            }
            gCols.close();
            return new Tensor[]{dx, dw, db};
        }, x, weight, bias);
    }
}
