package io.netwright.backend;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of the image ops: {@code im2col}/{@code col2im} (stride, padding, dilation, strided inputs), the
 * optional fused convolutions (when the backend under test returns false the test passes and prints that it
 * composes the op instead; when it returns true the result must match a plain host convolution, as the reference's
 * own fused path must), {@code maxPool2d} with indices (ties, NaN, padding, dilation, adaptive) and its backward,
 * and {@code avgPool2d} (countIncludePad, adaptive) and its backward.
 */
public abstract class ConvPoolContract extends BackendContract {

    private static final List<Conv2dGeometry> CONV = List.of(
            new Conv2dGeometry(3, 7, 6, 3, 3, 1, 1, 1, 1, 1, 1),
            new Conv2dGeometry(2, 9, 8, 3, 2, 2, 3, 1, 0, 1, 1),
            new Conv2dGeometry(2, 10, 11, 3, 3, 1, 2, 2, 3, 2, 3),
            new Conv2dGeometry(4, 4, 3, 1, 1, 3, 2, 0, 2, 1, 1),
            new Conv2dGeometry(1, 2, 2, 2, 2, 1, 1, 3, 3, 1, 1));
    private static final int N = 2;
    private final java.util.Set<String> printed = new java.util.HashSet<>();

    // ---------------------------------------------------------------- im2col / col2im

    @Test
    void im2colAndCol2imMatchReferenceForEveryGeometryAndLayout() {
        for (Conv2dGeometry g : CONV) {
            int[] img = {N, g.channels(), g.height(), g.width()};
            int[] cols = {N, g.colRows(), g.colCols()};
            for (Layout lx : List.of(Layout.contiguous(img), Layout.scrambled(3, img), Layout.stepped(2, 1, img))) {
                check("im2col " + g + " " + lx, EXACT, (b, v) -> b.im2col(v[0], v[1], g),
                        random(DType.FLOAT32, lx, 1), output(DType.FLOAT32, Layout.scrambled(2, cols)));
                check("col2im " + g + " into " + lx, ACCUMULATE, (b, v) -> b.col2im(v[0], v[1], g),
                        random(DType.FLOAT32, Layout.transposedLast2(cols), 2), random(DType.FLOAT32, lx, 3));
            }
        }
    }

    // ---------------------------------------------------------------- optional fused convolutions

    private record ConvCase(Conv2dGeometry g, int groups, int outChannels) {
    }

    private static final List<ConvCase> CONV_CASES = List.of(
            new ConvCase(new Conv2dGeometry(3, 7, 6, 3, 3, 1, 1, 1, 1, 1, 1), 1, 5),
            new ConvCase(new Conv2dGeometry(4, 9, 8, 3, 2, 2, 3, 1, 0, 1, 1), 2, 6),
            new ConvCase(new Conv2dGeometry(4, 10, 11, 3, 3, 1, 2, 2, 3, 2, 3), 4, 4),
            new ConvCase(new Conv2dGeometry(16, 12, 12, 3, 3, 1, 1, 1, 1, 1, 1), 1, 8));

    /** Runs an optional op on the backend under test; false (with a printed note) when it composes it instead. */
    private boolean optional(String op, View[] views, java.util.function.Predicate<View[]> call) {
        boolean done = call.test(views);
        if (!done && printed.add(backend().description() + op)) {
            System.out.println(backend().description() + ": " + op + " is not fused — the frontend composes it");
        }
        return done;
    }

    @Test
    void conv2dAndConv2dFusedMatchAHostConvolutionWhenOffered() {
        for (ConvCase c : CONV_CASES) {
            Conv2dGeometry g = c.g();
            HostConv h = new HostConv(N, c.outChannels(), c.groups(), g);
            Operand x = random(DType.FLOAT32, Layout.contiguous(h.inShape()), 1);
            Operand w = random(DType.FLOAT32, Layout.contiguous(h.weightShape()), 2);
            Operand bias = random(DType.FLOAT32, Layout.contiguous(c.outChannels()), 3);
            for (Backend b : List.of(reference(), backend())) {
                View[] v = {x.on(b), w.on(b), bias.on(b), output(DType.FLOAT32, Layout.contiguous(h.outShape())).on(b)};
                if (optional("conv2d", v, a -> b.conv2d(a[0], a[1], a[3], g, c.groups()))) {
                    assertFloats(b.description() + " conv2d " + c, ACCUMULATE, h.forward(x, w, null, false),
                            b.copyOutFloat(v[3]));
                }
                for (boolean withBias : new boolean[]{false, true}) {
                    for (boolean relu : new boolean[]{false, true}) {
                        View bv = withBias ? v[2] : null;
                        if (optional("conv2dFused", v, a -> b.conv2dFused(a[0], a[1], bv, a[3], g, c.groups(),
                                relu))) {
                            assertFloats(b.description() + " conv2dFused " + c + " bias=" + withBias + " relu="
                                    + relu, ACCUMULATE, h.forward(x, w, withBias ? bias : null, relu),
                                    b.copyOutFloat(v[3]));
                        }
                    }
                }
                for (View view : v) {
                    view.buffer().close();
                }
            }
        }
    }

