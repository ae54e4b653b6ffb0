package io.netwright.data.transforms;

import io.netwright.data.Image;
import io.netwright.tensor.Generator;
import java.util.Arrays;

/**
 * {@code (x - mean[c]) / std[c]} per channel, like {@code torchvision.transforms.Normalize}. One value applies
 * to every channel.
 *
 * <pre>{@code new Normalize(new double[]{0.2860}, new double[]{0.3530})   // Fashion-MNIST}</pre>
 */
public final class Normalize implements ImageTransform {

    private final double[] mean;
    private final double[] std;

    /** Per-channel means and standard deviations (equal lengths; std non-zero). */
    public Normalize(double[] mean, double[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("Normalize: mean " + Arrays.toString(mean) + " and std "
                    + Arrays.toString(std) + " must be non-empty and of the same length (one value per channel)");
        }
        for (double s : std) {
            if ((float) s == 0f) {
                throw new IllegalArgumentException("Normalize: std evaluated to zero after conversion to float32, "
                        + "leading to division by zero (std=" + Arrays.toString(std) + ")");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    @Override
    public Image apply(Image img, Generator rng) {
        int c = img.channels();
        if (mean.length != 1 && mean.length != c) {
            throw new IllegalArgumentException("Normalize: mean and std have " + mean.length + " values but the"
                    + " image has " + c + " channels — give one value per channel (or one for all)");
        }
        int plane = img.height() * img.width();
        float[] src = img.data();
        float[] out = new float[src.length];
        for (int ch = 0; ch < c; ch++) {
            float m = (float) mean[mean.length == 1 ? 0 : ch];
            float s = (float) std[std.length == 1 ? 0 : ch];
            for (int p = ch * plane, end = p + plane; p < end; p++) {
                out[p] = (src[p] - m) / s;
            }
        }
        return new Image(c, img.height(), img.width(), out);
    }

    @Override
    public String toString() {
        return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
