package io.netwright.backend;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@code reduce}: every op and dtype over single dims, several dims and all dims, on contiguous,
 * scrambled, transposed and broadcast inputs of rank 1 to 6; ARGMAX/ARGMIN ties (first index wins) and NaN (NaN
 * is the extreme); SUM/PROD of BOOL writing INT64; non-finite propagation; a large reduction that needs a
 * multi-block tree on a GPU; and the reference's refusals (ARG ops over two dims, wrong output dtype).
 */
public abstract class ReduceContract extends BackendContract {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final int[][] SHAPES = {{9}, {3, 4, 5}, {2, 3, 1, 2, 2}, {1, 2, 1, 3, 2, 2}};

    /** The output dtype the contract prescribes. */
    private static DType outType(ReduceOp op, DType in) {
        if (op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN) {
            return DType.INT64;
        }
        if ((op == ReduceOp.SUM || op == ReduceOp.PROD) && in == DType.BOOL) {
            return DType.INT64;
        }
        return in;
    }

    private static int[] reducedShape(int[] shape, int[] dims) {
        int[] s = shape.clone();
        for (int d : dims) {
            s[d] = 1;
        }
        return s;
    }

    private static Tol tol(ReduceOp op, DType in) {
        return in == DType.FLOAT32 && (op == ReduceOp.SUM || op == ReduceOp.PROD) ? ACCUMULATE : EXACT;
    }

