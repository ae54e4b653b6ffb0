package io.netwright.nn;

import static io.netwright.nn.Golden.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every loss, reduction and option against PyTorch (golden/nn_losses.json): the value, the input gradient and the
 * target gradient (float targets) for {@code sum(loss * lw)}; also the printed form and state-dict keys (class
 * weights are buffers). Tolerances atol 1e-5, rtol 1e-4.
 */
class NnLossesGoldenTest {

    @TestFactory
    List<DynamicTest> lossesMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject c : Golden.cases("nn_losses.json")) {
            tests.add(DynamicTest.dynamicTest(c.get("id").getAsString(), () -> check(c)));
        }
        return tests;
    }

    static Loss build(String type, JsonObject kw) {
        Reduction r = Reduction.of(kw.get("reduction").getAsString());
        Tensor weight = kw.has("weight") ? Golden.tensor(kw.getAsJsonObject("weight")) : null;
        long ignore = kw.has("ignore_index") ? kw.get("ignore_index").getAsLong() : -100;
        return switch (type) {
            case "CrossEntropyLoss" -> new CrossEntropyLoss(weight, ignore, r,
                    LayerFactory.d(kw, "label_smoothing", 0));
            case "NLLLoss" -> new NLLLoss(weight, ignore, r);
            case "MSELoss" -> new MSELoss(r);
            case "L1Loss" -> new L1Loss(r);
            case "SmoothL1Loss" -> new SmoothL1Loss(r, LayerFactory.d(kw, "beta", 1.0));
            case "BCELoss" -> new BCELoss(weight, r);
            case "BCEWithLogitsLoss" -> new BCEWithLogitsLoss(weight, r,
                    kw.has("pos_weight") ? Golden.tensor(kw.getAsJsonObject("pos_weight")) : null);
            default -> throw new IllegalArgumentException("no factory for loss " + type);
        };
    }

    private static void check(JsonObject c) {
        String id = c.get("id").getAsString();
        Loss loss = build(c.get("type").getAsString(), c.getAsJsonObject("kwargs"));
        assertEquals(c.get("repr").getAsString(), loss.toString(), id + " repr");
        assertEquals(Golden.strings(c.getAsJsonArray("state_keys")), List.copyOf(loss.stateDict().keySet()),
                id + " state-dict keys");
        Tensor x = Golden.tensor(c.getAsJsonObject("input")).requiresGrad_(true);
        Tensor t = Golden.tensor(c.getAsJsonObject("target"));
        boolean targetGrad = c.has("grad_target");
        if (targetGrad) {
            t.requiresGrad_(true);
        }
        Tensor y = loss.call(x, t);
        assertClose(id + " loss", c.getAsJsonObject("output"), y, 1e-5, 1e-4);
        y.mul(Golden.tensor(c.getAsJsonObject("loss_weight"))).sum().backward();
        assertClose(id + " input grad", c.getAsJsonObject("grad_input"), x.grad(), 1e-5, 1e-4);
        if (targetGrad) {
            assertClose(id + " target grad", c.getAsJsonObject("grad_target"), t.grad(), 1e-5, 1e-4);
        }
    }
}
