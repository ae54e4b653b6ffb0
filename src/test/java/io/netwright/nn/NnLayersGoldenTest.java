package io.netwright.nn;

import static io.netwright.nn.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every layer against PyTorch (golden/nn_layers.json): printed form, state-dict keys, and in train and eval mode the
 * output, the input gradient, the parameter gradients for {@code sum(out * lw)} and the buffers after the step.
 * The PyTorch-initialised weights are loaded with {@code loadStateDict(strict=true)}.
 *
 * <p>Tolerances: atol 1e-5 / rtol 1e-4; convolutions, pooling over sums and batch norm atol 1e-4 (float32
 * accumulation order differs from PyTorch's).
 */
class NnLayersGoldenTest {

    @TestFactory
    List<DynamicTest> layersMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject c : Golden.cases("nn_layers.json")) {
            String id = c.get("id").getAsString();
            tests.add(DynamicTest.dynamicTest(id + " prints like PyTorch", () ->
                    assertEquals(c.get("repr").getAsString(), build(c, false).toString())));
            tests.add(DynamicTest.dynamicTest(id + " has PyTorch's state-dict keys", () ->
                    assertEquals(Golden.strings(c.getAsJsonArray("state_keys")),
                            List.copyOf(build(c, false).stateDict().keySet()))));
            for (String mode : List.of("train", "eval")) {
                tests.add(DynamicTest.dynamicTest(id + " " + mode, () -> check(c, mode)));
            }
        }
        return tests;
    }

    private static Module build(JsonObject c, boolean load) {
        Module m = LayerFactory.build(c.get("type").getAsString(), c.getAsJsonObject("kwargs"));
        if (load) {
            m.loadStateDict(Golden.tensors(c.getAsJsonObject("state")), true);
        }
        return m;
    }

    private static void check(JsonObject c, String mode) {
        String id = c.get("id").getAsString() + " (" + mode + ")";
        String type = c.get("type").getAsString();
        double atol = type.startsWith("Conv") || type.startsWith("BatchNorm") || type.contains("Pool")
                || type.equals("LayerNorm") || type.equals("Upsample") ? 1e-4 : 1e-5;
        double rtol = 1e-4;
        Module m = build(c, true);
        m.train(mode.equals("train"));
        JsonObject exp = c.getAsJsonObject("modes").getAsJsonObject(mode);
        Tensor x = Golden.tensor(c.getAsJsonObject("input"));
        if (x.dtype().isFloating()) {
            x.requiresGrad_(true);
        }
        Tensor y = m.call(x);
        Tensor lw = Golden.tensor(c.getAsJsonObject("loss_weight"));
        y.mul(lw).sum().backward();
        if (exp.get("random").getAsBoolean()) {
            checkDropout(id, type, m, x, y, lw);
            return;
        }
        assertClose(id + " output", exp.getAsJsonObject("output"), y, atol, rtol);
        if (exp.has("grad_input")) {
            assertClose(id + " input grad", exp.getAsJsonObject("grad_input"), x.grad(), atol, rtol);
        }
        Map<String, Parameter> params = m.namedParameters();
        assertEquals(exp.getAsJsonObject("grad_params").keySet(), params.keySet(), id + " parameters");
        for (var e : exp.getAsJsonObject("grad_params").entrySet()) {
            assertClose(id + " grad of " + e.getKey(), e.getValue().getAsJsonObject(), params.get(e.getKey()).grad(),
                    atol, rtol);
        }
        Map<String, Tensor> buffers = m.namedBuffers();
        assertEquals(exp.getAsJsonObject("buffers_after").keySet(), buffers.keySet(), id + " buffers");
        for (var e : exp.getAsJsonObject("buffers_after").entrySet()) {
            assertClose(id + " buffer " + e.getKey() + " after the step", e.getValue().getAsJsonObject(),
                    buffers.get(e.getKey()), atol, rtol);
        }
    }

    /** Training-mode dropout is random: check the mask's structure and the scaling instead of the values. */
    private static void checkDropout(String id, String type, Module m, Tensor x, Tensor y, Tensor lw) {
        double p = type.equals("Dropout") ? ((Dropout) m).p() : ((Dropout2d) m).p();
        float[] xs = x.detach().toFloatArray();
        float[] ys = y.detach().toFloatArray();
        float[] gs = x.grad().toFloatArray();
        float[] ws = lw.toFloatArray();
        int dropped = 0;
        for (int i = 0; i < xs.length; i++) {
            boolean kept = ys[i] != 0;
            dropped += kept ? 0 : 1;
            double want = kept ? xs[i] / (1 - p) : 0;
            assertEquals(want, ys[i], 1e-5, id + " element " + i + " is dropped or scaled by 1/(1-p)");
            assertEquals(kept ? ws[i] / (1 - p) : 0, gs[i], 1e-5, id + " grad " + i + " follows the mask");
        }
        assertTrue(dropped > 0 && dropped < xs.length, id + " drops some but not all of " + xs.length);
        if (type.equals("Dropout2d")) {
            int plane = x.size(2) * x.size(3);
            for (int start = 0; start < ys.length; start += plane) {
                boolean zero = ys[start] == 0;
                for (int i = start; i < start + plane; i++) {
                    assertEquals(zero, ys[i] == 0, id + " drops whole channels");
                }
            }
        }
    }
}
