package io.netwright.optim;

import java.util.Map;

/**
 * Multiplies each group's learning rate by {@code gamma} every epoch, like
 * {@code torch.optim.lr_scheduler.ExponentialLR}: {@code lr = initial_lr * gamma^epoch}.
 */
public final class ExponentialLR extends LRScheduler {

    private double gamma;

    /** Decays by {@code gamma} every epoch. */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super("ExponentialLR", optimizer);
        this.gamma = gamma;
        init();
    }

    @Override
    protected double[] computeLr() {
        return lastEpoch() == 0 ? currentLrs() : currentLrsTimes(gamma);
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * Math.pow(gamma, lastEpoch());
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> out) {
        out.put("gamma", gamma);
    }

    @Override
    protected void loadFields(Map<String, Object> in) {
        gamma = readDouble(in, "gamma");
    }
}
