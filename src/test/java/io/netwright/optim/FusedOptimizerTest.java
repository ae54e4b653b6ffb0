package io.netwright.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.backend.Device;
import io.netwright.backend.FakeDeviceBackend;
import io.netwright.backend.OptimizerStep;
import io.netwright.backend.cpu.CpuBackend;
import io.netwright.nn.Parameter;
import io.netwright.tensor.FusedOptim;
import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The fused optimizer updates (the CPU backend's {@code optimizerStep}) give bit-for-bit the float32 numbers of the
 * composite updates (run on a fake device whose backend has no fused kernel), for every optimizer and option
 * combination, over several steps with NaN-free random gradients.
 */
class FusedOptimizerTest {

    private static final int STEPS = 5;

    private static void assertFusedEqualsComposite(String what, Function<List<Parameter>, Optimizer> make) {
        try (FakeDeviceBackend fake = new FakeDeviceBackend(Device.cuda(7))) {
            Generator gen = new Generator(42);
            Tensor w0 = Tensor.randn(gen, 37, 11);
            Tensor b0 = Tensor.randn(gen, 11);
            Parameter wc = new Parameter(w0.clone());
            Parameter bc = new Parameter(b0.clone());
            Parameter wf = new Parameter(w0.clone().to(fake));
            Parameter bf = new Parameter(b0.clone().to(fake));
            Optimizer fused = make.apply(List.of(wc, bc));
            Optimizer composite = make.apply(List.of(wf, bf));
            for (int step = 0; step < STEPS; step++) {
                Tensor gw = Tensor.randn(gen, 37, 11);
                Tensor gb = Tensor.randn(gen, 11);
                wc.data().setGrad(gw.clone());
                bc.data().setGrad(gb.clone());
                wf.data().setGrad(gw.clone().to(fake));
                bf.data().setGrad(gb.clone().to(fake));
                fused.step();
                composite.step();
                assertArrayEquals(wf.data().toFloatArray(), wc.data().toFloatArray(), what + ": weight, step " + step);
                assertArrayEquals(bf.data().toFloatArray(), bc.data().toFloatArray(), what + ": bias, step " + step);
            }
        }
    }

    @Test
    void sgdVariantsEqualTheComposite() {
        assertFusedEqualsComposite("SGD", ps -> new SGD(ps, new SGD.Options().lr(0.1)));
        assertFusedEqualsComposite("SGD momentum wd", ps -> new SGD(ps, new SGD.Options().lr(0.05).momentum(0.9)
                .weightDecay(1e-2)));
        assertFusedEqualsComposite("SGD dampening maximize", ps -> new SGD(ps, new SGD.Options().lr(0.05)
                .momentum(0.8).dampening(0.3).maximize(true)));
        assertFusedEqualsComposite("SGD nesterov", ps -> new SGD(ps, new SGD.Options().lr(0.01).momentum(0.9)
                .nesterov(true).weightDecay(5e-4)));
    }

    @Test
    void adamAndAdamWVariantsEqualTheComposite() {
        assertFusedEqualsComposite("Adam", ps -> new Adam(ps, new Adam.Options().lr(1e-2)));
        assertFusedEqualsComposite("Adam amsgrad wd", ps -> new Adam(ps, new Adam.Options().lr(1e-2).amsgrad(true)
                .weightDecay(0.1).betas(0.8, 0.99)));
        assertFusedEqualsComposite("Adam maximize", ps -> new Adam(ps, new Adam.Options().lr(3e-3).maximize(true)
                .eps(1e-6)));
        assertFusedEqualsComposite("AdamW", ps -> new AdamW(ps, new AdamW.Options().lr(1e-2)));
        assertFusedEqualsComposite("AdamW amsgrad", ps -> new AdamW(ps, new AdamW.Options().lr(1e-2).amsgrad(true)
                .weightDecay(0.3)));
    }

    @Test
    void rmsPropVariantsEqualTheComposite() {
        assertFusedEqualsComposite("RMSprop", ps -> new RMSprop(ps, new RMSprop.Options().lr(1e-2)));
        assertFusedEqualsComposite("RMSprop momentum", ps -> new RMSprop(ps, new RMSprop.Options().lr(1e-2)
                .momentum(0.9).weightDecay(1e-3)));
        assertFusedEqualsComposite("RMSprop centered", ps -> new RMSprop(ps, new RMSprop.Options().lr(1e-3)
                .centered(true).alpha(0.9)));
        assertFusedEqualsComposite("RMSprop centered momentum maximize", ps -> new RMSprop(ps,
                new RMSprop.Options().lr(1e-3).centered(true).momentum(0.5).maximize(true)));
    }

    @Test
    void adagradVariantsEqualTheComposite() {
        assertFusedEqualsComposite("Adagrad", ps -> new Adagrad(ps, new Adagrad.Options().lr(0.1)));
        assertFusedEqualsComposite("Adagrad decay", ps -> new Adagrad(ps, new Adagrad.Options().lr(0.1)
                .lrDecay(0.01).weightDecay(1e-2).initialAccumulatorValue(0.1)));
    }

    @Test
    void fusedStepRefusesWhatItCannotTakeAndTheBackendRefusesWrongCounts() {
        try (NoGrad g = NoGrad.enter()) {
            Tensor p = Tensor.ones(4, 3);
            Tensor grad = Tensor.ones(3, 4).transpose(0, 1);
            OptimizerStep.Adagrad step = new OptimizerStep.Adagrad(0.1, 1e-10, 0, false);
            assertFalse(FusedOptim.step(step, p, grad, Tensor.zeros(4, 3)), "a non-contiguous gradient composes");
            assertFalse(FusedOptim.step(step, p, Tensor.ones(4, 3)), "the wrong state count composes");
            assertTrue(FusedOptim.step(step, p, Tensor.ones(4, 3), Tensor.zeros(4, 3)));
        }
        try (CpuBackend cpu = new CpuBackend(io.netwright.backend.BackendOptions.defaults())) {
            var v = cpu.allocate(io.netwright.backend.DType.FLOAT32, 4);
            var view = new io.netwright.backend.View(v, 0, new int[] {4}, new int[] {1});
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> cpu.optimizerStep(
                    new OptimizerStep.Sgd(0.1, 0.9, 0, 0, false, false, true), view, view,
                    new io.netwright.backend.View[0]));
        }
    }

    @Test
    void composeOnlyTurnsFusingOffOnThisThreadUntilClosedWithTheSameNumbers() {
        Generator gen = new Generator(3);
        Tensor w0 = Tensor.randn(gen, 64);
        Tensor g0 = Tensor.randn(gen, 64);
        Parameter fused = new Parameter(w0.clone());
        Parameter composed = new Parameter(w0.clone());
        Optimizer a = new Adam(List.of(fused), new Adam.Options().lr(0.01).weightDecay(0.1));
        Optimizer b = new Adam(List.of(composed), new Adam.Options().lr(0.01).weightDecay(0.1));
        assertTrue(FusedOptim.enabled());
        for (int step = 0; step < 3; step++) {
            fused.data().setGrad(g0.clone());
            composed.data().setGrad(g0.clone());
            a.step();
            try (FusedOptim.Scope s = FusedOptim.composeOnly()) {
                assertFalse(FusedOptim.enabled());
                try (FusedOptim.Scope inner = FusedOptim.composeOnly()) {
                    assertFalse(FusedOptim.enabled());
                }
                assertFalse(FusedOptim.enabled(), "closing a nested scope keeps the outer one");
                b.step();
            }
            assertTrue(FusedOptim.enabled());
            assertArrayEquals(fused.data().toFloatArray(), composed.data().toFloatArray(), "step " + step);
        }
    }
}
