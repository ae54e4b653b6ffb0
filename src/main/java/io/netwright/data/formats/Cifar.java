package io.netwright.data.formats;

import io.netwright.data.CorruptDataException;
import io.netwright.data.ImageDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CIFAR-10 and CIFAR-100 in their binary version. Each record is the label byte(s) then 3,072 pixel bytes: the
 * 1,024 red values of the 32×32 image row by row, then green, then blue. CIFAR-10: {@code data_batch_1.bin} to
 * {@code data_batch_5.bin} and {@code test_batch.bin}, one label byte; CIFAR-100: {@code train.bin} and
 * {@code test.bin}, a coarse (superclass) and a fine label byte. Class names come from {@code batches.meta.txt},
 * {@code fine_label_names.txt} and {@code coarse_label_names.txt} when present, else the standard names.
 *
 * <p>The folder may be the extracted one ({@code cifar-10-batches-bin/}, {@code cifar-100-binary/}) or its parent.
 * Images are stored as HWC bytes like every {@link ImageDataset}.
 */
public final class Cifar {

    /** CIFAR-10's class names. */
    public static final List<String> CIFAR10_CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    /** CIFAR-100's 20 superclass names (coarse labels). */
    public static final List<String> CIFAR100_COARSE_CLASSES = List.of("aquatic_mammals", "fish", "flowers",
            "food_containers", "fruit_and_vegetables", "household_electrical_devices", "household_furniture",
            "insects", "large_carnivores", "large_man-made_outdoor_things", "large_natural_outdoor_scenes",
            "large_omnivores_and_herbivores", "medium_mammals", "non-insect_invertebrates", "people", "reptiles",
            "small_mammals", "trees", "vehicles_1", "vehicles_2");

    /** CIFAR-100's 100 class names (fine labels). */
    public static final List<String> CIFAR100_FINE_CLASSES = List.of("apple", "aquarium_fish", "baby", "bear",
            "beaver", "bed", "bee", "beetle", "bicycle", "bottle", "bowl", "boy", "bridge", "bus", "butterfly", "camel",
            "can", "castle", "caterpillar", "cattle", "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch",
            "crab", "crocodile", "cup", "dinosaur", "dolphin", "elephant", "flatfish", "forest", "fox", "girl",
            "hamster", "house", "kangaroo", "keyboard", "lamp", "lawn_mower", "leopard", "lion", "lizard", "lobster",
            "man", "maple_tree", "motorcycle", "mountain", "mouse", "mushroom", "oak_tree", "orange", "orchid",
            "otter", "palm_tree", "pear", "pickup_truck", "pine_tree", "plain", "plate", "poppy", "porcupine",
            "possum", "rabbit", "raccoon", "ray", "road", "rocket", "rose", "sea", "seal", "shark", "shrew", "skunk",
            "skyscraper", "snail", "snake", "spider", "squirrel", "streetcar", "sunflower", "sweet_pepper", "table",
            "tank", "telephone", "television", "tiger", "tractor", "train", "trout", "tulip", "turtle", "wardrobe",
            "whale", "willow_tree", "wolf", "woman", "worm");

    /** Which CIFAR-100 label becomes the sample label. */
    public enum Label {
        /** The 100 classes. */
        FINE,
        /** The 20 superclasses. */
        COARSE
    }

    static final int SIDE = 32;
    static final int PIXELS = 3 * SIDE * SIDE;

    private Cifar() {
    }

    /** CIFAR-10's {@code split} (50,000 or 10,000 images). */
    public static ImageDataset cifar10(Path dir, Split split) throws IOException {
        Path root = locate(dir, "cifar-10-batches-bin", "test_batch.bin");
        List<Path> files = new ArrayList<>();
        if (split == Split.TRAIN) {
            for (int i = 1; i <= 5; i++) {
                files.add(root.resolve("data_batch_" + i + ".bin"));
            }
        } else {
            files.add(root.resolve("test_batch.bin"));
        }
        List<String> classes = names(root.resolve("batches.meta.txt"), CIFAR10_CLASSES);
        return read(files, 1, 0, classes, "CIFAR-10 " + split.name().toLowerCase(Locale.ROOT));
    }

