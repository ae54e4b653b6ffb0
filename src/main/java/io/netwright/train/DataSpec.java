package io.netwright.train;

import io.netwright.data.LabeledDataset;
import io.netwright.data.formats.Cifar;
import io.netwright.data.formats.ColorMode;
import io.netwright.data.formats.CsvDataset;
import io.netwright.data.formats.ImageFolder;
import io.netwright.data.formats.Mnist;
import io.netwright.data.formats.SampleData;
import io.netwright.data.formats.Shapes;
import io.netwright.data.formats.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Resolves a dataset SPEC — what a design's {@code input.dataset}, a training config and the CLI's {@code --data}
 * take — into labelled datasets:
 *
 * <ul>
 *   <li>a bundled sample by name: {@code fashion-mnist-small} (3,000 train / 1,000 test, from {@code samples/}) or
 *       {@code shapes10} (10 classes of synthetic 3×32×32 shapes, 3,000 train / 600 test, generated);</li>
 *   <li>a folder, recognised by its content, in this order: MNIST-style IDX files
 *       ({@code train-images-idx3-ubyte[.gz]} ...; class names from {@code classes.txt} if present, else Fashion-MNIST's
 *       when the folder name contains "fashion", else the digits), CIFAR-10 binary ({@code data_batch_1.bin},
 *       {@code test_batch.bin}, or the extracted {@code cifar-10-batches-bin/}), CIFAR-100 binary ({@code train.bin},
 *       {@code test.bin}, or {@code cifar-100-binary/}; fine labels), CSV ({@code train.csv} and optional
 *       {@code test.csv}), image folders ({@code train/}, optional {@code val/} or {@code validation/} and
 *       {@code test/}, each with one sub-folder per class — or the class sub-folders directly);</li>
 *   <li>a CSV file ({@code *.csv}; the label is the last column).</li>
 * </ul>
 *
 * <pre>{@code DataSpec.Source s = DataSpec.resolve("fashion-mnist-small"); s.train().size();  // 3000}</pre>
 */
public final class DataSpec {

    /** The kinds of source a SPEC can name. */
    public enum Kind {
        /** A dataset that ships with the app: bundled in {@code samples/}, or generated ({@link #SHAPES10}). */
        SAMPLE,
        /** MNIST-style IDX files. */
        IDX,
        /** CIFAR-10 binary batches. */
        CIFAR10,
        /** CIFAR-100 binary files. */
        CIFAR100,
        /** One sub-folder of images per class. */
        IMAGE_FOLDER,
        /** Numeric features with a label column. */
        CSV
    }

    /**
     * A resolved source: its training part and, where the source has them, its own validation and test parts.
     *
     * @param spec       the SPEC as given
     * @param kind       what was recognised
     * @param name       a display name
     * @param classes    the class names, indexed by label
     * @param train      the training part (for a single file or folder: everything)
     * @param validation the source's own validation part, or null
     * @param test       the source's own test part, or null
     */
    public record Source(String spec, Kind kind, String name, List<String> classes, LabeledDataset<?> train,
            LabeledDataset<?> validation, LabeledDataset<?> test) {

        /** Requires the training part and copies the class list. */
        public Source {
            Objects.requireNonNull(train, "train");
            classes = List.copyOf(classes);
        }
    }

    /**
     * The generated 10-class RGB set (3×32×32, {@link Shapes}: 3,000 train / 600 test, the same every time): what
     * the CIFAR-10-shaped sample designs train on out of the box.
     */
    public static final String SHAPES10 = "shapes10";

    static final int SHAPES10_TRAIN = 3000;
    static final int SHAPES10_TEST = 600;

    /** The names of the datasets that ship with the app (bundled in {@code samples/} or generated). */
    public static final List<String> BUNDLED = List.of("fashion-mnist-small", SHAPES10);

    private DataSpec() {
    }

    /**
     * A design's {@code input.dataset} as a SPEC that works from any working folder: a relative path is taken from
     * the folder of {@code designFile} (as a design's other relative references would be), {@code ~/} from the home
     * folder; a bundled sample's name, an absolute path and "" are kept. {@code designFile} null keeps the SPEC.
     *
     * <pre>{@code DataSpec.inDesignFolder("data/shapes", Path.of("/home/ada/nets/a.json"));  // /home/ada/nets/data/shapes}</pre>
     */
    public static String inDesignFolder(String dataset, Path designFile) {
        String s = dataset == null ? "" : dataset.trim();
        if (s.isEmpty() || designFile == null || isBundled(s)) {
            return s;
        }
        if (s.equals("~") || s.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(s.substring(1).replaceFirst("^/", ""))
                    .normalize().toString();
        }
        Path p = Path.of(s);
        if (p.isAbsolute()) {
            return s;
        }
        Path dir = designFile.toAbsolutePath().getParent();
        return dir == null ? s : dir.resolve(p).normalize().toString();
    }

    /** Whether {@code spec} names a bundled sample (case-insensitive). */
    public static boolean isBundled(String spec) {
        return spec != null && BUNDLED.contains(spec.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * What a quick look at {@code spec} finds wrong without reading any data — empty, a path that does not exist, a
     * file that is not a CSV — as the message {@link #resolve} would give; empty when it may resolve. The studio
     * checks this before it starts a run, so a mistyped dataset leaves the last run's charts and folders alone.
     */
    public static java.util.Optional<String> quickCheck(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty()) {
            return java.util.Optional.of("no dataset given — pass a bundled sample (" + String.join(", ", BUNDLED)
                    + "), a folder or a CSV file");
        }
        if (BUNDLED.contains(s.toLowerCase(Locale.ROOT))) {
            return java.util.Optional.empty();
        }
        Path p;
        try {
            p = Path.of(s);
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.of(s + ": not a valid path (" + e.getReason() + ")");
        }
        if (Files.isRegularFile(p) && !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return java.util.Optional.of(s + ": a file, but not a .csv — a dataset SPEC is a bundled sample ("
                    + String.join(", ", BUNDLED) + "), a folder or a CSV file");
        }
        if (!Files.exists(p)) {
            return java.util.Optional.of(s + ": no such file or folder, and not a bundled sample ("
                    + String.join(", ", BUNDLED) + ")");
        }
        return java.util.Optional.empty();
    }

    /** {@link #resolve(String, ColorMode)} decoding image folders as RGB. */
    public static Source resolve(String spec) throws IOException {
        return resolve(spec, ColorMode.RGB);
    }

    /**
     * Resolves {@code spec}; image folders are decoded to {@code imageMode}.
     *
     * @throws IOException naming the SPEC and what was looked for when nothing matches
     */
    public static Source resolve(String spec, ColorMode imageMode) throws IOException {
        String s = Objects.requireNonNull(spec, "spec").trim();
        if (s.isEmpty()) {
            throw new IOException("no dataset given — pass a bundled sample (" + String.join(", ", BUNDLED)
                    + "), a folder or a CSV file");
        }
        if (s.equalsIgnoreCase(SHAPES10)) {
            var train = Shapes.generate(SHAPES10_TRAIN, 1, 32, 10);
            return new Source(s, Kind.SAMPLE, "Synthetic shapes (10 classes)", train.classes(), train, null,
                    Shapes.generate(SHAPES10_TEST, 2, 32, 10));
        }
        if (BUNDLED.contains(s.toLowerCase(Locale.ROOT))) {
            return new Source(s, Kind.SAMPLE, "Fashion-MNIST (small)", Mnist.FASHION_CLASSES,
                    SampleData.fashionMnist(Split.TRAIN), null, SampleData.fashionMnist(Split.TEST));
        }
        Path p = Path.of(s);
        if (Files.isRegularFile(p)) {
            if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                CsvDataset csv = CsvDataset.load(p);
                return new Source(s, Kind.CSV, csv.name(), csv.classes(), csv, null, null);
            }
            throw new IOException(s + ": a file, but not a .csv — a dataset SPEC is a bundled sample ("
                    + String.join(", ", BUNDLED) + "), a folder or a CSV file");
        }
        if (!Files.isDirectory(p)) {
            throw new IOException(s + ": no such file or folder, and not a bundled sample (" + String.join(", ",
                    BUNDLED) + ")");
        }
        return folder(s, p, imageMode);
    }

    private static Source folder(String spec, Path dir, ColorMode mode) throws IOException {
        if (exists(dir, "train-images-idx3-ubyte", "train-images.idx3-ubyte")) {
            List<String> classes = classNames(dir);
            String name = dir.getFileName() == null ? "IDX" : dir.getFileName().toString();
            var train = Mnist.load(dir, Split.TRAIN, classes, name);
            var test = exists(dir, "t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte")
                    ? Mnist.load(dir, Split.TEST, classes, name) : null;
            return new Source(spec, Kind.IDX, name, classes, train, null, test);
        }
        if (Files.isRegularFile(dir.resolve("data_batch_1.bin"))
                || Files.isDirectory(dir.resolve("cifar-10-batches-bin"))) {
            var train = Cifar.cifar10(dir, Split.TRAIN);
            return new Source(spec, Kind.CIFAR10, "CIFAR-10", train.classes(), train, null,
                    Cifar.cifar10(dir, Split.TEST));
        }
        if (Files.isRegularFile(dir.resolve("train.bin")) || Files.isDirectory(dir.resolve("cifar-100-binary"))) {
            var train = Cifar.cifar100(dir, Split.TRAIN, Cifar.Label.FINE);
            return new Source(spec, Kind.CIFAR100, "CIFAR-100", train.classes(), train, null,
                    Cifar.cifar100(dir, Split.TEST, Cifar.Label.FINE));
        }
        if (Files.isRegularFile(dir.resolve("train.csv"))) {
            CsvDataset train = CsvDataset.load(dir.resolve("train.csv"));
            CsvDataset test = Files.isRegularFile(dir.resolve("test.csv")) ? CsvDataset.load(dir.resolve("test.csv"))
                    : null;
            if (test != null && !test.classes().equals(train.classes())) {
                throw new IOException(dir.resolve("test.csv") + ": classes " + test.classes() + " differ from "
                        + "train.csv's " + train.classes() + " — both files need the same label values");
            }
            return new Source(spec, Kind.CSV, train.name(), train.classes(), train, null, test);
        }
        if (Files.isDirectory(dir.resolve("train"))) {
            ImageFolder train = ImageFolder.open(dir.resolve("train"), mode);
            ImageFolder val = openIfPresent(dir, mode, train, "val", "validation", "valid");
            ImageFolder test = openIfPresent(dir, mode, train, "test");
            return new Source(spec, Kind.IMAGE_FOLDER, name(dir), train.classes(), train, val, test);
        }
        if (hasClassFolders(dir)) {
            ImageFolder all = ImageFolder.open(dir, mode);
            return new Source(spec, Kind.IMAGE_FOLDER, name(dir), all.classes(), all, null, null);
        }
        throw new IOException(dir + ": no dataset recognised — looked for IDX files (train-images-idx3-ubyte[.gz]), "
                + "CIFAR binaries (data_batch_1.bin, train.bin), train.csv, a train/ folder of class folders, or "
                + "class folders of images");
    }

    private static String name(Path dir) {
        return dir.toAbsolutePath().normalize().getFileName() == null ? dir.toString()
                : dir.toAbsolutePath().normalize().getFileName().toString();
    }

    private static boolean exists(Path dir, String... bases) {
        for (String b : bases) {
            if (Files.isRegularFile(dir.resolve(b)) || Files.isRegularFile(dir.resolve(b + ".gz"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code classes.txt} (one name per line), else Fashion-MNIST's names for a folder named *fashion*, else 0-9. */
    private static List<String> classNames(Path dir) throws IOException {
        Path file = dir.resolve("classes.txt");
        if (Files.isRegularFile(file)) {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return out;
        }
        String n = name(dir).toLowerCase(Locale.ROOT);
        return n.contains("fashion") ? Mnist.FASHION_CLASSES : Mnist.DIGIT_CLASSES;
    }

    private static ImageFolder openIfPresent(Path dir, ColorMode mode, ImageFolder train, String... names)
            throws IOException {
        for (String n : names) {
            Path p = dir.resolve(n);
            if (Files.isDirectory(p)) {
                ImageFolder f = ImageFolder.open(p, mode);
                if (!f.classes().equals(train.classes())) {
                    throw new IOException(p + ": class folders " + f.classes() + " differ from train/'s "
                            + train.classes() + " — every split needs the same class folders");
                }
                return f;
            }
        }
        return null;
    }

    private static boolean hasClassFolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."));
        }
    }
}
