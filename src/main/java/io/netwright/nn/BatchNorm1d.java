package io.netwright.nn;

/**
 * Batch normalisation over a 2-D or 3-D input {@code [N, C]} / {@code [N, C, L]}, statistics per feature C, like {@code torch.nn.BatchNorm1d}. See {@link BatchNorm} for the statistics.
 *
 * <pre>{@code var bn = new BatchNorm1d(16); // BatchNorm1d(16, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)}</pre>
 */
public class BatchNorm1d extends BatchNorm {

    /** PyTorch's defaults: eps 1e-5, momentum 0.1, affine, tracking running statistics. */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * Every option.
     *
     * @param momentum running-average factor, or null for a cumulative moving average
     */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected int[] ranks() {
        return new int[]{2, 3};
    }

    @Override
    protected String layout() {
        return "[N, C] or [N, C, L]";
    }
}
