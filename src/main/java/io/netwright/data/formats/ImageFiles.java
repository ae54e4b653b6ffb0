package io.netwright.data.formats;

import io.netwright.data.ByteImage;
import io.netwright.data.CorruptDataException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Decodes image files (PNG, JPEG, BMP, GIF; whatever {@code javax.imageio} reads) into {@link ByteImage}s and
 * writes them back. Grayscale files are read from their raster (not through {@code getRGB}, which would apply a
 * gamma curve), so an 8-bit gray PNG round-trips exactly.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * Decodes {@code file} into {@code mode}'s channels.
     *
     * @throws CorruptDataException naming the file when it cannot be decoded
     */
    public static ByteImage read(Path file, ColorMode mode) throws IOException {
        io.netwright.files.InputFiles.requireRegularFile(file, "image");
        BufferedImage img;
        try {
            img = decode(file);
        } catch (CorruptDataException e) {
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? "the data is damaged"
                    : e.getMessage().lines().findFirst().orElse("");
            throw new CorruptDataException(file, "cannot decode the image: " + why, e);
        }
        if (img == null) {
            throw new CorruptDataException(file, "not an image format javax.imageio can read (PNG, JPEG, BMP, GIF);"
                    + " the file starts with " + head(file));
        }
        try {
            return convert(img, mode);
        } catch (RuntimeException e) {
            throw new CorruptDataException(file, "cannot convert the decoded " + img.getWidth() + "x"
                    + img.getHeight() + " image to " + mode + ": " + e, e);
        }
    }

    /** The most pixels an image may declare before it is decoded (a 16384 × 16384 image). */
    public static final long MAX_PIXELS = 1L << 28;

    /**
     * Decodes {@code file}, refusing before any pixel memory is allocated an image whose header declares more than
     * {@link #MAX_PIXELS}; null when no reader knows the format.
     */
    private static BufferedImage decode(Path file) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                long w = r.getWidth(0);
                long h = r.getHeight(0);
                if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) {
                    throw new CorruptDataException(file, "the header declares a " + w + "x" + h + " image (at most "
                            + MAX_PIXELS + " pixels) — resize it or remove it from the dataset");
                }
                return r.read(0);
            } finally {
                r.dispose();
            }
        }
    }

    /** {@code img} as HWC bytes in {@code mode}. */
    public static ByteImage convert(BufferedImage img, ColorMode mode) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[w * h * mode.channels()];
        ColorModel cm = img.getColorModel();
        if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
            Raster r = img.getRaster();
            int bits = cm.getComponentSize(0);
            int max = (1 << bits) - 1;
            int[] row = new int[w];
            for (int y = 0, i = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    int v = bits == 8 ? row[x] : (int) Math.round(row[x] * 255.0 / max);
                    for (int c = 0; c < mode.channels(); c++) {
                        out[i++] = (byte) v;
                    }
                }
            }
        } else {
            int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
            for (int p = 0, i = 0; p < argb.length; p++) {
                int r = (argb[p] >> 16) & 0xFF;
                int g = (argb[p] >> 8) & 0xFF;
                int b = argb[p] & 0xFF;
                if (mode == ColorMode.GRAYSCALE) {
                    out[i++] = (byte) ((r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16);
                } else {
                    out[i++] = (byte) r;
                    out[i++] = (byte) g;
                    out[i++] = (byte) b;
                }
            }
        }
        return new ByteImage(mode.channels(), h, w, out);
    }

    /** A {@link BufferedImage} of a 1- or 3-channel image (gray or RGB). */
    public static BufferedImage toBufferedImage(ByteImage img) {
        int w = img.width();
        int h = img.height();
        byte[] d = img.data();
        if (img.channels() == 1) {
            BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            WritableRaster r = bi.getRaster();
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    row[x] = d[y * w + x] & 0xFF;
                }
                r.setSamples(0, y, w, 1, 0, row);
            }
            return bi;
        }
        if (img.channels() != 3) {
            throw new IllegalArgumentException("toBufferedImage: expects 1 or 3 channels, got " + img.channels());
        }
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[w * h];
        for (int p = 0; p < rgb.length; p++) {
            rgb[p] = (d[3 * p] & 0xFF) << 16 | (d[3 * p + 1] & 0xFF) << 8 | (d[3 * p + 2] & 0xFF);
        }
        bi.setRGB(0, 0, w, h, rgb, 0, w);
        return bi;
    }

    /** Writes {@code img} as {@code format} ("png", "jpeg", "bmp", "gif"). */
    public static void write(ByteImage img, String format, Path file) throws IOException {
        if (!ImageIO.write(toBufferedImage(img), format.toLowerCase(Locale.ROOT), file.toFile())) {
            throw new IOException(file + ": javax.imageio has no writer for format '" + format + "' and a "
                    + img.channels() + "-channel image");
        }
    }

    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(8);
            if (b.length == 0) {
                return "nothing (the file is empty)";
            }
            StringBuilder sb = new StringBuilder();
            for (byte x : b) {
                sb.append(String.format("%02x ", x));
            }
            return "bytes " + sb.toString().trim();
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
