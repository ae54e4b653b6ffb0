package io.netwright.train;

import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import io.netwright.data.formats.ColorMode;
import io.netwright.data.formats.ImageFiles;
import io.netwright.data.transforms.Normalize;
import io.netwright.data.transforms.Resize;
import io.netwright.graph.InputSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Fits single images to a design's image input, as training does: converted to the input's channels (grayscale ↔
 * RGB), resized to its height × width when they differ, scaled to [0, 1] and normalised with its mean/std. What
 * predicting an image file needs (the CLI's {@code predict}, the studio's "predict a file").
 *
 * <pre>{@code
 * Image x = InputImages.read(Path.of("shirt.png"), design.input());   // 1×28×28, normalised
 * }</pre>
 */
public final class InputImages {

    private InputImages() {
    }

    /**
     * Reads an image file (PNG, JPEG, BMP, GIF) and fits it to {@code spec}.
     *
     * @throws IOException if the file cannot be decoded
     * @throws IllegalArgumentException if {@code spec} is not an image input (1×H×W or 3×H×W)
     */
    public static Image read(Path file, InputSpec spec) throws IOException {
        requireImageInput(spec);
        return fit(ImageFiles.read(file, spec.dims()[0] == 1 ? ColorMode.GRAYSCALE : ColorMode.RGB), spec);
    }

    /** One decoded image fitted to {@code spec} (channels, size, [0, 1], normalisation). */
    public static Image fit(ByteImage b, InputSpec spec) {
        requireImageInput(spec);
        int[] d = spec.dims();
        Image im = convert(b, d[0]).toImage();
        if (im.height() != d[1] || im.width() != d[2]) {
            im = Resize.resize(im, d[1], d[2], true);
        }
        if (spec.mean().isEmpty()) {
            return im;
        }
        return new Normalize(perChannel(spec, true, d[0]), perChannel(spec, false, d[0])).apply(im, null);
    }

    /**
     * {@code b} with {@code channels} channels: gray replicated to RGB, or RGB to luma (ITU-R 601-2, as PIL).
     *
     * @throws IllegalArgumentException for channel counts other than 1 and 3
     */
    public static ByteImage convert(ByteImage b, int channels) {
        if (b.channels() == channels) {
            return b;
        }
        int n = b.height() * b.width();
        byte[] src = b.data();
        byte[] out = new byte[n * channels];
        if (b.channels() == 1 && channels == 3) {
            for (int p = 0; p < n; p++) {
                out[3 * p] = src[p];
                out[3 * p + 1] = src[p];
                out[3 * p + 2] = src[p];
            }
        } else if (b.channels() == 3 && channels == 1) {
            for (int p = 0; p < n; p++) {
                int r = src[3 * p] & 0xFF;
                int g = src[3 * p + 1] & 0xFF;
                int bl = src[3 * p + 2] & 0xFF;
                out[p] = (byte) ((r * 19595 + g * 38470 + bl * 7471 + 0x8000) >> 16);
            }
        } else {
            throw new IllegalArgumentException("cannot convert a " + b.channels() + "-channel image to " + channels
                    + " channels — images must have 1 (grayscale) or 3 (RGB) channels");
        }
        return new ByteImage(channels, b.height(), b.width(), out);
    }

    private static void requireImageInput(InputSpec spec) {
        int[] d = spec.dims();
        if (d.length != 3 || d[0] != 1 && d[0] != 3) {
            throw new IllegalArgumentException("the design input " + spec.shape() + " is not an image (1×H×W or "
                    + "3×H×W) — images can only be fed to an image input");
        }
    }

    private static double[] perChannel(InputSpec spec, boolean mean, int channels) {
        var values = mean ? spec.mean() : spec.std();
        double[] out = new double[channels];
        for (int i = 0; i < channels; i++) {
            out[i] = values.size() == 1 ? values.get(0) : values.get(i);
        }
        return out;
    }
}
