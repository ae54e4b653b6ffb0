package io.netwright.backend;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of the elementwise family: {@code fill}, {@code copy} (every dtype pair), {@code unary} (every op with
 * its parameters), {@code binary} (every op), {@code where}, over contiguous, scrambled, transposed, stepped and
 * broadcast views, rank 0 to 6, and one size large enough to need many GPU blocks. Illegal dtype combinations must
 * be refused with the reference's exception on both backends.
 */
public abstract class ElementwiseContract extends BackendContract {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    /** Float values every float test mixes in: NaN, both infinities, both zeros, integers and halves. */
    private static final double[] SPECIALS = {NAN, INF, -INF, 0.0, -0.0, 1, -1, 2.5, -2.5, 0.5, 100, -100};
    /** Shapes of rank 0, 1, 3 (with a size-1 dim), 5 and 6. */
    private static final int[][] SHAPES = {{}, {7}, {3, 1, 5}, {2, 3, 1, 2, 2}, {1, 2, 1, 3, 2, 2}};
    /** Large enough to need several blocks of any sensible launch (and not a multiple of 32). */
    private static final int LARGE = 100_003;

    // ---------------------------------------------------------------- fill and copy

    @Test
    void fillWritesEveryViewElementConvertedAndNothingElse() {
        double[] values = {0, -0.0, 3.75, -2.5, NAN, INF, -INF, 1e10};
        for (DType t : DType.values()) {
            for (int[] shape : SHAPES) {
                for (Layout l : layouts(shape)) {
                    for (double v : values) {
                        if (t != DType.FLOAT32 && !Double.isFinite(v)) {
                            continue; // non-finite to integer is not defined by the contract
                        }
                        check("fill " + t + " " + v, EXACT, (b, x) -> b.fill(x[0], v), output(t, l));
                    }
                }
            }
        }
        check("fill large", EXACT, (b, x) -> b.fill(x[0], 1.5), output(DType.FLOAT32, Layout.stepped(3, 2, LARGE)));
    }

    @Test
    void copyConvertsEveryDtypePairOnEveryLayout() {
        for (DType from : DType.values()) {
            for (DType to : DType.values()) {
                for (int[] shape : SHAPES) {
                    List<Layout> sources = new ArrayList<>(layouts(shape));
                    if (shape.length >= 3) {
                        sources.add(Layout.broadcast(shape, 0, 2));
                    }
                    for (Layout src : sources) {
                        // NaN truncates to 0 (documented); infinities and huge values have no integer value.
                        Operand x = from == DType.FLOAT32 && to == DType.INT64
                                ? random(from, src, 11, NAN, -0.0, 2.5, -2.5, 0.99, -0.99, 1e9)
                                : random(from, src, 11, SPECIALS);
                        check("copy " + from + " -> " + to + " " + src, EXACT, (b, v) -> b.copy(v[0], v[1]),
                                x, output(to, Layout.scrambled(5, shape)));
                    }
                }
            }
        }
        check("copy large strided", EXACT, (b, v) -> b.copy(v[0], v[1]),
                random(DType.FLOAT32, Layout.stepped(2, 1, 317, 317), 3), output(DType.FLOAT32,
                        Layout.transposedLast2(317, 317)));
    }

    // ---------------------------------------------------------------- unary

    /** The {@code (a, b)} parameter pairs each unary op is run with; ops without parameters get {@code (0, 0)}. */
    private static double[][] params(UnaryOp op) {
        return switch (op) {
            case ADD_SCALAR -> new double[][]{{1.5, 0}, {-3, 0}};
            case MUL_SCALAR -> new double[][]{{-3, 0}, {0.25, 0}};
            case POW_SCALAR -> new double[][]{{2, 0}, {3, 0}, {0, 0}, {0.5, 0}, {-1, 0}, {1.7, 0}};
            case RPOW_SCALAR -> new double[][]{{2, 0}, {0.5, 0}, {Math.E, 0}, {-2, 0}};
            case CLAMP -> new double[][]{{-1, 1}, {NAN, 0.5}, {-0.5, NAN}, {NAN, NAN}, {2, 1}};
            case LEAKY_RELU -> new double[][]{{0.01, 0}, {0.2, 0}};
            default -> new double[][]{{0, 0}};
        };
    }

    private static Tol unaryTol(UnaryOp op) {
        return switch (op) {
            case EXP, LOG, SIN, COS, TANH, SIGMOID, ERF, POW_SCALAR, RPOW_SCALAR, SQRT -> TRANSCENDENTAL;
            default -> ELEMENTWISE;
        };
    }

