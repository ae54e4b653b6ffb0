package io.netwright.backend;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@code matmul}: odd sizes (1x1x1 up to 65x129x33, and K = 0 where the reference allows it), batched
 * operands, broadcast batches (batch stride 0), transposed and scrambled operands and outputs, NaN/inf
 * propagation, and the reference's refusal of non-float operands.
 */
public abstract class MatmulContract extends BackendContract {

    /** {B, M, K, N}. */
    private static final int[][] SIZES = {{1, 1, 1, 1}, {1, 7, 13, 5}, {3, 7, 13, 5}, {2, 65, 129, 33},
        {1, 1, 64, 1}, {4, 1, 9, 17}, {2, 5, 0, 3}};

    private void run(String what, Operand x, Operand y, Layout out) {
        check(what, ACCUMULATE, (b, v) -> b.matmul(v[0], v[1], v[2]), x, y, output(DType.FLOAT32, out));
    }

    /** Layout variants of a {@code [B, R, C]} operand: contiguous, transposed, scrambled, broadcast batch. */
    private static List<Layout> operandLayouts(int bsz, int r, int c) {
        return List.of(Layout.contiguous(bsz, r, c), Layout.transposedLast2(bsz, r, c), Layout.scrambled(4, bsz, r, c),
                Layout.broadcast(new int[]{bsz, r, c}, 0));
    }

    @Test
    void matmulMatchesReferenceForOddSizesAndEveryOperandLayout() {
        for (int[] s : SIZES) {
            int bs = s[0];
            int m = s[1];
            int k = s[2];
            int n = s[3];
            for (Layout lx : operandLayouts(bs, m, k)) {
                for (Layout ly : operandLayouts(bs, k, n)) {
                    run("matmul " + java.util.Arrays.toString(s) + " x " + lx + " y " + ly, random(DType.FLOAT32,
                            lx, 1), random(DType.FLOAT32, ly, 2), Layout.contiguous(bs, m, n));
                }
            }
            run("matmul into a scrambled output " + java.util.Arrays.toString(s),
                    random(DType.FLOAT32, Layout.contiguous(bs, m, k), 1),
                    random(DType.FLOAT32, Layout.contiguous(bs, k, n), 2), Layout.scrambled(6, bs, m, n));
            run("matmul into a transposed output " + java.util.Arrays.toString(s),
                    random(DType.FLOAT32, Layout.contiguous(bs, m, k), 1),
                    random(DType.FLOAT32, Layout.contiguous(bs, k, n), 2), Layout.transposedLast2(bs, m, n));
        }
    }

    @Test
    void matmulPropagatesNanAndInfinitiesLikeTheReference() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        Operand x = of(DType.FLOAT32, Layout.contiguous(1, 4, 3), 1, 2, 3, nan, 1, 1, inf, 0, 1, -inf, 2, 0);
        Operand y = of(DType.FLOAT32, Layout.contiguous(1, 3, 5), 1, 0, -1, 2, 0.5);
        run("matmul specials", x, y, Layout.contiguous(1, 4, 5));
        run("matmul specials transposed", of(DType.FLOAT32, Layout.transposedLast2(1, 4, 3), nan, 1, inf, 2),
                y, Layout.contiguous(1, 4, 5));
    }

    @Test
    void matmulOfLargeBatchesMatchesReference() {
        run("matmul batched 16x64x96x80", random(DType.FLOAT32, Layout.contiguous(16, 64, 96), 1),
                random(DType.FLOAT32, Layout.broadcast(new int[]{16, 96, 80}, 0), 2), Layout.contiguous(16, 64, 80));
    }

    @Test
    void matmulRefusesNonFloatOperandsLikeTheReference() {
        Layout l = Layout.contiguous(1, 2, 2);
        check("matmul INT64", EXACT, (b, v) -> b.matmul(v[0], v[1], v[2]), random(DType.INT64, l, 1),
                random(DType.INT64, l, 2), output(DType.INT64, l));
        check("matmul FLOAT32 into INT64", EXACT, (b, v) -> b.matmul(v[0], v[1], v[2]), random(DType.FLOAT32, l, 1),
                random(DType.FLOAT32, l, 2), output(DType.INT64, l));
    }
}
