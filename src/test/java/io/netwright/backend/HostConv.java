package io.netwright.backend;

/**
 * A plain host convolution in doubles, the definition the optional fused convolution ops are checked against:
 * {@code out[n, oc, oh, ow] = sum over (c in oc's group, i, j) of x[n, c, oh*s - p + i*d, ow*s - p + j*d] *
 * w[oc, c - group start, i, j]}, padding reading 0. Operands are contiguous (their physical content is read).
 */
final class HostConv {

    private final int n;
    private final int oc;
    private final int groups;
    private final Conv2dGeometry g;

    HostConv(int n, int oc, int groups, Conv2dGeometry g) {
        this.n = n;
        this.oc = oc;
        this.groups = groups;
        this.g = g;
    }

    int[] inShape() {
        return new int[]{n, g.channels(), g.height(), g.width()};
    }

    int[] weightShape() {
        return new int[]{oc, g.channels() / groups, g.kernelH(), g.kernelW()};
    }

    int[] outShape() {
        return new int[]{n, oc, g.outHeight(), g.outWidth()};
    }

    /** Visits every (output, input, weight) index triple that contributes a product. */
    private interface Tap {
        void at(int out, int in, int weight);
    }

    private void sweep(Tap tap) {
        int c = g.channels();
        int cg = c / groups;
        int og = oc / groups;
        int h = g.height();
        int w = g.width();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kernelH();
        int kw = g.kernelW();
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < oc; o++) {
                int grp = o / og;
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++) {
                        int out = ((b * oc + o) * oh + y) * ow + x;
                        for (int ci = 0; ci < cg; ci++) {
                            int ch = grp * cg + ci;
                            for (int i = 0; i < kh; i++) {
                                int iy = y * g.strideH() - g.padH() + i * g.dilationH();
                                if (iy < 0 || iy >= h) {
                                    continue;
                                }
                                for (int j = 0; j < kw; j++) {
                                    int ix = x * g.strideW() - g.padW() + j * g.dilationW();
                                    if (ix >= 0 && ix < w) {
                                        tap.at(out, ((b * c + ch) * h + iy) * w + ix, ((o * cg + ci) * kh + i) * kw + j);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    float[] forward(BackendContract.Operand x, BackendContract.Operand w, BackendContract.Operand bias,
                    boolean relu) {
        int[] os = outShape();
        double[] acc = new double[os[0] * os[1] * os[2] * os[3]];
        sweep((o, i, k) -> acc[o] += x.physical()[i] * w.physical()[k]);
        float[] out = new float[acc.length];
        int plane = os[2] * os[3];
        for (int i = 0; i < acc.length; i++) {
            double v = acc[i] + (bias == null ? 0 : bias.physical()[(i / plane) % oc]);
            out[i] = (float) (relu ? Math.max(v, 0) : v);
        }
        return out;
    }

    float[] backwardInput(BackendContract.Operand gradOut, BackendContract.Operand w) {
        int[] is = inShape();
        double[] acc = new double[is[0] * is[1] * is[2] * is[3]];
        sweep((o, i, k) -> acc[i] += gradOut.physical()[o] * w.physical()[k]);
        return toFloat(acc);
    }

    float[] backwardWeight(BackendContract.Operand x, BackendContract.Operand gradOut) {
        int[] ws = weightShape();
        double[] acc = new double[ws[0] * ws[1] * ws[2] * ws[3]];
        sweep((o, i, k) -> acc[k] += gradOut.physical()[o] * x.physical()[i]);
        return toFloat(acc);
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