    @Test
    void unaryMatchesReferenceForEveryOpDtypeParameterAndLayout() {
        for (UnaryOp op : UnaryOp.values()) {
            for (DType t : DType.values()) {
                DType outType = op.returnsBool() ? DType.BOOL : t;
                for (double[] p : params(op)) {
                    for (int[] shape : SHAPES) {
                        for (Layout l : layouts(shape)) {
                            check("unary " + op + " " + t + " a=" + p[0] + " b=" + p[1] + " " + l, unaryTol(op),
                                    (b, v) -> b.unary(op, v[0], v[1], p[0], p[1]),
                                    random(t, l, 7, SPECIALS), output(outType, Layout.scrambled(9, shape)));
                        }
                    }
                }
            }
        }
    }

    @Test
    void unaryAllowsExactAliasingOfInputAndOutput() {
        for (UnaryOp op : List.of(UnaryOp.NEG, UnaryOp.EXP, UnaryOp.RELU, UnaryOp.CLAMP, UnaryOp.MUL_SCALAR)) {
            check("unary in place " + op, unaryTol(op), new int[]{0}, (b, v) -> b.unary(op, v[0], v[0], -1, 1),
                    random(DType.FLOAT32, Layout.scrambled(4, 3, 4, 5), 2, SPECIALS));
        }
    }

    @Test
    void unaryRefusesAWrongOutputDtypeLikeTheReference() {
        for (UnaryOp op : UnaryOp.values()) {
            DType wrong = op.returnsBool() ? DType.FLOAT32 : DType.BOOL;
            check("unary " + op + " into " + wrong, EXACT, (b, v) -> b.unary(op, v[0], v[1], 1, 2),
                    random(DType.FLOAT32, Layout.contiguous(4), 1), output(wrong, Layout.contiguous(4)));
        }
    }

    @Test
    void unaryOnALargeStridedViewMatchesReference() {
        for (UnaryOp op : List.of(UnaryOp.EXP, UnaryOp.TANH, UnaryOp.RELU, UnaryOp.SIGMOID, UnaryOp.ISNAN)) {
            DType outType = op.returnsBool() ? DType.BOOL : DType.FLOAT32;
            check("unary large " + op, unaryTol(op), (b, v) -> b.unary(op, v[0], v[1], 0, 0),
                    random(DType.FLOAT32, Layout.stepped(2, 5, LARGE), 3, SPECIALS),
                    output(outType, Layout.contiguous(LARGE)));
        }
    }

    // ---------------------------------------------------------------- binary

    private static Tol binaryTol(BinaryOp op) {
        return op == BinaryOp.POW ? TRANSCENDENTAL : op == BinaryOp.DIV ? ELEMENTWISE : EXACT;
    }

    /**
     * Operands for a binary op: integer divisors are never 0 (integer REMAINDER by zero is tested on its own) and
     * integer exponents stay in {@code [0, 4]}.
     */
    private static Operand binaryInput(BinaryOp op, DType t, Layout l, long seed, boolean second) {
        if (t == DType.INT64 && second && op == BinaryOp.REMAINDER) {
            return of(t, l, 3, -4, 7, -1, 2, 5, -9);
        }
        if (t == DType.INT64 && second && op == BinaryOp.POW) {
            return of(t, l, 0, 1, 2, 3, 4, 2);
        }
        return random(t, l, seed, SPECIALS);
    }

    @Test
    void binaryMatchesReferenceForEveryOpDtypeAndLayout() {
        for (BinaryOp op : BinaryOp.values()) {
            for (DType t : DType.values()) {
                DType outType = op.returnsBool() ? DType.BOOL : t;
                for (int[] shape : SHAPES) {
                    List<Layout> ys = new ArrayList<>(layouts(shape));
                    if (shape.length >= 3) {
                        ys.add(Layout.broadcast(shape, 1, shape.length - 1));
                    }
                    for (Layout ly : ys) {
                        Layout lx = Layout.scrambled(17, shape);
                        check("binary " + op + " " + t + " y " + ly, binaryTol(op),
                                (b, v) -> b.binary(op, v[0], v[1], v[2]), binaryInput(op, t, lx, 1, false),
                                binaryInput(op, t, ly, 2, true), output(outType, Layout.stepped(2, 1, shape)));
                    }
                }
            }
        }
    }

