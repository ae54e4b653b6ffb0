package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.fail;

import io.netwright.tensor.GoldenFixtures.Args;
import io.netwright.tensor.GoldenFixtures.Case;
import io.netwright.tensor.GoldenFixtures.FixtureTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs golden cases: builds the inputs, calls the op through a family's table, and checks every output (shape,
 * dtype, values) and every input gradient of {@code sum_i sum(out_i * w_i)} against PyTorch's, with stated
 * tolerances. A failure names the case, the tensor, the max abs diff and the index where it occurs.
 */
final class GoldenRunner {

    private GoldenRunner() {
    }

    /** Maps a case's inputs and arguments to the Java call; returns a Tensor, a List of Tensors or ValuesIndices. */
    @FunctionalInterface
    interface GoldenOp {
        Object apply(List<Tensor> in, Args a);
    }

    /**
     * Closeness rule {@code |actual - expected| <= atol + rtol * |expected|}; NaN matches NaN, infinities must
     * match exactly.
     */
    record Tolerance(double atol, double rtol) {
        /** Forward values of most ops. */
        static final Tolerance FORWARD = new Tolerance(1e-5, 1e-4);
        /** Gradients of most ops (two rounding chains: forward and backward). */
        static final Tolerance GRAD = new Tolerance(1e-4, 1e-3);

        @Override
        public String toString() {
            return "atol=" + atol + " rtol=" + rtol;
        }
    }

    /** One dynamic test per case of {@code family}, named after the case. */
    static Stream<DynamicTest> tests(String family, Map<String, GoldenOp> ops, Tolerance forward, Tolerance grad) {
        return GoldenFixtures.load(family).stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c, ops, forward, grad)));
    }

    /** Runs one case; throws AssertionError with a precise message on any mismatch. */
    static void run(Case c, Map<String, GoldenOp> ops, Tolerance forward, Tolerance grad) {
        GoldenOp op = ops.get(c.op());
        if (op == null) {
            fail(c + ": no Java mapping for op '" + c.op() + "' — add it to the test's op table");
        }
        try (var scope = TensorScope.open()) {
            List<Tensor> leaves = new ArrayList<>();
            List<Tensor> used = new ArrayList<>();
            for (int i = 0; i < c.inputs().size(); i++) {
                Tensor t = c.inputs().get(i).toTensor();
                leaves.add(t);
                used.add(c.pre()[i] == null ? t : t.permute(c.pre()[i]));
            }
            List<Tensor> outs = outputs(op.apply(used, c.args()));
            if (outs.size() != c.outputs().size()) {
                fail(c + ": expected " + c.outputs().size() + " outputs, got " + outs.size());
            }
            for (int i = 0; i < outs.size(); i++) {
                assertTensor(c + " output " + i, c.outputs().get(i), outs.get(i), forward);
            }
            if (c.sharesStorage() != null && !leaves.isEmpty()) {
                for (int i = 0; i < outs.size(); i++) {
                    boolean shares = outs.get(i).sharesStorage(leaves.get(0));
                    if (shares != c.sharesStorage()) {
                        fail(c + " output " + i + ": PyTorch's result " + (c.sharesStorage() ? "is a view of"
                                : "does not share storage with") + " the input, ours "
                                + (shares ? "shares it" : "is a copy"));
                    }
                }
            }
            if (c.checksGradients()) {
                checkGradients(c, leaves, outs, grad);
            }
        }
    }

    private static void checkGradients(Case c, List<Tensor> leaves, List<Tensor> outs, Tolerance tol) {
        Tensor loss = null;
        for (int i = 0; i < outs.size(); i++) {
            FixtureTensor w = c.weights().get(i);
            if (w == null) {
                continue;
            }
            Tensor o = outs.get(i);
            if (!o.requiresGrad()) {
                fail(c + " output " + i + ": does not require grad, but PyTorch's does (missing gradient rule?)");
            }
            Tensor term = o.mul(w.toTensor()).sum();
            loss = loss == null ? term : loss.add(term);
        }
        loss.backward();
        for (int i = 0; i < leaves.size(); i++) {
            FixtureTensor expected = c.grads().get(i);
            if (expected == null) {
                continue;
            }
            Tensor g = leaves.get(i).grad();
            Tensor got = g != null ? g : Tensor.zeros(expected.shape());
            assertTensor(c + " grad of input " + i, expected, got, tol);
        }
    }

    /** Normalises what an op returns to a list of tensors. */
    static List<Tensor> outputs(Object result) {
        if (result instanceof Tensor t) {
            return List.of(t);
        }
        if (result instanceof ValuesIndices vi) {
            return List.of(vi.values(), vi.indices());
        }
        if (result instanceof List<?> list) {
            List<Tensor> out = new ArrayList<>();
            for (Object o : list) {
                out.add((Tensor) o);
            }
            return out;
        }
        throw new IllegalArgumentException("op returned " + result + "; expected Tensor, List<Tensor> or "
                + "ValuesIndices");
    }

    /** Checks shape, dtype and values of {@code actual} against a fixture tensor. */
    static void assertTensor(String what, FixtureTensor expected, Tensor actual, Tolerance tol) {
        if (!Arrays.equals(expected.shape(), actual.sizes())) {
            fail(what + ": shape " + Arrays.toString(actual.sizes()) + ", expected "
                    + Arrays.toString(expected.shape()));
        }
        if (expected.dtype() != actual.dtype()) {
            fail(what + ": dtype " + actual.dtype().torchName() + ", expected " + expected.dtype().torchName());
        }
        float[] got = actual.toFloatArray();
        float[] want = expected.floats();
        boolean exact = !expected.dtype().isFloating();
        assertClose(what, want, got, exact ? new Tolerance(0, 0) : tol);
    }

    /** Elementwise closeness with a message naming the worst element. */
    static void assertClose(String what, float[] want, float[] got, Tolerance tol) {
        int worst = -1;
        double worstDiff = -1;
        int failures = 0;
        int firstFailure = -1;
        for (int i = 0; i < want.length; i++) {
            double e = want[i];
            double a = got[i];
            boolean ok;
            double diff;
            if (Double.isNaN(e) || Double.isNaN(a)) {
                ok = Double.isNaN(e) && Double.isNaN(a);
                diff = ok ? 0 : Double.POSITIVE_INFINITY;
            } else if (Double.isInfinite(e) || Double.isInfinite(a)) {
                ok = e == a;
                diff = ok ? 0 : Double.POSITIVE_INFINITY;
            } else {
                diff = Math.abs(a - e);
                ok = diff <= tol.atol() + tol.rtol() * Math.abs(e);
            }
            if (diff > worstDiff) {
                worstDiff = diff;
                worst = i;
            }
            if (!ok) {
                failures++;
                if (firstFailure < 0) {
                    firstFailure = i;
                }
            }
        }
        if (failures > 0) {
            fail(String.format("%s: %d of %d elements differ beyond %s; max abs diff %.3g at flat index %d "
                            + "(expected %s, got %s); first failing index %d (expected %s, got %s)", what, failures,
                    want.length, tol, worstDiff, worst, want[worst], got[worst], firstFailure, want[firstFailure],
                    got[firstFailure]));
        }
    }
}
