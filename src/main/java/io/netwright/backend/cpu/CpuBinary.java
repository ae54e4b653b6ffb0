package io.netwright.backend.cpu;

import io.netwright.backend.BinaryOp;
import io.netwright.backend.DType;
import io.netwright.backend.View;

/**
 * Elementwise binary ops. The op is switched on once per row; each case is a tight loop. Arithmetic runs as
 * same-index loops that HotSpot vectorises, directly on contiguous rows with equal offsets, otherwise through
 * {@link FloatRows} buffers. Output may be exactly an input view.
 */
final class CpuBinary {

    private CpuBinary() {
    }

    static void run(CpuParallel par, BinaryOp op, View x, View y, View out) {
        String name = "binary " + op;
        CpuChecks.sameShape(name, x, out);
        CpuChecks.sameShape(name, y, out);
        DType in = x.dtype();
        CpuChecks.dtype(name + " second input", y, in);
        CpuChecks.dtype(name + " output", out, op.returnsBool() ? DType.BOOL : in);
        StridedLoop loop = StridedLoop.of(out.shape(), x, y, out);
        Object xa = CpuChecks.data(x);
        Object ya = CpuChecks.data(y);
        Object oa = CpuChecks.data(out);
        switch (in) {
            case FLOAT32 -> {
                float[] xf = (float[]) xa;
                float[] yf = (float[]) ya;
                if (op.returnsBool()) {
                    byte[] ob = (byte[]) oa;
                    loop.runAnyOrder(par, CpuParallel.GRAIN, (off, st, n, p) ->
                            floatCompare(op, xf, off[0], st[0], yf, off[1], st[1], ob, off[2], st[2], n));
                } else {
                    float[] of = (float[]) oa;
                    loop.runAnyOrder(par, CpuParallel.GRAIN, (off, st, n, p) ->
                            floatRow(op, xf, off[0], st[0], yf, off[1], st[1], of, off[2], st[2], n));
                }
            }
            case INT64, BOOL -> {
                if (in == DType.INT64 && op == BinaryOp.DIV) {
                    throw new IllegalArgumentException("binary DIV: INT64 inputs are not supported (true division)"
                            + " — cast to FLOAT32 first");
                }
                if (in == DType.BOOL && !op.returnsBool() && op != BinaryOp.ADD && op != BinaryOp.MUL
                        && op != BinaryOp.MAXIMUM && op != BinaryOp.MINIMUM) {
                    throw new IllegalArgumentException(name + ": BOOL inputs are not supported — cast first");
                }
                // BOOL goes through the same integer loops: values are 0/1 and results are normalised to 0/1.
                LongAccess xl = LongAccess.of(xa);
                LongAccess yl = LongAccess.of(ya);
                if (in == DType.INT64 && !op.returnsBool()) {
                    long[] xs = (long[]) xa;
                    long[] ys = (long[]) ya;
                    long[] os = (long[]) oa;
                    loop.runAnyOrder(par, CpuParallel.GRAIN, (off, st, n, p) ->
                            longRow(op, xs, off[0], st[0], ys, off[1], st[1], os, off[2], st[2], n));
                } else {
                    byte[] ob = (byte[]) oa;
                    loop.runAnyOrder(par, CpuParallel.GRAIN, (off, st, n, p) ->
                            intCompare(op, xl, off[0], st[0], yl, off[1], st[1], ob, off[2], st[2], n));
                }
            }
        }
    }

    /** Reads integer-like storage (long[] or 0/1 byte[]) as longs; the type test is per row, not per element. */
    private record LongAccess(long[] l, byte[] b) {
        static LongAccess of(Object a) {
            return a instanceof long[] la ? new LongAccess(la, null) : new LongAccess(null, (byte[]) a);
        }

        long[] toLongs(int off, int st, int n) {
            long[] r = new long[n];
            if (l != null) {
                for (int i = 0; i < n; i++, off += st) {
                    r[i] = l[off];
                }
            } else {
                for (int i = 0; i < n; i++, off += st) {
                    r[i] = b[off];
                }
            }
            return r;
        }
    }

    // ---------------------------------------------------------------- FLOAT32

