package io.netwright.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Labelled images of one size held in memory as one byte array (HWC per image, images back to back): the compact
 * form IDX, CIFAR and the synthetic shapes load into. {@link #get} returns a copy of one image as a
 * {@link ByteImage}; transforms and collation turn it into floats.
 *
 * <pre>{@code ImageDataset train = Mnist.fashion(dir, Split.TRAIN); train.classes().get(train.label(0));}</pre>
 */
public final class ImageDataset implements LabeledDataset<ByteImage> {

    private final String name;
    private final List<String> classes;
    private final int channels;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final int[] labels;

    /**
     * Wraps {@code pixels} (not copied: the dataset takes ownership) holding {@code labels.length} images of
     * {@code height × width × channels} bytes each.
     *
     * @param name    a short description for messages and {@link #toString()}, e.g. "Fashion-MNIST train"
     * @param classes class names; every label must index into it
     */
    public ImageDataset(String name, List<String> classes, int channels, int height, int width, byte[] pixels,
            int[] labels) {
        this.name = Objects.requireNonNull(name, "name");
        this.classes = List.copyOf(classes);
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException(name + ": image sizes must be positive, got " + channels + "x"
                    + height + "x" + width);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = labels.clone();
        long expected = (long) labels.length * imageBytes();
        if (pixels.length != expected) {
            throw new IllegalArgumentException(name + ": " + labels.length + " images of " + height + "x" + width
                    + "x" + channels + " need " + expected + " bytes but " + pixels.length + " were given");
        }
        for (int i = 0; i < this.labels.length; i++) {
            if (this.labels[i] < 0 || this.labels[i] >= this.classes.size()) {
                throw new IllegalArgumentException(name + ": label " + this.labels[i] + " of sample " + i
                        + " is outside 0.." + (this.classes.size() - 1) + " (" + this.classes.size() + " classes)");
            }
        }
    }

    /** The description given at construction. */
    public String name() {
        return name;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    /** Channels per image (1 or 3). */
    public int channels() {
        return channels;
    }

    /** Image height. */
    public int height() {
        return height;
    }

    /** Image width. */
    public int width() {
        return width;
    }

    /** Bytes per image. */
    public int imageBytes() {
        return channels * height * width;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Sample<ByteImage> get(int index) {
        return new Sample<>(image(index), labels[index]);
    }

    /** Image {@code index} (a copy). */
    public ByteImage image(int index) {
        Dataset.checkIndex(index, labels.length);
        int n = imageBytes();
        return new ByteImage(channels, height, width, Arrays.copyOfRange(pixels, index * n, index * n + n));
    }

    @Override
    public int label(int index) {
        return labels[Dataset.checkIndex(index, labels.length)];
    }

    /** All labels in order (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public String toString() {
        return name + " (" + labels.length + " images, " + channels + "x" + height + "x" + width + ", "
                + classes.size() + " classes)";
    }
}
