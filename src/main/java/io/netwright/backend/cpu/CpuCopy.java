package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * Data movement: fill, copy with dtype conversion, {@code where}, and copies out to host arrays. Conversions follow
 * PyTorch: float to int truncates toward zero (NaN becomes 0), anything to bool is {@code != 0}, bool to number is
 * 0/1.
 */
final class CpuCopy {

    private CpuCopy() {
    }

    static void fill(CpuParallel par, View out, double value) {
        Object o = CpuChecks.data(out);
        StridedLoop loop = StridedLoop.of(out.shape(), out);
        switch (out.dtype()) {
            case FLOAT32 -> {
                float v = (float) value;
                float[] a = (float[]) o;
                loop.run(par, CpuParallel.GRAIN * 4, (off, st, n, p) -> {
                    if (st[0] == 1) {
                        Arrays.fill(a, off[0], off[0] + n, v);
                    } else {
                        for (int i = 0, j = off[0]; i < n; i++, j += st[0]) {
                            a[j] = v;
                        }
                    }
                });
            }
            case INT64 -> {
                long v = (long) value;
                long[] a = (long[]) o;
                loop.run(par, CpuParallel.GRAIN * 4, (off, st, n, p) -> {
                    for (int i = 0, j = off[0]; i < n; i++, j += st[0]) {
                        a[j] = v;
                    }
                });
            }
            case BOOL -> {
                byte v = (byte) (value != 0 ? 1 : 0);
                byte[] a = (byte[]) o;
                loop.run(par, CpuParallel.GRAIN * 4, (off, st, n, p) -> {
                    for (int i = 0, j = off[0]; i < n; i++, j += st[0]) {
                        a[j] = v;
                    }
                });
            }
        }
    }

    static void copy(CpuParallel par, View src, View dst) {
        CpuChecks.sameShape("copy", src, dst);
        Object s = CpuChecks.data(src);
        Object d = CpuChecks.data(dst);
        StridedLoop loop = StridedLoop.of(src.shape(), src, dst);
        loop.runAnyOrder(par, CpuParallel.GRAIN * 4, (off, st, n, p) -> castRow(s, off[0], st[0], d, off[1], st[1], n));
    }

    /** The view as a fresh row-major host array of {@code target} type ({@code float[]} or {@code long[]}). */
    static Object copyOut(CpuParallel par, View src, DType target) {
        Object s = CpuChecks.data(src);
        int n = src.numel();
        Object d = target == DType.FLOAT32 ? new float[n] : new long[n];
        StridedLoop loop = StridedLoop.of(src.shape(), new int[] {src.offset(), 0}, src.strides(),
                View.contiguousStrides(src.shape()));
        loop.runAnyOrder(par, CpuParallel.GRAIN * 4, (off, st, len, p) -> castRow(s, off[0], st[0], d, off[1], st[1], len));
        return d;
    }

    /** Copies {@code n} elements between any two storage arrays, converting the type; dispatch is per row. */
    static void castRow(Object src, int si, int ss, Object dst, int di, int ds, int n) {
        if (src instanceof float[] f) {
            if (dst instanceof float[] o) {
                if (ss == 1 && ds == 1) {
                    System.arraycopy(f, si, o, di, n);
                } else {
                    for (int i = 0; i < n; i++, si += ss, di += ds) {
                        o[di] = f[si];
                    }
                }
            } else if (dst instanceof long[] o) {
                for (int i = 0; i < n; i++, si += ss, di += ds) {
                    o[di] = (long) f[si];
                }
            } else {
                byte[] o = (byte[]) dst;
                for (int i = 0; i < n; i++, si += ss, di += ds) {
                    o[di] = (byte) (f[si] != 0f ? 1 : 0);
                }
            }
        } else if (src instanceof long[] l) {
            if (dst instanceof float[] o) {
                for (int i = 0; i < n; i++, si += ss, di += ds) {
                    o[di] = (float) l[si];
                }
            } else if (dst instanceof long[] o) {
                if (ss == 1 && ds == 1) {
                    System.arraycopy(l, si, o, di, n);
                } else {
                    for (int i = 0; i < n; i++, si += ss, di += ds) {
                        o[di] = l[si];
                    }
                }
            } else {
                byte[] o = (byte[]) dst;
                for (int i = 0; i < n; i++, si += ss, di += ds) {
                    o[di] = (byte) (l[si] != 0 ? 1 : 0);
                }
            }
        } else {
            byte[] b = (byte[]) src;
            if (dst instanceof float[] o) {
                for (int i = 0; i < n; i++, si += ss, di += ds) {
                    o[di] = b[si];
                }
            } else if (dst instanceof long[] o) {
                for (int i = 0; i < n; i++, si += ss, di += ds) {
                    o[di] = b[si];
                }
            } else {
                byte[] o = (byte[]) dst;
                if (ss == 1 && ds == 1) {
                    System.arraycopy(b, si, o, di, n);
                } else {
                    for (int i = 0; i < n; i++, si += ss, di += ds) {
                        o[di] = b[si];
                    }
                }
            }
        }
    }

    static void where(CpuParallel par, View cond, View x, View y, View out) {
        CpuChecks.sameShape("where", cond, out);
        CpuChecks.sameShape("where", x, out);
        CpuChecks.sameShape("where", y, out);
        CpuChecks.dtype("where condition", cond, DType.BOOL);
        CpuChecks.dtype("where second input", y, x.dtype());
        CpuChecks.dtype("where output", out, x.dtype());
        byte[] c = (byte[]) CpuChecks.data(cond);
        Object xa = CpuChecks.data(x);
        Object ya = CpuChecks.data(y);
        Object oa = CpuChecks.data(out);
        StridedLoop loop = StridedLoop.of(out.shape(), cond, x, y, out);
        loop.run(par, CpuParallel.GRAIN, (off, st, n, p) -> {
            int ci = off[0];
            int xi = off[1];
            int yi = off[2];
            int oi = off[3];
            int cs = st[0];
            int xs = st[1];
            int ys = st[2];
            int os = st[3];
            if (oa instanceof float[] o) {
                float[] xf = (float[]) xa;
                float[] yf = (float[]) ya;
                for (int i = 0; i < n; i++, ci += cs, xi += xs, yi += ys, oi += os) {
                    o[oi] = c[ci] != 0 ? xf[xi] : yf[yi];
                }
            } else if (oa instanceof long[] o) {
                long[] xl = (long[]) xa;
                long[] yl = (long[]) ya;
                for (int i = 0; i < n; i++, ci += cs, xi += xs, yi += ys, oi += os) {
                    o[oi] = c[ci] != 0 ? xl[xi] : yl[yi];
                }
            } else {
                byte[] o = (byte[]) oa;
                byte[] xb = (byte[]) xa;
                byte[] yb = (byte[]) ya;
                for (int i = 0; i < n; i++, ci += cs, xi += xs, yi += ys, oi += os) {
                    o[oi] = c[ci] != 0 ? xb[xi] : yb[yi];
                }
            }
        });
    }
}
