package io.netwright.data.formats;

import io.netwright.data.CorruptDataException;
import io.netwright.data.ImageDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MNIST and Fashion-MNIST from their IDX files ({@code train-images-idx3-ubyte[.gz]},
 * {@code train-labels-idx1-ubyte[.gz]}, {@code t10k-...}): 28×28 grayscale images, one byte per pixel, and labels
 * 0–9. Loads into an {@link ImageDataset} (one byte array), so the 60,000 training images take 47 MB.
 *
 * <pre>{@code ImageDataset train = Mnist.fashion(Path.of("/usr/share/datasets/fashion-mnist"), Split.TRAIN);}</pre>
 */
public final class Mnist {

    /** Fashion-MNIST's class names, by label. */
    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** MNIST's class names ({@code "0"} to {@code "9"}), by label. */
    public static final List<String> DIGIT_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private Mnist() {
    }

    /** Fashion-MNIST's {@code split} from the folder holding its four IDX files. */
    public static ImageDataset fashion(Path dir, Split split) throws IOException {
        return load(dir, split, FASHION_CLASSES, "Fashion-MNIST");
    }

    /** MNIST's {@code split} from the folder holding its four IDX files. */
    public static ImageDataset digits(Path dir, Split split) throws IOException {
        return load(dir, split, DIGIT_CLASSES, "MNIST");
    }

    /** The {@code split} of an MNIST-style dataset in {@code dir} with the given class names. */
    public static ImageDataset load(Path dir, Split split, List<String> classes, String name) throws IOException {
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        Path images = find(dir, prefix, "images", 3);
        Path labels = find(dir, prefix, "labels", 1);
        return load(images, labels, classes, name + " " + split.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Images and labels from two IDX files.
     *
     * @throws CorruptDataException for a malformed file, a label outside the classes, or different counts
     */
    public static ImageDataset load(Path imagesFile, Path labelsFile, List<String> classes, String name)
            throws IOException {
        Idx.Array images = Idx.read(imagesFile, 3, "image data");
        Idx.Array labels = Idx.read(labelsFile, 1, "label data");
        int n = images.dims()[0];
        if (labels.dims()[0] != n) {
            throw new CorruptDataException(labelsFile, "has " + labels.dims()[0] + " labels but "
                    + imagesFile.getFileName() + " has " + n + " images — the two files must have one label per "
                    + "image (are they from the same split?)");
        }
        byte[] raw = labels.data();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = raw[i] & 0xFF;
            if (y[i] >= classes.size()) {
                throw new CorruptDataException(labelsFile, "label " + y[i] + " at entry " + i + " (offset "
                        + (labels.dataOffset() + i) + ") is outside 0.." + (classes.size() - 1) + " ("
                        + classes.size() + " classes)");
            }
        }
        return new ImageDataset(name, classes, 1, images.dims()[1], images.dims()[2], images.data(), y);
    }

    private static Path find(Path dir, String prefix, String kind, int ndim) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder — expected the folder holding " + prefix + "-" + kind
                    + "-idx" + ndim + "-ubyte[.gz]");
        }
        List<String> tried = new ArrayList<>();
        for (String base : List.of(prefix + "-" + kind + "-idx" + ndim + "-ubyte",
                prefix + "-" + kind + ".idx" + ndim + "-ubyte")) {
            for (String name : List.of(base + ".gz", base)) {
                tried.add(name);
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new IOException(dir + ": no " + prefix + " " + kind + " file; looked for " + String.join(", ", tried));
    }
}
