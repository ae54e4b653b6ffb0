package io.netwright.ui.monitor;

import io.netwright.data.ByteImage;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Dataset images ({@link ByteImage}, HWC bytes) as JavaFX images. */
public final class ProbeImages {

    private ProbeImages() {
    }

    /**
     * {@code b} as an opaque image of the same size: one channel as grey, three as RGB; other counts show their
     * first channel as grey. Show it in an {@code ImageView} with {@code setSmooth(false)} to scale it crisply.
     */
    public static WritableImage toImage(ByteImage b) {
        int w = b.width();
        int h = b.height();
        int[] argb = new int[w * h];
        byte[] d = b.data();
        int c = b.channels();
        for (int p = 0; p < argb.length; p++) {
            int r;
            int g;
            int bl;
            if (c == 3) {
                r = d[p * 3] & 0xFF;
                g = d[p * 3 + 1] & 0xFF;
                bl = d[p * 3 + 2] & 0xFF;
            } else {
                r = d[p * c] & 0xFF;
                g = r;
                bl = r;
            }
            argb[p] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }
}
