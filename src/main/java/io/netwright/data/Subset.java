package io.netwright.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * The samples of another dataset at the given indices, in that order (like {@code torch.utils.data.Subset}).
 *
 * @param <T> the sample type
 */
public final class Subset<T> implements Dataset<T> {

    private final Dataset<T> dataset;
    private final int[] indices;

    /**
     * A view of {@code dataset} at {@code indices}.
     *
     * @throws IndexOutOfBoundsException naming the first index outside the dataset
     */
    public Subset(Dataset<T> dataset, int[] indices) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.indices = indices.clone();
        int n = dataset.size();
        for (int i = 0; i < this.indices.length; i++) {
            if (this.indices[i] < 0 || this.indices[i] >= n) {
                throw new IndexOutOfBoundsException("Subset: indices[" + i + "] = " + this.indices[i]
                        + " is outside the dataset of " + n + " samples");
            }
        }
    }

    /** The underlying dataset. */
    public Dataset<T> dataset() {
        return dataset;
    }

    /** The indices into the underlying dataset (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public T get(int index) {
        return dataset.get(indices[Dataset.checkIndex(index, indices.length)]);
    }

    @Override
    public T get(int index, SampleContext context) {
        return dataset.get(indices[Dataset.checkIndex(index, indices.length)], context);
    }

    @Override
    public String toString() {
        return "Subset(" + indices.length + " of " + dataset.size() + ": "
                + Arrays.toString(Arrays.copyOf(indices, Math.min(8, indices.length)))
                .replace("]", indices.length > 8 ? ", ...]" : "]") + ")";
    }
}
