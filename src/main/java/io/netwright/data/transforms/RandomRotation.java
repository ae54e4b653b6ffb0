package io.netwright.data.transforms;

import io.netwright.data.Draws;
import io.netwright.data.Image;
import io.netwright.tensor.Generator;

/**
 * Rotates by an angle drawn uniformly from {@code [min, max]} degrees about the image centre, counter-clockwise for
 * positive angles, like torchvision's {@code RandomRotation(degrees, interpolation=NEAREST, expand=False, fill=0)}.
 * The output keeps the input size; pixels that come from outside the input get {@code fill}.
 */
public final class RandomRotation implements ImageTransform {

    private final double min;
    private final double max;
    private final Interpolation interpolation;
    private final double[] fill;

    /** Angles in {@code [-degrees, degrees]}, nearest-neighbour, fill 0. */
    public RandomRotation(double degrees) {
        this(-checkDegrees(degrees), degrees, Interpolation.NEAREST, new double[]{0});
    }

    /**
     * Angles in {@code [min, max]}.
     *
     * @param fill one value or one per channel for pixels outside the rotated input
     */
    public RandomRotation(double min, double max, Interpolation interpolation, double[] fill) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("RandomRotation: degrees should be (min, max) with min <= max, got ("
                    + min + ", " + max + ")");
        }
        this.min = min;
        this.max = max;
        this.interpolation = interpolation;
        this.fill = fill.clone();
    }

    private static double checkDegrees(double d) {
        if (d < 0) {
            throw new IllegalArgumentException("RandomRotation: if degrees is a single number, it must be positive,"
                    + " got " + d);
        }
        return d;
    }

    @Override
    public Image apply(Image img, Generator rng) {
        double angle = Draws.uniform(rng, min, max);
        return rotate(img, angle, interpolation, Pixels.fillFor("RandomRotation", fill, img.channels()));
    }

    /** {@code img} rotated by {@code degrees} counter-clockwise about its centre. */
    public static Image rotate(Image img, double degrees, Interpolation interpolation, float[] fill) {
        int c = img.channels();
        int h = img.height();
        int w = img.width();
        double rad = Math.toRadians(degrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        float[] src = img.data();
        float[] dst = new float[src.length];
        for (int y = 0; y < h; y++) {
            double oy = y + 0.5 - h * 0.5;
            for (int x = 0; x < w; x++) {
                double ox = x + 0.5 - w * 0.5;
                // Inverse map: the input point that lands on output (ox, oy); pixel centres sit at i + 0.5.
                double ix = cos * ox - sin * oy + w * 0.5 - 0.5;
                double iy = sin * ox + cos * oy + h * 0.5 - 0.5;
                if (interpolation == Interpolation.NEAREST) {
                    int sx = (int) Math.rint(ix);
                    int sy = (int) Math.rint(iy);
                    boolean inside = sx >= 0 && sx < w && sy >= 0 && sy < h;
                    for (int ch = 0; ch < c; ch++) {
                        dst[(ch * h + y) * w + x] = inside ? src[(ch * h + sy) * w + sx] : fill[ch];
                    }
                } else {
                    bilinear(src, dst, c, h, w, x, y, ix, iy, fill);
                }
            }
        }
        return new Image(c, h, w, dst);
    }

    /** grid_sample bilinear with zero padding, then {@code v * m + (1 - m) * fill} with m the sampled coverage
     * (torchvision's formula). */
    private static void bilinear(float[] src, float[] dst, int c, int h, int w, int x, int y, double ix, double iy,
            float[] fill) {
        int x0 = (int) Math.floor(ix);
        int y0 = (int) Math.floor(iy);
        double fx = ix - x0;
        double fy = iy - y0;
        double[] wts = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
        int[] xs = {x0, x0 + 1, x0, x0 + 1};
        int[] ys = {y0, y0, y0 + 1, y0 + 1};
        double coverage = 0;
        for (int k = 0; k < 4; k++) {
            if (xs[k] >= 0 && xs[k] < w && ys[k] >= 0 && ys[k] < h) {
                coverage += wts[k];
            }
        }
        for (int ch = 0; ch < c; ch++) {
            double acc = 0;
            for (int k = 0; k < 4; k++) {
                if (xs[k] >= 0 && xs[k] < w && ys[k] >= 0 && ys[k] < h) {
                    acc += wts[k] * src[(ch * h + ys[k]) * w + xs[k]];
                }
            }
            // torchvision multiplies the zero-padded sample by the coverage mask before adding the fill.
            dst[(ch * h + y) * w + x] = (float) (acc * coverage + (1 - coverage) * fill[ch]);
        }
    }

    @Override
    public String toString() {
        return "RandomRotation(degrees=[" + min + ", " + max + "], interpolation="
                + interpolation.name().toLowerCase(java.util.Locale.ROOT) + ", expand=False, fill="
                + Pixels.fillString(fill) + ")";
    }
}
