package io.netwright.backend.cpu;

import io.netwright.backend.ReduceOp;

import java.util.function.IntUnaryOperator;

/**
 * The inner loops of {@link CpuReduce}: reduce the row-major positions {@code [from, to)} of the flattened reduced
 * dims (rows of length {@code len} starting at {@code base + rows[r]}, step {@code step}). One switch per call,
 * then a tight loop per op.
 */
final class CpuReduceKernels {

    private CpuReduceKernels() {
    }

    // ---------------------------------------------------------------- FLOAT32

    static double reduceFloat(ReduceOp op, float[] x, int base, int[] rows, int len, int step, int from, int to) {
        double acc = switch (op) {
            case SUM -> 0.0;
            case PROD -> 1.0;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            default -> throw new IllegalArgumentException("reduce " + op + ": not a value reduction");
        };
        int pos = from;
        int r = from == 0 ? 0 : from / len;
        int c = from == 0 ? 0 : from % len;
        while (pos < to) {
            int n = Math.min(len - c, to - pos);
            int i = base + rows[r] + c * step;
            r++;
            c = 0;
            acc = switch (op) {
                case SUM -> sum(x, i, step, n, acc);
                case PROD -> {
                    double a = acc;
                    for (int k = 0; k < n; k++, i += step) {
                        a *= x[i];
                    }
                    yield a;
                }
                case MAX -> {
                    float m = (float) acc;
                    for (int k = 0; k < n; k++, i += step) {
                        float v = x[i];
                        if (v > m || v != v) {
                            m = v;
                        }
                    }
                    yield m;
                }
                default -> {
                    float m = (float) acc;
                    for (int k = 0; k < n; k++, i += step) {
                        float v = x[i];
                        if (v < m || v != v) {
                            m = v;
                        }
                    }
                    yield m;
                }
            };
            if ((op == ReduceOp.MAX || op == ReduceOp.MIN) && acc != acc) {
                return acc;
            }
            pos += n;
        }
        return acc;
    }

    /**
     * {@code n} outputs, each reducing one run of {@code len} elements: output {@code j} reads
     * {@code x[xb + j*xs + k*step]} and writes {@code out[ob + j*os]} ({@code float[]}, or {@code long[]} for the arg
     * ops). SUM, MAX, MIN, ARGMAX and ARGMIN, with the same results as {@link #reduceFloat}/{@link #argFloat}.
     */
    static void reduceRuns(ReduceOp op, float[] x, int xb, int xs, int len, int step, Object out, int ob, int os,
                           int n) {
        switch (op) {
            case SUM -> {
                float[] o = (float[]) out;
                for (int j = 0; j < n; j++, xb += xs, ob += os) {
                    o[ob] = (float) sum(x, xb, step, len, 0.0);
                }
            }
            case MAX, MIN -> {
                float[] o = (float[]) out;
                boolean max = op == ReduceOp.MAX;
                for (int j = 0; j < n; j++, xb += xs, ob += os) {
                    float m = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
                    for (int k = 0, i = xb; k < len; k++, i += step) {
                        m = max ? Math.max(m, x[i]) : Math.min(m, x[i]);
                    }
                    o[ob] = m;
                }
            }
            case ARGMAX -> {
                long[] o = (long[]) out;
                for (int j = 0; j < n; j++, xb += xs, ob += os) {
                    int best = 0;
                    float bv = x[xb];
                    if (bv == bv) {
                        for (int k = 1, i = xb + step; k < len; k++, i += step) {
                            float v = x[i];
                            if (v > bv) {
                                bv = v;
                                best = k;
                            } else if (v != v) {
                                best = k;
                                break;
                            }
                        }
                    }
                    o[ob] = best;
                }
            }
            case ARGMIN -> {
                long[] o = (long[]) out;
                for (int j = 0; j < n; j++, xb += xs, ob += os) {
                    int best = 0;
                    float bv = x[xb];
                    if (bv == bv) {
                        for (int k = 1, i = xb + step; k < len; k++, i += step) {
                            float v = x[i];
                            if (v < bv) {
                                bv = v;
                                best = k;
                            } else if (v != v) {
                                best = k;
                                break;
                            }
                        }
                    }
                    o[ob] = best;
                }
            }
            default -> throw new IllegalArgumentException("reduce " + op + ": no run kernel");
        }
    }

    /** Sum with four independent double accumulators on unit stride (faster, still deterministic). */
    private static double sum(float[] x, int i, int step, int n, double acc) {
        if (step == 1) {
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            int k = 0;
            for (; k + 3 < n; k += 4) {
                a0 += x[i + k];
                a1 += x[i + k + 1];
                a2 += x[i + k + 2];
                a3 += x[i + k + 3];
            }
            for (; k < n; k++) {
                a0 += x[i + k];
            }
            return acc + ((a0 + a1) + (a2 + a3));
        }
        double a = acc;
        for (int k = 0; k < n; k++, i += step) {
            a += x[i];
        }
        return a;
    }

