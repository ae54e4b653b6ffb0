package io.netwright.optim;

import java.util.Map;

/**
 * Scales each group's learning rate by a factor that moves linearly from {@code startFactor} to {@code endFactor}
 * over {@code totalIters} epochs and then stays, like {@code torch.optim.lr_scheduler.LinearLR}; the usual
 * warm-up. Computed with PyTorch's recursive form.
 *
 * <pre>{@code new LinearLR(opt, 0.1, 1.0, 5)   // lr x0.1, x0.28, x0.46, x0.64, x0.82, then x1}</pre>
 */
public final class LinearLR extends LRScheduler {

    private double startFactor;
    private double endFactor;
    private int totalIters;

    /** PyTorch's defaults: from 1/3 to 1 over 5 epochs. */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    /** From {@code startFactor} to {@code endFactor} over {@code totalIters} epochs. */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super("LinearLR", optimizer);
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("Starting multiplicative factor expected to be greater than 0 and "
                    + "less or equal to 1.");
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        }
        if (totalIters <= 0) {
            throw new IllegalArgumentException("LinearLR: total_iters must be a positive integer, got "
                    + totalIters);
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        init();
    }

    @Override
    protected double[] computeLr() {
        int e = lastEpoch();
        if (e == 0) {
            return currentLrsTimes(startFactor);
        }
        if (e > totalIters) {
            return currentLrs();
        }
        return currentLrsTimes(1.0 + (endFactor - startFactor)
                / (totalIters * startFactor + (e - 1) * (endFactor - startFactor)));
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * (startFactor
                    + (endFactor - startFactor) * Math.min(totalIters, lastEpoch()) / totalIters);
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> out) {
        out.put("start_factor", startFactor);
        out.put("end_factor", endFactor);
        out.put("total_iters", totalIters);
    }

    @Override
    protected void loadFields(Map<String, Object> in) {
        startFactor = readDouble(in, "start_factor");
        endFactor = readDouble(in, "end_factor");
        totalIters = readInt(in, "total_iters");
    }
}
