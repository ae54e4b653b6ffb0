package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.nn.Parameter;
import io.netwright.optim.Optimizer;
import io.netwright.optim.Optimizers;
import io.netwright.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulesTest {

    private static final double EPS = 1e-12;

    private static Optimizer sgd(double lr) {
        return Optimizers.create("SGD", List.of(new Parameter(Tensor.zeros(2))), Map.of("lr", lr, "momentum", 0.9));
    }

    private static TrainingConfig cfg(ScheduleConfig s, double lr) {
        return TrainingConfig.of(TrainFixtures.mlp(2, 2, 2)).withSchedule(s)
                .withOptimizer(OptimizerConfig.sgd(lr, 0.9));
    }

    /** The rate used by each of {@code steps} steps. */
    private static double[] rates(Schedules.RunSchedule s, int steps) {
        double[] out = new double[steps];
        for (int i = 0; i < steps; i++) {
            out[i] = s.lr();
            s.afterStep(i + 1);
        }
        return out;
    }

    @Test
    void epochSchedulesChangeTheRateAtEpochBoundaries() {
        var c = cfg(ScheduleConfig.of("step", Map.of("step_size", 1, "gamma", 0.5)), 0.8);
        double[] r = rates(Schedules.build(c, sgd(0.8), 4, 12), 12);
        for (int i = 0; i < 12; i++) {
            assertEquals(0.8 * Math.pow(0.5, i / 4), r[i], EPS, "step " + i);
        }
        var m = cfg(ScheduleConfig.of("multistep", Map.of("milestones", List.of(1, 2), "gamma", 0.1)), 1.0);
        double[] rm = rates(Schedules.build(m, sgd(1.0), 3, 9), 9);
        assertEquals(1.0, rm[2], EPS);
        assertEquals(0.1, rm[3], EPS);
        assertEquals(0.01, rm[8], 1e-15);
    }

    @Test
    void warmupRisesLinearlyThenCosineFallsToEtaMin() {
        var c = cfg(ScheduleConfig.of("cosine", Map.of("eta_min", 0.01)).withWarmup(4, 0.25), 0.1);
        double[] r = rates(Schedules.build(c, sgd(0.1), 10, 20), 21);
        assertEquals(0.025, r[0], EPS);
        assertEquals(0.1 * (0.25 + 0.75 * 2 / 4), r[2], EPS);
        assertEquals(0.1, r[4], EPS, "warm-up done: the cosine starts at the base rate");
        double mid = 0.01 + (0.1 - 0.01) * (1 + Math.cos(Math.PI * 8 / 16)) / 2;
        assertEquals(mid, r[12], EPS);
        assertEquals(0.01, r[20], EPS, "ends at eta_min");
    }

    @Test
    void oneCyclePeaksAtMaxLr() {
        var c = cfg(ScheduleConfig.of("onecycle", Map.of("max_lr", 1.0, "pct_start", 0.25)), 0.1);
        double[] r = rates(Schedules.build(c, sgd(0.1), 10, 100), 100);
        assertEquals(1.0 / 25, r[0], 1e-9);
        double max = 0;
        int at = 0;
        for (int i = 0; i < r.length; i++) {
            if (r[i] > max) {
                max = r[i];
                at = i;
            }
        }
        assertEquals(1.0, max, 1e-9);
        assertEquals(24, at);
    }

    @Test
    void plateauReducesAfterPatienceEpochs() {
        var c = cfg(ScheduleConfig.of("plateau", Map.of("patience", 1, "factor", 0.5)), 0.2);
        Schedules.RunSchedule s = Schedules.build(c, sgd(0.2), 5, 50);
        assertEquals(Metric.VAL_LOSS, s.plateauMetric());
        s.afterEpoch(Map.of(Metric.VAL_LOSS, 1.0), 5);
        s.afterEpoch(Map.of(Metric.VAL_LOSS, 1.0), 10);
        assertEquals(0.2, s.lr(), EPS);
        s.afterEpoch(Map.of(Metric.VAL_LOSS, 1.0), 15);
        assertEquals(0.1, s.lr(), EPS);
    }

    @Test
    void settingTheRateByHandRescalesTheSchedule() {
        var c = cfg(ScheduleConfig.of("step", Map.of("step_size", 1, "gamma", 0.5)), 0.8);
        Schedules.RunSchedule s = Schedules.build(c, sgd(0.8), 2, 8);
        rates(s, 3); // now at step 3 (epoch 1): 0.4
        assertEquals(0.4, s.lr(), EPS);
        s.setLr(0.04);
        double[] r = rates(s, 5);
        assertEquals(0.04, r[0], EPS);
        assertEquals(0.02, r[1], EPS, "the next epoch halves the new rate");
        assertEquals(0.01, r[3], EPS);
    }

    @Test
    void stateDictRestoresTheScheduleExactly() {
        var c = cfg(ScheduleConfig.cosine().withWarmup(3, 0.1), 0.1);
        Schedules.RunSchedule a = Schedules.build(c, sgd(0.1), 5, 30);
        rates(a, 7);
        a.setLr(a.lr() * 3);
        Map<String, Object> state = a.stateDict();
        double[] expected = rates(a, 10);

        Optimizer opt = sgd(0.1);
        Schedules.RunSchedule b = Schedules.build(c, opt, 5, 30);
        b.loadStateDict(state);
        opt.paramGroups().get(0).setLr(expected[0]); // the optimizer's own state carries the current rate
        double[] got = rates(b, 10);
        for (int i = 0; i < 10; i++) {
            assertEquals(expected[i], got[i], 0, "step " + (7 + i));
        }
        assertTrue(state.containsKey("per_step"));
    }
}
