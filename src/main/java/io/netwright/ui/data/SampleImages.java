package io.netwright.ui.data;

import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Turns dataset inputs into pictures: 8-bit images as they are, float images clamped to [0, 1], and feature
 * vectors (CSV rows) as a near-square grey tile scaled from their own minimum to maximum, so every kind of sample
 * can sit in the grid.
 */
public final class SampleImages {

    private SampleImages() {
    }

    /** Whether {@code input} is a picture (not a feature vector). */
    public static boolean isImage(Object input) {
        return input instanceof ByteImage || input instanceof Image;
    }

    /** The input as a float CHW image in [0, 1]: what augmentation works on and what is shown. */
    public static Image toImage(Object input) {
        if (input instanceof ByteImage b) {
            return b.toImage();
        }
        if (input instanceof Image im) {
            return im;
        }
        if (input instanceof float[] f) {
            return featureTile(f);
        }
        throw new IllegalArgumentException("cannot show a sample of type " + input.getClass().getSimpleName()
                + " — the Data tab shows ByteImage, Image or float[] inputs");
    }

    /** A feature vector laid out row by row in the smallest square that holds it, min..max mapped to 0..1. */
    static Image featureTile(float[] f) {
        int side = Math.max(1, (int) Math.ceil(Math.sqrt(f.length)));
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : f) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float range = max > min ? max - min : 1;
        float[] out = new float[side * side];
        for (int i = 0; i < f.length; i++) {
            out[i] = (f[i] - min) / range;
        }
        return new Image(1, side, side, out);
    }

    /** The input as a JavaFX image at its own size. */
    public static WritableImage toFx(Object input) {
        if (input instanceof ByteImage b) {
            return fromBytes(b);
        }
        return fromImage(toImage(input));
    }

    /**
     * An 8-bit image as ARGB pixels of the same size (grey for one channel, the first three channels otherwise); show
     * it in an {@code ImageView} with {@code setSmooth(false)} to scale it crisply.
     */
    public static WritableImage fromBytes(ByteImage b) {
        int w = b.width();
        int h = b.height();
        int c = b.channels();
        byte[] d = b.data();
        int[] argb = new int[w * h];
        for (int p = 0; p < argb.length; p++) {
            int base = p * c;
            int r = d[base] & 0xFF;
            int g = c >= 3 ? d[base + 1] & 0xFF : r;
            int bl = c >= 3 ? d[base + 2] & 0xFF : r;
            argb[p] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
        return write(w, h, argb);
    }

    /** A float CHW image as ARGB pixels, values clamped to [0, 1]. */
    public static WritableImage fromImage(Image im) {
        int w = im.width();
        int h = im.height();
        int plane = w * h;
        float[] d = im.data();
        int[] argb = new int[plane];
        for (int p = 0; p < plane; p++) {
            int r = byteOf(d[p]);
            int g = im.channels() >= 3 ? byteOf(d[plane + p]) : r;
            int bl = im.channels() >= 3 ? byteOf(d[2 * plane + p]) : r;
            argb[p] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
        return write(w, h, argb);
    }

    private static int byteOf(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }

    private static WritableImage write(int w, int h, int[] argb) {
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }
}
