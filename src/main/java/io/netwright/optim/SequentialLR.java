package io.netwright.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs schedulers one after another, switching at the milestones, like
 * {@code torch.optim.lr_scheduler.SequentialLR} (PyTorch 1.13 semantics: at its milestone a scheduler restarts
 * at epoch 0 through its closed form).
 *
 * <pre>{@code
 * var warmup = new LinearLR(opt, 0.1, 1.0, 5);
 * var decay = new CosineAnnealingLR(opt, 95);
 * var sched = new SequentialLR(opt, List.of(warmup, decay), new int[]{5});
 * }</pre>
 */
public final class SequentialLR extends LRScheduler {

    private final List<LRScheduler> schedulers;
    private int[] milestones;

    /** {@code schedulers.get(i + 1)} takes over at epoch {@code milestones[i]}. */
    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, int[] milestones) {
        super("SequentialLR", optimizer);
        if (schedulers.isEmpty()) {
            throw new IllegalArgumentException("SequentialLR needs at least one scheduler");
        }
        for (int i = 0; i < schedulers.size(); i++) {
            LRScheduler s = schedulers.get(i);
            if (s instanceof SequentialLR) {
                throw new IllegalArgumentException("SequentialLR: the scheduler at index " + i + " is itself a "
                        + "SequentialLR; list its schedulers directly");
            }
            if (s.optimizer() != optimizer) {
                throw new IllegalArgumentException("Sequential Schedulers expects all schedulers to belong to the "
                        + "same optimizer, but got schedulers at index " + i + " to be different than the optimizer "
                        + "passed in.");
            }
        }
        if (milestones.length != schedulers.size() - 1) {
            throw new IllegalArgumentException("Sequential Schedulers expects number of schedulers provided to be one "
                    + "more than the number of milestone points, but got number of schedulers " + schedulers.size()
                    + " and the number of milestones to be equal to " + milestones.length);
        }
        this.schedulers = List.copyOf(schedulers);
        this.milestones = milestones.clone();
        setLastEpoch(0);
        for (ParamGroup g : optimizer.paramGroups()) {
            g.setLr(g.getDouble("initial_lr"));
        }
        for (LRScheduler s : this.schedulers) {
            s.setLastEpoch(s.lastEpoch() - 1);
        }
        this.schedulers.get(0).initialStep();
        setLastLr(toArray(this.schedulers.get(0).getLastLr()));
    }

    @Override
    public void step() {
        setLastEpoch(lastEpoch() + 1);
        int idx = bisectRight(milestones, lastEpoch());
        LRScheduler s = schedulers.get(idx);
        if (idx > 0 && milestones[idx - 1] == lastEpoch()) {
            s.stepTo(0);
        } else {
            s.step();
        }
        setLastLr(toArray(s.getLastLr()));
    }

    @Override
    void stepTo(int epoch) {
        throw new UnsupportedOperationException("SequentialLR cannot be stepped to an epoch");
    }

    @Override
    protected double[] computeLr() {
        throw new UnsupportedOperationException("SequentialLR delegates to its schedulers");
    }

    /** The wrapped schedulers, in order. */
    public List<LRScheduler> schedulers() {
        return schedulers;
    }

    private static int bisectRight(int[] sorted, int x) {
        int n = 0;
        while (n < sorted.length && sorted[n] <= x) {
            n++;
        }
        return n;
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    // ================================================================ state dict

    /** {@code _milestones}, {@code last_epoch}, {@code _last_lr} and {@code _schedulers} (each one's state dict). */
    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_milestones", StateMaps.list(milestones));
        m.put("last_epoch", lastEpoch());
        m.put("_last_lr", getLastLr());
        List<Map<String, Object>> inner = new ArrayList<>();
        for (LRScheduler s : schedulers) {
            inner.add(s.stateDict());
        }
        m.put("_schedulers", inner);
        return m;
    }

    @Override
    public void loadStateDict(Map<String, Object> state) {
        int[] ms = StateMaps.getInts(state, "_milestones", "SequentialLR");
        int epoch = StateMaps.getInt(state, "last_epoch", "SequentialLR");
        double[] last = StateMaps.getDoubles(state, "_last_lr", "SequentialLR", optimizer.paramGroups().size());
        List<Map<String, Object>> inner = StateMaps.getMaps(state, "_schedulers", "SequentialLR");
        if (inner.size() != schedulers.size() || ms.length != milestones.length) {
            throw new IllegalArgumentException("SequentialLR state dict has " + inner.size() + " schedulers and "
                    + ms.length + " milestones, but this one has " + schedulers.size() + " and "
                    + milestones.length);
        }
        for (int i = 0; i < inner.size(); i++) {
            schedulers.get(i).loadStateDict(inner.get(i));
        }
        milestones = ms;
        setLastEpoch(epoch);
        setLastLr(last);
    }

    @Override
    protected void saveFields(Map<String, Object> out) {
        // stateDict is overridden
    }

    @Override
    protected void loadFields(Map<String, Object> in) {
        // loadStateDict is overridden
    }
}
