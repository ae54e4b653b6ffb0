package io.netwright.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Base class of the epoch-indexed learning-rate schedulers, like PyTorch's {@code _LRScheduler}. Call
 * {@link #step()} once per epoch (or per batch for {@link OneCycleLR}) after {@code optimizer.step()}.
 *
 * <pre>{@code
 * var sched = new StepLR(opt, 30, 0.1);
 * for (int epoch = 0; epoch < 100; epoch++) { train(opt); sched.step(); }
 * }</pre>
 *
 * <p>As in PyTorch, construction records each group's {@code initial_lr} (if not already set), takes those as the
 * base learning rates and performs the initial step (epoch 0). Learning rates are computed in double precision
 * with PyTorch's formulas, in their recursive ("chainable") form where PyTorch uses it, so the values match step
 * for step. Subclasses set their fields and then call {@link #init()} as the last thing in their constructor.
 */
public abstract class LRScheduler implements Scheduler {

    private final String name;
    protected final Optimizer optimizer;
    private double[] baseLrs;
    private int lastEpoch = -1;
    private int stepCount;
    private double[] lastLr;

    /** @param name the scheduler's name in messages */
    protected LRScheduler(String name, Optimizer optimizer) {
        this.name = Objects.requireNonNull(name, "name");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    /** Sets {@code initial_lr} where missing, takes the base learning rates and performs the initial step. */
    protected final void init() {
        List<ParamGroup> groups = optimizer.paramGroups();
        baseLrs = new double[groups.size()];
        for (int i = 0; i < baseLrs.length; i++) {
            ParamGroup g = groups.get(i);
            g.setDefault("initial_lr", g.lr());
            baseLrs[i] = g.getDouble("initial_lr");
        }
        lastEpoch = -1;
        initialStep();
    }

    /** PyTorch's {@code _initial_step}: resets the step count and steps to epoch 0. */
    void initialStep() {
        stepCount = 0;
        step();
    }

    // ================================================================ stepping

    /** Advances one epoch and sets every group's learning rate. */
    public void step() {
        stepCount++;
        lastEpoch++;
        apply(computeLr());
    }

    /**
     * Jumps to {@code epoch} using the closed form where the scheduler has one (PyTorch's deprecated
     * {@code step(epoch)}; {@link SequentialLR} uses it to restart a scheduler at its milestone).
     */
    void stepTo(int epoch) {
        stepCount++;
        lastEpoch = epoch;
        apply(closedFormLr());
    }

    /** The learning rates for {@link #lastEpoch()} (PyTorch's {@code get_lr}); may read the groups' current lrs. */
    protected abstract double[] computeLr();

    /** The learning rates for {@link #lastEpoch()} from the base lrs alone; defaults to {@link #computeLr()}. */
    protected double[] closedFormLr() {
        return computeLr();
    }

    private void apply(double[] values) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).setLr(values[i]);
        }
        lastLr = currentLrs();
    }

    /** The groups' learning rates now. */
    protected final double[] currentLrs() {
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] out = new double[groups.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = groups.get(i).lr();
        }
        return out;
    }

    /** Each group's learning rate times {@code factor}. */
    protected final double[] currentLrsTimes(double factor) {
        double[] lrs = currentLrs();
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] *= factor;
        }
        return lrs;
    }

    // ================================================================ accessors

    /** The wrapped optimizer. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The epoch index of the last step (0 after construction). */
    public int lastEpoch() {
        return lastEpoch;
    }

    void setLastEpoch(int epoch) {
        lastEpoch = epoch;
    }

    /** How many times this scheduler has stepped, counting the initial step. */
    protected int stepCount() {
        return stepCount;
    }

    /** The base learning rate of group {@code i} (its {@code initial_lr}). */
    protected double baseLr(int i) {
        return baseLrs[i];
    }

    /** Number of parameter groups scheduled. */
    protected int groupCount() {
        return baseLrs.length;
    }

    @Override
    public List<Double> getLastLr() {
        return StateMaps.list(lastLr);
    }

    void setLastLr(double[] lrs) {
        lastLr = lrs.clone();
    }

    // ================================================================ state dict

    /** Writes this scheduler's own fields under PyTorch's names. */
    protected abstract void saveFields(Map<String, Object> out);

    /** Reads the fields written by {@link #saveFields} (use the {@code read*} helpers for clear errors). */
    protected abstract void loadFields(Map<String, Object> in);

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> m = new LinkedHashMap<>();
        saveFields(m);
        m.put("base_lrs", StateMaps.list(baseLrs));
        m.put("last_epoch", lastEpoch);
        m.put("_step_count", stepCount);
        m.put("_last_lr", StateMaps.list(lastLr));
        return m;
    }

    @Override
    public void loadStateDict(Map<String, Object> state) {
        Objects.requireNonNull(state, "state");
        int groups = optimizer.paramGroups().size();
        double[] base = StateMaps.getDoubles(state, "base_lrs", name, groups);
        int epoch = StateMaps.getInt(state, "last_epoch", name);
        int count = StateMaps.getInt(state, "_step_count", name);
        double[] last = StateMaps.getDoubles(state, "_last_lr", name, groups);
        loadFields(state);
        baseLrs = base;
        lastEpoch = epoch;
        stepCount = count;
        lastLr = last;
    }

    /** A number field of a state dict. */
    protected final double readDouble(Map<String, Object> in, String key) {
        return StateMaps.getDouble(in, key, name);
    }

    /** A whole-number field of a state dict. */
    protected final int readInt(Map<String, Object> in, String key) {
        return StateMaps.getInt(in, key, name);
    }

    /** A boolean field of a state dict. */
    protected final boolean readBoolean(Map<String, Object> in, String key) {
        return StateMaps.getBoolean(in, key, name);
    }

    /** A string field of a state dict. */
    protected final String readString(Map<String, Object> in, String key) {
        return StateMaps.getString(in, key, name);
    }

    @Override
    public String toString() {
        return name + "(last_epoch=" + lastEpoch + ", last_lr=" + getLastLr() + ")";
    }
}
