package io.netwright.optim;

import static io.netwright.optim.OptimTestSupport.golden;
import static io.netwright.optim.OptimTestSupport.setGrads;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.netwright.nn.Parameter;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** State dicts: layout, exact round trips, resuming, and the errors that name a mismatch. */
class OptimizerStateDictTest {

    private static final JsonObject GOLDEN = golden("optim.json");

    /** Optimizers configured so that every kind of state exists. */
    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD", (Function<List<Parameter>, Optimizer>) ps ->
                        new SGD(ps, new SGD.Options().lr(0.1).momentum(0.9).nesterov(true).weightDecay(0.01))),
                Arguments.of("Adam", (Function<List<Parameter>, Optimizer>) ps ->
                        new Adam(ps, new Adam.Options().lr(0.01).amsgrad(true).weightDecay(0.1))),
                Arguments.of("AdamW", (Function<List<Parameter>, Optimizer>) ps ->
                        new AdamW(ps, new AdamW.Options().lr(0.01).amsgrad(true))),
                Arguments.of("RMSprop", (Function<List<Parameter>, Optimizer>) ps ->
                        new RMSprop(ps, new RMSprop.Options().lr(0.01).momentum(0.9).centered(true))),
                Arguments.of("Adagrad", (Function<List<Parameter>, Optimizer>) ps ->
                        new Adagrad(ps, new Adagrad.Options().lr(0.1).lrDecay(0.01))));
    }

    private static List<Parameter> copies(List<Parameter> params) {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : params) {
            out.add(new Parameter(Tensor.of(p.data().toFloatArray(), p.data().sizes())));
        }
        return out;
    }

    private static void train(Optimizer opt, List<Parameter> params, int from, int to) {
        for (int step = from; step < to; step++) {
            setGrads(GOLDEN, params, step);
            opt.step();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void threeStepsSavedAndLoadedThenTwoMoreEqualFiveUninterruptedExactly(String name,
            Function<List<Parameter>, Optimizer> make) {
        List<Parameter> straight = OptimTestSupport.params(GOLDEN);
        Optimizer a = make.apply(straight);
        train(a, straight, 0, 5);

        List<Parameter> first = OptimTestSupport.params(GOLDEN);
        Optimizer b = make.apply(first);
        train(b, first, 0, 3);
        OptimizerState saved = b.stateDict();

        List<Parameter> resumed = copies(first);
        Optimizer c = make.apply(resumed);
        c.loadStateDict(saved);
        train(c, resumed, 3, 5);

        for (int i = 0; i < straight.size(); i++) {
            assertArrayEquals(straight.get(i).data().toFloatArray(), resumed.get(i).data().toFloatArray(),
                    name + " param " + i);
        }
        assertStatesEqual(a.stateDict(), c.stateDict());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void stateDictRoundTripsExactly(String name, Function<List<Parameter>, Optimizer> make) {
        List<Parameter> params = OptimTestSupport.params(GOLDEN);
        Optimizer opt = make.apply(params);
        train(opt, params, 0, 3);
        OptimizerState sd = opt.stateDict();
        Optimizer fresh = make.apply(copies(params));
        fresh.loadStateDict(sd);
        assertStatesEqual(sd, fresh.stateDict());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void snapshotIsACopyThatTrainingDoesNotChange(String name, Function<List<Parameter>, Optimizer> make) {
        List<Parameter> params = OptimTestSupport.params(GOLDEN);
        Optimizer opt = make.apply(params);
        train(opt, params, 0, 2);
        OptimizerState sd = opt.stateDict();
        Map<String, float[]> before = flatten(sd);
        train(opt, params, 2, 4);
        Map<String, float[]> after = flatten(sd);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
        for (var e : sd.state().entrySet()) {
            for (var t : e.getValue().entrySet()) {
                if (!t.getKey().equals("step")) {
                    assertNotSame(opt.state(params.get(e.getKey())).get(t.getKey()), t.getValue());
                }
            }
        }
    }

    @Test
    void adamLayoutMatchesPyTorch() {
        List<Parameter> params = OptimTestSupport.params(GOLDEN);
        Optimizer opt = new Adam(params, new Adam.Options().lr(0.01).amsgrad(true));
        train(opt, params, 0, 3);   // param 2 has no gradient on step 1
        OptimizerState sd = opt.stateDict();
        assertEquals(1, sd.paramGroups().size());
        Map<String, Object> g = sd.paramGroups().get(0);
        assertEquals(List.of("lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "params"),
                new ArrayList<>(g.keySet()));
        assertEquals(List.of(0, 1, 2), g.get("params"));
        assertEquals(List.of(0.9, 0.999), g.get("betas"));
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"),
                new ArrayList<>(sd.state().get(0).keySet()));
        Tensor step = sd.state().get(0).get("step");
        assertEquals(0, step.dim());
        assertEquals(3f, step.item());
        assertEquals(2f, sd.state().get(2).get("step").item());
    }

    @Test
    void indicesRunAcrossGroupsInGroupOrder() {
        List<Parameter> ps = OptimTestSupport.params(GOLDEN);
        Optimizer opt = new SGD(List.of(new ParamGroup(List.of(ps.get(2), ps.get(0))),
                new ParamGroup(List.of(ps.get(1))).set("lr", 0.5)), new SGD.Options().lr(0.1).momentum(0.9));
        setGrads(GOLDEN, ps, 0);
        opt.step();
        OptimizerState sd = opt.stateDict();
        assertEquals(List.of(0, 1), sd.paramGroups().get(0).get("params"));
        assertEquals(List.of(2), sd.paramGroups().get(1).get("params"));
        assertEquals(0.5, sd.paramGroups().get(1).get("lr"));
        assertArrayEquals(ps.get(1).grad().toFloatArray(), sd.state().get(2).get("momentum_buffer").toFloatArray());
    }

    @Test
    void loadAcceptsJsonStyleNumbersAndRestoresOptions() {
        List<Parameter> ps = OptimTestSupport.params(GOLDEN);
        Optimizer opt = new SGD(ps, new SGD.Options().lr(0.1));
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("lr", 0.25f);
        group.put("momentum", 0);                 // an int, as Python writes it
        group.put("dampening", 0.0);
        group.put("weight_decay", 0.0);
        group.put("nesterov", false);
        group.put("maximize", false);
        group.put("initial_lr", 0.5);             // a scheduler's key is kept
        group.put("params", List.of(0.0, 1.0, 2.0));
        opt.loadStateDict(new OptimizerState(List.of(group), Map.of()));
        ParamGroup g = opt.paramGroups().get(0);
        assertEquals(0.25, g.lr());
        assertEquals(0.0, g.getDouble("momentum"));
        assertEquals(0.5, g.getDouble("initial_lr"));
    }

    @Test
    void loadFillsOptionsMissingFromAnOlderStateDictWithDefaults() {
        List<Parameter> ps = OptimTestSupport.params(GOLDEN);
        Optimizer opt = new Adam(ps, new Adam.Options().lr(0.1));
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("lr", 0.01);
        group.put("params", List.of(0, 1, 2));
        opt.loadStateDict(new OptimizerState(List.of(group), Map.of()));
        assertEquals(0.01, opt.paramGroups().get(0).lr());
        assertEquals(false, opt.paramGroups().get(0).get("amsgrad"));
    }

    // ---------------------------------------------------------------- mismatches

    private static OptimizerState trainedAdamState(List<Parameter> ps) {
        Optimizer opt = new Adam(ps, new Adam.Options().lr(0.01));
        train(opt, ps, 0, 1);
        return opt.stateDict();
    }

    @Test
    void loadNamesADifferentGroupCount() {
        List<Parameter> ps = OptimTestSupport.params(GOLDEN);
        OptimizerState sd = trainedAdamState(ps);
        Optimizer two = new Adam(List.of(new ParamGroup(ps.subList(0, 1)), new ParamGroup(ps.subList(1, 3))),
                new Adam.Options());
        var e = assertThrows(IllegalArgumentException.class, () -> two.loadStateDict(sd));
        assertEquals("loaded state dict has 1 parameter group(s) but Adam has 2: build the optimizer with the same "
                + "groups as when saved", e.getMessage());
    }

    @Test
    void loadNamesAGroupOfDifferentSize() {
        List<Parameter> ps = OptimTestSupport.params(GOLDEN);
        OptimizerState sd = trainedAdamState(ps);
        Optimizer smaller = new Adam(ps.subList(0, 2), new Adam.Options());
        var e = assertThrows(IllegalArgumentException.class, () -> smaller.loadStateDict(sd));
        assertEquals("loaded state dict contains a parameter group that doesn't match the size of optimizer's group: "
                + "group 0 has 3 parameter(s) in the state dict but 2 in Adam", e.getMessage());
    }

    @Test
    void loadNamesAShapeMismatchAndChangesNothing() {
        List<Parameter> ps = OptimTestSupport.params(GOLDEN);
        OptimizerState sd = trainedAdamState(ps);
        List<Parameter> other = new ArrayList<>(copies(ps));
        other.set(1, new Parameter(Tensor.zeros(2, 2)));
        Optimizer opt = new Adam(other, new Adam.Options().lr(0.5));
        var e = assertThrows(IllegalArgumentException.class, () -> opt.loadStateDict(sd));
        assertEquals("loaded state dict, parameter 1: 'exp_avg' has shape [4] but the parameter has shape [2, 2]",
                e.getMessage());
        assertEquals(0.5, opt.paramGroups().get(0).lr());
    }

    @Test
    void loadNamesUnknownStateAndIndices() {
        List<Parameter> ps = OptimTestSupport.params(GOLDEN);
        OptimizerState sd = trainedAdamState(ps);
        Optimizer sgd = new SGD(copies(ps), new SGD.Options());
        Map<String, Object> group = new LinkedHashMap<>(sd.paramGroups().get(0));
        group.keySet().retainAll(List.of("lr", "params"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> sgd.loadStateDict(new OptimizerState(List.of(group), sd.state())));
        assertEquals("loaded state dict, parameter 0: unexpected state 'exp_avg' for SGD (it keeps momentum_buffer)",
                e.getMessage());

        Map<Integer, Map<String, Tensor>> stray = Map.of(7, Map.of("momentum_buffer", Tensor.zeros(3)));
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> sgd.loadStateDict(new OptimizerState(List.of(group), stray)));
        assertEquals("loaded state dict has state for parameter index 7, which is in no parameter group (indices are "
                + "[0, 1, 2])", e2.getMessage());
    }

    @Test
    void loadRejectsInvalidSavedOptionsNamingTheGroup() {
        List<Parameter> ps = OptimTestSupport.params(GOLDEN);
        Optimizer opt = new SGD(ps, new SGD.Options());
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("lr", -1.0);
        group.put("params", List.of(0, 1, 2));
        var e = assertThrows(IllegalArgumentException.class,
                () -> opt.loadStateDict(new OptimizerState(List.of(group), Map.of())));
        assertEquals("loaded state dict, group 0: Invalid learning rate: -1.0", e.getMessage());
    }

    @Test
    void amsgradSwitchedOnAfterStepsFailsClearly() {
        List<Parameter> ps = OptimTestSupport.params(GOLDEN);
        Optimizer opt = new Adam(ps, new Adam.Options());
        train(opt, ps, 0, 1);
        opt.paramGroups().get(0).set("amsgrad", true);
        setGrads(GOLDEN, ps, 1);
        var e = assertThrows(IllegalStateException.class, opt::step);
        assertTrue(e.getMessage().startsWith("Adam: state of parameter 0 has no 'max_exp_avg_sq' but amsgrad=true"),
                e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, float[]> flatten(OptimizerState sd) {
        Map<String, float[]> out = new LinkedHashMap<>();
        sd.state().forEach((i, m) -> m.forEach((k, t) -> out.put(i + "." + k, t.toFloatArray())));
        return out;
    }

    static void assertStatesEqual(OptimizerState expected, OptimizerState actual) {
        assertEquals(expected.paramGroups(), actual.paramGroups());
        Map<String, float[]> e = flatten(expected);
        Map<String, float[]> a = flatten(actual);
        assertEquals(new ArrayList<>(e.keySet()), new ArrayList<>(a.keySet()));
        e.forEach((k, v) -> assertArrayEquals(v, a.get(k), k));
    }
}
