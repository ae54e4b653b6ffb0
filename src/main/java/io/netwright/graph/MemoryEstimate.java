package io.netwright.graph;

/**
 * An estimate of the memory training a design takes for a batch size: weights and buffers, their gradients,
 * optimizer state, and the activations kept for backward (every layer output that is not a view, plus room for
 * the largest activation gradient). All float32. A warning is present when the total exceeds the device memory.
 *
 * @param deviceBytes the device's memory, or 0 when unknown
 * @param warning     a warning when the total exceeds {@code deviceBytes}, else null
 */
public record MemoryEstimate(int batchSize, OptimizerKind optimizer, long weightBytes, long gradientBytes,
        long optimizerBytes, long activationBytes, long deviceBytes, Problem warning) {

    /** The estimated total. */
    public long totalBytes() {
        return weightBytes + gradientBytes + optimizerBytes + activationBytes;
    }

    /** Whether the estimate exceeds a known device memory. */
    public boolean exceedsDevice() {
        return deviceBytes > 0 && totalBytes() > deviceBytes;
    }

    /** Bytes as {@code 1.5 MiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        do {
            v /= 1024;
            u++;
        } while (v >= 1024 && u < units.length - 1);
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    @Override
    public String toString() {
        return "batch " + batchSize + ", " + optimizer + ": weights " + format(weightBytes) + ", gradients "
                + format(gradientBytes) + ", optimizer " + format(optimizerBytes) + ", activations "
                + format(activationBytes) + ", total " + format(totalBytes());
    }
}