    private static void floatRow(BinaryOp op, float[] x, int xi, int xs, float[] y, int yi, int ys,
                                 float[] o, int oi, int os, int n) {
        if (op != BinaryOp.POW && op != BinaryOp.REMAINDER) {
            if (xs == 1 && ys == 1 && os == 1 && xi == oi && yi == oi) {
                arith(op, x, y, o, oi, oi + n);
                return;
            }
            if (xs == 1 && ys == 1 && os == 1 && (o != x || xi == oi) && (o != y || yi == oi)) {
                shifted(op, x, xi, y, yi, o, oi, n);
                return;
            }
            if (xs == 1 && ys == 0 && os == 1 && (o != x || xi == oi) && scalar(op, x, xi, y[yi], o, oi, n)) {
                return;
            }
            float[][] s = FloatRows.scratch();
            float[] tx = s[0];
            float[] ty = s[1];
            for (int done = 0; done < n; done += FloatRows.BLOCK) {
                int len = Math.min(FloatRows.BLOCK, n - done);
                FloatRows.gather(x, xi + done * xs, xs, tx, len);
                FloatRows.gather(y, yi + done * ys, ys, ty, len);
                arith(op, tx, ty, tx, 0, len);
                FloatRows.scatter(tx, len, o, oi + done * os, os);
            }
            return;
        }
        switch (op) {
            case POW -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = (float) CpuMath.pow(x[xi], y[yi]);
                }
            }
            case REMAINDER -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    float b = y[yi];
                    float m = x[xi] % b;
                    if (m != 0f && (m < 0f) != (b < 0f)) {
                        m += b;
                    }
                    o[oi] = m;
                }
            }
            default -> throw new IllegalArgumentException("binary " + op + ": not a FLOAT32 -> FLOAT32 op");
        }
    }

    /**
     * {@code o[oi+i] = x[xi+i] op y[yi+i]}: contiguous rows at different offsets (e.g. a bias row against each row of
     * a matrix), vectorised by HotSpot like {@link #arith}. The output may only be an input at the same offset.
     */
    private static void shifted(BinaryOp op, float[] x, int xi, float[] y, int yi, float[] o, int oi, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    o[oi + i] = x[xi + i] + y[yi + i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    o[oi + i] = x[xi + i] - y[yi + i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    o[oi + i] = x[xi + i] * y[yi + i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    o[oi + i] = x[xi + i] / y[yi + i];
                }
            }
            default -> {
                float[][] sc = FloatRows.scratch();
                for (int done = 0; done < n; done += FloatRows.BLOCK) {
                    int len = Math.min(FloatRows.BLOCK, n - done);
                    System.arraycopy(x, xi + done, sc[0], 0, len);
                    System.arraycopy(y, yi + done, sc[1], 0, len);
                    arith(op, sc[0], sc[1], sc[0], 0, len);
                    System.arraycopy(sc[0], 0, o, oi + done, len);
                }
            }
        }
    }

    /**
     * {@code o[oi+i] = x[xi+i] op c}: a contiguous row against one broadcast value (e.g. a per-channel bias over a
     * plane). Returns false for ops without such a loop.
     */
    private static boolean scalar(BinaryOp op, float[] x, int xi, float c, float[] o, int oi, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    o[oi + i] = x[xi + i] + c;
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    o[oi + i] = x[xi + i] - c;
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    o[oi + i] = x[xi + i] * c;
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    o[oi + i] = x[xi + i] / c;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code o[i] = x[i] op y[i]} over {@code [from, to)} with one index for all arrays (vectorised by HotSpot). */
    private static void arith(BinaryOp op, float[] x, float[] y, float[] o, int from, int to) {
        switch (op) {
            case ADD -> {
                for (int i = from; i < to; i++) {
                    o[i] = x[i] + y[i];
                }
            }
            case SUB -> {
                for (int i = from; i < to; i++) {
                    o[i] = x[i] - y[i];
                }
            }
            case MUL -> {
                for (int i = from; i < to; i++) {
                    o[i] = x[i] * y[i];
                }
            }
            case DIV -> {
                for (int i = from; i < to; i++) {
                    o[i] = x[i] / y[i];
                }
            }
            case MAXIMUM -> {
                for (int i = from; i < to; i++) {
                    o[i] = Math.max(x[i], y[i]);
                }
            }
            case MINIMUM -> {
                for (int i = from; i < to; i++) {
                    o[i] = Math.min(x[i], y[i]);
                }
            }
            case THRESHOLD_BACKWARD -> {
                // Branch-free: keep x where 0 < bits(y) <= bits(+inf), i.e. y > 0 and not NaN.
                for (int i = from; i < to; i++) {
                    int yb = Float.floatToRawIntBits(y[i]);
                    int outside = ((yb - 1) | (0x7f800000 - yb)) >> 31;
                    o[i] = Float.intBitsToFloat(Float.floatToRawIntBits(x[i]) & ~outside);
                }
            }
            default -> throw new IllegalArgumentException("binary " + op + ": not an arithmetic op");
        }
    }

    private static void floatCompare(BinaryOp op, float[] x, int xi, int xs, float[] y, int yi, int ys,
                                     byte[] o, int oi, int os, int n) {
        switch (op) {
            case EQ -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = (byte) (x[xi] == y[yi] ? 1 : 0);
                }
            }
            case NE -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = (byte) (x[xi] != y[yi] ? 1 : 0);
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = (byte) (x[xi] > y[yi] ? 1 : 0);
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = (byte) (x[xi] >= y[yi] ? 1 : 0);
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = (byte) (x[xi] < y[yi] ? 1 : 0);
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = (byte) (x[xi] <= y[yi] ? 1 : 0);
                }
            }
            case LOGICAL_AND -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = (byte) (x[xi] != 0f && y[yi] != 0f ? 1 : 0);
                }
            }
            case LOGICAL_OR -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = (byte) (x[xi] != 0f || y[yi] != 0f ? 1 : 0);
                }
            }
            default -> throw new IllegalArgumentException("binary " + op + ": not a comparison");
        }
    }

    // ---------------------------------------------------------------- INT64 and BOOL

    private static void longRow(BinaryOp op, long[] x, int xi, int xs, long[] y, int yi, int ys,
                                long[] o, int oi, int os, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = x[xi] + y[yi];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = x[xi] - y[yi];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = x[xi] * y[yi];
                }
            }
            case MAXIMUM -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = Math.max(x[xi], y[yi]);
                }
            }
            case MINIMUM -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = Math.min(x[xi], y[yi]);
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    o[oi] = CpuMath.powi(x[xi], y[yi]);
                }
            }
            case REMAINDER -> {
                for (int i = 0; i < n; i++, xi += xs, yi += ys, oi += os) {
                    long b = y[yi];
                    if (b == 0) {
                        throw new ArithmeticException("binary REMAINDER: integer division by zero");
                    }
                    o[oi] = Math.floorMod(x[xi], b);
                }
            }
            default -> throw new IllegalArgumentException("binary " + op + ": not an INT64 -> INT64 op");
        }
    }

    /**
     * Integer and BOOL ops with a BOOL result (for BOOL inputs, ADD/MAXIMUM act as OR and MUL/MINIMUM as AND).
     * Rows are read into long scratch once so one loop serves both storage types.
     */
    private static void intCompare(BinaryOp op, LongAccess xa, int xi, int xs, LongAccess ya, int yi, int ys,
                                   byte[] o, int oi, int os, int n) {
        long[] x = xa.toLongs(xi, xs, n);
        long[] y = ya.toLongs(yi, ys, n);
        switch (op) {
            case EQ -> {
                for (int i = 0; i < n; i++, oi += os) {
                    o[oi] = (byte) (x[i] == y[i] ? 1 : 0);
                }
            }
            case NE -> {
                for (int i = 0; i < n; i++, oi += os) {
                    o[oi] = (byte) (x[i] != y[i] ? 1 : 0);
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++, oi += os) {
                    o[oi] = (byte) (x[i] > y[i] ? 1 : 0);
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++, oi += os) {
                    o[oi] = (byte) (x[i] >= y[i] ? 1 : 0);
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++, oi += os) {
                    o[oi] = (byte) (x[i] < y[i] ? 1 : 0);
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++, oi += os) {
                    o[oi] = (byte) (x[i] <= y[i] ? 1 : 0);
                }
            }
            case LOGICAL_AND, MUL, MINIMUM -> {
                for (int i = 0; i < n; i++, oi += os) {
                    o[oi] = (byte) (x[i] != 0 && y[i] != 0 ? 1 : 0);
                }
            }
            case LOGICAL_OR, ADD, MAXIMUM -> {
                for (int i = 0; i < n; i++, oi += os) {
                    o[oi] = (byte) (x[i] != 0 || y[i] != 0 ? 1 : 0);
                }
            }
            default -> throw new IllegalArgumentException("binary " + op + ": not supported for BOOL output");
        }
    }
}
