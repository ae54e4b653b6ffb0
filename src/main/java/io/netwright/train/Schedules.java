package io.netwright.train;

import io.netwright.optim.LRScheduler;
import io.netwright.optim.LambdaLR;
import io.netwright.optim.OneCycleLR;
import io.netwright.optim.Optimizer;
import io.netwright.optim.ParamGroup;
import io.netwright.optim.ReduceLROnPlateau;
import io.netwright.optim.Scheduler;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Builds a run's learning-rate schedule from its {@link ScheduleConfig}. Everything except {@code plateau} is one
 * per-step scheduler: a {@link LambdaLR} whose factor is the warm-up times the main schedule in closed form (a pure
 * function of the step, so resuming needs only the step count), or {@link OneCycleLR}. {@code plateau} is a
 * {@link ReduceLROnPlateau} stepped after each epoch, with the warm-up (if any) as a {@code LambdaLR} before it.
 */
final class Schedules {

    private Schedules() {
    }

    /** Reads every option of the config's schedule so type errors surface before a run starts. */
    static void check(TrainingConfig config) {
        ScheduleConfig s = config.schedule();
        String owner = "schedule " + s.type();
        switch (s.type()) {
            case "onecycle" -> {
                Options.number(s.options(), "max_lr", 1, owner);
                Options.number(s.options(), "pct_start", 0.3, owner);
                Options.number(s.options(), "div_factor", 25, owner);
                Options.number(s.options(), "final_div_factor", 1e4, owner);
                Options.string(s.options(), "anneal_strategy", "cos", owner);
            }
            case "plateau" -> plateauOptions(s, Metric.VAL_LOSS);
            default -> lambda(s, config.optimizer().lr(), 1, 1);
        }
    }

    /** The factor applied to the base rate before step {@code s} (0-based) for the lambda-based types. */
    static IntToDoubleFunction lambda(ScheduleConfig s, double baseLr, int stepsPerEpoch, long totalSteps) {
        String owner = "schedule " + s.type();
        Map<String, Object> o = s.options();
        int warm = s.warmupSteps();
        double start = s.warmupStartFactor();
        int spe = Math.max(1, stepsPerEpoch);
        double span = Math.max(1, totalSteps - warm);
        IntToDoubleFunction main = switch (s.type()) {
            case "none", "plateau" -> step -> 1.0;
            case "step" -> {
                int size = Options.integer(o, "step_size", 1, owner);
                double gamma = Options.number(o, "gamma", 0.1, owner);
                if (size < 1) {
                    throw new IllegalArgumentException(owner + ": step_size must be >= 1 epoch, got " + size);
                }
                yield step -> Math.pow(gamma, (step / spe) / size);
            }
            case "multistep" -> {
                int[] milestones = Options.integers(o, "milestones", new int[0], owner);
                double gamma = Options.number(o, "gamma", 0.1, owner);
                int[] sorted = milestones.clone();
                Arrays.sort(sorted);
                yield step -> {
                    int epoch = step / spe;
                    int passed = 0;
                    for (int m : sorted) {
                        if (m <= epoch) {
                            passed++;
                        }
                    }
                    return Math.pow(gamma, passed);
                };
            }
            case "exponential" -> {
                double gamma = Options.number(o, "gamma", 0.9, owner);
                yield step -> Math.pow(gamma, step / spe);
            }
            case "cosine" -> {
                double etaMin = Options.number(o, "eta_min", 0, owner) / baseLr;
                yield step -> {
                    double t = Math.min(span, Math.max(0, step - warm));
                    return etaMin + (1 - etaMin) * (1 + Math.cos(Math.PI * t / span)) / 2;
                };
            }
            case "linear" -> {
                double end = Options.number(o, "end_factor", 0, owner);
                if (!(end >= 0 && end <= 1)) {
                    throw new IllegalArgumentException(owner + ": end_factor must be in [0, 1], got " + end);
                }
                yield step -> {
                    double t = Math.min(span, Math.max(0, step - warm));
                    return 1 + (end - 1) * t / span;
                };
            }
            default -> throw new IllegalArgumentException(owner + " is not lambda-based");
        };
        if (warm == 0) {
            return main;
        }
        return step -> (step < warm ? start + (1 - start) * step / warm : 1.0) * main.applyAsDouble(step);
    }

    private static ReduceLROnPlateau.Options plateauOptions(ScheduleConfig s, Metric fallback) {
        String owner = "schedule plateau";
        Map<String, Object> o = s.options();
        Metric metric = Metric.parse(Options.string(o, "metric", fallback.key(), owner));
        return new ReduceLROnPlateau.Options().mode(metric.higherIsBetter() ? "max" : "min")
                .factor(Options.number(o, "factor", 0.1, owner))
                .patience(Options.integer(o, "patience", 10, owner))
                .threshold(Options.number(o, "threshold", 1e-4, owner))
                .cooldown(Options.integer(o, "cooldown", 0, owner))
                .minLr(Options.number(o, "min_lr", 0, owner));
    }

    /** The plateau schedule's metric. */
    static Metric plateauMetric(ScheduleConfig s) {
        return Metric.parse(Options.string(s.options(), "metric", "val_loss", "schedule plateau"));
    }

