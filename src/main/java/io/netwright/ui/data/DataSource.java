package io.netwright.ui.data;

import io.netwright.data.LabeledDataset;
import io.netwright.data.formats.ColorMode;
import io.netwright.data.formats.Shapes;
import io.netwright.train.DataSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A dataset opened in the Data tab: its name, class names and its splits (train, and validation / test where the
 * source has them), each with its class counts computed once when opened.
 *
 * <pre>{@code DataSource s = DataSource.open("fashion-mnist-small"); s.split("test").size();  // 1000}</pre>
 *
 * @param spec    what was opened (a bundled sample name, a folder, a CSV file, or {@link #SHAPES})
 * @param name    a display name
 * @param classes class names, indexed by label
 * @param splits  the splits, train first
 */
public record DataSource(String spec, String name, List<String> classes, List<SplitData> splits) {

    /** The SPEC of the synthetic shapes set (generated, not read from disk). */
    public static final String SHAPES = "shapes";

    /** Number of images in the generated shapes set. */
    static final int SHAPES_COUNT = 1200;

    /**
     * One split of a source.
     *
     * @param name        {@code train}, {@code validation} or {@code test}
     * @param dataset     its samples
     * @param classCounts samples per class, indexed by label
     */
    public record SplitData(String name, LabeledDataset<?> dataset, int[] classCounts) {

        /** Requires the dataset. */
        public SplitData {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dataset, "dataset");
            classCounts = classCounts.clone();
        }

        /** The number of samples. */
        public int size() {
            return dataset.size();
        }

        @Override
        public int[] classCounts() {
            return classCounts.clone();
        }
    }

    /** Requires at least one split and copies the lists. */
    public DataSource {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(name, "name");
        classes = List.copyOf(classes);
        splits = List.copyOf(splits);
        if (splits.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + name + "' has no splits");
        }
    }

    /**
     * Opens {@code spec}: {@link #SHAPES}, else anything {@link DataSpec} resolves (a bundled sample, an IDX, CIFAR,
     * CSV or image folder, a CSV file). Image folders are decoded as RGB. Slow for big sets: call off the FX thread.
     *
     * @throws IOException naming the SPEC and what was looked for
     */
    public static DataSource open(String spec) throws IOException {
        String s = Objects.requireNonNull(spec, "spec").trim();
        if (s.toLowerCase(Locale.ROOT).equals(SHAPES)) {
            var all = Shapes.generate(SHAPES_COUNT, 7, 32);
            return new DataSource(SHAPES, "Synthetic shapes", all.classes(), List.of(split("train", all)));
        }
        DataSpec.Source src = DataSpec.resolve(s, ColorMode.RGB);
        List<SplitData> splits = new ArrayList<>();
        splits.add(split("train", src.train()));
        if (src.validation() != null) {
            splits.add(split("validation", src.validation()));
        }
        if (src.test() != null) {
            splits.add(split("test", src.test()));
        }
        return new DataSource(s, src.name(), src.classes(), splits);
    }

    private static SplitData split(String name, LabeledDataset<?> ds) {
        return new SplitData(name, ds, ds.classCounts());
    }

    /** The split called {@code splitName}. */
    public SplitData split(String splitName) {
        for (SplitData d : splits) {
            if (d.name().equals(splitName)) {
                return d;
            }
        }
        throw new IllegalArgumentException("dataset '" + name + "' has no '" + splitName + "' split; it has "
                + splitNames());
    }

    /** The split names, train first. */
    public List<String> splitNames() {
        return splits.stream().map(SplitData::name).toList();
    }

    /** Total samples over every split. */
    public long totalSize() {
        return splits.stream().mapToLong(SplitData::size).sum();
    }
}
