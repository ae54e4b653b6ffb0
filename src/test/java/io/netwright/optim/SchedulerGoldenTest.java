package io.netwright.optim;

import static io.netwright.optim.OptimTestSupport.assertLrClose;
import static io.netwright.optim.OptimTestSupport.doubles;
import static io.netwright.optim.OptimTestSupport.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import io.netwright.nn.Parameter;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scheduler against PyTorch 1.13 (golden/schedulers.json): the learning rate of both groups after
 * construction and after each of ~30 steps (relative tolerance 1e-9), OneCycleLR's momentum / beta1 too, the
 * state-dict keys, and a checkpoint round trip through JSON half-way that must continue identically.
 */
class SchedulerGoldenTest {

    private static final JsonObject GOLDEN = golden("schedulers.json");
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** The Java twins of the Python lambdas in make_optim_golden.py. */
    private static final Map<String, IntToDoubleFunction> LAMBDAS = Map.of(
            "pow095", e -> Math.pow(0.95, e),
            "warmup5", e -> Math.min(1.0, (e + 1) / 5.0));

    /** PyTorch keys we do not keep: flags, the bound anneal method and the lambdas (code, not state). */
    private static final Set<String> NOT_KEPT = Set.of("verbose", "_get_lr_called_within_step", "anneal_func",
            "lr_lambdas");

    static Optimizer optimizer(String type) {
        List<ParamGroup> groups = List.of(
                new ParamGroup(List.of(new Parameter(Tensor.zeros(2)))).set("lr", 0.1),
                new ParamGroup(List.of(new Parameter(Tensor.zeros(3)))).set("lr", 0.02));
        return type.equals("SGD")
                ? new SGD(groups, new SGD.Options().lr(0.1).momentum(0.9))
                : new Adam(groups, new Adam.Options().lr(0.1).betas(0.9, 0.999));
    }

    static Scheduler scheduler(Optimizer opt, JsonObject cfg) {
        String type = cfg.get("type").getAsString();
        switch (type) {
            case "StepLR":
                return new StepLR(opt, cfg.get("step_size").getAsInt(), num(cfg, "gamma", 0.1));
            case "MultiStepLR":
                return new MultiStepLR(opt, OptimTestSupport.ints(cfg.get("milestones")), num(cfg, "gamma", 0.1));
            case "ExponentialLR":
                return new ExponentialLR(opt, num(cfg, "gamma", 0));
            case "CosineAnnealingLR":
                return new CosineAnnealingLR(opt, cfg.get("T_max").getAsInt(), num(cfg, "eta_min", 0));
            case "LinearLR":
                return new LinearLR(opt, num(cfg, "start_factor", 1.0 / 3), num(cfg, "end_factor", 1.0),
                        cfg.has("total_iters") ? cfg.get("total_iters").getAsInt() : 5);
            case "LambdaLR":
                return new LambdaLR(opt, LAMBDAS.get(cfg.get("lambda").getAsString()));
            case "SequentialLR": {
                List<LRScheduler> inner = new ArrayList<>();
                for (JsonElement c : cfg.getAsJsonArray("schedulers")) {
                    inner.add((LRScheduler) scheduler(opt, c.getAsJsonObject()));
                }
                return new SequentialLR(opt, inner, OptimTestSupport.ints(cfg.get("milestones")));
            }
            case "OneCycleLR": {
                var o = new OneCycleLR.Options();
                if (cfg.has("total_steps")) {
                    o.totalSteps(cfg.get("total_steps").getAsInt());
                }
                if (cfg.has("epochs")) {
                    o.epochs(cfg.get("epochs").getAsInt()).stepsPerEpoch(cfg.get("steps_per_epoch").getAsInt());
                }
                if (cfg.has("pct_start")) {
                    o.pctStart(num(cfg, "pct_start", 0));
                }
                if (cfg.has("anneal_strategy")) {
                    o.annealStrategy(cfg.get("anneal_strategy").getAsString());
                }
                if (cfg.has("three_phase")) {
                    o.threePhase(cfg.get("three_phase").getAsBoolean());
                }
                if (cfg.has("cycle_momentum")) {
                    o.cycleMomentum(cfg.get("cycle_momentum").getAsBoolean());
                }
                o.divFactor(num(cfg, "div_factor", 25)).finalDivFactor(num(cfg, "final_div_factor", 1e4))
                        .baseMomentum(num(cfg, "base_momentum", 0.85)).maxMomentum(num(cfg, "max_momentum", 0.95));
                JsonElement maxLr = cfg.get("max_lr");
                return maxLr.isJsonArray()
                        ? new OneCycleLR(opt, java.util.Arrays.stream(doubles(maxLr)).boxed().toList(), o)
                        : new OneCycleLR(opt, maxLr.getAsDouble(), o);
            }
            case "ReduceLROnPlateau": {
                var o = new ReduceLROnPlateau.Options();
                if (cfg.has("mode")) {
                    o.mode(cfg.get("mode").getAsString());
                }
                if (cfg.has("threshold_mode")) {
                    o.thresholdMode(cfg.get("threshold_mode").getAsString());
                }
                if (cfg.has("min_lr")) {
                    JsonElement m = cfg.get("min_lr");
                    if (m.isJsonArray()) {
                        o.minLrs(java.util.Arrays.stream(doubles(m)).boxed().toList());
                    } else {
                        o.minLr(m.getAsDouble());
                    }
                }
                o.factor(num(cfg, "factor", 0.1)).threshold(num(cfg, "threshold", 1e-4))
                        .eps(num(cfg, "eps", 1e-8));
                if (cfg.has("patience")) {
                    o.patience(cfg.get("patience").getAsInt());
                }
                if (cfg.has("cooldown")) {
                    o.cooldown(cfg.get("cooldown").getAsInt());
                }
                return new ReduceLROnPlateau(opt, o);
            }
            default:
                throw new IllegalArgumentException("no Java twin for scheduler " + type);
        }
    }

