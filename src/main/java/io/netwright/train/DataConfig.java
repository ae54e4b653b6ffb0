package io.netwright.train;

import java.util.Objects;

/**
 * Where a run's data comes from and how it is split.
 *
 * <p>{@code spec} is resolved by {@link DataSpec}: a bundled sample ({@code fashion-mnist-small}), a folder (IDX,
 * CIFAR binary or image folders, detected) or a CSV file; empty means the design's own
 * {@code input.dataset}. The training set is the source's training part; a validation set is either given
 * ({@code validationSpec}) or {@code validationFraction} of the training part, held out at random with the run's
 * seed; the test set is given ({@code testSpec}), else the source's own test part, else {@code testFraction} of the
 * training part (0: none — the final evaluation then uses the validation set).
 *
 * @param spec               the dataset SPEC (empty: the design's dataset)
 * @param validationFraction fraction of the training part held out for validation, in [0, 1)
 * @param testFraction       fraction of the training part held out for testing when the source has no test part
 * @param validationSpec     a separate validation set (empty: use the fraction)
 * @param testSpec           a separate test set (empty: the source's test part or the fraction)
 * @param workers            data-loader worker threads (0: load on the training thread)
 */
public record DataConfig(String spec, double validationFraction, double testFraction, String validationSpec,
        String testSpec, int workers) {

    /** Checks the fractions and the worker count; null texts become empty. */
    public DataConfig {
        spec = Objects.requireNonNullElse(spec, "").trim();
        validationSpec = Objects.requireNonNullElse(validationSpec, "").trim();
        testSpec = Objects.requireNonNullElse(testSpec, "").trim();
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("data: validation_fraction must be in [0, 1), got "
                    + validationFraction);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("data: test_fraction must be in [0, 1), got " + testFraction);
        }
        if (validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("data: validation_fraction + test_fraction = "
                    + (validationFraction + testFraction) + " leaves nothing to train on — keep the sum below 1");
        }
        if (workers < 0) {
            throw new IllegalArgumentException("data: workers must be >= 0, got " + workers);
        }
    }

    /** {@code spec} with 10% held out for validation and one worker. */
    public static DataConfig of(String spec) {
        return new DataConfig(spec, 0.1, 0, "", "", 1);
    }

    /** This config with another SPEC. */
    public DataConfig withSpec(String newSpec) {
        return new DataConfig(newSpec, validationFraction, testFraction, validationSpec, testSpec, workers);
    }

    /** This config with other split fractions. */
    public DataConfig withFractions(double validation, double test) {
        return new DataConfig(spec, validation, test, validationSpec, testSpec, workers);
    }

    /** This config with given validation and test sets (empty: none given). */
    public DataConfig withGivenSets(String validation, String test) {
        return new DataConfig(spec, validationFraction, testFraction, validation, test, workers);
    }

    /** This config with another worker count. */
    public DataConfig withWorkers(int n) {
        return new DataConfig(spec, validationFraction, testFraction, validationSpec, testSpec, n);
    }
}
