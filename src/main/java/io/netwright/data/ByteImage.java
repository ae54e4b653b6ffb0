package io.netwright.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A compact 8-bit image as datasets store it: {@code height × width × channels} unsigned bytes in HWC order (the
 * layout of PIL and of decoded files). One byte per value keeps 60,000 MNIST images in 47 MB; {@code ToTensor}
 * (or the default {@link Collate}) turns it into CHW floats in [0, 1].
 *
 * <p>The array is owned by the image: datasets hand out a fresh copy per {@code get}, so callers may modify it.
 *
 * @param channels 1 (grayscale) or 3 (RGB), or any positive count
 * @param height   rows
 * @param width    columns
 * @param data     {@code height*width*channels} bytes, HWC, read as unsigned
 */
public record ByteImage(int channels, int height, int width, byte[] data) {

    /** Validates the sizes. */
    public ByteImage {
        Objects.requireNonNull(data, "data");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("ByteImage: sizes must be positive, got channels=" + channels
                    + " height=" + height + " width=" + width);
        }
        if ((long) channels * height * width != data.length) {
            throw new IllegalArgumentException("ByteImage: " + height + "x" + width + "x" + channels + " needs "
                    + (long) channels * height * width + " bytes but " + data.length + " were given");
        }
    }

    /** The value (0–255) of channel {@code c} at row {@code y}, column {@code x}. */
    public int get(int c, int y, int x) {
        return data[(y * width + x) * channels + c] & 0xFF;
    }

    /** CHW floats in [0, 1] (value / 255): what {@code ToTensor} returns. */
    public Image toImage() {
        float[] out = new float[data.length];
        writeChwFloats(out, 0);
        return new Image(channels, height, width, out);
    }

    /** Writes this image as CHW floats in [0, 1] into {@code out} at {@code offset} (collation fast path). */
    public void writeChwFloats(float[] out, int offset) {
        int plane = height * width;
        if (channels == 1) {
            for (int i = 0; i < plane; i++) {
                out[offset + i] = (data[i] & 0xFF) / 255f;
            }
            return;
        }
        for (int p = 0, src = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                out[offset + c * plane + p] = (data[src++] & 0xFF) / 255f;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteImage b && b.channels == channels && b.height == height && b.width == width
                && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, height, width, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "ByteImage(" + channels + "x" + height + "x" + width + ")";
    }
}