    @Test
    void binarySpecialValueTableMatchesReference() {
        // Every pair of specials: REMAINDER signs, POW corner cases, MAXIMUM/MINIMUM NaN, comparisons with NaN.
        int n = SPECIALS.length;
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            xs[i] = SPECIALS[i / n];
            ys[i] = SPECIALS[i % n];
        }
        double[] rem = {5, -5, 5, -5, 5.5, -5.5, 0, -0.0, 1e-3};
        double[] div = {3, 3, -3, -3, 2, -2, 3, 3, -7};
        for (BinaryOp op : BinaryOp.values()) {
            DType outType = op.returnsBool() ? DType.BOOL : DType.FLOAT32;
            Layout l = Layout.contiguous(n * n);
            check("binary specials " + op, binaryTol(op), (b, v) -> b.binary(op, v[0], v[1], v[2]),
                    new Operand(DType.FLOAT32, l, xs), new Operand(DType.FLOAT32, l, ys), output(outType, l));
            Layout r = Layout.contiguous(rem.length);
            check("binary sign table " + op, binaryTol(op), (b, v) -> b.binary(op, v[0], v[1], v[2]),
                    new Operand(DType.FLOAT32, r, rem), new Operand(DType.FLOAT32, r, div), output(outType, r));
        }
        Layout r = Layout.contiguous(8);
        check("INT64 remainder signs", EXACT, (b, v) -> b.binary(BinaryOp.REMAINDER, v[0], v[1], v[2]),
                of(DType.INT64, r, 7, -7, 7, -7, 0, 9, -9, 3), of(DType.INT64, r, 3, 3, -3, -3, 5, 9, 4, -1),
                output(DType.INT64, r));
    }

    @Test
    void int64RemainderByZeroIsRefusedLikeTheReference() {
        Layout l = Layout.contiguous(3);
        RuntimeException e = check("INT64 remainder by 0", EXACT,
                (b, v) -> b.binary(BinaryOp.REMAINDER, v[0], v[1], v[2]),
                of(DType.INT64, l, 4, 5, 6), of(DType.INT64, l, 1, 0, 2), output(DType.INT64, l));
        org.junit.jupiter.api.Assertions.assertInstanceOf(ArithmeticException.class, e);
    }

    @Test
    void binaryRefusesMismatchedDtypesLikeTheReference() {
        Layout l = Layout.contiguous(5);
        for (BinaryOp op : BinaryOp.values()) {
            check("binary " + op + " FLOAT32 with INT64", EXACT, (b, v) -> b.binary(op, v[0], v[1], v[2]),
                    random(DType.FLOAT32, l, 1), random(DType.INT64, l, 2),
                    output(op.returnsBool() ? DType.BOOL : DType.FLOAT32, l));
            check("binary " + op + " wrong output", EXACT, (b, v) -> b.binary(op, v[0], v[1], v[2]),
                    random(DType.FLOAT32, l, 1), random(DType.FLOAT32, l, 2),
                    output(op.returnsBool() ? DType.FLOAT32 : DType.INT64, l));
        }
    }

    @Test
    void binaryOnLargeBroadcastViewsMatchesReference() {
        int[] shape = {7, 14_287};
        for (BinaryOp op : List.of(BinaryOp.ADD, BinaryOp.MUL, BinaryOp.GT, BinaryOp.THRESHOLD_BACKWARD)) {
            check("binary large " + op, binaryTol(op), (b, v) -> b.binary(op, v[0], v[1], v[2]),
                    random(DType.FLOAT32, Layout.contiguous(shape), 1, SPECIALS),
                    random(DType.FLOAT32, Layout.broadcast(shape, 0), 2, SPECIALS),
                    output(op.returnsBool() ? DType.BOOL : DType.FLOAT32, Layout.contiguous(shape)));
        }
    }

    @Test
    void binaryAllowsExactAliasingOfFirstInputAndOutput() {
        Layout l = Layout.scrambled(3, 4, 5, 6);
        check("binary ADD in place", ELEMENTWISE, new int[]{0}, (b, v) -> b.binary(BinaryOp.ADD, v[0], v[1], v[0]),
                random(DType.FLOAT32, l, 1), random(DType.FLOAT32, Layout.broadcast(new int[]{4, 5, 6}, 0), 2));
    }

    // ---------------------------------------------------------------- where

    @Test
    void whereSelectsForEveryDtypeAndLayout() {
        for (DType t : DType.values()) {
            for (int[] shape : SHAPES) {
                for (Layout l : layouts(shape)) {
                    Layout c = shape.length >= 3 ? Layout.broadcast(shape, 0) : Layout.scrambled(2, shape);
                    check("where " + t + " " + l, EXACT, (b, v) -> b.where(v[0], v[1], v[2], v[3]),
                            random(DType.BOOL, c, 1), random(t, l, 2, SPECIALS),
                            random(t, Layout.scrambled(8, shape), 3, SPECIALS), output(t, Layout.contiguous(shape)));
                }
            }
            Layout big = Layout.contiguous(LARGE);
            check("where large " + t, EXACT, (b, v) -> b.where(v[0], v[1], v[2], v[3]), random(DType.BOOL, big, 1),
                    random(t, big, 2), random(t, Layout.stepped(2, 0, LARGE), 3), output(t, big));
        }
    }

    @Test
    void whereRefusesANonBoolConditionLikeTheReference() {
        Layout l = Layout.contiguous(4);
        check("where FLOAT32 condition", EXACT, (b, v) -> b.where(v[0], v[1], v[2], v[3]),
                random(DType.FLOAT32, l, 1), random(DType.FLOAT32, l, 2), random(DType.FLOAT32, l, 3),
                output(DType.FLOAT32, l));
    }
}
