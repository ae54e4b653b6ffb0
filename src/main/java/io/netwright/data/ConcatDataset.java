package io.netwright.data;

import java.util.Arrays;
import java.util.List;

/**
 * Several datasets one after the other (like {@code torch.utils.data.ConcatDataset}): index {@code i} falls in the
 * first dataset whose cumulative size exceeds it.
 *
 * @param <T> the sample type
 */
public final class ConcatDataset<T> implements Dataset<T> {

    private final List<Dataset<? extends T>> datasets;
    private final int[] ends;

    /** The concatenation of {@code datasets} (at least one). */
    public ConcatDataset(List<? extends Dataset<? extends T>> datasets) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("ConcatDataset: datasets should not be an empty list");
        }
        this.datasets = List.copyOf(datasets);
        this.ends = new int[datasets.size()];
        long total = 0;
        for (int i = 0; i < ends.length; i++) {
            total += datasets.get(i).size();
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("ConcatDataset: more than 2^31-1 samples in total");
            }
            ends[i] = (int) total;
        }
    }

    /** The concatenation of the given datasets. */
    @SafeVarargs
    public static <T> ConcatDataset<T> of(Dataset<? extends T>... datasets) {
        List<Dataset<? extends T>> parts = new java.util.ArrayList<>();
        for (Dataset<? extends T> d : datasets) {
            parts.add(d);
        }
        return new ConcatDataset<>(parts);
    }

    /** The parts, in order. */
    public List<Dataset<? extends T>> datasets() {
        return datasets;
    }

    /** The running totals of the part sizes ({@code cumulative_sizes} in PyTorch). */
    public int[] cumulativeSizes() {
        return ends.clone();
    }

    @Override
    public int size() {
        return ends[ends.length - 1];
    }

    @Override
    public T get(int index) {
        int part = part(index);
        return datasets.get(part).get(index - start(part));
    }

    @Override
    public T get(int index, SampleContext context) {
        int part = part(index);
        return datasets.get(part).get(index - start(part), context);
    }

    private int part(int index) {
        Dataset.checkIndex(index, size());
        int k = Arrays.binarySearch(ends, index + 1);
        // binarySearch gives the first part whose end is > index: an exact hit on index+1 or the insertion point.
        return k >= 0 ? firstWithEnd(k) : -k - 1;
    }

    private int firstWithEnd(int k) {
        while (k > 0 && ends[k - 1] == ends[k]) {
            k--;
        }
        return k;
    }

    private int start(int part) {
        return part == 0 ? 0 : ends[part - 1];
    }
}
