package io.netwright.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reduces learning rates when a metric stops improving, like {@code torch.optim.lr_scheduler.ReduceLROnPlateau}:
 * after more than {@code patience} epochs without improvement each group's lr becomes
 * {@code max(lr * factor, min_lr)} (changes smaller than {@code eps} are skipped), then {@code cooldown} epochs
 * pass before bad epochs count again.
 *
 * <pre>{@code
 * var sched = new ReduceLROnPlateau(opt, new ReduceLROnPlateau.Options().mode("max").patience(3));
 * sched.step(validationAccuracy);
 * }</pre>
 */
public final class ReduceLROnPlateau implements Scheduler {

    /** Whether smaller ({@code min}) or larger ({@code max}) metric values are better. */
    public enum Mode {
        MIN, MAX;

        static Mode parse(String s) {
            return switch (s) {
                case "min" -> MIN;
                case "max" -> MAX;
                default -> throw new IllegalArgumentException("mode " + s + " is unknown!");
            };
        }

        String pyName() {
            return this == MIN ? "min" : "max";
        }
    }

    /** Whether {@code threshold} is relative to the best value ({@code rel}) or absolute ({@code abs}). */
    public enum ThresholdMode {
        REL, ABS;

        static ThresholdMode parse(String s) {
            return switch (s) {
                case "rel" -> REL;
                case "abs" -> ABS;
                default -> throw new IllegalArgumentException("threshold mode " + s + " is unknown!");
            };
        }

        String pyName() {
            return this == REL ? "rel" : "abs";
        }
    }

    /** The options with PyTorch's defaults. */
    public static final class Options {
        Mode mode = Mode.MIN;
        double factor = 0.1;
        int patience = 10;
        double threshold = 1e-4;
        ThresholdMode thresholdMode = ThresholdMode.REL;
        int cooldown;
        List<Double> minLrs;
        double minLr;
        double eps = 1e-8;

        /** "min" (default) or "max". */
        public Options mode(String mode) {
            this.mode = Mode.parse(mode);
            return this;
        }

        /** New lr = lr * factor (default 0.1; must be below 1). */
        public Options factor(double factor) {
            this.factor = factor;
            return this;
        }

        /** Epochs without improvement tolerated before reducing (default 10). */
        public Options patience(int patience) {
            this.patience = patience;
            return this;
        }

        /** Minimum change that counts as an improvement (default 1e-4). */
        public Options threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        /** "rel" (default) or "abs". */
        public Options thresholdMode(String mode) {
            this.thresholdMode = ThresholdMode.parse(mode);
            return this;
        }

        /** Epochs to wait after a reduction before counting bad epochs again (default 0). */
        public Options cooldown(int cooldown) {
            this.cooldown = cooldown;
            return this;
        }

        /** Lower bound of every group's lr (default 0). */
        public Options minLr(double minLr) {
            this.minLr = minLr;
            this.minLrs = null;
            return this;
        }

        /** Lower bound of each group's lr, in group order. */
        public Options minLrs(List<Double> minLrs) {
            this.minLrs = List.copyOf(minLrs);
            return this;
        }

        /** Reductions smaller than this are skipped (default 1e-8). */
        public Options eps(double eps) {
            this.eps = eps;
            return this;
        }
    }

    private final Optimizer optimizer;
    private double factor;
    private double[] minLrs;
    private int patience;
    private int cooldown;
    private int cooldownCounter;
    private Mode mode;
    private double threshold;
    private ThresholdMode thresholdMode;
    private double best;
    private int numBadEpochs;
    private double modeWorse;
    private double eps;
    private int lastEpoch;
    private double[] lastLr;

