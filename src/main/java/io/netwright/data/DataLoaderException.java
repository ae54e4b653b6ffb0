package io.netwright.data;

/**
 * Loading a batch failed: a sample's {@code get} (reading, decoding, a transform) or the collate function threw.
 * Raised in the thread that iterates the {@link DataLoader}, whichever thread did the work; the cause is the
 * original exception with its worker-thread stack trace.
 */
public class DataLoaderException extends RuntimeException {

    private final int epoch;
    private final int batchIndex;
    private final int sampleIndex;

    /** A failure at the given place; {@code sampleIndex} is -1 when no single sample is at fault (collate). */
    public DataLoaderException(String message, Throwable cause, int epoch, int batchIndex, int sampleIndex) {
        super(message, cause);
        this.epoch = epoch;
        this.batchIndex = batchIndex;
        this.sampleIndex = sampleIndex;
    }

    /** The epoch being loaded. */
    public int epoch() {
        return epoch;
    }

    /** The position of the failed batch within the epoch. */
    public int batchIndex() {
        return batchIndex;
    }

    /** The dataset index of the sample that failed, or -1 if the collate function failed. */
    public int sampleIndex() {
        return sampleIndex;
    }
}
