package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.UnaryOp;
import io.netwright.backend.View;

/**
 * Elementwise unary ops. The op is switched on once per row (never per element); each case is a tight loop. Cheap
 * ops run as same-index loops that HotSpot vectorises, directly on contiguous rows with equal offsets, otherwise
 * through {@link FloatRows} buffers. Output may be exactly the input view.
 */
final class CpuUnary {

    private CpuUnary() {
    }

    static void run(CpuParallel par, UnaryOp op, View x, View out, double a, double b) {
        CpuChecks.sameShape("unary " + op, x, out);
        DType in = x.dtype();
        DType expected = op.returnsBool() ? DType.BOOL : in;
        CpuChecks.dtype("unary " + op + " output", out, expected);
        StridedLoop loop = StridedLoop.of(x.shape(), x, out);
        Object xs = CpuChecks.data(x);
        Object os = CpuChecks.data(out);
        if (op.returnsBool()) {
            toBool(par, op, loop, in, xs, (byte[]) os);
            return;
        }
        switch (in) {
            case FLOAT32 -> {
                float[] xf = (float[]) xs;
                float[] of = (float[]) os;
                float fa = (float) a;
                float fb = (float) b;
                loop.runAnyOrder(par, CpuParallel.GRAIN, (off, st, n, p) ->
                        floatRow(op, xf, off[0], st[0], of, off[1], st[1], n, fa, fb));
            }
            case INT64 -> {
                checkLongOp(op, a);
                long[] xl = (long[]) xs;
                long[] ol = (long[]) os;
                loop.runAnyOrder(par, CpuParallel.GRAIN, (off, st, n, p) ->
                        longRow(op, xl, off[0], st[0], ol, off[1], st[1], n, a, b));
            }
            case BOOL -> throw new IllegalArgumentException("unary " + op
                    + ": BOOL input is not supported (only LOGICAL_NOT, ISNAN, ISFINITE) — cast first");
        }
    }

    // ---------------------------------------------------------------- FLOAT32

