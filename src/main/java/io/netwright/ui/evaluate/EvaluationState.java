package io.netwright.ui.evaluate;

import io.netwright.data.ByteImage;
import io.netwright.data.Dataset;
import io.netwright.data.Image;
import io.netwright.data.Sample;
import io.netwright.train.Evaluation;
import io.netwright.train.SamplePredictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the Evaluate tab shows: an evaluation with, when known, the per-sample predictions behind it (for a
 * confusion cell's samples) and the raw split (for the sample images).
 *
 * @param evaluation  the figures
 * @param predictions per-sample predictions in split order, or null (a live run's evaluation before they are
 *                    recomputed)
 * @param split       the evaluated split's raw samples, or null when they cannot be read
 * @param runDir      the run folder the evaluation belongs to, or null
 * @param source      a caption: where the evaluation comes from
 */
public record EvaluationState(Evaluation evaluation, SamplePredictions predictions,
        Dataset<? extends Sample<?>> split, Path runDir, String source) {

    /** The most sample tiles a grid shows at once; a larger cell says how many are left out. */
    public static final int MAX_TILES = 400;

    /**
     * One sample to show as a tile.
     *
     * @param index      its index in the split
     * @param label      true class
     * @param predicted  predicted class
     * @param confidence the predicted class's probability
     * @param loss       its loss (NaN when unknown)
     * @param image      its image, or null when the split is unknown or not made of images
     */
    public record Tile(int index, int label, int predicted, double confidence, double loss, ByteImage image) {
        /** Whether the prediction is right. */
        public boolean correct() {
            return label == predicted;
        }
    }

    /**
     * The samples of a confusion cell.
     *
     * @param label     the cell's true class
     * @param predicted the cell's predicted class
     * @param count     how many samples the cell holds (its confusion-matrix count)
     * @param tiles     up to {@link #MAX_TILES} of them, most confident first
     * @param complete  false when only some of the cell's samples are known (no per-sample predictions)
     */
    public record Cell(int label, int predicted, int count, List<Tile> tiles, boolean complete) {
        /** Copies the list. */
        public Cell {
            tiles = List.copyOf(tiles);
        }
    }

    /** Checks the parts agree in size (a split of another size is not the one evaluated). */
    public EvaluationState {
        Objects.requireNonNull(evaluation, "evaluation");
        if (predictions != null && predictions.size() != evaluation.samples()) {
            throw new IllegalArgumentException(predictions.size() + " sample predictions for an evaluation of "
                    + evaluation.samples() + " samples");
        }
        if (split != null && split.size() != evaluation.samples()) {
            throw new IllegalArgumentException("a split of " + split.size() + " samples for an evaluation of "
                    + evaluation.samples() + " — it is not the evaluated split");
        }
    }

    /** This state with per-sample predictions. */
    public EvaluationState withPredictions(SamplePredictions p) {
        return new EvaluationState(evaluation, p, split, runDir, source);
    }

    /** This state with the split's samples. */
    public EvaluationState withSplit(Dataset<? extends Sample<?>> s) {
        return new EvaluationState(evaluation, predictions, s, runDir, source);
    }

    /**
     * The samples of confusion cell {@code [label][predicted]}: all of them with per-sample predictions; without, the
     * misclassified samples the evaluation kept that fall in the cell ({@code complete} false).
     */
    public Cell cell(int label, int predicted) {
        int count = evaluation.confusion()[label][predicted];
        List<Tile> tiles = new ArrayList<>();
        if (predictions != null) {
            for (int i : predictions.indicesOf(label, predicted)) {
                if (tiles.size() == MAX_TILES) {
                    break;
                }
                tiles.add(tile(i, label, predicted, predictions.confidence()[i], predictions.losses()[i]));
            }
            return new Cell(label, predicted, count, tiles, true);
        }
        for (Evaluation.Misclassified m : evaluation.misclassified()) {
            if (m.label() == label && m.predicted() == predicted && tiles.size() < MAX_TILES) {
                tiles.add(tile(m.index(), m.label(), m.predicted(), m.confidence(), m.loss()));
            }
        }
        return new Cell(label, predicted, count, tiles, tiles.size() == count);
    }

    /** The misclassified samples the evaluation kept, worst (highest loss) first. */
    public List<Tile> misclassified() {
        List<Tile> out = new ArrayList<>();
        for (Evaluation.Misclassified m : evaluation.misclassified()) {
            out.add(tile(m.index(), m.label(), m.predicted(), m.confidence(), m.loss()));
        }
        return out;
    }

    private Tile tile(int index, int label, int predicted, double confidence, double loss) {
        return new Tile(index, label, predicted, confidence, loss, image(index));
    }

    /** The image of split sample {@code index}, or null. */
    private ByteImage image(int index) {
        if (split == null || index < 0 || index >= split.size()) {
            return null;
        }
        Object input = split.get(index).input();
        if (input instanceof ByteImage b) {
            return b;
        }
        if (input instanceof Image im) {
            return im.toByteImage();
        }
        return null;
    }
}
