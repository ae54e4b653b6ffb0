package io.netwright.data.transforms;

import io.netwright.data.Draws;
import io.netwright.data.Image;
import io.netwright.tensor.Generator;
import java.util.Arrays;

/**
 * With probability {@code p}, overwrites a random rectangle with a value, like torchvision's
 * {@code RandomErasing(p=0.5, scale=(0.02, 0.33), ratio=(0.3, 3.3), value=0)} (Zhong et al., 2017). Up to ten
 * tries draw an area fraction from {@code scale} and a log-uniform aspect ratio from {@code ratio}; the first
 * rectangle that fits strictly inside the image is erased at a uniform position. Applied after
 * {@link ToTensor} (and usually after {@link Normalize}).
 */
public final class RandomErasing implements ImageTransform {

    private final double p;
    private final double[] scale;
    private final double[] ratio;
    private final double[] value;

    /** torchvision's defaults: p 0.5, scale (0.02, 0.33), ratio (0.3, 3.3), value 0. */
    public RandomErasing() {
        this(0.5, new double[]{0.02, 0.33}, new double[]{0.3, 3.3}, new double[]{0});
    }

    /**
     * The general form.
     *
     * @param value one value, one per channel, or {@code null} for standard-normal noise ({@code value="random"})
     */
    public RandomErasing(double p, double[] scale, double[] ratio, double[] value) {
        this.p = Pixels.checkProbability("RandomErasing", p);
        if (scale.length != 2 || scale[0] < 0 || scale[1] > 1 || scale[0] > scale[1]) {
            throw new IllegalArgumentException("RandomErasing: scale should be (min, max) between 0 and 1 with "
                    + "min <= max, got " + Arrays.toString(scale));
        }
        if (ratio.length != 2 || ratio[0] <= 0 || ratio[0] > ratio[1]) {
            throw new IllegalArgumentException("RandomErasing: ratio should be (min, max) with 0 < min <= max, got "
                    + Arrays.toString(ratio));
        }
        this.scale = scale.clone();
        this.ratio = ratio.clone();
        this.value = value == null ? null : value.clone();
    }

    @Override
    public Image apply(Image img, Generator rng) {
        if (!Draws.bernoulli(rng, p)) {
            return img;
        }
        int c = img.channels();
        int h = img.height();
        int w = img.width();
        if (value != null && value.length != 1 && value.length != c) {
            throw new IllegalArgumentException("RandomErasing: if value is a sequence, it should have either a single"
                    + " value or " + c + " (number of input channels), got " + value.length);
        }
        double area = (double) h * w;
        double logLo = Math.log(ratio[0]);
        double logHi = Math.log(ratio[1]);
        for (int attempt = 0; attempt < 10; attempt++) {
            double eraseArea = area * Draws.uniform(rng, scale[0], scale[1]);
            double aspect = Math.exp(Draws.uniform(rng, logLo, logHi));
            int eh = (int) Math.rint(Math.sqrt(eraseArea * aspect));
            int ew = (int) Math.rint(Math.sqrt(eraseArea / aspect));
            if (!(eh < h && ew < w)) {
                continue;
            }
            float[] noise = null;
            if (value == null) {
                noise = new float[c * eh * ew];
                for (int k = 0; k < noise.length; k++) {
                    noise[k] = (float) Draws.normal(rng);
                }
            }
            int top = Draws.randint(rng, 0, h - eh + 1);
            int left = Draws.randint(rng, 0, w - ew + 1);
            return erase(img, top, left, eh, ew, noise);
        }
        return img;
    }

    private Image erase(Image img, int top, int left, int eh, int ew, float[] noise) {
        Image out = img.copy();
        for (int ch = 0; ch < img.channels(); ch++) {
            for (int y = 0; y < eh; y++) {
                for (int x = 0; x < ew; x++) {
                    float v = noise != null ? noise[(ch * eh + y) * ew + x]
                            : (float) value[value.length == 1 ? 0 : ch];
                    out.set(ch, top + y, left + x, v);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "RandomErasing(p=" + p + ", scale=(" + scale[0] + ", " + scale[1] + "), ratio=(" + ratio[0] + ", "
                + ratio[1] + "), value=" + (value == null ? "random" : Pixels.fillString(value)) + ", inplace=False)";
    }
}
