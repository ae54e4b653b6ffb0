package io.netwright.tensor;

import io.netwright.tensor.GoldenRunner.GoldenOp;
import io.netwright.tensor.GoldenRunner.Tolerance;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Elementwise math against PyTorch ({@code golden/elementwise.json}): binary ops with broadcasting and type
 * promotion, scalar operands, unary functions (including saturation and conventions at kinks: relu/abs at 0,
 * clamp at its bounds, ties of maximum/minimum), comparisons, logic and {@code where}.
 * Tolerances: forward atol 1e-5 rtol 1e-4; gradients atol 1e-4 rtol 1e-3; integer and bool results exact.
 */
class GoldenElementwiseTest {

    static final Map<String, GoldenOp> OPS = new HashMap<>();

    static {
        OPS.put("add", (in, a) -> a.has("alpha") ? in.get(0).add(in.get(1), a.d("alpha")) : in.get(0).add(in.get(1)));
        OPS.put("sub", (in, a) -> in.get(0).sub(in.get(1)));
        OPS.put("mul", (in, a) -> in.get(0).mul(in.get(1)));
        OPS.put("mul_self", (in, a) -> in.get(0).mul(in.get(0)));
        OPS.put("div", (in, a) -> in.get(0).div(in.get(1)));
        OPS.put("pow", (in, a) -> in.get(0).pow(in.get(1)));
        OPS.put("maximum", (in, a) -> in.get(0).maximum(in.get(1)));
        OPS.put("minimum", (in, a) -> in.get(0).minimum(in.get(1)));
        OPS.put("remainder", (in, a) -> in.get(0).remainder(in.get(1)));
        // ---- scalar operands
        OPS.put("add_scalar", (in, a) -> in.get(0).add(a.d("s")));
        OPS.put("sub_scalar", (in, a) -> in.get(0).sub(a.d("s")));
        OPS.put("rsub_scalar", (in, a) -> in.get(0).rsub(a.d("s")));
        OPS.put("mul_scalar", (in, a) -> in.get(0).mul(a.d("s")));
        OPS.put("div_scalar", (in, a) -> in.get(0).div(a.d("s")));
        OPS.put("pow_scalar", (in, a) -> in.get(0).pow(a.d("e")));
        OPS.put("rpow_scalar", (in, a) -> in.get(0).rpow(a.d("base")));
        // ---- unary
        OPS.put("neg", (in, a) -> in.get(0).neg());
        OPS.put("abs", (in, a) -> in.get(0).abs());
        OPS.put("exp", (in, a) -> in.get(0).exp());
        OPS.put("log", (in, a) -> in.get(0).log());
        OPS.put("sqrt", (in, a) -> in.get(0).sqrt());
        OPS.put("sin", (in, a) -> in.get(0).sin());
        OPS.put("cos", (in, a) -> in.get(0).cos());
        OPS.put("tanh", (in, a) -> in.get(0).tanh());
        OPS.put("sigmoid", (in, a) -> in.get(0).sigmoid());
        OPS.put("relu", (in, a) -> in.get(0).relu());
        OPS.put("leaky_relu", (in, a) -> in.get(0).leakyRelu(a.d("slope")));
        OPS.put("erf", (in, a) -> in.get(0).erf());
        OPS.put("reciprocal", (in, a) -> in.get(0).reciprocal());
        OPS.put("clamp", (in, a) -> in.get(0).clamp(a.d("min"), a.d("max")));
        OPS.put("sign", (in, a) -> in.get(0).sign());
        OPS.put("floor", (in, a) -> in.get(0).floor());
        OPS.put("ceil", (in, a) -> in.get(0).ceil());
        OPS.put("round", (in, a) -> in.get(0).round());
        // ---- comparisons and logic
        OPS.put("eq", (in, a) -> in.get(0).eq(in.get(1)));
        OPS.put("ne", (in, a) -> in.get(0).ne(in.get(1)));
        OPS.put("gt", (in, a) -> in.get(0).gt(in.get(1)));
        OPS.put("ge", (in, a) -> in.get(0).ge(in.get(1)));
        OPS.put("lt", (in, a) -> in.get(0).lt(in.get(1)));
        OPS.put("le", (in, a) -> in.get(0).le(in.get(1)));
        OPS.put("eq_scalar", (in, a) -> in.get(0).eq(a.d("s")));
        OPS.put("ne_scalar", (in, a) -> in.get(0).ne(a.d("s")));
        OPS.put("gt_scalar", (in, a) -> in.get(0).gt(a.d("s")));
        OPS.put("ge_scalar", (in, a) -> in.get(0).ge(a.d("s")));
        OPS.put("lt_scalar", (in, a) -> in.get(0).lt(a.d("s")));
        OPS.put("le_scalar", (in, a) -> in.get(0).le(a.d("s")));
        OPS.put("logical_not", (in, a) -> in.get(0).logicalNot());
        OPS.put("logical_and", (in, a) -> in.get(0).logicalAnd(in.get(1)));
        OPS.put("logical_or", (in, a) -> in.get(0).logicalOr(in.get(1)));
        OPS.put("isnan", (in, a) -> in.get(0).isnan());
        OPS.put("isfinite", (in, a) -> in.get(0).isfinite());
        OPS.put("where", (in, a) -> Tensor.where(in.get(0), in.get(1), in.get(2)));
    }

    @TestFactory
    Stream<DynamicTest> golden() {
        return GoldenRunner.tests("elementwise", OPS, Tolerance.FORWARD, Tolerance.GRAD);
    }
}