    private static double num(JsonObject o, String key, double dflt) {
        return o.has(key) ? o.get(key).getAsDouble() : dflt;
    }

    private static void step(Scheduler s, JsonObject c, int i) {
        if (s instanceof ReduceLROnPlateau r) {
            r.step(c.getAsJsonArray("metrics").get(i).getAsDouble());
        } else {
            ((LRScheduler) s).step();
        }
    }

    private static void checkStep(JsonObject c, Optimizer opt, Scheduler s, int i) {
        String name = c.get("name").getAsString();
        double[] expected = doubles(c.getAsJsonArray("lrs").get(i));
        for (int g = 0; g < expected.length; g++) {
            ParamGroup group = opt.paramGroups().get(g);
            assertLrClose(expected[g], group.lr(), name + " after step " + i + " group " + g);
            assertLrClose(expected[g], s.getLastLr().get(g), name + " getLastLr after step " + i + " group " + g);
            if (c.has("momentums")) {
                double m = group.has("betas") ? group.getDoubles("betas").get(0) : group.getDouble("momentum");
                assertLrClose(doubles(c.getAsJsonArray("momentums").get(i))[g], m,
                        name + " momentum after step " + i + " group " + g);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> learningRatesMatchPyTorch() {
        return cases().map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> {
            Optimizer opt = optimizer(c.get("optimizer").getAsString());
            Scheduler s = scheduler(opt, c.getAsJsonObject("scheduler"));
            checkStep(c, opt, s, 0);
            for (int i = 0; i < c.get("steps").getAsInt(); i++) {
                opt.step();
                step(s, c, i);
                checkStep(c, opt, s, i + 1);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> stateDictKeysMatchPyTorch() {
        return cases().map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> {
            Optimizer opt = optimizer(c.get("optimizer").getAsString());
            Scheduler s = scheduler(opt, c.getAsJsonObject("scheduler"));
            Set<String> expected = new TreeSet<>();
            for (JsonElement k : c.getAsJsonArray("state_dict_keys")) {
                if (!NOT_KEPT.contains(k.getAsString())) {
                    expected.add(k.getAsString());
                }
            }
            if (s instanceof OneCycleLR) {
                expected.add("anneal_strategy");
            }
            assertEquals(expected, new TreeSet<>(s.stateDict().keySet()));
        }));
    }

    /** Save optimizer and scheduler half-way through JSON, restore into fresh ones, and continue identically. */
    @TestFactory
    Stream<DynamicTest> resumesFromAJsonCheckpoint() {
        return cases().map(c -> DynamicTest.dynamicTest(c.get("name").getAsString(), () -> {
            int total = c.get("steps").getAsInt();
            int half = total / 2 + 1;
            Optimizer opt = optimizer(c.get("optimizer").getAsString());
            Scheduler s = scheduler(opt, c.getAsJsonObject("scheduler"));
            for (int i = 0; i < half; i++) {
                step(s, c, i);
            }
            String optJson = GSON.toJson(opt.stateDict().paramGroups());
            String schedJson = GSON.toJson(s.stateDict());

            Optimizer opt2 = optimizer(c.get("optimizer").getAsString());
            Scheduler s2 = scheduler(opt2, c.getAsJsonObject("scheduler"));
            List<Map<String, Object>> groups = GSON.fromJson(optJson,
                    new TypeToken<List<Map<String, Object>>>() { }.getType());
            opt2.loadStateDict(new OptimizerState(groups, Map.of()));
            s2.loadStateDict(GSON.fromJson(schedJson, new TypeToken<Map<String, Object>>() { }.getType()));
            assertEquals(GSON.toJson(s.stateDict()), GSON.toJson(s2.stateDict()), "state dict after loading");
            checkStep(c, opt2, s2, half);
            for (int i = half; i < total; i++) {
                step(s2, c, i);
                checkStep(c, opt2, s2, i + 1);
            }
        }));
    }

    private static Stream<JsonObject> cases() {
        List<JsonObject> out = new ArrayList<>();
        GOLDEN.getAsJsonArray("cases").forEach(e -> out.add(e.getAsJsonObject()));
        return out.stream();
    }
}
