package io.netwright.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 1cycle policy (Smith and Topin), like {@code torch.optim.lr_scheduler.OneCycleLR}: the learning rate rises
 * from {@code max_lr / div_factor} to {@code max_lr} over the first {@code pct_start} of the steps, then anneals to
 * {@code initial_lr / final_div_factor}; momentum (SGD/RMSprop {@code momentum}, Adam's {@code beta1}) moves the
 * other way between {@code max_momentum} and {@code base_momentum}. Step it once per batch.
 *
 * <pre>{@code new OneCycleLR(opt, 0.1, new OneCycleLR.Options().epochs(10).stepsPerEpoch(len(loader)))}</pre>
 *
 * <p>It writes {@code initial_lr}, {@code max_lr}, {@code min_lr}, {@code max_momentum} and {@code base_momentum}
 * into each parameter group, as PyTorch does.
 */
public final class OneCycleLR extends LRScheduler {

    /** OneCycleLR's options with PyTorch's defaults; give {@link #totalSteps} or both epochs and steps per epoch. */
    public static final class Options {
        Integer totalSteps;
        Integer epochs;
        Integer stepsPerEpoch;
        double pctStart = 0.3;
        String annealStrategy = "cos";
        boolean cycleMomentum = true;
        double baseMomentum = 0.85;
        double maxMomentum = 0.95;
        double divFactor = 25;
        double finalDivFactor = 1e4;
        boolean threePhase;

        /** Total number of steps in the cycle. */
        public Options totalSteps(int n) {
            totalSteps = n;
            return this;
        }

        /** Epochs to train (with {@link #stepsPerEpoch}) when total steps is not given. */
        public Options epochs(int n) {
            epochs = n;
            return this;
        }

        /** Steps per epoch (with {@link #epochs}). */
        public Options stepsPerEpoch(int n) {
            stepsPerEpoch = n;
            return this;
        }

        /** Fraction of the cycle spent increasing the lr (default 0.3). */
        public Options pctStart(double pct) {
            pctStart = pct;
            return this;
        }

        /** "cos" (default) or "linear". */
        public Options annealStrategy(String strategy) {
            annealStrategy = strategy;
            return this;
        }

        /** Whether momentum cycles inversely to the lr (default true). */
        public Options cycleMomentum(boolean on) {
            cycleMomentum = on;
            return this;
        }

        /** Lower momentum bound (default 0.85). */
        public Options baseMomentum(double m) {
            baseMomentum = m;
            return this;
        }

        /** Upper momentum bound (default 0.95). */
        public Options maxMomentum(double m) {
            maxMomentum = m;
            return this;
        }

        /** initial_lr = max_lr / div_factor (default 25). */
        public Options divFactor(double f) {
            divFactor = f;
            return this;
        }

        /** min_lr = initial_lr / final_div_factor (default 1e4). */
        public Options finalDivFactor(double f) {
            finalDivFactor = f;
            return this;
        }

        /** Three phases (up, back down to initial_lr, then to min_lr) instead of two. */
        public Options threePhase(boolean on) {
            threePhase = on;
            return this;
        }
    }

    /** One phase of the cycle: the step it ends at and the group options it goes between. */
    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("end_step", endStep);
            m.put("start_lr", startLr);
            m.put("end_lr", endLr);
            m.put("start_momentum", startMomentum);
            m.put("end_momentum", endMomentum);
            return m;
        }
    }

    private int totalSteps;
    private List<Phase> phases;
    private String annealStrategy;
    private boolean cycleMomentum;
    private boolean useBeta1;

    /** A cycle peaking at {@code maxLr} for every group. */
    public OneCycleLR(Optimizer optimizer, double maxLr, Options options) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), maxLr), options);
    }

    /** A cycle peaking at {@code maxLrs.get(i)} for group {@code i}. */
    public OneCycleLR(Optimizer optimizer, List<Double> maxLrs, Options o) {
        super("OneCycleLR", optimizer);
        if (o.totalSteps == null && (o.epochs == null || o.stepsPerEpoch == null)) {
            throw new IllegalArgumentException("You must define either total_steps OR (epochs AND steps_per_epoch)");
        } else if (o.totalSteps != null) {
            if (o.totalSteps <= 0) {
                throw new IllegalArgumentException("Expected positive integer total_steps, but got " + o.totalSteps);
            }
            totalSteps = o.totalSteps;
        } else {
            if (o.epochs <= 0) {
                throw new IllegalArgumentException("Expected positive integer epochs, but got " + o.epochs);
            }
            if (o.stepsPerEpoch <= 0) {
                throw new IllegalArgumentException("Expected positive integer steps_per_epoch, but got "
                        + o.stepsPerEpoch);
            }
            totalSteps = o.epochs * o.stepsPerEpoch;
        }
        List<Phase> p = new ArrayList<>();
        if (o.threePhase) {
            p.add(new Phase(o.pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
            p.add(new Phase(2 * o.pctStart * totalSteps - 2, "max_lr", "initial_lr", "base_momentum",
                    "max_momentum"));
            p.add(new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
        } else {
            p.add(new Phase(o.pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
            p.add(new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
        }
        phases = List.copyOf(p);
        if (!(o.pctStart >= 0 && o.pctStart <= 1)) {
            throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got "
                    + PyFormat.repr(o.pctStart));
        }
        if (!"cos".equals(o.annealStrategy) && !"linear".equals(o.annealStrategy)) {
            throw new IllegalArgumentException("anneal_strategy must by one of 'cos' or 'linear', instead got "
                    + o.annealStrategy);
        }
        annealStrategy = o.annealStrategy;
        List<ParamGroup> groups = optimizer.paramGroups();
        if (maxLrs.size() != groups.size()) {
            throw new IllegalArgumentException("expected " + groups.size() + " values for max_lr, got "
                    + maxLrs.size());
        }
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup g = groups.get(i);
            g.set("initial_lr", maxLrs.get(i) / o.divFactor);
            g.set("max_lr", maxLrs.get(i));
            g.set("min_lr", g.getDouble("initial_lr") / o.finalDivFactor);
        }
        cycleMomentum = o.cycleMomentum;
        if (cycleMomentum) {
            Map<String, Object> defaults = optimizer.defaults();
            if (!defaults.containsKey("momentum") && !defaults.containsKey("betas")) {
                throw new IllegalArgumentException("optimizer must support momentum with `cycle_momentum` option "
                        + "enabled");
            }
            useBeta1 = defaults.containsKey("betas");
            for (ParamGroup g : groups) {
                setMomentum(g, o.maxMomentum);
                g.set("max_momentum", o.maxMomentum);
                g.set("base_momentum", o.baseMomentum);
            }
        }
        init();
    }

    private void setMomentum(ParamGroup g, double m) {
        if (useBeta1) {
            List<Double> betas = new ArrayList<>(g.getDoubles("betas"));
            betas.set(0, m);
            g.set("betas", betas);
        } else {
            g.set("momentum", m);
        }
    }

    private double anneal(double start, double end, double pct) {
        if ("cos".equals(annealStrategy)) {
            double cosOut = Math.cos(Math.PI * pct) + 1;
            return end + (start - end) / 2.0 * cosOut;
        }
        return (end - start) * pct + start;
    }

    @Override
    protected double[] computeLr() {
        int stepNum = lastEpoch();
        if (stepNum > totalSteps) {
            throw new IllegalStateException("Tried to step " + (stepNum + 1) + " times. The specified number of "
                    + "total steps is " + totalSteps);
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int gi = 0; gi < groups.size(); gi++) {
            ParamGroup g = groups.get(gi);
            double startStep = 0;
            for (int i = 0; i < phases.size(); i++) {
                Phase phase = phases.get(i);
                double endStep = phase.endStep();
                if (stepNum <= endStep || i == phases.size() - 1) {
                    if (endStep == startStep) {
                        throw new IllegalStateException("OneCycleLR: phase " + i + " has no steps (total_steps="
                                + totalSteps + "); use more total steps or another pct_start");
                    }
                    double pct = (stepNum - startStep) / (endStep - startStep);
                    lrs[gi] = anneal(g.getDouble(phase.startLr()), g.getDouble(phase.endLr()), pct);
                    if (cycleMomentum) {
                        setMomentum(g, anneal(g.getDouble(phase.startMomentum()),
                                g.getDouble(phase.endMomentum()), pct));
                    }
                    break;
                }
                startStep = phase.endStep();
            }
        }
        return lrs;
    }

    /** Total steps in the cycle. */
    public int totalSteps() {
        return totalSteps;
    }

    @Override
    protected void saveFields(Map<String, Object> out) {
        out.put("total_steps", totalSteps);
        List<Map<String, Object>> ph = new ArrayList<>();
        for (Phase p : phases) {
            ph.add(p.toMap());
        }
        out.put("_schedule_phases", ph);
        out.put("anneal_strategy", annealStrategy);
        out.put("cycle_momentum", cycleMomentum);
        if (cycleMomentum) {
            out.put("use_beta1", useBeta1); // as in PyTorch, only set when momentum cycles
        }
    }

    @Override
    protected void loadFields(Map<String, Object> in) {
        int total = readInt(in, "total_steps");
        List<Phase> ph = new ArrayList<>();
        for (Map<String, Object> m : StateMaps.getMaps(in, "_schedule_phases", "OneCycleLR")) {
            ph.add(new Phase(StateMaps.getDouble(m, "end_step", "OneCycleLR phase"),
                    StateMaps.getString(m, "start_lr", "OneCycleLR phase"),
                    StateMaps.getString(m, "end_lr", "OneCycleLR phase"),
                    StateMaps.getString(m, "start_momentum", "OneCycleLR phase"),
                    StateMaps.getString(m, "end_momentum", "OneCycleLR phase")));
        }
        String strategy = readString(in, "anneal_strategy");
        if (!"cos".equals(strategy) && !"linear".equals(strategy)) {
            throw new IllegalArgumentException("OneCycleLR state dict: anneal_strategy must be 'cos' or 'linear', "
                    + "got " + strategy);
        }
        boolean cycle = readBoolean(in, "cycle_momentum");
        boolean beta1 = cycle && readBoolean(in, "use_beta1");
        totalSteps = total;
        phases = List.copyOf(ph);
        annealStrategy = strategy;
        cycleMomentum = cycle;
        useBeta1 = beta1;
    }
}
