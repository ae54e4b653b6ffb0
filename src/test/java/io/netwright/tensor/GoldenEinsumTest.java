package io.netwright.tensor;

import io.netwright.tensor.GoldenRunner.GoldenOp;
import io.netwright.tensor.GoldenRunner.Tolerance;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code Tensor.einsum} against PyTorch ({@code golden/einsum.json}): transpose, full and partial sums, matrix and
 * batched products, outer and inner products, diagonal and trace, a three-operand contraction, implicit output.
 * Tolerances: forward atol 1e-5 rtol 1e-4; gradients atol 1e-4 rtol 1e-3.
 */
class GoldenEinsumTest {

    static final Map<String, GoldenOp> OPS = Map.of(
            "einsum", (in, a) -> Tensor.einsum(a.s("equation"), in.toArray(new Tensor[0])));

    @TestFactory
    Stream<DynamicTest> golden() {
        return GoldenRunner.tests("einsum", OPS, Tolerance.FORWARD, Tolerance.GRAD);
    }
}