    @Test
    void conv2dBackwardInputAndWeightMatchAHostConvolutionWhenOffered() {
        for (ConvCase c : CONV_CASES) {
            Conv2dGeometry g = c.g();
            HostConv h = new HostConv(N, c.outChannels(), c.groups(), g);
            Operand x = random(DType.FLOAT32, Layout.contiguous(h.inShape()), 1);
            Operand w = random(DType.FLOAT32, Layout.contiguous(h.weightShape()), 2);
            Operand gy = random(DType.FLOAT32, Layout.contiguous(h.outShape()), 3);
            for (Backend b : List.of(reference(), backend())) {
                View[] v = {x.on(b), w.on(b), gy.on(b), output(DType.FLOAT32, Layout.contiguous(h.inShape())).on(b),
                    output(DType.FLOAT32, Layout.contiguous(h.weightShape())).on(b)};
                if (optional("conv2dBackwardInput", v, a -> b.conv2dBackwardInput(a[2], a[1], a[3], g,
                        c.groups()))) {
                    assertFloats(b.description() + " conv2dBackwardInput " + c, ACCUMULATE, h.backwardInput(gy, w),
                            b.copyOutFloat(v[3]));
                }
                if (optional("conv2dBackwardWeight", v, a -> b.conv2dBackwardWeight(a[0], a[2], a[4], g,
                        c.groups()))) {
                    assertFloats(b.description() + " conv2dBackwardWeight " + c, ACCUMULATE,
                            h.backwardWeight(x, gy), b.copyOutFloat(v[4]));
                }
                for (View view : v) {
                    view.buffer().close();
                }
            }
        }
    }

    // ---------------------------------------------------------------- pooling

    private static final List<Pool2dGeometry> POOL = List.of(
            new Pool2dGeometry(5, 7, 3, 3, 3, 2, 2, 3, 1, 1, 1, 2, false, false),
            new Pool2dGeometry(5, 7, 3, 3, 3, 2, 2, 3, 1, 1, 1, 2, true, false),
            new Pool2dGeometry(8, 8, 4, 4, 2, 2, 2, 2, 0, 0, 1, 1, false, false),
            new Pool2dGeometry(6, 6, 6, 6, 3, 3, 1, 1, 1, 1, 1, 1, true, false),
            new Pool2dGeometry(5, 7, 3, 4, 0, 0, 0, 0, 0, 0, 1, 1, false, true),
            new Pool2dGeometry(7, 5, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, false, true));

    private static int[] in(Pool2dGeometry g) {
        return new int[]{N, 3, g.height(), g.width()};
    }

    private static int[] out(Pool2dGeometry g) {
        return new int[]{N, 3, g.outHeight(), g.outWidth()};
    }

    @Test
    void maxPool2dValuesAndIndicesMatchReferenceIncludingTiesAndNan() {
        for (Pool2dGeometry g : POOL) {
            for (Operand x : List.of(random(DType.FLOAT32, Layout.scrambled(1, in(g)), 1),
                    of(DType.FLOAT32, Layout.contiguous(in(g)), 1, 1, 0, 1, 1, 1, 0),
                    random(DType.FLOAT32, Layout.transposedLast2(in(g)), 2, Double.NaN, Double.NEGATIVE_INFINITY))) {
                check("maxPool2d " + g, EXACT, new int[]{1, 2}, (b, v) -> b.maxPool2d(v[0], v[1], v[2], g), x,
                        output(DType.FLOAT32, Layout.contiguous(out(g))), output(DType.INT64, Layout.contiguous(out(g))));
            }
        }
        Pool2dGeometry big = new Pool2dGeometry(64, 64, 32, 32, 2, 2, 2, 2, 0, 0, 1, 1, false, false);
        check("maxPool2d large", EXACT, new int[]{1, 2}, (b, v) -> b.maxPool2d(v[0], v[1], v[2], big),
                random(DType.FLOAT32, Layout.contiguous(8, 16, 64, 64), 5), output(DType.FLOAT32,
                        Layout.contiguous(8, 16, 32, 32)), output(DType.INT64, Layout.contiguous(8, 16, 32, 32)));
    }

    @Test
    void maxPool2dBackwardScattersIntoTheReferencesIndices() {
        for (Pool2dGeometry g : POOL) {
            // Indices computed once by the reference, then given to both.
            View x = random(DType.FLOAT32, Layout.contiguous(in(g)), 1).on(reference());
            View o = output(DType.FLOAT32, Layout.contiguous(out(g))).on(reference());
            View idx = output(DType.INT64, Layout.contiguous(out(g))).on(reference());
            reference().maxPool2d(x, o, idx, g);
            long[] ix = reference().copyOutLong(idx);
            double[] p = new double[ix.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = ix[i];
            }
            check("maxPool2dBackward " + g, ACCUMULATE, (b, v) -> b.maxPool2dBackward(v[0], v[1], v[2], g),
                    random(DType.FLOAT32, Layout.contiguous(out(g)), 3),
                    new Operand(DType.INT64, Layout.contiguous(out(g)), p),
                    output(DType.FLOAT32, Layout.contiguous(in(g))));
            for (View v : new View[]{x, o, idx}) {
                v.buffer().close();
            }
        }
    }

    @Test
    void avgPool2dAndItsBackwardMatchReference() {
        for (Pool2dGeometry g : POOL) {
            if (g.dilationH() != 1 || g.dilationW() != 1) {
                continue; // dilation is for max pooling only
            }
            check("avgPool2d " + g, ACCUMULATE, (b, v) -> b.avgPool2d(v[0], v[1], g),
                    random(DType.FLOAT32, Layout.scrambled(2, in(g)), 1, Double.NaN, Double.POSITIVE_INFINITY),
                    output(DType.FLOAT32, Layout.contiguous(out(g))));
            check("avgPool2dBackward " + g, ACCUMULATE, (b, v) -> b.avgPool2dBackward(v[0], v[1], g),
                    random(DType.FLOAT32, Layout.scrambled(3, out(g)), 1),
                    random(DType.FLOAT32, Layout.contiguous(in(g)), 4));
        }
    }
}
