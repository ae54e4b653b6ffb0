package io.netwright.data;

import io.netwright.tensor.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Dataset utilities: seeded random splits (PyTorch's {@code random_split}) and in-memory copies. */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Splits {@code dataset} into non-overlapping random subsets of the given sizes, which must add up to its size
     * (like {@code torch.utils.data.random_split(dataset, [800, 200], generator)}). The permutation comes from
     * {@code new Generator(seed)}, so a seed fixes the split.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, long seed, int... lengths) {
        long sum = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new IllegalArgumentException("randomSplit: length at index " + i + " is negative ("
                        + lengths[i] + ")");
            }
            sum += lengths[i];
        }
        if (sum != dataset.size()) {
            throw new IllegalArgumentException("randomSplit: sum of input lengths (" + sum + ", "
                    + Arrays.toString(lengths) + ") does not equal the length of the input dataset ("
                    + dataset.size() + ")");
        }
        int[] perm = Draws.permutation(new Generator(seed), dataset.size());
        List<Subset<T>> out = new ArrayList<>(lengths.length);
        int offset = 0;
        for (int len : lengths) {
            out.add(new Subset<>(dataset, Arrays.copyOfRange(perm, offset, offset + len)));
            offset += len;
        }
        return out;
    }

    /**
     * Splits by fractions that add up to 1 ({@code [0.8, 0.2]}), rounding as PyTorch does: each part gets
     * {@code floor(fraction * size)} and the remaining samples are handed out one at a time, round-robin from the
     * first part.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, long seed, double... fractions) {
        return randomSplit(dataset, seed, lengthsForFractions(dataset.size(), fractions));
    }

    /** The subset lengths PyTorch's {@code random_split} computes for {@code fractions} of {@code n} samples. */
    public static int[] lengthsForFractions(int n, double... fractions) {
        double total = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (!(fractions[i] >= 0 && fractions[i] <= 1)) {
                throw new IllegalArgumentException("randomSplit: fraction at index " + i + " is not between 0 and 1"
                        + " (" + fractions[i] + ")");
            }
            total += fractions[i];
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("randomSplit: fractions " + Arrays.toString(fractions)
                    + " add up to " + total + ", not 1 — pass fractions that sum to 1 or integer lengths");
        }
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            lengths[i] = (int) Math.floor(n * fractions[i]);
            assigned += lengths[i];
        }
        int remainder = n - assigned;
        for (int i = 0; i < remainder; i++) {
            lengths[i % lengths.length]++;
        }
        return lengths;
    }

    /** Fetches every sample once into a list-backed dataset (e.g. to decode an image folder up front). */
    public static <T> Dataset<T> cache(Dataset<T> dataset) {
        List<T> items = new ArrayList<>(dataset.size());
        for (int i = 0; i < dataset.size(); i++) {
            items.add(dataset.get(i));
        }
        return ofList(items);
    }

    /** A dataset over a fixed list. */
    public static <T> Dataset<T> ofList(List<T> items) {
        List<T> copy = List.copyOf(items);
        return new Dataset<>() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public T get(int index) {
                return copy.get(Dataset.checkIndex(index, copy.size()));
            }
        };
    }
}
