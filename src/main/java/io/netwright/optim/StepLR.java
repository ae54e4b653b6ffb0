package io.netwright.optim;

import java.util.Map;

/**
 * Multiplies each group's learning rate by {@code gamma} every {@code stepSize} epochs, like
 * {@code torch.optim.lr_scheduler.StepLR}: {@code lr = initial_lr * gamma^(epoch / stepSize)}.
 *
 * <pre>{@code new StepLR(opt, 30, 0.1)   // 0.05 for epochs 0-29, 0.005 for 30-59, ...}</pre>
 */
public final class StepLR extends LRScheduler {

    private int stepSize;
    private double gamma;

    /** Decays by 0.1 every {@code stepSize} epochs. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    /** Decays by {@code gamma} every {@code stepSize} epochs. */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super("StepLR", optimizer);
        if (stepSize <= 0) {
            throw new IllegalArgumentException("StepLR: step_size must be a positive integer, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        init();
    }

    @Override
    protected double[] computeLr() {
        int e = lastEpoch();
        if (e == 0 || e % stepSize != 0) {
            return currentLrs();
        }
        return currentLrsTimes(gamma);
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * Math.pow(gamma, Math.floorDiv(lastEpoch(), stepSize));
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> out) {
        out.put("step_size", stepSize);
        out.put("gamma", gamma);
    }

    @Override
    protected void loadFields(Map<String, Object> in) {
        stepSize = readInt(in, "step_size");
        gamma = readDouble(in, "gamma");
    }
}