    /** Single dims, the first and last together, and all dims. */
    private static List<int[]> dimSets(int rank) {
        List<int[]> out = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            out.add(new int[]{d});
        }
        if (rank >= 2) {
            out.add(new int[]{0, rank - 1});
            int[] all = new int[rank];
            for (int d = 0; d < rank; d++) {
                all[d] = d;
            }
            out.add(all);
        }
        if (rank >= 4) {
            out.add(new int[]{1, 3});
        }
        return out;
    }

    private void run(String what, ReduceOp op, Operand x, int[] dims, Layout outLayout) {
        check(what, tol(op, x.dtype()), (b, v) -> b.reduce(op, v[0], dims, v[1]), x,
                output(outType(op, x.dtype()), outLayout));
    }

    @Test
    void reduceMatchesReferenceForEveryOpDtypeDimSetAndLayout() {
        for (ReduceOp op : ReduceOp.values()) {
            for (DType t : DType.values()) {
                for (int[] shape : SHAPES) {
                    List<Layout> inputs = new ArrayList<>(layouts(shape));
                    if (shape.length >= 3) {
                        inputs.add(Layout.broadcast(shape, 1));
                    }
                    for (int[] dims : dimSets(shape.length)) {
                        for (Layout l : inputs) {
                            // Small float values keep PROD finite; specials have their own test.
                            Operand x = t == DType.FLOAT32 ? scaled(random(t, l, 5), 0.6) : random(t, l, 5);
                            run("reduce " + op + " " + t + " dims " + java.util.Arrays.toString(dims) + " " + l, op,
                                    x, dims, Layout.scrambled(3, reducedShape(shape, dims)));
                        }
                    }
                }
            }
        }
    }

    @Test
    void argmaxAndArgminReturnTheFirstOfTiedExtremes() {
        int[] shape = {4, 6};
        for (ReduceOp op : List.of(ReduceOp.ARGMAX, ReduceOp.ARGMIN, ReduceOp.MAX, ReduceOp.MIN)) {
            for (DType t : DType.values()) {
                for (int d = 0; d < 2; d++) {
                    int dim = d;
                    Operand x = of(t, Layout.scrambled(2, shape), 1, 0, 1, 1, 0, 0, 1);
                    run(op + " ties " + t + " dim " + d, op, x, new int[]{dim}, Layout.contiguous(reducedShape(shape,
                            new int[]{dim})));
                }
            }
        }
    }

    @Test
    void nanAndInfinitiesPropagateAsInTheReference() {
        int[] shape = {5, 7};
        double[][] patterns = {{1, NAN, 3, NAN, -1}, {INF, -INF, 2}, {-INF, 1, -INF}, {INF, 5, NAN, INF}};
        for (ReduceOp op : ReduceOp.values()) {
            for (double[] p : patterns) {
                for (int d = 0; d < 2; d++) {
                    run(op + " specials " + java.util.Arrays.toString(p) + " dim " + d, op,
                            of(DType.FLOAT32, Layout.transposedLast2(shape), p), new int[]{d},
                            Layout.contiguous(reducedShape(shape, new int[]{d})));
                }
                if (op != ReduceOp.ARGMAX && op != ReduceOp.ARGMIN) {
                    run(op + " specials all dims", op, of(DType.FLOAT32, Layout.contiguous(shape), p),
                            new int[]{0, 1}, Layout.contiguous(1, 1));
                }
            }
        }
    }

    @Test
    void sumOfBoolCountsIntoInt64() {
        int[] shape = {3, 50};
        run("sum BOOL", ReduceOp.SUM, random(DType.BOOL, Layout.scrambled(1, shape), 1), new int[]{1},
                Layout.contiguous(3, 1));
        RuntimeException e = check("sum BOOL into BOOL", EXACT, (b, v) -> b.reduce(ReduceOp.SUM, v[0],
                new int[]{1}, v[1]), random(DType.BOOL, Layout.contiguous(shape), 1),
                output(DType.BOOL, Layout.contiguous(3, 1)));
        org.junit.jupiter.api.Assertions.assertNotNull(e, "SUM of BOOL must write INT64");
    }

    @Test
    void largeReductionsMatchReference() {
        int[][] shapes = {{100_003}, {3, 40_000}, {40_000, 3}};
        for (int[] shape : shapes) {
            for (ReduceOp op : List.of(ReduceOp.SUM, ReduceOp.MAX, ReduceOp.ARGMAX, ReduceOp.ARGMIN)) {
                for (int d = 0; d < shape.length; d++) {
                    int[] dims = {d};
                    run("large " + op + " " + java.util.Arrays.toString(shape) + " dim " + d, op,
                            random(DType.FLOAT32, Layout.stepped(2, 1, shape), 9), dims,
                            Layout.contiguous(reducedShape(shape, dims)));
                }
            }
            run("large SUM INT64", ReduceOp.SUM, random(DType.INT64, Layout.contiguous(shape), 4),
                    new int[]{shape.length - 1}, Layout.contiguous(reducedShape(shape, new int[]{shape.length - 1})));
        }
    }

    @Test
    void argReductionsOverTwoDimsAndWrongOutputDtypesAreRefusedLikeTheReference() {
        int[] shape = {3, 4};
        for (ReduceOp op : List.of(ReduceOp.ARGMAX, ReduceOp.ARGMIN)) {
            check(op + " over two dims", EXACT, (b, v) -> b.reduce(op, v[0], new int[]{0, 1}, v[1]),
                    random(DType.FLOAT32, Layout.contiguous(shape), 1), output(DType.INT64, Layout.contiguous(1, 1)));
        }
        check("MAX FLOAT32 into INT64", EXACT, (b, v) -> b.reduce(ReduceOp.MAX, v[0], new int[]{1}, v[1]),
                random(DType.FLOAT32, Layout.contiguous(shape), 1), output(DType.INT64, Layout.contiguous(3, 1)));
        check("SUM repeated dim", EXACT, (b, v) -> b.reduce(ReduceOp.SUM, v[0], new int[]{1, 1}, v[1]),
                random(DType.FLOAT32, Layout.contiguous(shape), 1), output(DType.FLOAT32, Layout.contiguous(3, 1)));
    }

    private static Operand scaled(Operand o, double factor) {
        double[] p = o.physical().clone();
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (p[i] * factor);
        }
        return new Operand(o.dtype(), o.layout(), p);
    }
}
