package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.nn.Linear;
import io.netwright.nn.Module;
import io.netwright.nn.ReLU;
import io.netwright.optim.SGD;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health figures of a two-layer model, worked out by hand. */
class LayerMonitorTest {

    /**
     * fc: W = [[1, 0], [0, -1]], b = [0, 0]; x = [[1, 2], [3, 4]] → fc(x) = [[1, -2], [3, -4]] (mean -0.5, std with
     * Bessel's correction sqrt(29/3)); relu → [[1, 0], [3, 0]]: half zeros. Loss = sum(relu) → dL/dW = [[4, 6],
     * [0, 0]], dL/db = [2, 0]: grad norm sqrt(16 + 36 + 4) = sqrt(56); |W| = sqrt(2). SGD lr 0.01: update
     * 0.01·sqrt(56), ratio 0.01·sqrt(56)/sqrt(2).
     */
    @Test
    void healthFiguresMatchHandComputedValues() {
        Linear fc = new Linear(2, 2);
        try (var g = NoGrad.enter()) {
            fc.weight().data().copy_(Tensor.of(new float[]{1, 0, 0, -1}, 2, 2));
            fc.bias().data().zero_();
        }
        ReLU relu = new ReLU();
        Map<String, Module> layers = new LinkedHashMap<>();
        layers.put("fc", fc);
        layers.put("relu", relu);
        SGD opt = new SGD(fc.parameters(), new SGD.Options().lr(0.01));
        try (LayerMonitor m = new LayerMonitor(layers)) {
            m.beginHealthStep();
            Tensor out = relu.call(fc.call(Tensor.of(new float[]{1, 2, 3, 4}, 2, 2)));
            out.sum().backward();
            assertTrue(m.gradientsFinite());
            m.beforeUpdate();
            opt.step();
            List<TrainingEvent.LayerHealth> h = m.afterUpdate();
            TrainingEvent.LayerHealth f = h.get(0);
            assertEquals("fc", f.layer());
            assertEquals("Linear", f.type());
            assertEquals(Math.sqrt(56), f.gradNorm(), 1e-5);
            assertEquals(0.01 * Math.sqrt(56) / Math.sqrt(2), f.updateRatio(), 1e-6);
            double w = Math.sqrt(Math.pow(1 - 0.04, 2) + 0.06 * 0.06 + 1 + 0.02 * 0.02);
            assertEquals(w, f.weightNorm(), 1e-5, "after the update, bias included");
            assertEquals(-0.5, f.activationMean(), 1e-6);
            assertEquals(Math.sqrt(29.0 / 3), f.activationStd(), 1e-5);
            assertTrue(Double.isNaN(f.zeroFraction()));
            TrainingEvent.LayerHealth r = h.get(1);
            assertEquals(0.5, r.zeroFraction(), 0);
            assertEquals(1.0, r.activationMean(), 1e-6);
            assertTrue(Double.isNaN(r.weightNorm()) && Double.isNaN(r.updateRatio()));

            // hooks are off on other steps: nothing is captured
            fc.call(Tensor.of(new float[]{1, 1}, 1, 2));
            assertNull(m.firstNonFiniteGradient());
            assertEquals("fc", m.firstNonFiniteOutput(() -> relu.call(fc.call(Tensor.of(new float[]{Float.NaN, 0},
                    1, 2)))));
            try (var g = NoGrad.enter()) {
                fc.weight().grad().fill_(Double.POSITIVE_INFINITY);
            }
            assertFalse(m.gradientsFinite());
            assertEquals("fc", m.firstNonFiniteGradient());
        }
    }
}
