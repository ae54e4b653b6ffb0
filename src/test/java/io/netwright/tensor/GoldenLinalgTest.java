package io.netwright.tensor;

import io.netwright.tensor.GoldenRunner.GoldenOp;
import io.netwright.tensor.GoldenRunner.Tolerance;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Matrix products against PyTorch ({@code golden/linalg.json}): every {@code matmul} case (dot, mv, vm, mm,
 * batched, broadcast batches, transposed operands) and mm, bmm, mv, dot, outer.
 * Tolerances: forward atol 1e-5 rtol 1e-4; gradients atol 1e-4 rtol 1e-3 (inner dimensions are at most 6).
 */
class GoldenLinalgTest {

    static final Map<String, GoldenOp> OPS = new HashMap<>();

    static {
        OPS.put("matmul", (in, a) -> in.get(0).matmul(in.get(1)));
        OPS.put("matmul_expanded", (in, a) -> in.get(0).expand(a.ints("expand")).matmul(in.get(1)));
        OPS.put("mm", (in, a) -> in.get(0).mm(in.get(1)));
        OPS.put("bmm", (in, a) -> in.get(0).bmm(in.get(1)));
        OPS.put("mv", (in, a) -> in.get(0).mv(in.get(1)));
        OPS.put("dot", (in, a) -> in.get(0).dot(in.get(1)));
        OPS.put("outer", (in, a) -> in.get(0).outer(in.get(1)));
    }

    @TestFactory
    Stream<DynamicTest> golden() {
        return GoldenRunner.tests("linalg", OPS, Tolerance.FORWARD, Tolerance.GRAD);
    }
}