    /** Folds one row {@code t[0..n)} into per-column accumulators: {@code acc} for SUM/PROD, {@code m} for MAX/MIN. */
    static void foldRow(ReduceOp op, float[] t, double[] acc, float[] m, int n) {
        switch (op) {
            case SUM -> {
                for (int j = 0; j < n; j++) {
                    acc[j] += t[j];
                }
            }
            case PROD -> {
                for (int j = 0; j < n; j++) {
                    acc[j] *= t[j];
                }
            }
            case MAX -> {
                for (int j = 0; j < n; j++) {
                    m[j] = Math.max(m[j], t[j]);
                }
            }
            default -> {
                for (int j = 0; j < n; j++) {
                    m[j] = Math.min(m[j], t[j]);
                }
            }
        }
    }

    /** Position (within {@code [from, to)}) of the first maximum/minimum; NaN counts as the extreme. */
    static long argFloat(ReduceOp op, float[] x, int base, int[] rows, int len, int step, int from, int to) {
        boolean max = op == ReduceOp.ARGMAX;
        int best = from;
        float bv = x[from == 0 ? base + rows[0] : base + rows[from / len] + (from % len) * step];
        int pos = from;
        int r = from == 0 ? 0 : from / len;
        int c = from == 0 ? 0 : from % len;
        while (pos < to && bv == bv) {
            int n = Math.min(len - c, to - pos);
            int i = base + rows[r] + c * step;
            r++;
            c = 0;
            if (max) {
                for (int k = 0; k < n; k++, i += step) {
                    float v = x[i];
                    if (v > bv || v != v) {
                        bv = v;
                        best = pos + k;
                        if (v != v) {
                            break;
                        }
                    }
                }
            } else {
                for (int k = 0; k < n; k++, i += step) {
                    float v = x[i];
                    if (v < bv || v != v) {
                        bv = v;
                        best = pos + k;
                        if (v != v) {
                            break;
                        }
                    }
                }
            }
            pos += n;
        }
        return best;
    }

    static double combineFloat(ReduceOp op, double a, double b) {
        return switch (op) {
            case SUM -> a + b;
            case PROD -> a * b;
            case MAX -> a != a || b != b ? Double.NaN : Math.max(a, b);
            default -> a != a || b != b ? Double.NaN : Math.min(a, b);
        };
    }

    // ---------------------------------------------------------------- INT64

    static long reduceLong(ReduceOp op, long[] x, int base, int[] rows, int len, int step, int from, int to) {
        long acc = switch (op) {
            case SUM -> 0L;
            case PROD -> 1L;
            case MAX -> Long.MIN_VALUE;
            case MIN -> Long.MAX_VALUE;
            default -> throw new IllegalArgumentException("reduce " + op + ": not a value reduction");
        };
        int pos = from;
        int r = from == 0 ? 0 : from / len;
        int c = from == 0 ? 0 : from % len;
        while (pos < to) {
            int n = Math.min(len - c, to - pos);
            int i = base + rows[r] + c * step;
            r++;
            c = 0;
            long a = acc;
            switch (op) {
                case SUM -> {
                    for (int k = 0; k < n; k++, i += step) {
                        a += x[i];
                    }
                }
                case PROD -> {
                    for (int k = 0; k < n; k++, i += step) {
                        a *= x[i];
                    }
                }
                case MAX -> {
                    for (int k = 0; k < n; k++, i += step) {
                        a = Math.max(a, x[i]);
                    }
                }
                default -> {
                    for (int k = 0; k < n; k++, i += step) {
                        a = Math.min(a, x[i]);
                    }
                }
            }
            acc = a;
            pos += n;
        }
        return acc;
    }

    static long argLong(ReduceOp op, long[] x, int base, int[] rows, int len, int step, int from, int to) {
        boolean max = op == ReduceOp.ARGMAX;
        int best = from;
        long bv = x[from == 0 ? base + rows[0] : base + rows[from / len] + (from % len) * step];
        int pos = from;
        int r = from == 0 ? 0 : from / len;
        int c = from == 0 ? 0 : from % len;
        while (pos < to) {
            int n = Math.min(len - c, to - pos);
            int i = base + rows[r] + c * step;
            r++;
            c = 0;
            if (max) {
                for (int k = 0; k < n; k++, i += step) {
                    if (x[i] > bv) {
                        bv = x[i];
                        best = pos + k;
                    }
                }
            } else {
                for (int k = 0; k < n; k++, i += step) {
                    if (x[i] < bv) {
                        bv = x[i];
                        best = pos + k;
                    }
                }
            }
            pos += n;
        }
        return best;
    }

    static long combineLong(ReduceOp op, long a, long b) {
        return switch (op) {
            case SUM -> a + b;
            case PROD -> a * b;
            case MAX -> Math.max(a, b);
            default -> Math.min(a, b);
        };
    }

    /** Combines two arg positions, the first ({@code best}) coming earlier: it wins ties. */
    static long combineArg(ReduceOp op, Object xa, int base, IntUnaryOperator offsetOf, long best, long cand) {
        boolean max = op == ReduceOp.ARGMAX;
        if (xa instanceof float[] f) {
            float bv = f[base + offsetOf.applyAsInt((int) best)];
            float cv = f[base + offsetOf.applyAsInt((int) cand)];
            if (bv != bv) {
                return best;
            }
            return (max ? cv > bv : cv < bv) || cv != cv ? cand : best;
        }
        long[] l = (long[]) xa;
        long bv = l[base + offsetOf.applyAsInt((int) best)];
        long cv = l[base + offsetOf.applyAsInt((int) cand)];
        return (max ? cv > bv : cv < bv) ? cand : best;
    }
}