    static void floatRow(UnaryOp op, float[] x, int xi, int xs, float[] o, int oi, int os, int n, float a, float b) {
        if (simple(op)) {
            if (xs == 1 && os == 1 && xi == oi) {
                simpleLoop(op, x, o, oi, oi + n, a, b);
                return;
            }
            float[] t = FloatRows.scratch()[0];
            for (int done = 0; done < n; done += FloatRows.BLOCK) {
                int len = Math.min(FloatRows.BLOCK, n - done);
                FloatRows.gather(x, xi + done * xs, xs, t, len);
                simpleLoop(op, t, t, 0, len, a, b);
                FloatRows.scatter(t, len, o, oi + done * os, os);
            }
            return;
        }
        switch (op) {
            case EXP -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) Math.exp(x[xi]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) Math.log(x[xi]);
                }
            }
            case SIN -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) Math.sin(x[xi]);
                }
            }
            case COS -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) Math.cos(x[xi]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = CpuMath.tanh(x[xi]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = sigmoid(x[xi]);
                }
            }
            case SIGN -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    float v = x[xi];
                    o[oi] = v > 0f ? 1f : v < 0f ? -1f : 0f; // NaN and -0 give 0, as PyTorch
                }
            }
            case FLOOR -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) Math.floor(x[xi]);
                }
            }
            case CEIL -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) Math.ceil(x[xi]);
                }
            }
            case ROUND -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) Math.rint(x[xi]);
                }
            }
            case ERF -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) CpuMath.erf(x[xi]);
                }
            }
            case POW_SCALAR -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) Math.pow(x[xi], a);
                }
            }
            case RPOW_SCALAR -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) Math.pow(a, x[xi]);
                }
            }
            default -> throw new IllegalArgumentException("unary " + op + ": not a FLOAT32 -> FLOAT32 op");
        }
    }

    /** Ops cheap enough that vectorising pays (see {@link FloatRows}). */
    private static boolean simple(UnaryOp op) {
        return switch (op) {
            case NEG, ABS, RELU, ADD_SCALAR, MUL_SCALAR, CLAMP, LEAKY_RELU, SQRT, RECIPROCAL -> true;
            default -> false;
        };
    }

    /**
     * {@code o[i] = op(x[i])} for {@code i} in {@code [from, to)}: one index for both arrays, the form HotSpot
     * vectorises. RELU and LEAKY_RELU use {@code Math.max/min} (vectorisable, NaN-propagating); the only difference
     * from a branch is that {@code relu(-0)} gives {@code +0}.
     */
    private static void simpleLoop(UnaryOp op, float[] x, float[] o, int from, int to, float a, float b) {
        switch (op) {
            case NEG -> {
                for (int i = from; i < to; i++) {
                    o[i] = -x[i];
                }
            }
            case ABS -> {
                for (int i = from; i < to; i++) {
                    o[i] = Math.abs(x[i]);
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    o[i] = Math.max(x[i], 0f);
                }
            }
            case ADD_SCALAR -> {
                for (int i = from; i < to; i++) {
                    o[i] = x[i] + a;
                }
            }
            case MUL_SCALAR -> {
                for (int i = from; i < to; i++) {
                    o[i] = x[i] * a;
                }
            }
            case CLAMP -> {
                float lo = Float.isNaN(a) ? Float.NEGATIVE_INFINITY : a;
                float hi = Float.isNaN(b) ? Float.POSITIVE_INFINITY : b;
                for (int i = from; i < to; i++) {
                    o[i] = Math.min(Math.max(x[i], lo), hi);
                }
            }
            case LEAKY_RELU -> {
                if (Float.isFinite(a)) {
                    // Equals x > 0 ? x : a*x for a finite slope, and vectorises.
                    for (int i = from; i < to; i++) {
                        float v = x[i];
                        o[i] = Math.max(v, 0f) + a * Math.min(v, 0f);
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        float v = x[i];
                        o[i] = v > 0f ? v : a * v;
                    }
                }
            }
            case SQRT -> {
                for (int i = from; i < to; i++) {
                    o[i] = (float) Math.sqrt(x[i]);
                }
            }
            case RECIPROCAL -> {
                for (int i = from; i < to; i++) {
                    o[i] = 1f / x[i];
                }
            }
            default -> throw new IllegalArgumentException("unary " + op + ": not a simple op");
        }
    }

    /** Logistic function without overflow: {@code e^x/(1+e^x)} for negative x. */
    static float sigmoid(float v) {
        if (v >= 0f) {
            return (float) (1.0 / (1.0 + Math.exp(-v)));
        }
        double e = Math.exp(v);
        return (float) (e / (1.0 + e));
    }

    // ---------------------------------------------------------------- INT64

    private static void checkLongOp(UnaryOp op, double a) {
        switch (op) {
            case NEG, ABS, SIGN, RELU, FLOOR, CEIL, ROUND, ADD_SCALAR, MUL_SCALAR, CLAMP -> { }
            case POW_SCALAR -> {
                if (a < 0 || a != Math.rint(a)) {
                    throw new IllegalArgumentException("unary POW_SCALAR: INT64 input needs a non-negative integer "
                            + "exponent, got " + a + " — cast to FLOAT32 first");
                }
            }
            default -> throw new IllegalArgumentException("unary " + op
                    + ": INT64 input is not supported — cast to FLOAT32 first");
        }
    }

    private static void longRow(UnaryOp op, long[] x, int xi, int xs, long[] o, int oi, int os, int n,
                                double a, double b) {
        switch (op) {
            case NEG -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = -x[xi];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = Math.abs(x[xi]);
                }
            }
            case SIGN -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = Long.signum(x[xi]);
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = Math.max(x[xi], 0L);
                }
            }
            case FLOOR, CEIL, ROUND -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = x[xi];
                }
            }
            case ADD_SCALAR -> {
                long s = (long) a;
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = x[xi] + s;
                }
            }
            case MUL_SCALAR -> {
                long s = (long) a;
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = x[xi] * s;
                }
            }
            case CLAMP -> {
                long lo = Double.isNaN(a) ? Long.MIN_VALUE : (long) Math.ceil(a);
                long hi = Double.isNaN(b) ? Long.MAX_VALUE : (long) Math.floor(b);
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = Math.min(Math.max(x[xi], lo), hi);
                }
            }
            case POW_SCALAR -> {
                long e = (long) a;
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = CpuMath.powi(x[xi], e);
                }
            }
            default -> throw new IllegalArgumentException("unary " + op + ": INT64 input is not supported");
        }
    }

    // ---------------------------------------------------------------- BOOL output

    private static void toBool(CpuParallel par, UnaryOp op, StridedLoop loop, DType in, Object xs, byte[] o) {
        switch (in) {
            case FLOAT32 -> {
                float[] x = (float[]) xs;
                loop.runAnyOrder(par, CpuParallel.GRAIN, (off, st, n, p) -> {
                    int xi = off[0];
                    int oi = off[1];
                    int xs1 = st[0];
                    int os1 = st[1];
                    switch (op) {
                        case ISNAN -> {
                            for (int i = 0; i < n; i++, xi += xs1, oi += os1) {
                                o[oi] = (byte) (x[xi] != x[xi] ? 1 : 0);
                            }
                        }
                        case ISFINITE -> {
                            for (int i = 0; i < n; i++, xi += xs1, oi += os1) {
                                o[oi] = (byte) (Float.isFinite(x[xi]) ? 1 : 0);
                            }
                        }
                        default -> {
                            for (int i = 0; i < n; i++, xi += xs1, oi += os1) {
                                o[oi] = (byte) (x[xi] == 0f ? 1 : 0);
                            }
                        }
                    }
                });
            }
            case INT64 -> {
                long[] x = (long[]) xs;
                loop.runAnyOrder(par, CpuParallel.GRAIN, (off, st, n, p) -> {
                    int xi = off[0];
                    int oi = off[1];
                    if (op == UnaryOp.LOGICAL_NOT) {
                        for (int i = 0; i < n; i++, xi += st[0], oi += st[1]) {
                            o[oi] = (byte) (x[xi] == 0 ? 1 : 0);
                        }
                    } else {
                        fillBytes(o, oi, st[1], n, (byte) (op == UnaryOp.ISFINITE ? 1 : 0));
                    }
                });
            }
            case BOOL -> {
                byte[] x = (byte[]) xs;
                loop.runAnyOrder(par, CpuParallel.GRAIN, (off, st, n, p) -> {
                    int xi = off[0];
                    int oi = off[1];
                    if (op == UnaryOp.LOGICAL_NOT) {
                        for (int i = 0; i < n; i++, xi += st[0], oi += st[1]) {
                            o[oi] = (byte) (1 - x[xi]);
                        }
                    } else {
                        fillBytes(o, oi, st[1], n, (byte) (op == UnaryOp.ISFINITE ? 1 : 0));
                    }
                });
            }
        }
    }

    private static void fillBytes(byte[] o, int oi, int os, int n, byte v) {
        for (int i = 0; i < n; i++, oi += os) {
            o[oi] = v;
        }
    }
}
