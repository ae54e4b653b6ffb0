package io.netwright.data;

/**
 * A finite, indexable collection of samples, like {@code torch.utils.data.Dataset}: {@link #size()} and
 * {@link #get(int)}. Implementations must allow concurrent {@code get} calls from several threads, since a
 * {@link DataLoader} with workers fetches samples in parallel.
 *
 * <pre>{@code Dataset<Sample<ByteImage>> train = Mnist.fashion(dir, Split.TRAIN); Sample<ByteImage> s = train.get(0);}</pre>
 *
 * @param <T> the sample type
 */
public interface Dataset<T> {

    /** The number of samples. */
    int size();

    /**
     * The sample at {@code index} (0 ≤ index < size).
     *
     * @throws IndexOutOfBoundsException naming the index and the size
     */
    T get(int index);

    /**
     * The sample at {@code index} as a {@link DataLoader} fetches it: {@code context} carries the loader's seed and
     * epoch, from which random augmentations derive their numbers (so results do not depend on the worker count).
     * Datasets without randomness ignore it; wrappers pass it on.
     */
    default T get(int index, SampleContext context) {
        return get(index);
    }

    /** Checks {@code 0 <= index < size}, throwing an {@link IndexOutOfBoundsException} that names both. */
    static int checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for a dataset of " + size
                    + " samples (valid: 0.." + (size - 1) + ")");
        }
        return index;
    }
}
