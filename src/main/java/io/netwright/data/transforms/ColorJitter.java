package io.netwright.data.transforms;

import io.netwright.data.Draws;
import io.netwright.data.Image;
import io.netwright.tensor.Generator;

/**
 * Random brightness, contrast, saturation and hue changes applied in a random order, like torchvision's
 * {@code ColorJitter(brightness, contrast, saturation, hue)} on float images in [0, 1]. A factor {@code b} means a
 * multiplier drawn from {@code [max(0, 1 - b), 1 + b]} (0 disables it); hue {@code h} in [0, 0.5] shifts hue by
 * a draw from {@code [-h, h]}. Draw order as in torchvision: the permutation of the four operations, then the
 * brightness, contrast, saturation and hue factors (enabled ones only).
 *
 * <p>brightness: {@code x * f}; contrast: blend with the mean grayscale value; saturation: blend with the grayscale
 * image; all clamped to [0, 1]. Grayscale images skip saturation and hue.
 */
public final class ColorJitter implements ImageTransform {

    private final double[] brightness;
    private final double[] contrast;
    private final double[] saturation;
    private final double[] hue;

    /** Brightness, contrast and saturation jitter (no hue). */
    public ColorJitter(double brightness, double contrast, double saturation) {
        this(brightness, contrast, saturation, 0);
    }

    /** All four; 0 disables one. */
    public ColorJitter(double brightness, double contrast, double saturation, double hue) {
        this.brightness = range("brightness", brightness);
        this.contrast = range("contrast", contrast);
        this.saturation = range("saturation", saturation);
        if (hue < 0 || hue > 0.5) {
            throw new IllegalArgumentException("ColorJitter: hue values should be between (-0.5, 0.5), got " + hue);
        }
        this.hue = hue == 0 ? null : new double[]{-hue, hue};
    }

    private static double[] range(String name, double v) {
        if (v < 0) {
            throw new IllegalArgumentException("ColorJitter: if " + name + " is a single number, it must be "
                    + "non negative, got " + v);
        }
        return v == 0 ? null : new double[]{Math.max(0, 1 - v), 1 + v};
    }

    @Override
    public Image apply(Image img, Generator rng) {
        int[] order = Draws.permutation(rng, 4);
        double b = brightness == null ? 1 : Draws.uniform(rng, brightness[0], brightness[1]);
        double c = contrast == null ? 1 : Draws.uniform(rng, contrast[0], contrast[1]);
        double s = saturation == null ? 1 : Draws.uniform(rng, saturation[0], saturation[1]);
        double h = hue == null ? 0 : Draws.uniform(rng, hue[0], hue[1]);
        Image x = img.copy();
        for (int op : order) {
            if (op == 0 && brightness != null) {
                adjustBrightness(x, b);
            } else if (op == 1 && contrast != null) {
                adjustContrast(x, c);
            } else if (op == 2 && saturation != null) {
                adjustSaturation(x, s);
            } else if (op == 3 && hue != null) {
                adjustHue(x, h);
            }
        }
        return x;
    }

    /** In place: {@code clamp(x * factor, 0, 1)}. */
    public static void adjustBrightness(Image img, double factor) {
        float[] d = img.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = clamp((float) factor * d[i]);
        }
    }

    /** In place: blend with the mean of the grayscale image. */
    public static void adjustContrast(Image img, double factor) {
        float[] gray = grayscale(img);
        double sum = 0;
        for (float g : gray) {
            sum += g;
        }
        float mean = (float) (sum / gray.length);
        float f = (float) factor;
        float[] d = img.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = clamp(f * d[i] + (1 - f) * mean);
        }
    }

    /** In place: blend with the grayscale image (no-op for one channel). */
    public static void adjustSaturation(Image img, double factor) {
        if (img.channels() != 3) {
            return;
        }
        float[] gray = grayscale(img);
        int plane = gray.length;
        float f = (float) factor;
        float[] d = img.data();
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                d[c * plane + p] = clamp(f * d[c * plane + p] + (1 - f) * gray[p]);
            }
        }
    }

    /** In place: shifts hue by {@code factor} (in turns, [-0.5, 0.5]) through HSV (no-op for one channel). */
    public static void adjustHue(Image img, double factor) {
        if (img.channels() != 3) {
            return;
        }
        float[] d = img.data();
        int plane = img.height() * img.width();
        for (int p = 0; p < plane; p++) {
            float r = d[p];
            float g = d[plane + p];
            float b = d[2 * plane + p];
            float maxc = Math.max(r, Math.max(g, b));
            float minc = Math.min(r, Math.min(g, b));
            boolean eq = maxc == minc;
            float cr = maxc - minc;
            float s = cr / (eq ? 1 : maxc);
            float div = eq ? 1 : cr;
            float rc = (maxc - r) / div;
            float gc = (maxc - g) / div;
            float bc = (maxc - b) / div;
            float hh;
            if (maxc == r) {
                hh = bc - gc;
            } else if (maxc == g) {
                hh = 2f + rc - bc;
            } else {
                hh = 4f + gc - rc;
            }
            float h = (hh / 6f + 1f) % 1f;
            h = (float) (h + factor) % 1f;
            if (h < 0) {
                h += 1f;
            }
            hsvToRgb(h, s, maxc, d, plane, p);
        }
    }

    private static void hsvToRgb(float h, float s, float v, float[] d, int plane, int p) {
        float i = (float) Math.floor(h * 6f);
        float f = h * 6f - i;
        float pp = clamp(v * (1f - s));
        float q = clamp(v * (1f - s * f));
        float t = clamp(v * (1f - s * (1f - f)));
        float r;
        float g;
        float b;
        switch (Math.floorMod((int) i, 6)) {
            case 0 -> { r = v; g = t; b = pp; }
            case 1 -> { r = q; g = v; b = pp; }
            case 2 -> { r = pp; g = v; b = t; }
            case 3 -> { r = pp; g = q; b = v; }
            case 4 -> { r = t; g = pp; b = v; }
            default -> { r = v; g = pp; b = q; }
        }
        d[p] = r;
        d[plane + p] = g;
        d[2 * plane + p] = b;
    }

    /** torchvision's {@code rgb_to_grayscale}: {@code 0.2989 R + 0.587 G + 0.114 B}; one channel is itself. */
    static float[] grayscale(Image img) {
        int plane = img.height() * img.width();
        float[] d = img.data();
        float[] out = new float[plane];
        if (img.channels() == 1) {
            System.arraycopy(d, 0, out, 0, plane);
            return out;
        }
        if (img.channels() != 3) {
            throw new IllegalArgumentException("ColorJitter: expects 1 or 3 channels, got " + img.channels());
        }
        for (int p = 0; p < plane; p++) {
            out[p] = 0.2989f * d[p] + 0.587f * d[plane + p] + 0.114f * d[2 * plane + p];
        }
        return out;
    }

    private static float clamp(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    @Override
    public String toString() {
        return "ColorJitter(brightness=" + fmt(brightness) + ", contrast=" + fmt(contrast) + ", saturation="
                + fmt(saturation) + ", hue=" + fmt(hue) + ")";
    }

    private static String fmt(double[] r) {
        return r == null ? "None" : "(" + r[0] + ", " + r[1] + ")";
    }
}
