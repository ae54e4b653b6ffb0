package io.netwright.data.transforms;

import io.netwright.data.Image;
import io.netwright.tensor.Generator;

/**
 * Bilinear resize, like torchvision's {@code Resize(size, antialias=True)}. With one size the shorter edge becomes
 * {@code size} and the longer keeps the aspect ratio ({@code int(size * long / short)}); with two the output is
 * exactly {@code height × width}. Pixel centres are aligned as in {@code align_corners=False}; when shrinking with
 * antialias on (the default), the triangle filter widens with the scale factor as in PIL, so every input pixel
 * contributes.
 */
public final class Resize implements ImageTransform {

    private final int size;
    private final int height;
    private final int width;
    private final boolean antialias;

    /** Shorter edge to {@code size}, aspect ratio kept, antialiased. */
    public Resize(int size) {
        this(Pixels.checkSize("Resize", "size", size), -1, -1, true);
    }

    /** Exactly {@code height × width}, antialiased. */
    public Resize(int height, int width) {
        this(-1, Pixels.checkSize("Resize", "height", height), Pixels.checkSize("Resize", "width", width), true);
    }

    private Resize(int size, int height, int width, boolean antialias) {
        this.size = size;
        this.height = height;
        this.width = width;
        this.antialias = antialias;
    }

    /** The same resize with antialiasing on or off (off: plain 2x2 bilinear, as {@code antialias=False}). */
    public Resize antialias(boolean on) {
        return new Resize(size, height, width, on);
    }

    @Override
    public Image apply(Image img, Generator rng) {
        int h = img.height();
        int w = img.width();
        int oh;
        int ow;
        if (size > 0) {
            if (w <= h) {
                ow = size;
                oh = (int) ((long) size * h / w);
            } else {
                oh = size;
                ow = (int) ((long) size * w / h);
            }
        } else {
            oh = height;
            ow = width;
        }
        if (oh == h && ow == w) {
            return img;
        }
        return resize(img, oh, ow, antialias);
    }

    /** {@code img} resampled to {@code oh × ow} (separable: rows, then columns). */
    public static Image resize(Image img, int oh, int ow, boolean antialias) {
        int c = img.channels();
        int h = img.height();
        int w = img.width();
        Weights wx = weights(w, ow, antialias);
        Weights wy = weights(h, oh, antialias);
        float[] src = img.data();
        float[] tmp = new float[c * h * ow];
        for (int row = 0; row < c * h; row++) {
            int in = row * w;
            int out = row * ow;
            for (int x = 0; x < ow; x++) {
                double acc = 0;
                int k0 = x * wx.taps;
                for (int k = 0; k < wx.count[x]; k++) {
                    acc += wx.w[k0 + k] * src[in + wx.start[x] + k];
                }
                tmp[out + x] = (float) acc;
            }
        }
        float[] dst = new float[c * oh * ow];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < oh; y++) {
                int k0 = y * wy.taps;
                int out = (ch * oh + y) * ow;
                for (int x = 0; x < ow; x++) {
                    double acc = 0;
                    for (int k = 0; k < wy.count[y]; k++) {
                        acc += wy.w[k0 + k] * tmp[(ch * h + wy.start[y] + k) * ow + x];
                    }
                    dst[out + x] = (float) acc;
                }
            }
        }
        return new Image(c, oh, ow, dst);
    }

    /** Per output index: first input index, number of taps and normalised triangle weights (PIL's precompute). */
    private record Weights(int[] start, int[] count, double[] w, int taps) {
    }

    private static Weights weights(int in, int out, boolean antialias) {
        double scale = (double) in / out;
        double filterScale = antialias ? Math.max(scale, 1.0) : 1.0;
        double support = filterScale;
        int taps = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[out];
        int[] count = new int[out];
        double[] w = new double[out * taps];
        for (int i = 0; i < out; i++) {
            double center = (i + 0.5) * scale;
            int lo = Math.max((int) (center - support + 0.5), 0);
            int hi = Math.min((int) (center + support + 0.5), in);
            int n = Math.min(hi - lo, taps);
            double total = 0;
            for (int k = 0; k < n; k++) {
                double t = Math.abs((k + lo - center + 0.5) / filterScale);
                double v = t < 1 ? 1 - t : 0;
                w[i * taps + k] = v;
                total += v;
            }
            for (int k = 0; k < n; k++) {
                w[i * taps + k] = total == 0 ? 0 : w[i * taps + k] / total;
            }
            start[i] = lo;
            count[i] = n;
        }
        return new Weights(start, count, w, taps);
    }

    @Override
    public String toString() {
        String s = size > 0 ? Integer.toString(size) : "(" + height + ", " + width + ")";
        return "Resize(size=" + s + ", interpolation=bilinear, max_size=None, antialias="
                + (antialias ? "True" : "False") + ")";
    }
}
