package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.netwright.backend.DType;
import io.netwright.tensor.GoldenFixtures.Args;
import io.netwright.tensor.GoldenFixtures.Case;
import io.netwright.tensor.GoldenFixtures.FixtureTensor;
import io.netwright.tensor.GoldenRunner.GoldenOp;
import io.netwright.tensor.GoldenRunner.Tolerance;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The golden harness itself fails when it should, with a message that locates the difference. */
class GoldenRunnerTest {

    private static FixtureTensor f(int[] shape, double... data) {
        return new FixtureTensor(shape, DType.FLOAT32, data, true);
    }

    /** {@code y = 2x} on 3 elements; loss weights (1, -1, 0.5) give gradient (2, -2, 1). */
    private static Case doubling(double[] out, double[] grad) {
        int[] s = {3};
        return new Case("self", "double_it", "double", new Args(new JsonObject()), List.of(f(s, 1, 2, 3)),
                List.of(f(s, out)), List.of(f(s, 1, -1, 0.5)), List.of(f(s, grad)), new int[1][], null);
    }

    private static final Map<String, GoldenOp> OPS = Map.of("double", (in, a) -> in.get(0).mul(2.0));

    @Test
    void matchingCasePasses() {
        assertDoesNotThrow(() -> GoldenRunner.run(doubling(new double[]{2, 4, 6}, new double[]{2, -2, 1}), OPS,
                Tolerance.FORWARD, Tolerance.GRAD));
    }

    @Test
    void wrongForwardValueIsReportedWithCaseDiffAndIndex() {
        AssertionError e = assertThrows(AssertionError.class, () -> GoldenRunner.run(
                doubling(new double[]{2, 4.01, 6}, new double[]{2, -2, 1}), OPS, Tolerance.FORWARD, Tolerance.GRAD));
        String m = e.getMessage();
        assertTrue(m.contains("self/double_it output 0") && m.contains("max abs diff 0.0100")
                && m.contains("flat index 1"), m);
    }

    @Test
    void wrongGradientIsReported() {
        AssertionError e = assertThrows(AssertionError.class, () -> GoldenRunner.run(
                doubling(new double[]{2, 4, 6}, new double[]{2, -2, 1.5}), OPS, Tolerance.FORWARD, Tolerance.GRAD));
        assertTrue(e.getMessage().contains("grad of input 0") && e.getMessage().contains("flat index 2"),
                e.getMessage());
    }

    @Test
    void unknownOpAndShapeMismatchFail() {
        Case c = doubling(new double[]{2, 4, 6}, new double[]{2, -2, 1});
        assertThrows(AssertionError.class, () -> GoldenRunner.run(c, Map.of(), Tolerance.FORWARD, Tolerance.GRAD));
        Map<String, GoldenOp> wrongShape = Map.of("double", (in, a) -> in.get(0).mul(2.0).reshape(3, 1));
        AssertionError e = assertThrows(AssertionError.class,
                () -> GoldenRunner.run(c, wrongShape, Tolerance.FORWARD, Tolerance.GRAD));
        assertTrue(e.getMessage().contains("shape [3, 1], expected [3]"), e.getMessage());
    }

    @Test
    void nanMatchesOnlyNanAndInfinitiesMustMatchExactly() {
        float nan = Float.NaN;
        float inf = Float.POSITIVE_INFINITY;
        assertDoesNotThrow(() -> GoldenRunner.assertClose("x", new float[]{nan, inf}, new float[]{nan, inf},
                Tolerance.FORWARD));
        assertThrows(AssertionError.class, () -> GoldenRunner.assertClose("x", new float[]{nan}, new float[]{0},
                Tolerance.FORWARD));
        assertThrows(AssertionError.class, () -> GoldenRunner.assertClose("x", new float[]{inf}, new float[]{-inf},
                Tolerance.FORWARD));
    }

    @Test
    void everyFixtureFileLoadsAndEveryCaseHasAName() {
        for (String family : List.of("shape", "elementwise", "reductions", "linalg", "indexing", "einsum", "cnn")) {
            List<Case> cases = GoldenFixtures.load(family);
            assertTrue(cases.size() >= 10, family + " has " + cases.size() + " cases");
            long distinct = cases.stream().map(Case::name).distinct().count();
            assertTrue(distinct == cases.size(), family + " has duplicate case names");
            for (Case c : cases) {
                assertTrue(c.weights().size() == c.outputs().size() && c.grads().size() == c.inputs().size(),
                        c + ": weights/grads do not line up with outputs/inputs " + Arrays.toString(c.pre()));
            }
        }
    }
}
