package io.netwright.data;

import java.util.Objects;

/**
 * One labelled example: an input (a {@link ByteImage}, an {@link Image}, a feature vector, ...) and its class
 * label. {@link Collate} turns a list of samples into a {@link Batch} with int64 targets.
 *
 * @param input the input, never null
 * @param label the class index, {@code >= 0}
 * @param <X> the input type
 */
public record Sample<X>(X input, int label) {

    /** Validates the fields. */
    public Sample {
        Objects.requireNonNull(input, "input");
        if (label < 0) {
            throw new IllegalArgumentException("Sample: label must be >= 0, got " + label);
        }
    }

    /** The same label with another input (what a transform returns). */
    public <Y> Sample<Y> withInput(Y newInput) {
        return new Sample<>(newInput, label);
    }
}