    /** Builds the schedule over {@code optimizer} (which it sets to the rate of step 0). */
    static RunSchedule build(TrainingConfig config, Optimizer optimizer, int stepsPerEpoch, long totalSteps) {
        ScheduleConfig s = config.schedule();
        double baseLr = config.optimizer().lr();
        LRScheduler perStep = null;
        ReduceLROnPlateau plateau = null;
        switch (s.type()) {
            case "onecycle" -> {
                String owner = "schedule onecycle";
                var o = new OneCycleLR.Options().totalSteps((int) Math.min(Integer.MAX_VALUE, totalSteps))
                        .pctStart(Options.number(s.options(), "pct_start", 0.3, owner))
                        .divFactor(Options.number(s.options(), "div_factor", 25, owner))
                        .finalDivFactor(Options.number(s.options(), "final_div_factor", 1e4, owner))
                        .annealStrategy(Options.string(s.options(), "anneal_strategy", "cos", owner));
                perStep = new OneCycleLR(optimizer, Options.number(s.options(), "max_lr", baseLr, owner), o);
            }
            case "plateau" -> {
                if (s.warmupSteps() > 0) {
                    perStep = new LambdaLR(optimizer, lambda(s, baseLr, stepsPerEpoch, totalSteps));
                }
                plateau = new ReduceLROnPlateau(optimizer, plateauOptions(s, Metric.VAL_LOSS));
            }
            case "none" -> {
                if (s.warmupSteps() > 0) {
                    perStep = new LambdaLR(optimizer, lambda(s, baseLr, stepsPerEpoch, totalSteps));
                }
            }
            default -> perStep = new LambdaLR(optimizer, lambda(s, baseLr, stepsPerEpoch, totalSteps));
        }
        return new RunSchedule(optimizer, perStep, plateau, plateau == null ? null : plateauMetric(s),
                s.warmupSteps());
    }

    /**
     * A run's schedule as one checkpointable {@link Scheduler}: a per-step scheduler and/or a plateau scheduler,
     * and the factor a user's learning-rate change put on top. Setting the rate by hand rescales the schedule
     * (every later scheduled rate is multiplied by new/old), so warm-up and decay keep their shape at the new
     * level; with a plateau schedule after warm-up the new rate simply stands until the plateau reduces it.
     */
    static final class RunSchedule implements Scheduler {
        private final Optimizer optimizer;
        private final LRScheduler perStep;
        private final ReduceLROnPlateau plateau;
        private final Metric plateauMetric;
        private final int warmupSteps;
        private double scale = 1.0;

        RunSchedule(Optimizer optimizer, LRScheduler perStep, ReduceLROnPlateau plateau, Metric plateauMetric,
                int warmupSteps) {
            this.optimizer = optimizer;
            this.perStep = perStep;
            this.plateau = plateau;
            this.plateauMetric = plateauMetric;
            this.warmupSteps = warmupSteps;
        }

        /** After optimizer step number {@code stepsDone} (1-based): sets the rate of the next step. */
        void afterStep(long stepsDone) {
            if (perStep == null || (plateau != null && stepsDone > warmupSteps)) {
                return;
            }
            perStep.step();
            if (scale != 1.0) {
                for (ParamGroup g : optimizer.paramGroups()) {
                    g.setLr(g.lr() * scale);
                }
            }
        }

        /** After an epoch: feeds the plateau scheduler its metric (once warm-up is over). */
        void afterEpoch(Map<Metric, Double> metrics, long stepsDone) {
            if (plateau == null || stepsDone < warmupSteps) {
                return;
            }
            Double v = metrics.get(plateauMetric);
            if (v != null && !Double.isNaN(v)) {
                plateau.step(v);
            }
        }

        /** The plateau scheduler's metric, or null. */
        Metric plateauMetric() {
            return plateauMetric;
        }

        /** The current rate of the first group. */
        double lr() {
            return optimizer.paramGroups().get(0).lr();
        }

        /** Sets every group's rate (scaled per group) to make the first group's {@code lr}; rescales the schedule. */
        void setLr(double lr) {
            double factor = lr / lr();
            scale *= factor;
            for (ParamGroup g : optimizer.paramGroups()) {
                g.setLr(g.lr() * factor);
            }
        }

        @Override
        public List<Double> getLastLr() {
            return optimizer.paramGroups().stream().map(ParamGroup::lr).toList();
        }

        @Override
        public Map<String, Object> stateDict() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scale", scale);
            if (perStep != null) {
                m.put("per_step", perStep.stateDict());
            }
            if (plateau != null) {
                m.put("plateau", plateau.stateDict());
            }
            return m;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void loadStateDict(Map<String, Object> state) {
            if (!(state.get("scale") instanceof Number n)) {
                throw new IllegalArgumentException("schedule state: 'scale' is missing — the checkpoint was written "
                        + "by another version of Netwright");
            }
            scale = n.doubleValue();
            if (perStep != null) {
                if (!(state.get("per_step") instanceof Map<?, ?> ps)) {
                    throw new IllegalArgumentException("schedule state: 'per_step' is missing — the checkpoint was "
                            + "written with another schedule");
                }
                perStep.loadStateDict((Map<String, Object>) ps);
            }
            if (plateau != null) {
                if (!(state.get("plateau") instanceof Map<?, ?> pl)) {
                    throw new IllegalArgumentException("schedule state: 'plateau' is missing — the checkpoint was "
                            + "written with another schedule");
                }
                plateau.loadStateDict((Map<String, Object>) pl);
            }
        }
    }
}
