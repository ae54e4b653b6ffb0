package io.netwright.optim;

import static io.netwright.optim.OptimTestSupport.assertClose;
import static io.netwright.optim.OptimTestSupport.floats;
import static io.netwright.optim.OptimTestSupport.golden;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netwright.nn.Parameter;
import io.netwright.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** clipGradNorm / clipGradValue against hand values and PyTorch's clip_grad_norm_ / clip_grad_value_. */
class ClipGradTest {

    private static Parameter withGrad(float[] data, float[] grad) {
        Parameter p = new Parameter(Tensor.of(data));
        p.data().setGrad(grad == null ? null : Tensor.of(grad));
        return p;
    }

    @Test
    void twoNormScalesAllGradientsTogether() {
        Parameter a = withGrad(new float[]{0, 0}, new float[]{3, 0});
        Parameter b = withGrad(new float[]{0}, new float[]{4});
        Parameter none = withGrad(new float[]{0}, null);
        Tensor total = ClipGrad.clipGradNorm(List.of(a, b, none), 1.0);
        assertEquals(5.0f, total.item(), 1e-6);
        double coef = 1.0 / (5.0 + 1e-6);
        assertArrayEquals(new float[]{(float) (3 * coef), 0}, a.grad().toFloatArray(), 1e-7f);
        assertArrayEquals(new float[]{(float) (4 * coef)}, b.grad().toFloatArray(), 1e-7f);
        assertNull(none.grad());
    }

    @Test
    void smallNormsAreLeftAlone() {
        Parameter a = withGrad(new float[]{0, 0}, new float[]{0.3f, -0.4f});
        Tensor total = ClipGrad.clipGradNorm(List.of(a), 1.0);
        assertEquals(0.5f, total.item(), 1e-7);
        assertArrayEquals(new float[]{0.3f, -0.4f}, a.grad().toFloatArray());
    }

    @Test
    void infinityNormIsTheLargestMagnitude() {
        Parameter a = withGrad(new float[]{0, 0}, new float[]{-3, 1});
        Parameter b = withGrad(new float[]{0}, new float[]{2});
        Tensor total = ClipGrad.clipGradNorm(List.of(a, b), 1.5, Double.POSITIVE_INFINITY);
        assertEquals(3f, total.item());
        double coef = 1.5 / (3 + 1e-6);
        assertArrayEquals(new float[]{(float) (-3 * coef), (float) coef}, a.grad().toFloatArray(), 1e-7f);
    }

    @Test
    void oneNormSumsMagnitudes() {
        Parameter a = withGrad(new float[]{0, 0}, new float[]{-1, 2});
        Tensor total = ClipGrad.clipGradNorm(List.of(a), 10, 1);
        assertEquals(3f, total.item());
    }

    @Test
    void noGradientsGiveZero() {
        assertEquals(0f, ClipGrad.clipGradNorm(List.of(withGrad(new float[]{1}, null)), 1.0).item());
    }

    @Test
    void nonFiniteNormsFailOnlyWhenAsked() {
        Parameter a = withGrad(new float[]{0, 0}, new float[]{Float.POSITIVE_INFINITY, 1});
        var e = assertThrows(IllegalStateException.class,
                () -> ClipGrad.clipGradNorm(List.of(a), 1.0, 2.0, true));
        assertEquals("The total norm of order 2.0 for gradients from `parameters` is non-finite, so it cannot be "
                + "clipped. To disable this error and scale the gradients by the non-finite norm anyway, set "
                + "errorIfNonfinite=false", e.getMessage());
        assertEquals(Float.POSITIVE_INFINITY, ClipGrad.clipGradNorm(List.of(a), 1.0).item());
    }

    @Test
    void clipValueClampsEachElement() {
        Parameter a = withGrad(new float[]{0, 0, 0}, new float[]{-2, 0.1f, 5});
        ClipGrad.clipGradValue(List.of(a), 0.5);
        assertArrayEquals(new float[]{-0.5f, 0.1f, 0.5f}, a.grad().toFloatArray());
    }

    @Test
    void invalidArgumentsAreNamed() {
        Parameter a = withGrad(new float[]{0}, new float[]{1});
        assertEquals("clipGradNorm: norm_type must be > 0 or infinity, got 0.0", assertThrows(
                IllegalArgumentException.class, () -> ClipGrad.clipGradNorm(List.of(a), 1, 0)).getMessage());
        assertEquals("clipGradValue: clip_value must be >= 0, got -1.0", assertThrows(
                IllegalArgumentException.class, () -> ClipGrad.clipGradValue(List.of(a), -1)).getMessage());
    }

    @Test
    void matchesPyTorch() {
        JsonObject golden = golden("optim.json");
        for (JsonElement e : golden.getAsJsonArray("clip")) {
            JsonObject c = e.getAsJsonObject();
            List<Parameter> params = OptimTestSupport.params(golden);
            String what;
            if (c.get("kind").getAsString().equals("norm")) {
                OptimTestSupport.setGrads(golden, params, 1);
                String nt = c.get("norm_type").getAsString();
                double normType = nt.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(nt);
                double maxNorm = c.get("max_norm").getAsDouble();
                what = "clip_grad_norm_(max_norm=" + maxNorm + ", norm_type=" + nt + ")";
                Tensor total = ClipGrad.clipGradNorm(params, maxNorm, normType);
                assertClose(new float[]{(float) c.get("total_norm").getAsDouble()}, new float[]{total.item()},
                        what + " total norm");
            } else {
                OptimTestSupport.setGrads(golden, params, 0);
                ClipGrad.clipGradValue(params, c.get("clip_value").getAsDouble());
                what = "clip_grad_value_";
            }
            var grads = c.getAsJsonArray("grads");
            for (int i = 0; i < params.size(); i++) {
                if (grads.get(i).isJsonNull()) {
                    assertNull(params.get(i).grad(), what + " grad " + i);
                } else {
                    assertClose(floats(grads.get(i)), params.get(i).grad().toFloatArray(), what + " grad " + i);
                }
            }
        }
    }
}
