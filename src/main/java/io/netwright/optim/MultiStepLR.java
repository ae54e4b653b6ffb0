package io.netwright.optim;

import java.util.Arrays;
import java.util.Map;

/**
 * Multiplies each group's learning rate by {@code gamma} when the epoch reaches each milestone, like
 * {@code torch.optim.lr_scheduler.MultiStepLR} (a milestone listed twice decays twice).
 *
 * <pre>{@code new MultiStepLR(opt, new int[]{30, 80}, 0.1)   // 0.05 until 29, 0.005 until 79, then 0.0005}</pre>
 */
public final class MultiStepLR extends LRScheduler {

    private int[] milestones;
    private double gamma;

    /** Decays by 0.1 at each milestone. */
    public MultiStepLR(Optimizer optimizer, int[] milestones) {
        this(optimizer, milestones, 0.1);
    }

    /** Decays by {@code gamma} at each milestone. */
    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
        super("MultiStepLR", optimizer);
        this.milestones = milestones.clone();
        Arrays.sort(this.milestones);
        this.gamma = gamma;
        init();
    }

    private int count(int epoch) {
        int n = 0;
        for (int m : milestones) {
            if (m == epoch) {
                n++;
            }
        }
        return n;
    }

    @Override
    protected double[] computeLr() {
        int n = count(lastEpoch());
        if (n == 0) {
            return currentLrs();
        }
        return currentLrsTimes(Math.pow(gamma, n));
    }

    @Override
    protected double[] closedFormLr() {
        int passed = 0;
        for (int m : milestones) {
            if (m <= lastEpoch()) {
                passed++;
            }
        }
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * Math.pow(gamma, passed);
        }
        return out;
    }

    /** Milestones as a sorted list (PyTorch keeps a {@code Counter}; repeats appear repeatedly here). */
    @Override
    protected void saveFields(Map<String, Object> out) {
        out.put("milestones", StateMaps.list(milestones));
        out.put("gamma", gamma);
    }

    @Override
    protected void loadFields(Map<String, Object> in) {
        int[] m = StateMaps.getInts(in, "milestones", "MultiStepLR");
        Arrays.sort(m);
        milestones = m;
        gamma = readDouble(in, "gamma");
    }
}
