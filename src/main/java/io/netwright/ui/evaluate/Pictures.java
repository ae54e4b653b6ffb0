package io.netwright.ui.evaluate;

import io.netwright.data.ByteImage;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** Turns samples and feature maps into JavaFX images, scaled up by whole pixels so small images stay crisp. */
final class Pictures {

    private Pictures() {
    }

    /** {@code b} (HWC bytes, 1 or 3 channels) scaled so its longer side is about {@code size} pixels. */
    static WritableImage of(ByteImage b, int size) {
        int s = scale(b.height(), b.width(), size);
        WritableImage img = new WritableImage(b.width() * s, b.height() * s);
        PixelWriter w = img.getPixelWriter();
        byte[] d = b.data();
        int c = b.channels();
        for (int y = 0; y < b.height(); y++) {
            for (int x = 0; x < b.width(); x++) {
                int o = (y * b.width() + x) * c;
                int r = d[o] & 0xFF;
                int g = c >= 3 ? d[o + 1] & 0xFF : r;
                int bl = c >= 3 ? d[o + 2] & 0xFF : r;
                fill(w, x * s, y * s, s, 0xFF000000 | r << 16 | g << 8 | bl);
            }
        }
        return img;
    }

    /**
     * A feature map ({@code h × w} floats, row-major) in grey, normalised to its own minimum (black) and maximum
     * (white) so every channel uses the full range; a constant map is mid-grey.
     */
    static WritableImage ofMap(float[] values, int h, int w, int size) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float range = hi - lo;
        int s = scale(h, w, size);
        WritableImage img = new WritableImage(w * s, h * s);
        PixelWriter pw = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = values[y * w + x];
                int g = range > 0 && Float.isFinite(range) ? Math.round((v - lo) / range * 255f) : 128;
                fill(pw, x * s, y * s, s, 0xFF000000 | g << 16 | g << 8 | g);
            }
        }
        return img;
    }

    private static int scale(int h, int w, int size) {
        return Math.max(1, size / Math.max(1, Math.max(h, w)));
    }

    private static void fill(PixelWriter w, int x0, int y0, int s, int argb) {
        for (int dy = 0; dy < s; dy++) {
            for (int dx = 0; dx < s; dx++) {
                w.setArgb(x0 + dx, y0 + dy, argb);
            }
        }
    }
}
