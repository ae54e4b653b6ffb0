package io.netwright.data;

import io.netwright.tensor.Generator;

/**
 * Where a sample is being fetched: the loader's seed, the epoch and the dataset index. Random transforms draw
 * from {@link #generator()}, which depends on these three numbers only, so augmentation is reproducible and
 * identical whatever the number of worker threads or the order in which they run.
 *
 * @param seed  the data loader's seed
 * @param epoch the epoch (0-based)
 * @param index the index of the sample in the dataset being loaded
 */
public record SampleContext(long seed, int epoch, int index) {

    /** A fresh generator seeded from {@code (seed, epoch, index)}. */
    public Generator generator() {
        return new Generator(Draws.mix(seed, epoch, index));
    }

    /** The context used when a sample is fetched outside a loader: seed 0, epoch 0. */
    public static SampleContext standalone(int index) {
        return new SampleContext(0, 0, index);
    }
}
