package io.netwright.optim;

import java.util.Map;

/**
 * Cosine annealing from each group's initial lr down to {@code etaMin} over {@code tMax} epochs, like
 * {@code torch.optim.lr_scheduler.CosineAnnealingLR}: {@code lr = eta_min + (initial_lr - eta_min) *
 * (1 + cos(pi * epoch / T_max)) / 2}, computed with PyTorch's recursive form (which also lets another scheduler
 * or the user change the lr in between). Past {@code tMax} the lr climbs back up, as in PyTorch.
 */
public final class CosineAnnealingLR extends LRScheduler {

    private int tMax;
    private double etaMin;

    /** Anneals to 0 over {@code tMax} epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0);
    }

    /** Anneals to {@code etaMin} over {@code tMax} epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super("CosineAnnealingLR", optimizer);
        if (tMax <= 0) {
            throw new IllegalArgumentException("CosineAnnealingLR: T_max must be a positive integer, got " + tMax);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        init();
    }

    @Override
    protected double[] computeLr() {
        int e = lastEpoch();
        double[] lrs = currentLrs();
        if (e == 0) {
            return lrs;
        }
        double[] out = new double[lrs.length];
        if (stepCount() == 1 && e > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = etaMin + (baseLr(i) - etaMin) * (1 + Math.cos(e * Math.PI / tMax)) / 2;
            }
        } else if (Math.floorMod(e - 1 - tMax, 2 * tMax) == 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = lrs[i] + (baseLr(i) - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = (1 + Math.cos(Math.PI * e / tMax)) / (1 + Math.cos(Math.PI * (e - 1) / tMax))
                        * (lrs[i] - etaMin) + etaMin;
            }
        }
        return out;
    }

    @Override
    protected double[] closedFormLr() {
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = etaMin + (baseLr(i) - etaMin) * (1 + Math.cos(Math.PI * lastEpoch() / tMax)) / 2;
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> out) {
        out.put("T_max", tMax);
        out.put("eta_min", etaMin);
    }

    @Override
    protected void loadFields(Map<String, Object> in) {
        tMax = readInt(in, "T_max");
        etaMin = readDouble(in, "eta_min");
    }
}