    /** CIFAR-100's {@code split} (50,000 or 10,000 images) labelled with the fine or coarse labels. */
    public static ImageDataset cifar100(Path dir, Split split, Label label) throws IOException {
        Path root = locate(dir, "cifar-100-binary", "test.bin");
        Path file = root.resolve(split == Split.TRAIN ? "train.bin" : "test.bin");
        List<String> classes = label == Label.FINE
                ? names(root.resolve("fine_label_names.txt"), CIFAR100_FINE_CLASSES)
                : names(root.resolve("coarse_label_names.txt"), CIFAR100_COARSE_CLASSES);
        return read(List.of(file), 2, label == Label.FINE ? 1 : 0, classes, "CIFAR-100 "
                + split.name().toLowerCase(Locale.ROOT) + " (" + label.name().toLowerCase(Locale.ROOT) + ")");
    }

    /**
     * Reads CIFAR binary files: records of {@code labelBytes} label bytes then 3,072 CHW pixel bytes; the label at
     * position {@code labelIndex} of each record is used.
     *
     * @throws CorruptDataException for a missing or partial record or a label outside the classes
     */
    public static ImageDataset read(List<Path> files, int labelBytes, int labelIndex, List<String> classes,
            String name) throws IOException {
        int record = labelBytes + PIXELS;
        List<byte[]> contents = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new IOException(f + ": not found — expected the CIFAR binary file " + f.getFileName()
                        + " in " + f.getParent());
            }
            byte[] bytes = Files.readAllBytes(f);
            if (bytes.length == 0) {
                throw new CorruptDataException(f, "the file is empty; expected records of " + record + " bytes");
            }
            if (bytes.length % record != 0) {
                int whole = bytes.length / record;
                throw new CorruptDataException(f, bytes.length + " bytes is not a whole number of " + record
                        + "-byte records: record " + whole + " at offset " + (long) whole * record + " has only "
                        + (bytes.length - (long) whole * record) + " of its " + record + " bytes (truncated file?)");
            }
            contents.add(bytes);
            total += bytes.length / record;
        }
        if (total * PIXELS > Integer.MAX_VALUE - 16) {
            throw new IOException(name + ": " + total + " images do not fit in one array");
        }
        int n = (int) total;
        byte[] pixels = new byte[n * PIXELS];
        int[] labels = new int[n];
        int plane = SIDE * SIDE;
        int i = 0;
        for (int fi = 0; fi < files.size(); fi++) {
            byte[] bytes = contents.get(fi);
            for (int r = 0, off = 0; off < bytes.length; r++, off += record, i++) {
                int label = bytes[off + labelIndex] & 0xFF;
                if (label >= classes.size()) {
                    throw new CorruptDataException(files.get(fi), "record " + r + " at offset " + off + " has label "
                            + label + ", outside 0.." + (classes.size() - 1) + " (" + classes.size() + " classes)"
                            + (labelBytes == 1 && label < 100 && classes.size() == 10
                            ? " — is this a CIFAR-100 file?" : ""));
                }
                labels[i] = label;
                // CHW planes → HWC
                int src = off + labelBytes;
                int dst = i * PIXELS;
                for (int p = 0; p < plane; p++) {
                    pixels[dst++] = bytes[src + p];
                    pixels[dst++] = bytes[src + plane + p];
                    pixels[dst++] = bytes[src + 2 * plane + p];
                }
            }
        }
        return new ImageDataset(name, classes, 3, SIDE, SIDE, pixels, labels);
    }

    private static Path locate(Path dir, String extracted, String marker) throws IOException {
        if (Files.isRegularFile(dir.resolve(marker))) {
            return dir;
        }
        if (Files.isRegularFile(dir.resolve(extracted).resolve(marker))) {
            return dir.resolve(extracted);
        }
        throw new IOException(dir + ": no CIFAR binary files — expected " + marker + " in it or in "
                + dir.resolve(extracted));
    }

    /** Non-empty trimmed lines of {@code file} if it exists and has as many names as {@code standard}. */
    private static List<String> names(Path file, List<String> standard) throws IOException {
        if (!Files.isRegularFile(file)) {
            return standard;
        }
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        if (out.size() != standard.size()) {
            throw new CorruptDataException(file, "has " + out.size() + " class names, expected " + standard.size()
                    + " (one per line)");
        }
        return out;
    }
}
