package io.netwright.nn;

/**
 * Batch normalisation over a 4-D input {@code [N, C, H, W]}, statistics per channel over N, H and W, like {@code torch.nn.BatchNorm2d}. See {@link BatchNorm} for the statistics.
 *
 * <pre>{@code var bn = new BatchNorm2d(16); // BatchNorm2d(16, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)}</pre>
 */
public class BatchNorm2d extends BatchNorm {

    /** PyTorch's defaults: eps 1e-5, momentum 0.1, affine, tracking running statistics. */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * Every option.
     *
     * @param momentum running-average factor, or null for a cumulative moving average
     */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected int[] ranks() {
        return new int[]{4};
    }

    @Override
    protected String layout() {
        return "[N, C, H, W]";
    }
}
