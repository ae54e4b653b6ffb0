package io.netwright.data.transforms;

import io.netwright.data.Draws;
import io.netwright.data.Image;
import io.netwright.tensor.Generator;

/** Mirrors top–bottom with probability {@code p} (default 0.5), like torchvision's {@code RandomVerticalFlip}. */
public final class RandomVerticalFlip implements ImageTransform {

    private final double p;

    /** Flip with probability 0.5. */
    public RandomVerticalFlip() {
        this(0.5);
    }

    /** Flip with probability {@code p} in [0, 1]. */
    public RandomVerticalFlip(double p) {
        this.p = Pixels.checkProbability("RandomVerticalFlip", p);
    }

    @Override
    public Image apply(Image img, Generator rng) {
        return Draws.bernoulli(rng, p) ? flip(img) : img;
    }

    /** The image mirrored top–bottom (always). */
    public static Image flip(Image img) {
        int w = img.width();
        int h = img.height();
        float[] src = img.data();
        float[] out = new float[src.length];
        for (int c = 0; c < img.channels(); c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(src, (c * h + h - 1 - y) * w, out, (c * h + y) * w, w);
            }
        }
        return new Image(img.channels(), h, w, out);
    }

    @Override
    public String toString() {
        return "RandomVerticalFlip(p=" + p + ")";
    }
}
