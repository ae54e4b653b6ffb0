package io.netwright.optim;

import static io.netwright.optim.OptimTestSupport.assertClose;
import static io.netwright.optim.OptimTestSupport.floats;
import static io.netwright.optim.OptimTestSupport.golden;
import static io.netwright.optim.OptimTestSupport.options;
import static io.netwright.optim.OptimTestSupport.params;
import static io.netwright.optim.OptimTestSupport.setGrads;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netwright.nn.Parameter;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer against PyTorch 1.13's single-tensor implementation (golden/optim.json): five steps with fixed
 * gradients (some parameters without a gradient on some steps), comparing every parameter and every state tensor
 * after every step (atol 1e-6, rtol 1e-5).
 */
class OptimizerGoldenTest {

    private static final JsonObject GOLDEN = golden("optim.json");

    /** The optimizer a golden case describes, over {@code params}. */
    static Optimizer build(JsonObject c, List<Parameter> params) {
        Map<String, Object> defaults = options(c.getAsJsonObject("defaults"));
        List<ParamGroup> groups = new ArrayList<>();
        if (c.get("groups").isJsonNull()) {
            groups.add(new ParamGroup(params));
        } else {
            for (JsonElement g : c.getAsJsonArray("groups")) {
                JsonObject go = g.getAsJsonObject();
                List<Parameter> ps = new ArrayList<>();
                for (int i : OptimTestSupport.ints(go.get("params"))) {
                    ps.add(params.get(i));
                }
                groups.add(new ParamGroup(ps, options(go, "params")));
            }
        }
        return Optimizers.create(c.get("optimizer").getAsString(), groups, defaults);
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorchStepByStep() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : GOLDEN.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            tests.add(DynamicTest.dynamicTest(c.get("name").getAsString(), () -> check(c)));
        }
        return tests.stream();
    }

    private void check(JsonObject c) {
        String name = c.get("name").getAsString();
        List<Parameter> params = params(GOLDEN);
        Optimizer opt = build(c, params);
        var steps = c.getAsJsonArray("steps");
        for (int step = 0; step < steps.size(); step++) {
            setGrads(GOLDEN, params, step);
            opt.step();
            JsonObject expected = steps.get(step).getAsJsonObject();
            for (int i = 0; i < params.size(); i++) {
                assertClose(floats(expected.getAsJsonArray("params").get(i)), params.get(i).data().toFloatArray(),
                        name + " step " + step + " param " + i);
            }
            JsonObject state = expected.getAsJsonObject("state");
            Map<Integer, Map<String, Tensor>> actual = opt.stateDict().state();
            // PyTorch's SGD without momentum keeps {momentum_buffer: None}; we keep nothing
            List<String> withState = state.entrySet().stream()
                    .filter(x -> !x.getValue().getAsJsonObject().keySet().isEmpty()).map(Map.Entry::getKey).toList();
            assertEquals(new TreeSet<>(withState), new TreeSet<>(actual.keySet().stream().map(String::valueOf)
                    .toList()), name + " step " + step + ": parameters with state");
            for (var ps : state.entrySet()) {
                if (!withState.contains(ps.getKey())) {
                    continue;
                }
                Map<String, Tensor> tensors = actual.get(Integer.parseInt(ps.getKey()));
                assertEquals(ps.getValue().getAsJsonObject().keySet(), tensors.keySet(),
                        name + " step " + step + " state keys of param " + ps.getKey());
                for (var t : ps.getValue().getAsJsonObject().entrySet()) {
                    assertClose(floats(t.getValue()), tensors.get(t.getKey()).toFloatArray(),
                            name + " step " + step + " state " + ps.getKey() + "." + t.getKey());
                }
            }
        }
    }
}
