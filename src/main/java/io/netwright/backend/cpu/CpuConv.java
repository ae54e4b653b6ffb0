package io.netwright.backend.cpu;

import io.netwright.backend.Conv2dGeometry;
import io.netwright.backend.DType;
import io.netwright.backend.View;

/**
 * {@code im2col} and its adjoint {@code col2im} with stride, padding and dilation. For each kernel tap the range
 * of output columns that read inside the image is computed once, so the inner loop has no bounds tests and padding
 * is a plain fill. im2col runs in parallel over column rows; col2im over (image, channel) planes, so no two
 * threads ever add into the same element and the summation order is fixed.
 */
final class CpuConv {

    private CpuConv() {
    }

    static void im2col(CpuParallel par, View x, View cols, Conv2dGeometry g) {
        int batch = checkShapes("im2col", x, cols, g);
        float[] xd = (float[]) CpuChecks.data(x);
        float[] cd = (float[]) CpuChecks.data(cols);
        int kk = g.kernelH() * g.kernelW();
        int rowsPerImage = g.colRows();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int[] xs = x.strides();
        int[] cs = cols.strides();
        int grain = Math.max(1, CpuParallel.GRAIN / (oh * ow));
        par.forRange(batch * rowsPerImage, grain, (from, to) -> {
            for (int r = from; r < to; r++) {
                int n = r / rowsPerImage;
                int row = r % rowsPerImage;
                int c = row / kk;
                int i = (row % kk) / g.kernelW();
                int j = row % g.kernelW();
                int xPlane = x.offset() + n * xs[0] + c * xs[1];
                int cRow = cols.offset() + n * cs[0] + row * cs[1];
                int hOff = i * g.dilationH() - g.padH();
                int wOff = j * g.dilationW() - g.padW();
                int owLo = Math.min(ow, firstInside(wOff, g.strideW()));
                int owHi = lastInside(wOff, g.strideW(), g.width(), ow);
                for (int y = 0; y < oh; y++) {
                    int h = y * g.strideH() + hOff;
                    int c0 = cRow + y * ow * cs[2];
                    if (h < 0 || h >= g.height()) {
                        for (int q = 0; q < ow; q++) {
                            cd[c0 + q * cs[2]] = 0f;
                        }
                        continue;
                    }
                    int xRow = xPlane + h * xs[2];
                    int q = 0;
                    for (; q < owLo; q++) {
                        cd[c0 + q * cs[2]] = 0f;
                    }
                    int xi = xRow + (owLo * g.strideW() + wOff) * xs[3];
                    int xStep = g.strideW() * xs[3];
                    if (cs[2] == 1 && xStep == 1 && owHi >= owLo) {
                        System.arraycopy(xd, xi, cd, c0 + owLo, owHi - owLo);
                        q = owHi;
                    } else {
                        for (; q < owHi; q++, xi += xStep) {
                            cd[c0 + q * cs[2]] = xd[xi];
                        }
                    }
                    for (q = Math.max(q, owLo); q < ow; q++) {
                        cd[c0 + q * cs[2]] = 0f;
                    }
                }
            }
        });
    }

    static void col2im(CpuParallel par, View cols, View out, Conv2dGeometry g) {
        int batch = checkShapes("col2im", out, cols, g);
        float[] od = (float[]) CpuChecks.data(out);
        float[] cd = (float[]) CpuChecks.data(cols);
        int oh = g.outHeight();
        int ow = g.outWidth();
        int[] os = out.strides();
        int[] cs = cols.strides();
        int kh = g.kernelH();
        int kw = g.kernelW();
        int planes = batch * g.channels();
        int grain = Math.max(1, CpuParallel.GRAIN / (kh * kw * oh * ow));
        par.forRange(planes, grain, (from, to) -> {
            for (int p = from; p < to; p++) {
                int n = p / g.channels();
                int c = p % g.channels();
                int oPlane = out.offset() + n * os[0] + c * os[1];
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = (c * kh + i) * kw + j;
                        int cRow = cols.offset() + n * cs[0] + row * cs[1];
                        int hOff = i * g.dilationH() - g.padH();
                        int wOff = j * g.dilationW() - g.padW();
                        int owLo = firstInside(wOff, g.strideW());
                        int owHi = lastInside(wOff, g.strideW(), g.width(), ow);
                        int oStep = g.strideW() * os[3];
                        for (int y = 0; y < oh; y++) {
                            int h = y * g.strideH() + hOff;
                            if (h < 0 || h >= g.height()) {
                                continue;
                            }
                            int oi = oPlane + h * os[2] + (owLo * g.strideW() + wOff) * os[3];
                            int ci = cRow + (y * ow + owLo) * cs[2];
                            for (int q = owLo; q < owHi; q++, oi += oStep, ci += cs[2]) {
                                od[oi] += cd[ci];
                            }
                        }
                    }
                }
            }
        });
    }

    /** First output column {@code q} with {@code q*stride + off >= 0}. */
    static int firstInside(int off, int stride) {
        return off >= 0 ? 0 : (-off + stride - 1) / stride;
    }

    /** One past the last output column {@code q < outW} with {@code q*stride + off < width}. */
    static int lastInside(int off, int stride, int width, int outW) {
        if (width - 1 - off < 0) {
            return 0;
        }
        return Math.min(outW, (width - 1 - off) / stride + 1);
    }

    private static int checkShapes(String op, View img, View cols, Conv2dGeometry g) {
        CpuChecks.rank(op + " image", img, 4);
        CpuChecks.rank(op + " columns", cols, 3);
        CpuChecks.dtype(op + " image", img, DType.FLOAT32);
        CpuChecks.dtype(op + " columns", cols, DType.FLOAT32);
        int n = img.shape()[0];
        CpuChecks.shape(op + " image", img, n, g.channels(), g.height(), g.width());
        CpuChecks.shape(op + " columns", cols, n, g.colRows(), g.colCols());
        return n;
    }
}
