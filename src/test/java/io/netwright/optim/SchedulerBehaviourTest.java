package io.netwright.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netwright.nn.Parameter;
import io.netwright.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Scheduler construction rules and errors (the values themselves are in SchedulerGoldenTest). */
class SchedulerBehaviourTest {

    private static SGD sgd(double lr) {
        return new SGD(List.of(new Parameter(Tensor.zeros(2))), new SGD.Options().lr(lr).momentum(0.9));
    }

    private static void assertMessage(String expected, Supplier<?> construct) {
        var e = assertThrows(IllegalArgumentException.class, construct::get);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void constructionRecordsInitialLrOnceAndSteps() {
        SGD opt = sgd(0.1);
        var first = new StepLR(opt, 2, 0.5);
        assertEquals(0.1, opt.paramGroups().get(0).getDouble("initial_lr"));
        assertEquals(0, first.lastEpoch());
        first.step();
        first.step();
        assertEquals(0.05, opt.paramGroups().get(0).lr());
        var second = new ExponentialLR(opt, 0.9);   // initial_lr is kept: a second scheduler chains
        assertEquals(0.1, opt.paramGroups().get(0).getDouble("initial_lr"));
        assertEquals(List.of(0.05), second.getLastLr());
    }

    @Test
    void oneCycleRefusesToStepPastTheEnd() {
        SGD opt = sgd(0.1);
        var s = new OneCycleLR(opt, 1.0, new OneCycleLR.Options().totalSteps(3));
        for (int i = 0; i < 3; i++) {
            s.step();
        }
        var e = assertThrows(IllegalStateException.class, s::step);
        assertEquals("Tried to step 5 times. The specified number of total steps is 3", e.getMessage());
    }

    @Test
    void oneCycleMessages() {
        SGD opt = sgd(0.1);
        assertMessage("You must define either total_steps OR (epochs AND steps_per_epoch)",
                () -> new OneCycleLR(opt, 1.0, new OneCycleLR.Options().epochs(3)));
        assertMessage("Expected positive integer total_steps, but got 0",
                () -> new OneCycleLR(opt, 1.0, new OneCycleLR.Options().totalSteps(0)));
        assertMessage("Expected positive integer steps_per_epoch, but got -1",
                () -> new OneCycleLR(opt, 1.0, new OneCycleLR.Options().epochs(2).stepsPerEpoch(-1)));
        assertMessage("Expected float between 0 and 1 pct_start, but got 1.5",
                () -> new OneCycleLR(opt, 1.0, new OneCycleLR.Options().totalSteps(10).pctStart(1.5)));
        assertMessage("anneal_strategy must by one of 'cos' or 'linear', instead got exp",
                () -> new OneCycleLR(opt, 1.0, new OneCycleLR.Options().totalSteps(10).annealStrategy("exp")));
        assertMessage("expected 1 values for max_lr, got 2",
                () -> new OneCycleLR(opt, List.of(1.0, 2.0), new OneCycleLR.Options().totalSteps(10)));
        Adagrad adagrad = new Adagrad(List.of(new Parameter(Tensor.zeros(1))));
        assertMessage("optimizer must support momentum with `cycle_momentum` option enabled",
                () -> new OneCycleLR(adagrad, 1.0, new OneCycleLR.Options().totalSteps(10)));
    }

    @Test
    void oneCycleWritesItsKeysIntoTheGroups() {
        Adam opt = new Adam(List.of(new Parameter(Tensor.zeros(1))), new Adam.Options().betas(0.9, 0.99));
        new OneCycleLR(opt, 0.5, new OneCycleLR.Options().totalSteps(10));
        ParamGroup g = opt.paramGroups().get(0);
        assertEquals(0.02, g.getDouble("initial_lr"));
        assertEquals(0.5, g.getDouble("max_lr"));
        assertEquals(0.02 / 1e4, g.getDouble("min_lr"));
        assertEquals(0.95, g.getDouble("max_momentum"));
        assertEquals(0.85, g.getDouble("base_momentum"));
        assertEquals(List.of(0.95, 0.99), g.getDoubles("betas"));
        assertEquals(0.02, g.lr(), 1e-15);   // cos annealing at pct 0, as PyTorch computes it
    }

    @Test
    void linearAndCosineMessages() {
        SGD opt = sgd(0.1);
        assertMessage("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.",
                () -> new LinearLR(opt, 0, 1, 5));
        assertMessage("Ending multiplicative factor expected to be between 0 and 1.",
                () -> new LinearLR(opt, 0.5, 1.5, 5));
        assertMessage("LinearLR: total_iters must be a positive integer, got 0", () -> new LinearLR(opt, 0.5, 1, 0));
        assertMessage("CosineAnnealingLR: T_max must be a positive integer, got 0",
                () -> new CosineAnnealingLR(opt, 0));
        assertMessage("StepLR: step_size must be a positive integer, got 0", () -> new StepLR(opt, 0));
    }

    @Test
    void lambdaAndSequentialMessages() {
        SGD opt = sgd(0.1);
        assertMessage("Expected 1 lr_lambdas, but got 2",
                () -> new LambdaLR(opt, List.of(e -> 1.0, e -> 2.0)));
        var a = new LinearLR(opt, 0.5, 1, 2);
        var b = new ExponentialLR(opt, 0.9);
        assertMessage("Sequential Schedulers expects number of schedulers provided to be one more than the number of "
                + "milestone points, but got number of schedulers 2 and the number of milestones to be equal to 2",
                () -> new SequentialLR(opt, List.of(a, b), new int[]{2, 4}));
        SGD other = sgd(0.1);
        var c = new ExponentialLR(other, 0.9);
        assertMessage("Sequential Schedulers expects all schedulers to belong to the same optimizer, but got "
                + "schedulers at index 1 to be different than the optimizer passed in.",
                () -> new SequentialLR(opt, List.of(a, c), new int[]{2}));
    }

    @Test
    void plateauMessages() {
        SGD opt = sgd(0.1);
        assertMessage("Factor should be < 1.0.",
                () -> new ReduceLROnPlateau(opt, new ReduceLROnPlateau.Options().factor(1.0)));
        assertMessage("mode median is unknown!", () -> new ReduceLROnPlateau.Options().mode("median"));
        assertMessage("threshold mode pct is unknown!", () -> new ReduceLROnPlateau.Options().thresholdMode("pct"));
        assertMessage("expected 1 min_lrs, got 2",
                () -> new ReduceLROnPlateau(opt, new ReduceLROnPlateau.Options().minLrs(List.of(0.1, 0.2))));
    }

    @Test
    void plateauTracksBestAndBadEpochs() {
        SGD opt = sgd(1.0);
        var s = new ReduceLROnPlateau(opt, new ReduceLROnPlateau.Options().patience(1).factor(0.5));
        assertEquals(Double.POSITIVE_INFINITY, s.best());
        assertEquals(List.of(1.0), s.getLastLr());
        s.step(3);
        s.step(3);
        assertEquals(1, s.numBadEpochs());
        s.step(3);
        assertEquals(List.of(0.5), s.getLastLr());
        assertEquals(0, s.numBadEpochs());
        assertEquals(3.0, s.best());
    }

    @Test
    void loadingAStateDictNamesWhatIsMissing() {
        SGD opt = sgd(0.1);
        var s = new StepLR(opt, 3);
        Map<String, Object> sd = new LinkedHashMap<>(s.stateDict());
        sd.remove("gamma");
        var e = assertThrows(IllegalArgumentException.class, () -> s.loadStateDict(sd));
        assertEquals("StepLR state dict has no 'gamma'; keys are [step_size, base_lrs, last_epoch, _step_count, "
                + "_last_lr]", e.getMessage());
        Map<String, Object> two = new LinkedHashMap<>(s.stateDict());
        two.put("base_lrs", List.of(0.1, 0.2));
        var e2 = assertThrows(IllegalArgumentException.class, () -> s.loadStateDict(two));
        assertEquals("StepLR state dict: 'base_lrs' has 2 values but the optimizer has 1 parameter group(s)",
                e2.getMessage());
    }
}
