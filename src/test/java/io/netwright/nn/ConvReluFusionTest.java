package io.netwright.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Sequential} runs an unhooked Conv2d followed by ReLU as one fused op: the outputs and every gradient must
 * be the ones of the two modules called one after the other, and a hook on either module turns the fusion off so
 * the hook still sees the convolution's own output.
 */
class ConvReluFusionTest {

    private static Sequential net(long seed) {
        Generator.defaultGenerator().manualSeed(seed);
        return new Sequential(new Conv2d(16, 8, 3, 1, 1), new ReLU(), new Conv2d(8, 8, 3, 1, 1), new ReLU(),
                new MaxPool2d(2), new Flatten(), new Linear(8 * 6 * 7, 5));
    }

    private static float[][] run(Sequential net, Tensor x, boolean composed) {
        Tensor y = x;
        if (composed) {
            for (Module m : net.children()) {
                y = m.call(y);
            }
        } else {
            y = net.call(x);
        }
        y.mul(y).sum().backward();
        List<float[]> out = new ArrayList<>();
        out.add(y.toFloatArray());
        out.add(x.grad().toFloatArray());
        for (Parameter p : net.parameters()) {
            out.add(p.data().grad().toFloatArray());
        }
        return out.toArray(new float[0][]);
    }

    @Test
    void fusedConvReluGivesTheComposedValuesAndGradients() {
        Tensor input = Tensor.randn(new Generator(3), 4, 16, 12, 14);
        float[][] fused = run(net(1), input.detach().requiresGrad_(), false);
        float[][] composed = run(net(1), input.detach().requiresGrad_(), true);
        for (int k = 0; k < fused.length; k++) {
            assertArrayEquals(composed[k], fused[k], 1e-5f * (1 + max(composed[k])), "part " + k);
        }
    }

    @Test
    void aHookedConvolutionStillSeesItsOwnOutput() {
        Sequential net = net(2);
        float[] seenMin = {Float.MAX_VALUE};
        net.get(0).registerForwardHook((m, in, out) -> seenMin[0] = Math.min(seenMin[0], min(out.toFloatArray())));
        net.call(Tensor.randn(new Generator(4), 2, 16, 12, 14));
        assertTrue(seenMin[0] < 0, "the hook saw the convolution before ReLU (negative values), not after");
    }

    private static float max(float[] a) {
        float m = 0;
        for (float v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static float min(float[] a) {
        float m = Float.MAX_VALUE;
        for (float v : a) {
            m = Math.min(m, v);
        }
        return m;
    }
}
