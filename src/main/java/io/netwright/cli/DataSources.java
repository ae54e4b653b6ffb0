package io.netwright.cli;

import io.netwright.data.ImageDataset;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resolves the {@code --data SPEC} of the command line: a bundled sample ({@code fashion-mnist-small}), the
 * synthetic {@code shapes} set, a folder (MNIST-style IDX files, CIFAR-10/100 binary batches, or images in one
 * sub-folder per class, optionally below {@code train/} and {@code test/}), or a CSV file of features and a label.
 *
 * <p>A stopgap until the trainer's {@code DataSpec} lands; it resolves the same kinds of specs.
 */
final class DataSources {

    /** The names of the bundled sets, for messages. */
    static final List<String> BUNDLED = List.of("fashion-mnist-small", "shapes");

    /**
     * A resolved dataset: the training split and the split evaluated after each epoch ({@code test} when the data
     * has one, else null and the caller holds out a validation part).
     *
     * @param name    what to call it in messages, e.g. {@code Fashion-MNIST (small)}
     * @param train   the training samples (inputs are {@code ByteImage} or {@code float[]})
     * @param test    the test samples, or null
     * @param classes class names by label
     */
    record Source(String name, LabeledDataset<?> train, LabeledDataset<?> test, List<String> classes) {
    }

    private DataSources() {
    }

