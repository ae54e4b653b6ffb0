package io.netwright.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.nn.Parameter;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Optimizer mechanics besides the update math: grads, groups, scopes, printing. */
class OptimizerBehaviourTest {

    private static Parameter param(float... values) {
        return new Parameter(Tensor.of(values));
    }

    private static void grad(Parameter p, float... values) {
        p.data().setGrad(Tensor.of(values));
    }

    @Test
    void stepSkipsParametersWithoutGradientAndGivesThemNoState() {
        Parameter a = param(1, 2);
        Parameter b = param(3, 4);
        SGD opt = new SGD(List.of(a, b), new SGD.Options().lr(0.5).momentum(0.9));
        grad(a, 1, 1);
        opt.step();
        assertArrayEquals(new float[]{0.5f, 1.5f}, a.data().toFloatArray());
        assertArrayEquals(new float[]{3, 4}, b.data().toFloatArray());
        assertNull(opt.state(b));
        assertEquals(List.of(0), List.copyOf(opt.stateDict().state().keySet()));
    }

    @Test
    void stepWorksWhileGradientsAreBeingRecordedElsewhere() {
        Parameter a = param(1, 2);
        grad(a, 1, 1);
        assertTrue(NoGrad.isGradEnabled());
        new Adam(List.of(a)).step();   // in-place updates on requires-grad leaves need NoGrad inside step
        assertTrue(NoGrad.isGradEnabled());
        assertTrue(a.data().requiresGrad());
    }

    @Test
    void zeroGradClearsOrZeroes() {
        Parameter a = param(1, 2);
        Parameter b = param(3);
        SGD opt = new SGD(List.of(a, b), 0.1);
        grad(a, 5, 6);
        Tensor g = a.grad();
        opt.zeroGrad(false);
        assertSame(g, a.grad());
        assertArrayEquals(new float[]{0, 0}, a.grad().toFloatArray());
        assertNull(b.grad());
        opt.zeroGrad();
        assertNull(a.grad());
    }

    @Test
    void closureIsEvaluatedBeforeTheStep() {
        Parameter a = param(2);
        SGD opt = new SGD(List.of(a), 0.25);
        Tensor loss = opt.step(() -> {
            Tensor l = a.data().mul(a.data()).sum();
            l.backward();
            return l;
        });
        assertEquals(4f, loss.item());
        assertArrayEquals(new float[]{1f}, a.data().toFloatArray());   // 2 - 0.25 * 4
    }

    @Test
    void stateCreatedInsideAnOuterScopeOutlivesIt() {
        Parameter a = param(1, 2, 3);
        Adam opt = new Adam(List.of(a), new Adam.Options().lr(0.1));
        try (TensorScope scope = TensorScope.open()) {
            grad(a, 1, 2, 3);
            opt.step();
        }
        grad(a, 1, 2, 3);
        opt.step();   // would fail on released buffers if the state had been tracked by the scope
        assertEquals(2, opt.state(a).step());
        assertArrayEquals(new float[]{0.19f, 0.38f, 0.57f}, opt.state(a).get("exp_avg").toFloatArray(), 1e-6f);
    }

    @Test
    void stepReleasesItsTemporaries() {
        Parameter a = param(1, 2, 3);
        Adam opt = new Adam(List.of(a), new Adam.Options().lr(0.1).amsgrad(true).weightDecay(0.1));
        grad(a, 1, 2, 3);
        opt.step();
        try (TensorScope scope = TensorScope.open()) {
            opt.step();
            assertEquals(0, scope.size(), "tensors left in the caller's scope by step()");
        }
    }

    @Test
    void addedGroupsTakeDefaultsAndKeepTheirOwnOptions() {
        Parameter a = param(1);
        Parameter b = param(1);
        SGD opt = new SGD(List.of(a), new SGD.Options().lr(0.1).momentum(0.9));
        opt.addParamGroup(new ParamGroup(List.of(b)).set("lr", 0.01));
        ParamGroup g = opt.paramGroups().get(1);
        assertEquals(0.01, g.lr());
        assertEquals(0.9, g.getDouble("momentum"));
        grad(a, 1);
        grad(b, 1);
        opt.step();
        assertArrayEquals(new float[]{0.9f}, a.data().toFloatArray(), 1e-7f);
        assertArrayEquals(new float[]{0.99f}, b.data().toFloatArray(), 1e-7f);
    }

    @Test
    void adagradCreatesStateWhenGroupsAreAdded() {
        Parameter a = param(1, 2);
        Parameter b = param(3);
        Adagrad opt = new Adagrad(List.of(a), new Adagrad.Options().initialAccumulatorValue(0.5));
        opt.addParamGroup(new ParamGroup(List.of(b)));
        OptimizerState sd = opt.stateDict();
        assertEquals(List.of(0, 1), List.copyOf(sd.state().keySet()));
        assertEquals(0f, sd.state().get(1).get("step").item());
        assertArrayEquals(new float[]{0.5f, 0.5f}, sd.state().get(0).get("sum").toFloatArray());
    }

    @Test
    void printsLikePyTorch() {
        SGD opt = new SGD(List.of(param(1)), new SGD.Options().lr(0.1).momentum(0.9).nesterov(true));
        assertEquals("SGD (\nParameter Group 0\n    dampening: 0.0\n    lr: 0.1\n    maximize: False\n"
                + "    momentum: 0.9\n    nesterov: True\n    weight_decay: 0.0\n)", opt.toString());
        Adam adam = new Adam(List.of(param(1)));
        assertTrue(adam.toString().contains("    betas: (0.9, 0.999)\n    eps: 1e-08\n"), adam.toString());
    }

    @Test
    void factoryBuildsEveryOptimizerByName() {
        for (String name : Optimizers.NAMES) {
            Optimizer opt = Optimizers.create(name, List.of(param(1, 2)), java.util.Map.of("lr", 0.5));
            assertEquals(name, opt.getClass().getSimpleName());
            assertEquals(0.5, opt.paramGroups().get(0).lr());
            assertNotNull(opt.defaults().get("maximize"));
        }
    }
}
