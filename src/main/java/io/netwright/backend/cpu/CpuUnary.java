package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.UnaryOp;
import io.netwright.backend.View;

/**
 * Elementwise unary ops. The op is switched on once per row (never per element); each case is a tight loop, with
 * a unit-stride variant for the cheap ops so the JIT can vectorise them. Output may be exactly the input view.
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
                loop.run(par, CpuParallel.GRAIN, (off, st, n, p) ->
                        floatRow(op, xf, off[0], st[0], of, off[1], st[1], n, fa, fb));
            }
            case INT64 -> {
                checkLongOp(op, a);
                long[] xl = (long[]) xs;
                long[] ol = (long[]) os;
                loop.run(par, CpuParallel.GRAIN, (off, st, n, p) ->
                        longRow(op, xl, off[0], st[0], ol, off[1], st[1], n, a, b));
            }
            case BOOL -> throw new IllegalArgumentException("unary " + op
                    + ": BOOL input is not supported (only LOGICAL_NOT, ISNAN, ISFINITE) — cast first");
        }
    }

    // ---------------------------------------------------------------- FLOAT32

    static void floatRow(UnaryOp op, float[] x, int xi, int xs, float[] o, int oi, int os, int n, float a, float b) {
        boolean unit = xs == 1 && os == 1;
        switch (op) {
            case NEG -> {
                if (unit) {
                    for (int i = 0; i < n; i++) {
                        o[oi + i] = -x[xi + i];
                    }
                } else {
                    for (int i = 0; i < n; i++, xi += xs, oi += os) {
                        o[oi] = -x[xi];
                    }
                }
            }
            case ABS -> {
                if (unit) {
                    for (int i = 0; i < n; i++) {
                        o[oi + i] = Math.abs(x[xi + i]);
                    }
                } else {
                    for (int i = 0; i < n; i++, xi += xs, oi += os) {
                        o[oi] = Math.abs(x[xi]);
                    }
                }
            }
            case RELU -> {
                if (unit) {
                    for (int i = 0; i < n; i++) {
                        float v = x[xi + i];
                        o[oi + i] = v < 0f ? 0f : v;
                    }
                } else {
                    for (int i = 0; i < n; i++, xi += xs, oi += os) {
                        float v = x[xi];
                        o[oi] = v < 0f ? 0f : v;
                    }
                }
            }
            case ADD_SCALAR -> {
                if (unit) {
                    for (int i = 0; i < n; i++) {
                        o[oi + i] = x[xi + i] + a;
                    }
                } else {
                    for (int i = 0; i < n; i++, xi += xs, oi += os) {
                        o[oi] = x[xi] + a;
                    }
                }
            }
            case MUL_SCALAR -> {
                if (unit) {
                    for (int i = 0; i < n; i++) {
                        o[oi + i] = x[xi + i] * a;
                    }
                } else {
                    for (int i = 0; i < n; i++, xi += xs, oi += os) {
                        o[oi] = x[xi] * a;
                    }
                }
            }
            case CLAMP -> {
                float lo = Float.isNaN(a) ? Float.NEGATIVE_INFINITY : a;
                float hi = Float.isNaN(b) ? Float.POSITIVE_INFINITY : b;
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    float v = x[xi];
                    v = v < lo ? lo : v;
                    o[oi] = v > hi ? hi : v;
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    float v = x[xi];
                    o[oi] = v > 0f ? v : a * v;
                }
            }
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
            case SQRT -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = (float) Math.sqrt(x[xi]);
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
                    o[oi] = (float) Math.tanh(x[xi]);
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
            case RECIPROCAL -> {
                for (int i = 0; i < n; i++, xi += xs, oi += os) {
                    o[oi] = 1f / x[xi];
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
                loop.run(par, CpuParallel.GRAIN, (off, st, n, p) -> {
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
                loop.run(par, CpuParallel.GRAIN, (off, st, n, p) -> {
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
                loop.run(par, CpuParallel.GRAIN, (off, st, n, p) -> {
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