    /**
     * Resolves {@code spec}; image folders are decoded to {@code channels} (1 grayscale, 3 RGB).
     *
     * @throws CliError naming the spec and what was expected
     */
    static Source resolve(String spec, int channels) {
        try {
            return open(spec, channels);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CliError c) {
                throw c;
            }
            throw new CliError("--data " + spec + ": " + ShortErrors.message(e), e);
        }
    }

    /**
     * The class names of a dataset known by name (the bundled sets, and the public sets designs bind to such as
     * {@code cifar10}), without loading any data.
     */
    static Optional<List<String>> knownClasses(String spec) {
        return switch (spec.toLowerCase(Locale.ROOT)) {
            case "fashion-mnist-small", "fashion-mnist", "fashion_mnist", "fashionmnist" ->
                    Optional.of(Mnist.FASHION_CLASSES);
            case "mnist" -> Optional.of(Mnist.DIGIT_CLASSES);
            case "cifar10", "cifar-10" -> Optional.of(Cifar.CIFAR10_CLASSES);
            case "cifar100", "cifar-100" -> Optional.of(Cifar.CIFAR100_FINE_CLASSES);
            case "shapes" -> Optional.of(Shapes.CLASSES);
            default -> Optional.empty();
        };
    }

    private static Source open(String spec, int channels) throws IOException {
        String key = spec.toLowerCase(Locale.ROOT);
        switch (key) {
            case "fashion-mnist-small" -> {
                ImageDataset train = SampleData.fashionMnist(Split.TRAIN);
                return new Source("Fashion-MNIST (small)", train, SampleData.fashionMnist(Split.TEST),
                        train.classes());
            }
            case "shapes" -> {
                ImageDataset train = Shapes.generate(6000, 1);
                return new Source("Shapes (synthetic)", train, Shapes.generate(1200, 2), train.classes());
            }
            default -> { }
        }
        Path p = Path.of(spec);
        if (Files.isRegularFile(p)) {
            String file = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (file.endsWith(".csv") || file.endsWith(".tsv") || file.endsWith(".txt")) {
                CsvDataset csv = CsvDataset.load(p);
                return new Source(p.getFileName().toString(), csv, null, csv.classes());
            }
            throw new CliError("--data " + spec + ": unsupported file — give a .csv file, a dataset folder (IDX, "
                    + "CIFAR binary, one sub-folder of images per class) or one of " + String.join(", ", BUNDLED));
        }
        if (!Files.isDirectory(p) && !spec.contains("/") && !spec.contains(java.io.File.separator)) {
            Path bundled = bundledFolder(spec);
            if (bundled != null) {
                p = bundled;
            } else if (knownClasses(spec).isPresent()) {
                throw new CliError("--data " + spec + ": this dataset is not bundled and Netwright does not download "
                        + "it — download it yourself and give its folder, e.g. --data ~/data/cifar-10-batches-bin, "
                        + "or use one of " + String.join(", ", BUNDLED));
            }
        }
        if (!Files.isDirectory(p)) {
            throw new CliError("--data " + spec + ": unknown dataset — not a bundled sample ("
                    + String.join(", ", BUNDLED) + ") and no such file or folder");
        }
        if (hasIdx(p, "train")) {
            List<String> classes = p.toString().toLowerCase(Locale.ROOT).contains("fashion") ? Mnist.FASHION_CLASSES
                    : Mnist.DIGIT_CLASSES;
            String name = p.getFileName().toString();
            ImageDataset train = Mnist.load(p, Split.TRAIN, classes, name);
            ImageDataset test = hasIdx(p, "t10k") ? Mnist.load(p, Split.TEST, classes, name) : null;
            return new Source(name + " (IDX)", train, test, classes);
        }
        if (has(p, "test_batch.bin") || has(p.resolve("cifar-10-batches-bin"), "test_batch.bin")) {
            ImageDataset train = Cifar.cifar10(p, Split.TRAIN);
            return new Source("CIFAR-10", train, Cifar.cifar10(p, Split.TEST), train.classes());
        }
        if (has(p, "test.bin") || has(p.resolve("cifar-100-binary"), "test.bin")) {
            ImageDataset train = Cifar.cifar100(p, Split.TRAIN, Cifar.Label.FINE);
            return new Source("CIFAR-100", train, Cifar.cifar100(p, Split.TEST, Cifar.Label.FINE), train.classes());
        }
        ColorMode mode = channels == 1 ? ColorMode.GRAYSCALE : ColorMode.RGB;
        Path trainDir = p.resolve("train");
        Path testDir = firstFolder(p, "test", "val", "validation");
        if (Files.isDirectory(trainDir) && testDir != null) {
            ImageFolder train = ImageFolder.open(trainDir, mode);
            ImageFolder test = ImageFolder.open(testDir, mode);
            if (!train.classes().equals(test.classes())) {
                throw new CliError("--data " + spec + ": " + trainDir.getFileName() + "/ has classes "
                        + train.classes() + " but " + testDir.getFileName() + "/ has " + test.classes()
                        + " — give both the same class folders");
            }
            return new Source(p.getFileName() + " (image folders)", train, test, train.classes());
        }
        if (hasSubfolder(p)) {
            ImageFolder all = ImageFolder.open(p, mode);
            return new Source(p.getFileName() + " (image folder)", all, null, all.classes());
        }
        throw new CliError("--data " + spec + ": no dataset found in this folder — expected IDX files "
                + "(train-images-idx3-ubyte[.gz], ...), CIFAR binary batches (data_batch_1.bin, test_batch.bin), "
                + "or one sub-folder of images per class");
    }

    /** {@code samples/data/<name>} when it exists. */
    private static Path bundledFolder(String name) {
        try {
            Path p = SampleData.root().resolve("data").resolve(name);
            return Files.isDirectory(p) ? p : null;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return null; // no samples folder: the name is simply unknown
        }
    }

    private static boolean hasIdx(Path dir, String prefix) {
        for (String kind : List.of("images-idx3-ubyte", "images.idx3-ubyte")) {
            if (has(dir, prefix + "-" + kind) || has(dir, prefix + "-" + kind + ".gz")) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Path dir, String file) {
        return Files.isRegularFile(dir.resolve(file));
    }

    private static Path firstFolder(Path dir, String... names) {
        for (String n : names) {
            if (Files.isDirectory(dir.resolve(n))) {
                return dir.resolve(n);
            }
        }
        return null;
    }

    private static boolean hasSubfolder(Path dir) throws IOException {
        List<Path> subs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isDirectory).filter(x -> !x.getFileName().toString().startsWith(".")).forEach(subs::add);
        }
        return !subs.isEmpty();
    }
}
