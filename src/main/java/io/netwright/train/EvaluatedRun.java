package io.netwright.train;

import io.netwright.data.Dataset;
import io.netwright.data.Sample;
import java.util.Objects;

/**
 * An evaluation together with what a UI needs to show its samples: the per-sample predictions and the raw
 * (untransformed) split they were made on, so index {@code i} of {@code predictions} is sample {@code i} of
 * {@code split}.
 *
 * @param evaluation  the figures, as {@code evaluation.json} holds them
 * @param predictions per-sample predictions, in split order
 * @param split       the evaluated split's raw samples ({@code ByteImage}, {@code Image} or {@code float[]} inputs)
 * @param checkpoint  the checkpoint whose weights were evaluated: {@code best} or {@code last}
 */
public record EvaluatedRun(Evaluation evaluation, SamplePredictions predictions,
        Dataset<? extends Sample<?>> split, String checkpoint) {

    /** Checks the three agree in size. */
    public EvaluatedRun {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(split, "split");
        if (predictions.size() != evaluation.samples() || split.size() != evaluation.samples()) {
            throw new IllegalArgumentException("evaluated run: " + evaluation.samples() + " samples evaluated but "
                    + predictions.size() + " predictions and " + split.size() + " split samples");
        }
    }
}
