package io.netwright.nn;

import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;

/**
 * Batch normalisation over the channel dim 1, the shared part of {@link BatchNorm1d} and {@link BatchNorm2d}
 * (PyTorch's {@code _BatchNorm}). In training it normalises with the batch statistics (biased variance) and
 * updates {@code running_mean}/{@code running_var} with the unbiased variance:
 * {@code running = (1 - momentum) * running + momentum * batch}, or a cumulative average when momentum is null.
 * In evaluation it uses the running statistics. Buffers keep PyTorch's keys ({@code running_mean},
 * {@code running_var}, {@code num_batches_tracked}); weight starts at 1 and bias at 0.
 */
public abstract class BatchNorm extends Module {

    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param numFeatures       channels C
     * @param eps               added to the variance for stability (PyTorch: 1e-5)
     * @param momentum          running-average factor (PyTorch: 0.1), or null for a cumulative average
     * @param affine            learn a per-channel scale and shift
     * @param trackRunningStats keep running statistics (else batch statistics are used in eval mode too)
     */
    protected BatchNorm(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException(name() + ": num_features must be positive, got " + numFeatures);
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException(name() + ": eps must be positive, got " + eps);
        }
        if (momentum != null && !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(name() + ": momentum must be in [0, 1] or null, got " + momentum);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        this.weight = registerParameter("weight", affine ? new Parameter(Tensor.ones(numFeatures)) : null);
        this.bias = registerParameter("bias", affine ? new Parameter(Tensor.zeros(numFeatures)) : null);
        registerBuffer("running_mean", trackRunningStats ? Tensor.zeros(numFeatures) : null);
        registerBuffer("running_var", trackRunningStats ? Tensor.ones(numFeatures) : null);
        registerBuffer("num_batches_tracked", trackRunningStats ? Tensor.scalar(0).toLong() : null);
    }

    /** The input ranks this layer accepts. */
    protected abstract int[] ranks();

    /** The layout named in rank errors. */
    protected abstract String layout();

    /** Running statistics back to mean 0, variance 1, no batches seen. */
    public void resetRunningStats() {
        if (trackRunningStats) {
            try (var g = NoGrad.enter()) {
                buffer("running_mean").zero_();
                buffer("running_var").fill_(1);
                buffer("num_batches_tracked").zero_();
            }
        }
    }

    /** Running statistics reset and weight 1, bias 0 (PyTorch's {@code reset_parameters}). */
    public void resetParameters() {
        resetRunningStats();
        if (affine) {
            Init.ones_(weight.data());
            Init.zeros_(bias.data());
        }
    }

    /** The scale {@code [C]}, or null without affine. */
    public Parameter weight() {
        return weight;
    }

    /** The shift {@code [C]}, or null without affine. */
    public Parameter bias() {
        return bias;
    }

    /** The running mean buffer {@code [C]}, or null. */
    public Tensor runningMean() {
        return buffer("running_mean");
    }

    /** The running (unbiased) variance buffer {@code [C]}, or null. */
    public Tensor runningVar() {
        return buffer("running_var");
    }

    /** How many training batches updated the running statistics (int64 scalar), or null. */
    public Tensor numBatchesTracked() {
        return buffer("num_batches_tracked");
    }

    @Override
    public Tensor forward(Tensor input) {
        Args.rank(toString(), input, layout(), ranks());
        if (input.size(1) != numFeatures) {
            throw new IllegalArgumentException(this + ": input " + input.shape() + " has " + input.size(1)
                    + " channels in dim 1, layer expects " + numFeatures + " — set num_features=" + input.size(1));
        }
        int[] dims = reducedDims(input.dim());
        int[] cs = Normalization.channelShape(numFeatures, input.dim());
        boolean useBatchStats = isTraining() || !trackRunningStats;
        Tensor y;
        if (useBatchStats) {
            long perChannel = input.numel() / numFeatures;
            if (isTraining() && perChannel <= 1) {
                throw new IllegalArgumentException(this + ": Expected more than 1 value per channel when training, "
                        + "got input size " + input.shape() + " — use a batch of 2 or more, or call eval()");
            }
            Normalization.Result r = Normalization.normalize(input, dims, eps);
            if (isTraining() && trackRunningStats) {
                updateRunningStats(r, perChannel);
            }
            y = r.xhat();
        } else {
            Tensor invstd = runningVar().add(eps).sqrt().reciprocal();
            y = input.sub(runningMean().view(cs)).mul(invstd.view(cs));
        }
        return affine ? y.mul(weight.data().view(cs)).add(bias.data().view(cs)) : y;
    }

    private void updateRunningStats(Normalization.Result r, long n) {
        try (var g = NoGrad.enter()) {
            Tensor nbt = buffer("num_batches_tracked");
            nbt.add_(1);
            double factor = momentum != null ? momentum : 1.0 / nbt.itemLong();
            Tensor mean = r.mean().reshape(numFeatures);
            Tensor unbiased = r.var().reshape(numFeatures).mul((double) n / (n - 1));
            runningMean().mul_(1 - factor).add_(mean.mul(factor));
            runningVar().mul_(1 - factor).add_(unbiased.mul(factor));
        }
    }

    private static int[] reducedDims(int rank) {
        int[] d = new int[rank - 1];
        d[0] = 0;
        for (int i = 2; i < rank; i++) {
            d[i - 1] = i;
        }
        return d;
    }

    @Override
    public String extraRepr() {
        return numFeatures + ", eps=" + Reprs.pyFloat(eps) + ", momentum="
                + (momentum == null ? "None" : Reprs.pyFloat(momentum)) + ", affine=" + Reprs.bool(affine)
                + ", track_running_stats=" + Reprs.bool(trackRunningStats);
    }
}
