package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/**
 * Checks autograd against central finite differences. The scalar probed is {@code sum(f(inputs) * w)} with fixed
 * random weights {@code w}, so every output element (and any mix-up between them) matters. Each float32 input
 * element is moved by {@code ±eps}; the difference quotient divides by the perturbation actually representable in
 * float32 and sums the loss in double. Inputs are rebuilt as fresh contiguous leaves, so {@code f} makes any
 * strided views itself and closes over non-float arguments (indices, masks).
 *
 * <p>Pass rule: {@code |autograd - numeric| <= atol + rtol * |numeric|} for every element of every input (by
 * default both 1e-2).
 *
 * <pre>{@code GradCheck.check(xs -> xs[0].gather(1, idx), Tensor.randn(3, 4));}</pre>
 */
final class GradCheck {

    /** Default perturbation: small enough for the O(eps^2) truncation error, large against float32 rounding. */
    static final double EPS = 1e-3;
    /** Default tolerance, relative and absolute. */
    static final double TOL = 1e-2;

    private GradCheck() {
    }

    /** Asserts that the gradient of {@code f} at {@code inputs} matches finite differences within {@link #TOL}. */
    static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        check("f", EPS, TOL, f, inputs);
    }

    /** As {@link #check(Function, Tensor...)} with explicit relative and absolute tolerances. */
    static void check(Function<Tensor[], Tensor> f, double rtol, double atol, Tensor... inputs) {
        check("f", EPS, rtol, atol, f, inputs);
    }

    /** As {@link #check(Function, Tensor...)} with a name for messages, eps and tolerance (relative and absolute). */
    static void check(String name, double eps, double tol, Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(name, eps, tol, tol, f, inputs);
    }

    /** The general form: a name for messages, the perturbation and both tolerances. */
    static void check(String name, double eps, double rtol, double atol, Function<Tensor[], Tensor> f,
                      Tensor... inputs) {
        float[][] data = new float[inputs.length][];
        int[][] shapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            data[i] = inputs[i].toFloatArray();
            shapes[i] = inputs[i].sizes();
        }
        Tensor[] leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = Tensor.of(data[i].clone(), shapes[i], TensorOptions.DEFAULT).requiresGrad_();
        }
        Tensor out = f.apply(leaves);
        float[] w = new float[out.numel()];
        Random r = new Random(1234);
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) r.nextGaussian();
        }
        if (w.length == 0) {
            return;
        }
        if (!out.requiresGrad()) {
            fail(name + ": output does not require grad (no gradient rule recorded)");
        }
        out.mul(Tensor.of(w, out.sizes(), TensorOptions.DEFAULT)).sum().backward();

        for (int i = 0; i < inputs.length; i++) {
            float[] analytic = leaves[i].grad() == null ? new float[data[i].length] : leaves[i].grad().toFloatArray();
            double worst = -1;
            int worstAt = -1;
            double worstNumeric = 0;
            for (int j = 0; j < data[i].length; j++) {
                float x = data[i][j];
                float up = (float) (x + eps);
                float down = (float) (x - eps);
                double lossUp = loss(f, data, shapes, i, j, up, w);
                double lossDown = loss(f, data, shapes, i, j, down, w);
                data[i][j] = x;
                double numeric = (lossUp - lossDown) / ((double) up - down);
                // How far past its tolerance this element is (> 1 fails); NaN on either side fails.
                double diff = Math.abs(analytic[j] - numeric);
                double allowed = atol + rtol * Math.abs(numeric);
                double excess = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff / allowed;
                if (excess > worst) {
                    worst = excess;
                    worstAt = j;
                    worstNumeric = numeric;
                }
            }
            if (worst > 1) {
                fail(String.format("%s: gradient of input %d %s at flat index %d: autograd %s but finite differences"
                                + " (eps=%g) give %.6g, beyond atol %g + rtol %g * |numeric| (by a factor %.3g)"
                                + "%nautograd: %s", name, i, Arrays.toString(shapes[i]), worstAt, analytic[worstAt],
                        eps, worstNumeric, atol, rtol, worst, Arrays.toString(analytic)));
            }
        }
    }

    private static double loss(Function<Tensor[], Tensor> f, float[][] data, int[][] shapes, int which, int at,
                               float value, float[] w) {
        data[which][at] = value;
        Tensor[] xs = new Tensor[data.length];
        for (int i = 0; i < data.length; i++) {
            xs[i] = Tensor.of(data[i].clone(), shapes[i], TensorOptions.DEFAULT);
        }
        float[] out;
        try (var g = NoGrad.enter()) {
            out = f.apply(xs).toFloatArray();
        }
        double s = 0;
        for (int k = 0; k < out.length; k++) {
            s += (double) out[k] * w[k];
        }
        return s;
    }

    /** Deterministic standard-normal test data of the given shape. */
    static Tensor randn(long seed, int... shape) {
        Random r = new Random(seed);
        float[] d = new float[Shape.numel(shape)];
        for (int k = 0; k < d.length; k++) {
            d[k] = (float) r.nextGaussian();
        }
        return Tensor.of(d, shape, TensorOptions.DEFAULT);
    }

    /** A random permutation of {@code 0..n-1} scaled by 0.1 and shifted: distinct values, no near-ties. */
    static Tensor distinct(long seed, int... shape) {
        int n = Shape.numel(shape);
        Integer[] p = new Integer[n];
        for (int k = 0; k < n; k++) {
            p[k] = k;
        }
        java.util.Collections.shuffle(Arrays.asList(p), new Random(seed));
        float[] d = new float[n];
        for (int k = 0; k < n; k++) {
            d[k] = p[k] * 0.1f - n * 0.05f;
        }
        return Tensor.of(d, shape, TensorOptions.DEFAULT);
    }
}
