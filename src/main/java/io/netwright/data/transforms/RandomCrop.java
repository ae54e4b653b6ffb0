package io.netwright.data.transforms;

import io.netwright.data.Draws;
import io.netwright.data.Image;
import io.netwright.tensor.Generator;

/**
 * Crops a random {@code height × width} window, after optional padding, like torchvision's {@code RandomCrop(size,
 * padding, pad_if_needed, fill, padding_mode)}. The window's top is drawn first, then its left, each uniformly over
 * the valid positions; when the (padded) image is exactly the crop size no numbers are drawn.
 *
 * <pre>{@code new RandomCrop(32, 4)   // the classic CIFAR augmentation}</pre>
 */
public final class RandomCrop implements ImageTransform {

    private final int height;
    private final int width;
    private final Padding padding;
    private final boolean padIfNeeded;
    private final double[] fill;
    private final PaddingMode paddingMode;

    /** A square crop without padding. */
    public RandomCrop(int size) {
        this(size, size, Padding.of(0), false, new double[]{0}, PaddingMode.CONSTANT);
    }

    /** A square crop after zero-padding every side by {@code padding}. */
    public RandomCrop(int size, int padding) {
        this(size, size, Padding.of(padding), false, new double[]{0}, PaddingMode.CONSTANT);
    }

    /**
     * The general form.
     *
     * @param padIfNeeded pad an image smaller than the crop (by the missing amount on both sides) instead of failing
     * @param fill        the constant for {@link PaddingMode#CONSTANT}: one value or one per channel
     */
    public RandomCrop(int height, int width, Padding padding, boolean padIfNeeded, double[] fill,
            PaddingMode paddingMode) {
        this.height = Pixels.checkSize("RandomCrop", "height", height);
        this.width = Pixels.checkSize("RandomCrop", "width", width);
        this.padding = padding;
        this.padIfNeeded = padIfNeeded;
        this.fill = fill.clone();
        this.paddingMode = paddingMode;
    }

    @Override
    public Image apply(Image img, Generator rng) {
        float[] f = Pixels.fillFor("RandomCrop", fill, img.channels());
        Image x = Pixels.pad(img, padding, f, paddingMode);
        if (padIfNeeded && x.width() < width) {
            x = Pixels.pad(x, Padding.of(width - x.width(), 0), f, paddingMode);
        }
        if (padIfNeeded && x.height() < height) {
            x = Pixels.pad(x, Padding.of(0, height - x.height()), f, paddingMode);
        }
        int h = x.height();
        int w = x.width();
        if (h < height || w < width) {
            throw new IllegalArgumentException("RandomCrop: required crop size (" + height + ", " + width
                    + ") is larger than input image size (" + h + ", " + w + ") — pad it (padding or padIfNeeded)"
                    + " or crop smaller");
        }
        if (h == height && w == width) {
            return x;
        }
        int top = Draws.randint(rng, 0, h - height + 1);
        int left = Draws.randint(rng, 0, w - width + 1);
        return Pixels.crop(x, top, left, height, width);
    }

    @Override
    public String toString() {
        return "RandomCrop(size=(" + height + ", " + width + "), padding=" + (padding.isZero() ? "None" : padding)
                + (padIfNeeded ? ", pad_if_needed=True" : "")
                + (fill.length == 1 && fill[0] == 0 ? "" : ", fill=" + Pixels.fillString(fill))
                + (paddingMode == PaddingMode.CONSTANT ? "" : ", padding_mode=" + paddingMode.torchName()) + ")";
    }
}
