package io.netwright.train;

import io.netwright.data.Dataset;
import io.netwright.data.Datasets;
import io.netwright.data.LabeledDataset;
import io.netwright.data.Sample;
import io.netwright.data.Subset;
import io.netwright.data.formats.ColorMode;
import io.netwright.graph.InputSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The three splits of a run, untransformed (the trainer adds {@code ToTensor}, augmentation and normalisation):
 * samples of {@code ByteImage}, {@code Image} or {@code float[]} with their labels. Built from a config with
 * {@link #resolve(TrainingConfig)}, or given directly (tests, embedding applications).
 *
 * @param name       a display name of the data
 * @param classes    class names, indexed by label
 * @param train      the training split
 * @param validation the validation split, or null
 * @param test       the test split, or null
 */
public record TrainingData(String name, List<String> classes, Dataset<? extends Sample<?>> train,
        Dataset<? extends Sample<?>> validation, Dataset<? extends Sample<?>> test) {

    /** Requires a non-empty training split and at least one class. */
    public TrainingData {
        Objects.requireNonNull(name, "name");
        classes = List.copyOf(classes);
        Objects.requireNonNull(train, "train");
        if (train.size() == 0) {
            throw new IllegalArgumentException("data '" + name + "': the training split is empty");
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("data '" + name + "': no class names");
        }
    }

    /**
     * Resolves the config's data SPEC ({@link DataSpec}) and splits it as {@link DataConfig} describes, with the
     * run's seed. Image folders are decoded with as many channels as the design's input has.
     */
    public static TrainingData resolve(TrainingConfig config) throws IOException {
        DataConfig dc = config.data();
        InputSpec in = config.design().input();
        ColorMode mode = in.shape().size() == 3 && in.channels() == 1 ? ColorMode.GRAYSCALE : ColorMode.RGB;
        DataSpec.Source src = DataSpec.resolve(config.dataSpec(), mode);
        LabeledDataset<?> validation = src.validation();
        LabeledDataset<?> test = src.test();
        if (!dc.validationSpec().isEmpty()) {
            validation = given(dc.validationSpec(), mode, src, "validation");
        }
        if (!dc.testSpec().isEmpty()) {
            test = given(dc.testSpec(), mode, src, "test");
        }
        double v = validation == null ? dc.validationFraction() : 0;
        double t = test == null ? dc.testFraction() : 0;
        Dataset<? extends Sample<?>> train = src.train();
        Dataset<? extends Sample<?>> val = validation;
        Dataset<? extends Sample<?>> tst = test;
        if (v > 0 || t > 0) {
            List<Dataset<? extends Sample<?>>> parts = split(src.train(), splitSeed(config.seed()), 1 - v - t, v, t);
            train = parts.get(0);
            if (v > 0) {
                val = parts.get(1);
            }
            if (t > 0) {
                tst = parts.get(2);
            }
        }
        return new TrainingData(src.name(), src.classes(), train, val, tst);
    }

    /** The seed of the random split: derived from the run's seed so it differs from the weights' stream. */
    static long splitSeed(long seed) {
        return seed * 0x9E3779B97F4A7C15L + 0x5B11L;
    }

    private static LabeledDataset<?> given(String spec, ColorMode mode, DataSpec.Source main, String what)
            throws IOException {
        DataSpec.Source s = DataSpec.resolve(spec, mode);
        if (!s.classes().equals(main.classes())) {
            throw new IOException(what + " set " + spec + ": classes " + s.classes() + " differ from the training "
                    + "set's " + main.classes() + " — the sets must share their class names");
        }
        return s.train();
    }

    private static List<Dataset<? extends Sample<?>>> split(Dataset<? extends Sample<?>> ds, long seed,
            double... fractions) {
        return splitTyped(ds, seed, fractions);
    }

    private static <T extends Sample<?>> List<Dataset<? extends Sample<?>>> splitTyped(Dataset<T> ds, long seed,
            double... fractions) {
        int[] lengths = Datasets.lengthsForFractions(ds.size(), fractions);
        List<Subset<T>> parts = Datasets.randomSplit(ds, seed, lengths);
        return new ArrayList<>(parts);
    }

    /** The split used for the final evaluation: test if there is one, else validation, else null. */
    public Dataset<? extends Sample<?>> evaluationSplit() {
        return test != null ? test : validation;
    }

    /** The name of {@link #evaluationSplit()}: {@code test}, {@code validation} or {@code none}. */
    public String evaluationSplitName() {
        return test != null ? "test" : validation != null ? "validation" : "none";
    }

    /** Sizes as text: {@code 2,700 train / 300 validation / 1,000 test}. */
    public String sizes() {
        return String.format(java.util.Locale.ROOT, "%,d train / %,d validation / %,d test", train.size(),
                validation == null ? 0 : validation.size(), test == null ? 0 : test.size());
    }
}
