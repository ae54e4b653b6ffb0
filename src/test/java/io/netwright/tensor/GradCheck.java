package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;

/**
 * Gradient checks by central finite differences in float32. The scalar checked is {@code sum(f(x) * r)} with a
 * fixed random {@code r} (so every output element matters with a different weight); its autograd gradient with
 * respect to each input is compared with {@code (L(x + eps) - L(x - eps)) / (2 eps)}, the loss accumulated in
 * double on the host.
 *
 * <pre>{@code GradCheck.check(in -> Cnn.conv2d(in[0], in[1], null), x, w);}</pre>
 */
final class GradCheck {

    /** Perturbation; float32 forward passes make 1e-3 the best trade-off between truncation and rounding. */
    static final double EPS = 1e-3;

    private GradCheck() {
    }

    /** Checks every input with relative and absolute tolerance 1e-2. */
    static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(f, 1e-2, 1e-2, inputs);
    }

    /**
     * Fails (naming the input, element and both values) unless {@code |auto - numeric| <= atol + rtol*|numeric|}
     * for every element of every input.
     */
    static void check(Function<Tensor[], Tensor> f, double rtol, double atol, Tensor... inputs) {
        int k = inputs.length;
        float[][] data = new float[k][];
        int[][] shapes = new int[k][];
        for (int i = 0; i < k; i++) {
            data[i] = inputs[i].toFloatArray();
            shapes[i] = inputs[i].sizes();
        }
        // Autograd side.
        Tensor[] leaves = new Tensor[k];
        for (int i = 0; i < k; i++) {
            leaves[i] = Tensor.of(data[i], shapes[i]).requiresGrad_(true);
        }
        Tensor out = f.apply(leaves);
        float[] r = new float[out.numel()];
        Random rnd = new Random(1234);
        for (int j = 0; j < r.length; j++) {
            r[j] = (float) (rnd.nextDouble() * 2 - 1);
        }
        out.mul(Tensor.of(r, out.sizes())).sum().backward();
        // Numeric side.
        for (int i = 0; i < k; i++) {
            Tensor g = leaves[i].grad();
            float[] auto = g == null ? new float[data[i].length] : g.toFloatArray();
            for (int j = 0; j < data[i].length; j++) {
                float orig = data[i][j];
                float up = (float) (orig + EPS);
                float down = (float) (orig - EPS);
                data[i][j] = up;
                double plus = loss(f, data, shapes, r);
                data[i][j] = down;
                double minus = loss(f, data, shapes, r);
                data[i][j] = orig;
                // Divide by the step actually taken (float rounding makes it differ slightly from 2*EPS).
                double numeric = (plus - minus) / ((double) up - down);
                if (!(Math.abs(auto[j] - numeric) <= atol + rtol * Math.abs(numeric))) {
                    fail("gradient of input " + i + " " + Arrays.toString(shapes[i]) + " at flat index " + j
                            + ": autograd " + auto[j] + ", numeric " + numeric);
                }
            }
        }
    }

    private static double loss(Function<Tensor[], Tensor> f, float[][] data, int[][] shapes, float[] r) {
        try (var ng = NoGrad.enter()) {
            Tensor[] in = new Tensor[data.length];
            for (int i = 0; i < data.length; i++) {
                in[i] = Tensor.of(data[i].clone(), shapes[i]);
            }
            float[] o = f.apply(in).toFloatArray();
            double s = 0;
            for (int j = 0; j < o.length; j++) {
                s += (double) o[j] * r[j];
            }
            return s;
        }
    }
}
