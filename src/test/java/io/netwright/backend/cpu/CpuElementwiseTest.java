package io.netwright.backend.cpu;

import io.netwright.backend.BinaryOp;
import io.netwright.backend.Buffer;
import io.netwright.backend.DType;
import io.netwright.backend.UnaryOp;
import io.netwright.backend.View;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import static io.netwright.backend.cpu.CpuTestSupport.assertClose;
import static io.netwright.backend.cpu.CpuTestSupport.bools;
import static io.netwright.backend.cpu.CpuTestSupport.floats;
import static io.netwright.backend.cpu.CpuTestSupport.longs;
import static io.netwright.backend.cpu.CpuTestSupport.strided;
import static io.netwright.backend.cpu.CpuTestSupport.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuElementwiseTest {

    private static final CpuBackend B = CpuTestSupport.backend(2);
    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        0.5f, 1.5f, 2.5f, -2.5f, -0.5f, 100f, -100f, 3f, -7.25f, 1e-3f, 0.75f};

    @AfterAll
    static void close() {
        B.close();
    }

    private static double ref(UnaryOp op, double x, double a, double b) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case RELU -> Double.isNaN(x) ? x : Math.max(x, 0);
            case SIGN -> Double.isNaN(x) ? 0 : Math.signum(x) + 0.0;
            case RECIPROCAL -> 1 / x;
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case ROUND -> Math.rint(x);
            case ADD_SCALAR -> (float) x + (float) a;
            case MUL_SCALAR -> (float) x * (float) a;
            case POW_SCALAR -> cPow(x, a);
            case RPOW_SCALAR -> cPow(a, x);
            case CLAMP -> Double.isNaN(x) ? x : Math.min(Double.isNaN(b) ? Double.POSITIVE_INFINITY : b,
                    Math.max(Double.isNaN(a) ? Double.NEGATIVE_INFINITY : a, x));
            case LEAKY_RELU -> x > 0 ? x : a * x;
            default -> throw new AssertionError(op);
        };
    }

    /** C99 {@code pow}, as PyTorch: unlike {@link Math#pow}, {@code 1^NaN == 1} and {@code (-1)^±inf == 1}. */
    private static double cPow(double x, double y) {
        if (x == 1.0 || (x == -1.0 && Double.isInfinite(y))) {
            return 1.0;
        }
        return Math.pow(x, y);
    }

    @Test
    void floatUnaryOpsMatchReferenceOnContiguousAndStridedViews() {
        Random r = new Random(1);
        int[] shape = {4, 3, 5};
        float[] data = CpuTestSupport.randomFloats(r, 60);
        System.arraycopy(SPECIAL, 0, data, 0, SPECIAL.length);
        double[][] params = {{0.5, 0}, {-1.0, 2.0}, {Double.NaN, 1.0}, {0.0, Double.NaN}, {2.0, 0}};
        for (UnaryOp op : UnaryOp.values()) {
            if (op.returnsBool() || op == UnaryOp.ERF) {
                continue;
            }
            for (double[] p : params) {
                float[] expected = new float[data.length];
                for (int i = 0; i < data.length; i++) {
                    expected[i] = (float) ref(op, data[i], p[0], p[1]);
                }
                View out = zeros(B, DType.FLOAT32, shape);
                B.unary(op, floats(B, data, shape), out, p[0], p[1]);
                assertClose(expected, B.copyOutFloat(out), 1e-6, op + " contiguous");
                View sx = strided(B, DType.FLOAT32, data, shape, 7);
                View so = strided(B, DType.FLOAT32, new float[60], shape, 8);
                B.unary(op, sx, so, p[0], p[1]);
                assertClose(expected, B.copyOutFloat(so), 1e-6, op + " strided");
            }
        }
    }

    @Test
    void roundIsHalfToEvenAndSigmoidIsStable() {
        View x = floats(B, new float[] {0.5f, 1.5f, 2.5f, -2.5f, -0.5f, 3.5f}, 6);
        View out = zeros(B, DType.FLOAT32, 6);
        B.unary(UnaryOp.ROUND, x, out, 0, 0);
        assertArrayEquals(new float[] {0f, 2f, 2f, -2f, -0f, 4f}, B.copyOutFloat(out));
        View big = floats(B, new float[] {-1000f, 1000f, 0f}, 3);
        View s = zeros(B, DType.FLOAT32, 3);
        B.unary(UnaryOp.SIGMOID, big, s, 0, 0);
        assertArrayEquals(new float[] {0f, 1f, 0.5f}, B.copyOutFloat(s));
    }

    @Test
    void erfMatchesKnownValues() {
        double[] xs = {0, 0.1, 0.5, -0.3, 1, 2, -2.5, 3, 6, 1e-4};
        double[] erf = {0, 0.1124629160182849, 0.5204998778130465, -0.3286267594591112, 0.8427007929497149,
            0.9953222650189527, -0.9995930479825550, 0.9999779095030014, 1.0, 1.1283791633342215e-4};
        float[] in = new float[xs.length];
        float[] exp = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            in[i] = (float) xs[i];
            exp[i] = (float) erf[i];
        }
        View out = zeros(B, DType.FLOAT32, xs.length);
        B.unary(UnaryOp.ERF, floats(B, in, xs.length), out, 0, 0);
        assertClose(exp, B.copyOutFloat(out), 3e-7, "erf");
    }

    @Test
    void unaryAndBinaryAllowExactInPlaceAliasing() {
        float[] data = CpuTestSupport.randomFloats(new Random(2), 100_000);
        View x = strided(B, DType.FLOAT32, data, new int[] {100, 1000}, 3);
        B.unary(UnaryOp.MUL_SCALAR, x, x, 2.0, 0);
        B.binary(BinaryOp.ADD, x, x, x);
        float[] got = B.copyOutFloat(x);
        for (int i = 0; i < data.length; i++) {
            assertEquals(data[i] * 4f, got[i], 0f);
        }
        View c = floats(B, data, 100_000);
        View y = floats(B, data, 100_000);
        B.binary(BinaryOp.SUB, c, y, y);
        assertArrayEquals(new float[100_000], B.copyOutFloat(y));
    }

    private static double refBinary(BinaryOp op, double a, double b) {
        return switch (op) {
            case ADD -> (float) a + (float) b;
            case SUB -> (float) a - (float) b;
            case MUL -> (float) a * (float) b;
            case DIV -> (float) a / (float) b;
            case POW -> cPow(a, b);
            case MAXIMUM -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
            case MINIMUM -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b);
            case REMAINDER -> a - b * Math.floor(a / b);
            case THRESHOLD_BACKWARD -> b > 0 ? (float) a : 0;
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case LOGICAL_AND -> a != 0 && b != 0 ? 1 : 0;
            case LOGICAL_OR -> a != 0 || b != 0 ? 1 : 0;
        };
    }

    @Test
    void floatBinaryOpsMatchReferenceWithBroadcastAndStrides() {
        Random r = new Random(3);
        int[] shape = {6, 7};
        float[] xs = CpuTestSupport.randomFloats(r, 42);
        System.arraycopy(SPECIAL, 0, xs, 0, SPECIAL.length);
        xs[20] = 2f;
        float[] row = {1.5f, -2f, Float.NaN, 0f, 3f, 2f, -0.5f};
        // y broadcasts one row over the first dim (stride 0).
        View y = new View(floats(B, row, 7).buffer(), 0, shape, new int[] {0, 1});
        for (BinaryOp op : BinaryOp.values()) {
            float[] expected = new float[42];
            for (int i = 0; i < 42; i++) {
                expected[i] = (float) refBinary(op, xs[i], row[i % 7]);
            }
            DType outType = op.returnsBool() ? DType.BOOL : DType.FLOAT32;
            View out = zeros(B, outType, shape);
            B.binary(op, strided(B, DType.FLOAT32, xs, shape, 11), y, out);
            assertClose(expected, B.copyOutFloat(out), op == BinaryOp.REMAINDER ? 1e-5 : 1e-6, op.toString());
        }
    }

    @Test
    void remainderTakesTheSignOfTheDivisor() {
        View x = floats(B, new float[] {-3f, 3f, -4f, 5.5f, 7f}, 5);
        View y = floats(B, new float[] {2f, -2f, 2f, -2f, 0f}, 5);
        View out = zeros(B, DType.FLOAT32, 5);
        B.binary(BinaryOp.REMAINDER, x, y, out);
        float[] got = B.copyOutFloat(out);
        // fmod keeps the sign of zero: PyTorch gives -0 for remainder(-4, 2) too.
        assertArrayEquals(new float[] {1f, -1f, -0f, -0.5f}, java.util.Arrays.copyOf(got, 4));
        assertTrue(Float.isNaN(got[4]));
        View li = longs(B, new long[] {-3, 3, -4, 7}, 4);
        View lj = longs(B, new long[] {2, -2, 2, 3}, 4);
        View lo = zeros(B, DType.INT64, 4);
        B.binary(BinaryOp.REMAINDER, li, lj, lo);
        assertArrayEquals(new long[] {1, -1, 0, 1}, B.copyOutLong(lo));
    }

    @Test
    void int64AndBoolBinaryOps() {
        View a = longs(B, new long[] {5, -3, 2, 0}, 4);
        View b = longs(B, new long[] {2, 4, 3, 0}, 4);
        long[][] expected = {{7, 1, 5, 0}, {3, -7, -1, 0}, {10, -12, 6, 0}, {25, 81, 8, 1}, {5, 4, 3, 0},
            {2, -3, 2, 0}};
        BinaryOp[] ops = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.POW, BinaryOp.MAXIMUM,
            BinaryOp.MINIMUM};
        for (int k = 0; k < ops.length; k++) {
            View out = zeros(B, DType.INT64, 4);
            B.binary(ops[k], a, b, out);
            assertArrayEquals(expected[k], B.copyOutLong(out), ops[k].toString());
        }
        View cmp = zeros(B, DType.BOOL, 4);
        B.binary(BinaryOp.GT, a, b, cmp);
        assertArrayEquals(new long[] {1, 0, 0, 0}, B.copyOutLong(cmp));
        assertThrows(IllegalArgumentException.class, () -> B.binary(BinaryOp.DIV, a, b, zeros(B, DType.INT64, 4)));
        View p = bools(B, new boolean[] {true, true, false, false}, 4);
        View q = bools(B, new boolean[] {true, false, true, false}, 4);
        View o = zeros(B, DType.BOOL, 4);
        B.binary(BinaryOp.LOGICAL_AND, p, q, o);
        assertArrayEquals(new long[] {1, 0, 0, 0}, B.copyOutLong(o));
        B.binary(BinaryOp.ADD, p, q, o);
        assertArrayEquals(new long[] {1, 1, 1, 0}, B.copyOutLong(o));
        B.binary(BinaryOp.NE, p, q, o);
        assertArrayEquals(new long[] {0, 1, 1, 0}, B.copyOutLong(o));
        assertThrows(IllegalArgumentException.class, () -> B.binary(BinaryOp.ADD, a, b, zeros(B, DType.BOOL, 4)));
    }

    @Test
    void boolOutputUnaryOps() {
        View x = floats(B, new float[] {Float.NaN, 1f, Float.POSITIVE_INFINITY, 0f}, 4);
        View o = zeros(B, DType.BOOL, 4);
        B.unary(UnaryOp.ISNAN, x, o, 0, 0);
        assertArrayEquals(new long[] {1, 0, 0, 0}, B.copyOutLong(o));
        B.unary(UnaryOp.ISFINITE, x, o, 0, 0);
        assertArrayEquals(new long[] {0, 1, 0, 1}, B.copyOutLong(o));
        B.unary(UnaryOp.LOGICAL_NOT, x, o, 0, 0);
        assertArrayEquals(new long[] {0, 0, 0, 1}, B.copyOutLong(o));
        View m = bools(B, new boolean[] {true, false, true, false}, 4);
        B.unary(UnaryOp.LOGICAL_NOT, m, m, 0, 0);
        assertArrayEquals(new long[] {0, 1, 0, 1}, B.copyOutLong(m));
        View l = longs(B, new long[] {-5, 0, 7, 2}, 4);
        View lo = zeros(B, DType.INT64, 4);
        B.unary(UnaryOp.CLAMP, l, lo, -1, Double.NaN);
        assertArrayEquals(new long[] {-1, 0, 7, 2}, B.copyOutLong(lo));
        B.unary(UnaryOp.ABS, l, lo, 0, 0);
        assertArrayEquals(new long[] {5, 0, 7, 2}, B.copyOutLong(lo));
        assertThrows(IllegalArgumentException.class, () -> B.unary(UnaryOp.EXP, l, lo, 0, 0));
    }

    @Test
    void whereSelectsPerElementForEveryDtype() {
        View cond = new View(bools(B, new boolean[] {true, false, true}, 3).buffer(), 0, new int[] {2, 3},
                new int[] {0, 1});
        View x = floats(B, new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        View y = floats(B, new float[] {-1, -2, -3, -4, -5, -6}, 2, 3);
        View out = zeros(B, DType.FLOAT32, 2, 3);
        B.where(cond, x, y, out);
        assertArrayEquals(new float[] {1, -2, 3, 4, -5, 6}, B.copyOutFloat(out));
        View lx = longs(B, new long[] {1, 2, 3, 4, 5, 6}, 2, 3);
        View ly = longs(B, new long[] {0, 0, 0, 0, 0, 0}, 2, 3);
        View lo = zeros(B, DType.INT64, 2, 3);
        B.where(cond, lx, ly, lo);
        assertArrayEquals(new long[] {1, 0, 3, 4, 0, 6}, B.copyOutLong(lo));
    }

    @Test
    void copyConvertsDtypesLikePyTorch() {
        View f = floats(B, new float[] {-2.7f, 2.7f, 0f, Float.NaN, 0.2f}, 5);
        View l = zeros(B, DType.INT64, 5);
        B.copy(f, l);
        assertArrayEquals(new long[] {-2, 2, 0, 0, 0}, B.copyOutLong(l));
        View bo = zeros(B, DType.BOOL, 5);
        B.copy(f, bo);
        assertArrayEquals(new long[] {1, 1, 0, 1, 1}, B.copyOutLong(bo));
        View f2 = zeros(B, DType.FLOAT32, 5);
        B.copy(bo, f2);
        assertArrayEquals(new float[] {1, 1, 0, 1, 1}, B.copyOutFloat(f2));
        B.copy(l, f2);
        assertArrayEquals(new float[] {-2, 2, 0, 0, 0}, B.copyOutFloat(f2));
        assertArrayEquals(new long[] {-2, 2, 0, 0, 0}, B.copyOutLong(f));
        float[] data = CpuTestSupport.randomFloats(new Random(4), 60);
        View s = strided(B, DType.FLOAT32, data, new int[] {3, 4, 5}, 5);
        View d = strided(B, DType.FLOAT32, new float[60], new int[] {3, 4, 5}, 6);
        B.copy(s, d);
        assertArrayEquals(data, B.copyOutFloat(d));
        assertArrayEquals(data, B.copyOutFloat(s));
    }

    @Test
    void fillTouchesOnlyTheView() {
        Buffer buf = B.allocate(DType.FLOAT32, 12);
        View every3rd = new View(buf, 1, new int[] {2, 2}, new int[] {6, 3});
        B.fill(every3rd, 2.5);
        assertArrayEquals(new float[] {0, 2.5f, 0, 0, 2.5f, 0, 0, 2.5f, 0, 0, 2.5f, 0},
                B.copyOutFloat(View.contiguous(buf, 12)));
        View l = zeros(B, DType.INT64, 3);
        B.fill(l, 7.9);
        assertArrayEquals(new long[] {7, 7, 7}, B.copyOutLong(l));
        View m = zeros(B, DType.BOOL, 2);
        B.fill(m, 0.5);
        assertArrayEquals(new long[] {1, 1}, B.copyOutLong(m));
    }

    @Test
    void closedBufferIsRejectedByName() {
        Buffer buf = B.allocate(DType.FLOAT32, 4);
        buf.close();
        buf.close();
        assertTrue(buf.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> B.fill(View.contiguous(buf, 4), 1));
        assertTrue(e.getMessage().contains(buf.toString()) && e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void transposedOperandsAreVisitedInTilesCorrectly() {
        int[] shape = {3, 70, 45};
        float[] data = CpuTestSupport.randomFloats(new Random(6), 3 * 70 * 45);
        Buffer buf = B.allocate(DType.FLOAT32, data.length);
        float[] phys = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            int[] at = CpuTestSupport.unravel(i, shape);
            phys[(at[0] * 45 + at[2]) * 70 + at[1]] = data[i];
        }
        B.copyIn(phys, buf, 0);
        View xt = new View(buf, 0, shape, new int[] {70 * 45, 1, 70});
        View out = zeros(B, DType.FLOAT32, shape);
        B.copy(xt, out);
        assertArrayEquals(data, B.copyOutFloat(out));
        View sum = zeros(B, DType.FLOAT32, shape);
        B.binary(BinaryOp.ADD, xt, out, sum);
        B.unary(UnaryOp.NEG, xt, out, 0, 0);
        float[] s = B.copyOutFloat(sum);
        float[] n = B.copyOutFloat(out);
        for (int i = 0; i < data.length; i++) {
            assertEquals(2 * data[i], s[i], 0f);
            assertEquals(-data[i], n[i], 0f);
        }
    }

    @Test
    void parallelResultsEqualSingleThreadedOnLargeStridedInput() {
        float[] data = CpuTestSupport.randomFloats(new Random(5), 300 * 400);
        int[] shape = {300, 400};
        try (CpuBackend one = CpuTestSupport.backend(1); CpuBackend four = CpuTestSupport.backend(4)) {
            float[][] results = new float[2][];
            CpuBackend[] bs = {one, four};
            for (int k = 0; k < 2; k++) {
                CpuBackend b = bs[k];
                View x = strided(b, DType.FLOAT32, data, shape, 9);
                View out = zeros(b, DType.FLOAT32, shape);
                b.unary(UnaryOp.TANH, x, out, 0, 0);
                b.binary(BinaryOp.MUL, out, x, out);
                results[k] = b.copyOutFloat(out);
            }
            assertArrayEquals(results[0], results[1]);
            for (int i = 0; i < data.length; i += 997) {
                assertEquals((float) Math.tanh(data[i]) * data[i], results[0][i], 1e-6);
            }
        }
    }

    @Test
    void binaryRowsAtDifferentOffsetsAndBroadcastValuesMatchElementwiseDefinition() {
        // A bias row against each row of a matrix (rows at different offsets) and a per-channel value over planes
        // (a broadcast scalar per row), for every arithmetic op including THRESHOLD_BACKWARD's fallback.
        float[] m = new float[3 * 5];
        for (int i = 0; i < m.length; i++) {
            m[i] = SPECIAL[i % SPECIAL.length];
        }
        float[] row = {2f, -0f, Float.NaN, 0.5f, -3f, 7f};
        for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV,
            BinaryOp.THRESHOLD_BACKWARD}) {
            View x = CpuTestSupport.floats(B, m, 3, 5);
            View r = CpuTestSupport.floats(B, row, 6);
            View rowView = new View(r.buffer(), 1, new int[] {3, 5}, new int[] {0, 1});
            View colView = new View(r.buffer(), 2, new int[] {3, 5}, new int[] {1, 0});
            View out = CpuTestSupport.zeros(B, DType.FLOAT32, 3, 5);
            B.binary(op, x, rowView, out);
            float[] got = B.copyOutFloat(out);
            B.binary(op, x, colView, out);
            float[] gotCol = B.copyOutFloat(out);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 5; j++) {
                    assertEquals(apply(op, m[i * 5 + j], row[1 + j]), got[i * 5 + j], 0f, op + " row " + i + "," + j);
                    assertEquals(apply(op, m[i * 5 + j], row[2 + i]), gotCol[i * 5 + j], 0f, op + " col " + i + "," + j);
                }
            }
        }
    }

    private static float apply(BinaryOp op, float a, float b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            default -> b > 0f ? a : 0f;
        };
    }
}