    /** A plateau scheduler with the default options. */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, new Options());
    }

    /** A plateau scheduler with {@code o}. */
    public ReduceLROnPlateau(Optimizer optimizer, Options o) {
        if (!(o.factor < 1.0)) {
            throw new IllegalArgumentException("Factor should be < 1.0.");
        }
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        int groups = optimizer.paramGroups().size();
        List<Double> mins = o.minLrs != null ? o.minLrs : Collections.nCopies(groups, o.minLr);
        if (mins.size() != groups) {
            throw new IllegalArgumentException("expected " + groups + " min_lrs, got " + mins.size());
        }
        this.factor = o.factor;
        this.minLrs = mins.stream().mapToDouble(Double::doubleValue).toArray();
        this.patience = o.patience;
        this.cooldown = o.cooldown;
        this.mode = o.mode;
        this.threshold = o.threshold;
        this.thresholdMode = o.thresholdMode;
        this.modeWorse = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        this.eps = o.eps;
        this.lastEpoch = 0;
        reset();
        this.lastLr = currentLrs();
    }

    private void reset() {
        best = modeWorse;
        cooldownCounter = 0;
        numBadEpochs = 0;
    }

    /** Records one epoch's {@code metric} and reduces the learning rates if it has plateaued. */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric, best)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        lastLr = currentLrs();
    }

    private void reduceLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            double oldLr = groups.get(i).lr();
            double newLr = Math.max(oldLr * factor, minLrs[i]);
            if (oldLr - newLr > eps) {
                groups.get(i).setLr(newLr);
            }
        }
    }

    private boolean isBetter(double a, double best) {
        if (mode == Mode.MIN && thresholdMode == ThresholdMode.REL) {
            return a < best * (1. - threshold);
        } else if (mode == Mode.MIN) {
            return a < best - threshold;
        } else if (thresholdMode == ThresholdMode.REL) {
            return a > best * (threshold + 1.);
        }
        return a > best + threshold;
    }

    private double[] currentLrs() {
        return optimizer.paramGroups().stream().mapToDouble(ParamGroup::lr).toArray();
    }

    /** The best metric so far (infinite before the first step). */
    public double best() {
        return best;
    }

    /** Epochs since the last improvement (reset after a reduction and during cooldown). */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    @Override
    public List<Double> getLastLr() {
        return StateMaps.list(lastLr);
    }

    // ================================================================ state dict

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("factor", factor);
        m.put("min_lrs", StateMaps.list(minLrs));
        m.put("patience", patience);
        m.put("cooldown", cooldown);
        m.put("cooldown_counter", cooldownCounter);
        m.put("mode", mode.pyName());
        m.put("threshold", threshold);
        m.put("threshold_mode", thresholdMode.pyName());
        m.put("best", best);
        m.put("num_bad_epochs", numBadEpochs);
        m.put("mode_worse", modeWorse);
        m.put("eps", eps);
        m.put("last_epoch", lastEpoch);
        m.put("_last_lr", new ArrayList<>(getLastLr()));
        return m;
    }

    @Override
    public void loadStateDict(Map<String, Object> s) {
        String owner = "ReduceLROnPlateau";
        int groups = optimizer.paramGroups().size();
        double newFactor = StateMaps.getDouble(s, "factor", owner);
        double[] newMinLrs = StateMaps.getDoubles(s, "min_lrs", owner, groups);
        int newPatience = StateMaps.getInt(s, "patience", owner);
        int newCooldown = StateMaps.getInt(s, "cooldown", owner);
        int newCooldownCounter = StateMaps.getInt(s, "cooldown_counter", owner);
        Mode newMode = Mode.parse(StateMaps.getString(s, "mode", owner));
        double newThreshold = StateMaps.getDouble(s, "threshold", owner);
        ThresholdMode newThresholdMode = ThresholdMode.parse(StateMaps.getString(s, "threshold_mode", owner));
        double newBest = StateMaps.getDouble(s, "best", owner);
        int newBad = StateMaps.getInt(s, "num_bad_epochs", owner);
        double newEps = StateMaps.getDouble(s, "eps", owner);
        int newEpoch = StateMaps.getInt(s, "last_epoch", owner);
        double[] newLast = s.containsKey("_last_lr") ? StateMaps.getDoubles(s, "_last_lr", owner, groups)
                : currentLrs();
        factor = newFactor;
        minLrs = newMinLrs;
        patience = newPatience;
        cooldown = newCooldown;
        cooldownCounter = newCooldownCounter;
        mode = newMode;
        threshold = newThreshold;
        thresholdMode = newThresholdMode;
        modeWorse = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        best = newBest;
        numBadEpochs = newBad;
        eps = newEps;
        lastEpoch = newEpoch;
        lastLr = newLast;
    }
}
