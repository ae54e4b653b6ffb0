package io.netwright.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every differentiable op's gradient against central finite differences, in one table ({@link GradCheck}: loss
 * {@code sum(f(x) * w)} with random {@code w}, eps 1e-3 on float32, pass if
 * {@code |autograd - numeric| <= 1e-3 + 1e-2 * |numeric|}). The float32 rounding noise of the numeric side is
 * about 5e-4 at worst here (the convolution rows), so atol 1e-3 keeps a 2x margin while still catching a 3% error
 * in a gradient rule.
 *
 * <p>Inputs keep clear of kinks by more than eps: values away from 0 for relu/abs/leakyRelu/sign-like ops, away
 * from clamp bounds and remainder jumps, and distinct (0.1 apart) wherever max/min/sort/topk/pooling pick one.
 */
class FiniteDifferenceTest {

    /** Pass rule {@code |autograd - numeric| <= ATOL + RTOL * |numeric|} (GradCheck's eps is 1e-3). */
    static final double RTOL = 1e-2;
    static final double ATOL = 1e-3;

    static Stream<Arguments> ops() {
        List<Arguments> rows = new ArrayList<>();
        elementwise(rows);
        reductions(rows);
        shapeOps(rows);
        linalg(rows);
        indexing(rows);
        einsum(rows);
        cnn(rows);
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void gradientMatchesFiniteDifferences(String name, Function<Tensor[], Tensor> f, Tensor[] inputs) {
        try {
            GradCheck.check(f, RTOL, ATOL, inputs);
        } catch (AssertionError e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }

    // ================================================================ table sections

    private static void elementwise(List<Arguments> r) {
        row(r, "add_broadcast", x -> x[0].add(x[1]), u(2, 3), u(3));
        row(r, "add_alpha", x -> x[0].add(x[1], -2.5), u(2, 3), u(2, 3));
        row(r, "sub_broadcast", x -> x[0].sub(x[1]), u(2, 1, 3), u(4, 1));
        row(r, "mul_broadcast", x -> x[0].mul(x[1]), u(2, 3), u(2, 1));
        row(r, "div_broadcast", x -> x[0].div(x[1]), u(2, 3), away(3));
        row(r, "pow_tensor", x -> x[0].pow(x[1]), pos(2, 3), u(2, 3));
        row(r, "pow_tensor_broadcast", x -> x[0].pow(x[1]), pos(3), u(2, 3));
        Tensor a = u(3, 4);
        row(r, "maximum", x -> x[0].maximum(x[1]), a, apart(a));
        row(r, "minimum", x -> x[0].minimum(x[1]), a, apart(a));
        row(r, "remainder", x -> x[0].remainder(x[1]),
                Tensor.of(new float[]{5.5f, -5.3f, 7.25f, -7.4f, 0.7f, 3.1f}),
                Tensor.of(new float[]{2f, 2.1f, -3f, -3.3f, 0.5f, 4f}));
        row(r, "add_scalar", x -> x[0].add(1.5), u(2, 3));
        row(r, "sub_scalar", x -> x[0].sub(0.5), u(2, 3));
        row(r, "rsub_scalar", x -> x[0].rsub(2.0), u(2, 3));
        row(r, "mul_scalar", x -> x[0].mul(-3.0), u(2, 3));
        row(r, "div_scalar", x -> x[0].div(3.0), u(2, 3));
        row(r, "pow_scalar_2", x -> x[0].pow(2.0), u(2, 3));
        row(r, "pow_scalar_3", x -> x[0].pow(3.0), u(2, 3));
        row(r, "pow_scalar_half", x -> x[0].pow(0.5), pos(2, 3));
        row(r, "pow_scalar_inverse", x -> x[0].pow(-1.0), away(2, 3));
        row(r, "rpow_scalar", x -> x[0].rpow(2.0), u(2, 3));
        row(r, "neg", x -> x[0].neg(), u(2, 3));
        row(r, "abs", x -> x[0].abs(), away(2, 3));
        row(r, "exp", x -> x[0].exp(), u(2, 3));
        row(r, "log", x -> x[0].log(), pos(2, 3));
        row(r, "sqrt", x -> x[0].sqrt(), pos(2, 3));
        row(r, "sin", x -> x[0].sin(), u(2, 3));
        row(r, "cos", x -> x[0].cos(), u(2, 3));
        row(r, "tanh", x -> x[0].tanh(), u(2, 3));
        row(r, "sigmoid", x -> x[0].sigmoid(), u(2, 3));
        row(r, "relu", x -> x[0].relu(), away(2, 3));
        row(r, "leaky_relu", x -> x[0].leakyRelu(0.1), away(2, 3));
        row(r, "erf", x -> x[0].erf(), u(2, 3));
        row(r, "reciprocal", x -> x[0].reciprocal(), away(2, 3));
        Tensor clampIn = Tensor.of(new float[]{-1.9f, -0.9f, -0.5f, 0.1f, 0.6f, 1.2f, 1.6f, -1.3f});
        row(r, "clamp", x -> x[0].clamp(-1.0, 1.0), clampIn);
        row(r, "clamp_min", x -> x[0].clampMin(0.0), clampIn);
        row(r, "clamp_max", x -> x[0].clampMax(0.3), clampIn);
        // Piecewise-constant ops: zero gradient away from their jumps (inputs clear of integers and halves).
        Tensor steps = Tensor.of(new float[]{0.3f, 1.7f, -2.4f, -0.8f, 2.2f, -1.3f});
        row(r, "sign", x -> x[0].sign(), steps);
        row(r, "floor", x -> x[0].floor(), steps);
        row(r, "ceil", x -> x[0].ceil(), steps);
        row(r, "round", x -> x[0].round(), steps);
        Tensor cond = Tensor.ofBools(new boolean[]{true, false, false, true, true, false}, 2, 3);
        row(r, "where", x -> Tensor.where(cond, x[0], x[1]), u(2, 3), u(3));
    }

    private static void reductions(List<Arguments> r) {
        row(r, "sum_all", x -> x[0].sum(), u(2, 3, 4));
        row(r, "sum_dims_keepdim", x -> x[0].sum(new int[]{0, 2}, true), u(2, 3, 4));
        row(r, "mean_all", x -> x[0].mean(), u(2, 3, 4));
        row(r, "mean_dim", x -> x[0].mean(1), u(2, 3, 4));
        row(r, "prod_all", x -> x[0].prod(), u(2, 3));
        row(r, "prod_dim", x -> x[0].prod(1, false), u(3, 4));
        row(r, "prod_with_zero", x -> x[0].prod(1, true),
                Tensor.of(new float[]{2f, 0f, 3f, 1.5f, -2f, 0.5f, 0f, 0f, 1.2f}, 3, 3));
        row(r, "max_all", x -> x[0].max(), distinct(3, 4));
        row(r, "min_all", x -> x[0].min(), distinct(3, 4));
        row(r, "max_dim", x -> x[0].max(1, false).values(), distinct(3, 4));
        row(r, "min_dim_keepdim", x -> x[0].min(0, true).values(), distinct(3, 4));
        row(r, "amax", x -> x[0].amax(new int[]{0, 2}, false), distinct(2, 3, 4));
        row(r, "amin", x -> x[0].amin(new int[]{1}, true), distinct(2, 3, 4));
        row(r, "var_unbiased", x -> x[0].var(new int[]{1}, 1, false), u(3, 5));
        row(r, "var_population", x -> x[0].var(new int[]{0, 1}, 0, true), u(3, 5));
        row(r, "var_all", x -> x[0].var(), u(3, 5));
        row(r, "std", x -> x[0].std(new int[]{-1}, 1, true), u(3, 5));
        row(r, "std_all", x -> x[0].std(), u(3, 5));
        row(r, "logsumexp", x -> x[0].logsumexp(1, false), u(3, 4));
        row(r, "softmax", x -> x[0].softmax(-1), u(3, 4));
        row(r, "softmax_dim0", x -> x[0].softmax(0), u(3, 4));
        row(r, "log_softmax", x -> x[0].logSoftmax(1), u(3, 4));
    }

    private static void shapeOps(List<Arguments> r) {
        row(r, "reshape", x -> x[0].reshape(4, -1), u(2, 3, 4));
        row(r, "reshape_noncontiguous", x -> x[0].permute(2, 0, 1).reshape(-1, 6), u(2, 3, 4));
        row(r, "view", x -> x[0].view(6, 4), u(2, 3, 4));
        row(r, "flatten", x -> x[0].flatten(1, 2), u(2, 3, 2, 2));
        row(r, "permute", x -> x[0].permute(2, 0, 1), u(2, 3, 4));
        row(r, "transpose", x -> x[0].transpose(0, 2), u(2, 3, 4));
        row(r, "t", x -> x[0].t(), u(3, 5));
        row(r, "squeeze", x -> x[0].squeeze(), u(1, 3, 1, 2));
        row(r, "unsqueeze", x -> x[0].unsqueeze(1), u(3, 2));
        row(r, "expand", x -> x[0].expand(2, 3, 4), u(3, 1));
        row(r, "repeat", x -> x[0].repeat(2, 1, 2), u(2, 3));
        row(r, "cat", x -> Tensor.cat(List.of(x[0], x[1], x[2]), 1), u(2, 1, 3), u(2, 3, 3), u(2, 2, 3));
        row(r, "stack", x -> Tensor.stack(List.of(x[0], x[1]), 1), u(2, 3), u(2, 3));
        row(r, "split", x -> flat(x[0].split(2, 1)), u(3, 5));
        row(r, "split_sizes", x -> flat(x[0].split(new int[]{1, 3, 1}, 0)), u(5, 2));
        row(r, "chunk", x -> flat(x[0].chunk(3, 0)), u(7, 2));
        row(r, "unbind", x -> flat(x[0].unbind(1)), u(2, 3, 2));
        row(r, "contiguous", x -> x[0].permute(1, 0).contiguous(), u(3, 4));
        row(r, "clone", x -> x[0].clone(), u(3, 4));
        row(r, "slice", x -> x[0].slice(1, 1, 4, 2), u(4, 5));
        row(r, "narrow", x -> x[0].narrow(0, 1, 2), u(4, 5));
        row(r, "select", x -> x[0].select(1, -1), u(4, 5));
        row(r, "diagonal", x -> x[0].diagonal(1, 0, 1), u(4, 5));
        row(r, "diagonal_batched", x -> x[0].diagonal(0, 1, 2), u(2, 3, 3));
        row(r, "flip", x -> x[0].flip(0, 2), u(2, 3, 4));
    }

    private static void linalg(List<Arguments> r) {
        row(r, "matmul_dot", x -> x[0].matmul(x[1]), u(4), u(4));
        row(r, "matmul_mv", x -> x[0].matmul(x[1]), u(3, 4), u(4));
        row(r, "matmul_vm", x -> x[0].matmul(x[1]), u(4), u(4, 3));
        row(r, "matmul_mm", x -> x[0].matmul(x[1]), u(2, 4), u(4, 3));
        row(r, "matmul_batched", x -> x[0].matmul(x[1]), u(2, 3, 4), u(2, 4, 2));
        row(r, "matmul_broadcast", x -> x[0].matmul(x[1]), u(2, 1, 3, 4), u(3, 4, 2));
        row(r, "matmul_batched_by_matrix", x -> x[0].matmul(x[1]), u(2, 3, 4), u(4, 2));
        row(r, "matmul_transposed", x -> x[0].t().matmul(x[1].t()), u(4, 3), u(5, 4));
        row(r, "mm", x -> x[0].mm(x[1]), u(3, 5), u(5, 2));
        row(r, "bmm", x -> x[0].bmm(x[1]), u(2, 3, 4), u(2, 4, 2));
        row(r, "mv", x -> x[0].mv(x[1]), u(3, 5), u(5));
        row(r, "dot", x -> x[0].dot(x[1]), u(6), u(6));
        row(r, "outer", x -> x[0].outer(x[1]), u(3), u(4));
    }

    private static void indexing(List<Arguments> r) {
        Tensor rows = Tensor.ofLongs(new long[]{2, 0, 2, 3});
        row(r, "index_select", x -> x[0].indexSelect(0, rows), u(4, 3));
        Tensor gatherIdx = Tensor.ofLongs(new long[]{0, 3, 1, 1, 2, 0}, 3, 2);
        row(r, "gather", x -> x[0].gather(1, gatherIdx), u(3, 4));
        Tensor scatterIdx = Tensor.ofLongs(new long[]{0, 4, 2, 1, 3, 0}, 3, 2);
        row(r, "scatter", x -> x[0].scatter(1, scatterIdx, x[1]), u(3, 5), u(3, 2));
        Tensor dupIdx = Tensor.ofLongs(new long[]{0, 1, 0, 3, 3, 3, 2, 0, 2}, 3, 3);
        row(r, "scatter_add", x -> x[0].scatterAdd(1, dupIdx, x[1]), u(3, 4), u(3, 3));
        Tensor mask = Tensor.ofBools(new boolean[]{true, false, false, true, false, true, true, false, false, false,
            true, true}, 3, 4);
        row(r, "masked_fill", x -> x[0].maskedFill(mask, -5.5), u(3, 4));
        row(r, "masked_select", x -> x[0].maskedSelect(mask), u(3, 4));
        row(r, "index_mask", x -> x[0].index(mask), u(3, 4));
        row(r, "index_long", x -> x[0].index(Tensor.ofLongs(new long[]{3, 0, 3})), u(4, 3));
        row(r, "index_spec", x -> x[0].index("1:, ..., ::2"), u(4, 3, 3));
        row(r, "get", x -> x[0].get(2), u(4, 3));
        row(r, "topk", x -> x[0].topk(2, -1, true).values(), distinct(3, 5));
        row(r, "topk_smallest", x -> x[0].topk(3, 0, false).values(), distinct(4, 3));
        row(r, "sort", x -> x[0].sort(1, true).values(), distinct(3, 5));
    }

    private static void einsum(List<Arguments> r) {
        row(r, "einsum_transpose", x -> Tensor.einsum("ij->ji", x[0]), u(3, 4));
        row(r, "einsum_sum", x -> Tensor.einsum("ij->", x[0]), u(3, 4));
        row(r, "einsum_col_sum", x -> Tensor.einsum("ij->j", x[0]), u(3, 4));
        row(r, "einsum_mm", x -> Tensor.einsum("ik,kj->ij", x[0], x[1]), u(2, 3), u(3, 4));
        row(r, "einsum_bmm", x -> Tensor.einsum("bik,bkj->bij", x[0], x[1]), u(2, 3, 4), u(2, 4, 2));
        row(r, "einsum_outer", x -> Tensor.einsum("i,j->ij", x[0], x[1]), u(3), u(4));
        row(r, "einsum_inner", x -> Tensor.einsum("i,i->", x[0], x[1]), u(5), u(5));
        row(r, "einsum_diag", x -> Tensor.einsum("ii->i", x[0]), u(4, 4));
        row(r, "einsum_trace", x -> Tensor.einsum("ii->", x[0]), u(4, 4));
        row(r, "einsum_bilinear", x -> Tensor.einsum("bn,anm,bm->ba", x[0], x[1], x[2]), u(2, 3), u(4, 3, 5),
                u(2, 5));
        row(r, "einsum_ellipsis", x -> Tensor.einsum("...ij,...jk->...ik", x[0], x[1]), u(2, 3, 4), u(4, 2));
    }

    private static void cnn(List<Arguments> r) {
        int[] one = {1, 1};
        int[] zero = {0, 0};
        row(r, "conv2d", x -> Cnn.conv2d(x[0], x[1], x[2], one, new int[]{1, 1}, one, 1), u(2, 2, 4, 4),
                u(3, 2, 3, 3), u(3));
        row(r, "conv2d_stride_dilation", x -> Cnn.conv2d(x[0], x[1], null, new int[]{2, 1}, new int[]{1, 0},
                new int[]{1, 2}, 1), u(1, 2, 5, 6), u(2, 2, 3, 2));
        row(r, "conv2d_groups", x -> Cnn.conv2d(x[0], x[1], x[2], one, zero, one, 2), u(1, 4, 4, 4),
                u(4, 2, 2, 2), u(4));
        row(r, "conv2d_same_even", x -> Cnn.conv2d(x[0], x[1], null, one, "same", one, 1), u(1, 2, 4, 4),
                u(2, 2, 2, 4));
        row(r, "conv_transpose2d", x -> Cnn.convTranspose2d(x[0], x[1], x[2], new int[]{2, 2}, new int[]{1, 1},
                new int[]{1, 1}, 1, one), u(1, 2, 3, 3), u(2, 3, 3, 3), u(3));
        row(r, "conv_transpose2d_groups", x -> Cnn.convTranspose2d(x[0], x[1], null, one, zero, zero, 2,
                new int[]{2, 2}), u(1, 4, 3, 3), u(4, 1, 2, 2));
        row(r, "max_pool2d", x -> Cnn.maxPool2d(x[0], new int[]{3, 3}, new int[]{2, 2}, new int[]{1, 1}, one, true),
                distinct(1, 2, 6, 5));
        row(r, "max_pool2d_dilation", x -> Cnn.maxPool2d(x[0], new int[]{2, 3}, new int[]{1, 2}, new int[]{1, 1},
                new int[]{2, 1}, false), distinct(1, 1, 6, 7));
        row(r, "avg_pool2d_include_pad", x -> Cnn.avgPool2d(x[0], new int[]{3, 3}, new int[]{2, 2},
                new int[]{1, 1}, true, true), u(1, 2, 5, 6));
        row(r, "avg_pool2d_exclude_pad", x -> Cnn.avgPool2d(x[0], new int[]{3, 3}, new int[]{2, 2},
                new int[]{1, 1}, true, false), u(1, 2, 5, 6));
        row(r, "adaptive_avg_pool2d", x -> Cnn.adaptiveAvgPool2d(x[0], 3, 2), u(1, 2, 5, 7));
        row(r, "adaptive_max_pool2d", x -> Cnn.adaptiveMaxPool2d(x[0], 3, 4), distinct(1, 2, 5, 7));
        row(r, "interpolate_nearest", x -> Cnn.interpolate(x[0], 5, 7, "nearest", false), u(1, 2, 3, 4));
        row(r, "interpolate_bilinear", x -> Cnn.interpolate(x[0], 5, 7, "bilinear", false), u(1, 2, 3, 4));
        row(r, "interpolate_bilinear_align", x -> Cnn.interpolate(x[0], 4, 3, "bilinear", true), u(1, 2, 6, 5));
        row(r, "dropout_fixed_mask", x -> Cnn.dropout(x[0], 0.4, true, new Generator(11)), u(4, 5));
    }

    // ================================================================ helpers

    private static void row(List<Arguments> rows, String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        rows.add(Arguments.of(name, f, inputs));
    }

    /** Concatenates the flattened pieces of a multi-output op, so one weighted sum probes all of them. */
    private static Tensor flat(List<Tensor> parts) {
        List<Tensor> flat = new ArrayList<>();
        for (Tensor t : parts) {
            flat.add(t.reshape(-1));
        }
        return Tensor.cat(flat, 0);
    }

    private static final Random SEEDS = new Random(20240611);

    private static Tensor fill(int[] shape, java.util.function.DoubleUnaryOperator map) {
        Random r = new Random(SEEDS.nextLong());
        float[] d = new float[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) map.applyAsDouble(r.nextDouble());
        }
        return Tensor.of(d, shape, TensorOptions.DEFAULT);
    }

    /** Uniform in [-2, 2). */
    private static Tensor u(int... shape) {
        return fill(shape, v -> v * 4 - 2);
    }

    /** |x| in [0.2, 2), random sign: clear of kinks and poles at 0. */
    private static Tensor away(int... shape) {
        return fill(shape, v -> v < 0.5 ? -(0.2 + v * 3.6) : 0.2 + (v - 0.5) * 3.6);
    }

    /** In [0.3, 3). */
    private static Tensor pos(int... shape) {
        return fill(shape, v -> 0.3 + v * 2.7);
    }

    /** Distinct values 0.1 apart: no ties for max/min/sort/topk/pooling. */
    private static Tensor distinct(int... shape) {
        return GradCheck.distinct(SEEDS.nextLong(), shape);
    }

    /** {@code a} shifted elementwise by ±[0.1, 0.6): never tied with {@code a}. */
    private static Tensor apart(Tensor a) {
        float[] base = a.toFloatArray();
        Tensor off = away(a.sizes());
        float[] o = off.toFloatArray();
        for (int i = 0; i < base.length; i++) {
            base[i] += o[i] * 0.25f;
        }
        return Tensor.of(base, a.sizes(), TensorOptions.DEFAULT);
    }
}
