package io.netwright.data;

import io.netwright.tensor.Generator;

/**
 * The order in which a {@link DataLoader} visits dataset indices in each epoch (PyTorch's {@code Sampler}).
 * Implementations are deterministic functions of the epoch.
 */
public interface Sampler {

    /** How many indices {@link #indices(int)} returns. */
    int size();

    /** The indices to visit in {@code epoch}, in order. */
    int[] indices(int epoch);

    /** {@code 0, 1, ..., n-1} every epoch. */
    static Sampler sequential(int n) {
        return new Sampler() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public int[] indices(int epoch) {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = i;
                }
                return out;
            }

            @Override
            public String toString() {
                return "SequentialSampler(" + n + ")";
            }
        };
    }

    /**
     * A fresh random permutation of {@code 0..n-1} per epoch, drawn from a generator seeded with
     * {@code mix(seed, epoch)}: the same seed and epoch always give the same order.
     */
    static Sampler shuffled(int n, long seed) {
        return new Sampler() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public int[] indices(int epoch) {
                return Draws.permutation(new Generator(Draws.mix(seed, epoch, 0x5A3D1E)), n);
            }

            @Override
            public String toString() {
                return "RandomSampler(" + n + ", seed=" + seed + ")";
            }
        };
    }

    /** A fixed list of indices (e.g. one class, or a hand-picked validation set), the same every epoch. */
    static Sampler of(int... indices) {
        int[] copy = indices.clone();
        return new Sampler() {
            @Override
            public int size() {
                return copy.length;
            }

            @Override
            public int[] indices(int epoch) {
                return copy.clone();
            }
        };
    }
}
