package io.netwright.ui.data;

import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The range of one sample's values per channel, in the units the dataset stores (0–255 for 8-bit images, the
 * floats themselves otherwise): what the large view shows so a user can check scaling and normalisation.
 *
 * @param unit     {@code 0–255} for 8-bit images, {@code float} otherwise
 * @param channels one entry per channel
 */
public record PixelStats(String unit, List<Channel> channels) {

    /**
     * One channel's figures.
     *
     * @param min  smallest value
     * @param max  largest value
     * @param mean mean value
     */
    public record Channel(double min, double max, double mean) {
    }

    /** Copies the list. */
    public PixelStats {
        channels = List.copyOf(channels);
    }

    /** The figures of a sample input (a {@link ByteImage}, an {@link Image} or a {@code float[]} feature vector). */
    public static PixelStats of(Object input) {
        if (input instanceof ByteImage b) {
            List<Channel> out = new ArrayList<>();
            byte[] d = b.data();
            int c = b.channels();
            for (int ch = 0; ch < c; ch++) {
                int min = 255;
                int max = 0;
                long sum = 0;
                for (int i = ch; i < d.length; i += c) {
                    int v = d[i] & 0xFF;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                }
                out.add(new Channel(min, max, (double) sum / (d.length / c)));
            }
            return new PixelStats("0–255", out);
        }
        if (input instanceof Image im) {
            List<Channel> out = new ArrayList<>();
            int plane = im.height() * im.width();
            for (int ch = 0; ch < im.channels(); ch++) {
                out.add(range(im.data(), ch * plane, plane));
            }
            return new PixelStats("float", out);
        }
        if (input instanceof float[] f) {
            return new PixelStats("float", List.of(range(f, 0, f.length)));
        }
        throw new IllegalArgumentException("no pixel statistics for a " + input.getClass().getSimpleName());
    }

    private static Channel range(float[] d, int from, int n) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            min = Math.min(min, d[i]);
            max = Math.max(max, d[i]);
            sum += d[i];
        }
        return new Channel(min, max, n == 0 ? Double.NaN : sum / n);
    }

    /** One line per channel: {@code R: min 0, max 255, mean 72.9}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        String[] rgb = {"R", "G", "B"};
        for (int i = 0; i < channels.size(); i++) {
            String name = channels.size() == 1 ? "value" : channels.size() == 3 ? rgb[i] : "channel " + i;
            Channel c = channels.get(i);
            out.add(String.format(Locale.ROOT, "%s: min %s, max %s, mean %.3f", name, num(c.min()), num(c.max()),
                    c.mean()));
        }
        return out;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
