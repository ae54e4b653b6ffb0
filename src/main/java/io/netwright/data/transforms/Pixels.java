package io.netwright.data.transforms;

import io.netwright.data.Image;
import java.util.Arrays;

/** Shared pixel operations of the transforms: padding, cropping, argument checks. */
final class Pixels {

    private Pixels() {
    }

    static double checkProbability(String who, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(who + ": p should be a probability between 0 and 1, got " + p);
        }
        return p;
    }

    static int checkSize(String who, String what, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(who + ": " + what + " must be positive, got " + v);
        }
        return v;
    }

    /** Per-channel fill values for {@code channels}, from one value or one per channel. */
    static float[] fillFor(String who, double[] fill, int channels) {
        float[] out = new float[channels];
        if (fill.length == 1) {
            Arrays.fill(out, (float) fill[0]);
        } else if (fill.length == channels) {
            for (int c = 0; c < channels; c++) {
                out[c] = (float) fill[c];
            }
        } else {
            throw new IllegalArgumentException(who + ": fill has " + fill.length + " values but the image has "
                    + channels + " channels — give one value or one per channel");
        }
        return out;
    }

    static String fillString(double[] fill) {
        return fill.length == 1 ? trim(fill[0]) : Arrays.toString(fill);
    }

    static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** {@code img} with {@code pad} added around it, filled as {@code mode} says. */
    static Image pad(Image img, Padding pad, float[] fill, PaddingMode mode) {
        if (pad.isZero()) {
            return img;
        }
        int h = img.height();
        int w = img.width();
        if ((mode == PaddingMode.REFLECT) && (pad.left() >= w || pad.right() >= w || pad.top() >= h
                || pad.bottom() >= h)) {
            throw new IllegalArgumentException("pad: reflect padding " + pad + " must be smaller than the image ("
                    + h + "x" + w + ") in each dimension");
        }
        int oh = h + pad.top() + pad.bottom();
        int ow = w + pad.left() + pad.right();
        Image out = Image.zeros(img.channels(), oh, ow);
        float[] src = img.data();
        float[] dst = out.data();
        int[] xs = new int[ow];
        for (int x = 0; x < ow; x++) {
            xs[x] = source(x - pad.left(), w, mode);
        }
        for (int c = 0; c < img.channels(); c++) {
            for (int y = 0; y < oh; y++) {
                int sy = source(y - pad.top(), h, mode);
                int rowOut = (c * oh + y) * ow;
                if (sy < 0) {
                    Arrays.fill(dst, rowOut, rowOut + ow, fill[c]);
                    continue;
                }
                int rowIn = (c * h + sy) * w;
                for (int x = 0; x < ow; x++) {
                    dst[rowOut + x] = xs[x] < 0 ? fill[c] : src[rowIn + xs[x]];
                }
            }
        }
        return out;
    }

    /** The source index for padded position {@code i} (may be outside [0, n)), or -1 for the fill value. */
    private static int source(int i, int n, PaddingMode mode) {
        if (i >= 0 && i < n) {
            return i;
        }
        switch (mode) {
            case CONSTANT:
                return -1;
            case EDGE:
                return i < 0 ? 0 : n - 1;
            case REFLECT: {
                if (n == 1) {
                    return 0;
                }
                int period = 2 * (n - 1);
                int m = Math.floorMod(i, period);
                return m < n ? m : period - m;
            }
            case SYMMETRIC: {
                int period = 2 * n;
                int m = Math.floorMod(i, period);
                return m < n ? m : period - 1 - m;
            }
            default:
                throw new AssertionError(mode);
        }
    }

    /** The {@code height × width} window at ({@code top}, {@code left}); it must lie inside the image. */
    static Image crop(Image img, int top, int left, int height, int width) {
        if (top == 0 && left == 0 && height == img.height() && width == img.width()) {
            return img;
        }
        if (top < 0 || left < 0 || top + height > img.height() || left + width > img.width()) {
            throw new IllegalArgumentException("crop: window " + height + "x" + width + " at (" + top + ", " + left
                    + ") is outside the " + img.height() + "x" + img.width() + " image");
        }
        Image out = Image.zeros(img.channels(), height, width);
        for (int c = 0; c < img.channels(); c++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(img.data(), (c * img.height() + top + y) * img.width() + left, out.data(),
                        (c * height + y) * width, width);
            }
        }
        return out;
    }
}
