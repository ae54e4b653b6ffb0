package io.netwright.data.transforms;

import io.netwright.tensor.Generator;

/**
 * One step of a data pipeline: a function of the input and a random generator (random transforms draw from it;
 * deterministic ones ignore it). The generator is per sample, derived from (loader seed, epoch, index), so
 * augmentation is reproducible whatever the number of worker threads. Implementations must be thread-safe
 * (usually: immutable), since workers share one transform.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface Transform<I, O> {

    /** Transforms {@code input}, drawing random numbers from {@code rng}. */
    O apply(I input, Generator rng);

    /** Applies a deterministic transform (a fixed generator is passed to random ones). */
    default O apply(I input) {
        return apply(input, new Generator(0));
    }

    /** This transform followed by {@code next}. */
    default <R> Transform<I, R> andThen(Transform<? super O, ? extends R> next) {
        Transform<I, O> first = this;
        return (input, rng) -> next.apply(first.apply(input, rng), rng);
    }
}
