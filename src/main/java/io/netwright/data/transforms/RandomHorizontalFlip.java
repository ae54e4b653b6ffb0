package io.netwright.data.transforms;

import io.netwright.data.Draws;
import io.netwright.data.Image;
import io.netwright.tensor.Generator;

/** Mirrors left–right with probability {@code p} (default 0.5), like torchvision's {@code RandomHorizontalFlip}. */
public final class RandomHorizontalFlip implements ImageTransform {

    private final double p;

    /** Flip with probability 0.5. */
    public RandomHorizontalFlip() {
        this(0.5);
    }

    /** Flip with probability {@code p} in [0, 1]. */
    public RandomHorizontalFlip(double p) {
        this.p = Pixels.checkProbability("RandomHorizontalFlip", p);
    }

    @Override
    public Image apply(Image img, Generator rng) {
        return Draws.bernoulli(rng, p) ? flip(img) : img;
    }

    /** The image mirrored left–right (always). */
    public static Image flip(Image img) {
        int w = img.width();
        float[] src = img.data();
        float[] out = new float[src.length];
        for (int row = 0; row < img.channels() * img.height(); row++) {
            int base = row * w;
            for (int x = 0; x < w; x++) {
                out[base + x] = src[base + w - 1 - x];
            }
        }
        return new Image(img.channels(), img.height(), w, out);
    }

    @Override
    public String toString() {
        return "RandomHorizontalFlip(p=" + p + ")";
    }
}
