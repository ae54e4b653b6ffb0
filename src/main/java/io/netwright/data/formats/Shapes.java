package io.netwright.data.formats;

import io.netwright.data.Draws;
import io.netwright.data.ImageDataset;
import io.netwright.tensor.Generator;
import java.util.List;

/**
 * A synthetic colour dataset for demos and tests that need RGB images without a download: one filled shape
 * (circle, square, triangle, cross, diamond or ring; with 10 classes also star, hexagon, bar and half-disc) per
 * image, of random colour, size, position and (limited) rotation, antialiased, on a random-coloured background with
 * per-pixel noise. Image {@code i} depends only on {@code (seed, i)}; labels cycle through the classes
 * ({@code i % classes}), so every prefix is class-balanced. The 10-class set stands in for CIFAR-10 in the sample
 * designs (same 3×32×32 input, same 10 outputs).
 *
 * <pre>{@code ImageDataset train = Shapes.generate(6000, 1), test = Shapes.generate(1200, 2);
 * ImageDataset ten = Shapes.generate(3000, 1, 32, 10);}</pre>
 */
public final class Shapes {

    /** The class names of the default six-class set, by label. */
    public static final List<String> CLASSES = List.of("circle", "square", "triangle", "cross", "diamond", "ring");

    /** Every class name, by label: the six of {@link #CLASSES}, then four more for a ten-class set. */
    public static final List<String> ALL_CLASSES = List.of("circle", "square", "triangle", "cross", "diamond", "ring",
            "star", "hexagon", "bar", "half-disc");

    private static final int SUPERSAMPLE = 3;
    private static final double[] TRI_COS = {Math.cos(Math.toRadians(90)), Math.cos(Math.toRadians(210)),
        Math.cos(Math.toRadians(330))};
    private static final double[] TRI_SIN = {Math.sin(Math.toRadians(90)), Math.sin(Math.toRadians(210)),
        Math.sin(Math.toRadians(330))};

    private Shapes() {
    }

    /** {@code count} 32×32 RGB images. */
    public static ImageDataset generate(int count, long seed) {
        return generate(count, seed, 32);
    }

    /** {@code count} {@code size×size} RGB images (size ≥ 8) of the six {@link #CLASSES}. */
    public static ImageDataset generate(int count, long seed, int size) {
        return generate(count, seed, size, CLASSES.size());
    }

    /**
     * {@code count} {@code size×size} RGB images of the first {@code classes} (2 to 10) of {@link #ALL_CLASSES}.
     * The six-class set is the same for the same seed whichever method made it.
     */
    public static ImageDataset generate(int count, long seed, int size, int classes) {
        if (classes < 2 || classes > ALL_CLASSES.size()) {
            throw new IllegalArgumentException("Shapes: classes must be 2 to " + ALL_CLASSES.size() + ", got "
                    + classes);
        }
        if (count < 0) {
            throw new IllegalArgumentException("Shapes: count must be >= 0, got " + count);
        }
        if (size < 8) {
            throw new IllegalArgumentException("Shapes: size must be at least 8 pixels, got " + size);
        }
        int per = 3 * size * size;
        byte[] pixels = new byte[Math.multiplyExact(count, per)];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            render(new Generator(Draws.mix(seed, i)), Draws.mix(seed, i, 1), labels[i], size, pixels, i * per);
        }
        return new ImageDataset("Shapes(seed=" + seed + ")", ALL_CLASSES.subList(0, classes), 3, size, size, pixels,
                labels);
    }

    /** Draws the image; shape parameters come from {@code g}, pixel noise from a SplitMix64 stream at {@code noiseSeed}. */
    private static void render(Generator g, long noiseSeed, int shape, int s, byte[] out, int offset) {
        double[] bg = {Draws.uniform(g, 0, 255), Draws.uniform(g, 0, 255), Draws.uniform(g, 0, 255)};
        double[] fg = contrastingColour(g, bg);
        double noise = Draws.uniform(g, 6, 24);
        double r = Draws.uniform(g, 0.22, 0.42) * s;
        double cx = Draws.uniform(g, r + 1, s - r - 1);
        double cy = Draws.uniform(g, r + 1, s - r - 1);
        double theta = Math.toRadians(switch (shape) {
            case 1 -> Draws.uniform(g, -20, 20);         // square: near axis-aligned
            case 4 -> 45 + Draws.uniform(g, -20, 20);    // diamond: a square turned ~45 degrees
            case 2 -> Draws.uniform(g, 0, 360);          // triangle: any way up
            case 3 -> Draws.uniform(g, -30, 30);         // cross: a plus sign, tilted a little
            case 6 -> Draws.uniform(g, 0, 72);           // star: five points, any way round
            case 7 -> Draws.uniform(g, 0, 60);           // hexagon
            case 8 -> Draws.uniform(g, 0, 180);          // bar: one arm of a cross, any direction
            case 9 -> Draws.uniform(g, 0, 360);          // half-disc: flat side any way
            default -> 0;
        });
        long state = noiseSeed;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                int hits = 0;
                for (int sy = 0; sy < SUPERSAMPLE; sy++) {
                    for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                        double px = x + (sx + 0.5) / SUPERSAMPLE - cx;
                        double py = y + (sy + 0.5) / SUPERSAMPLE - cy;
                        double u = (cos * px + sin * py) / r;
                        double v = (-sin * px + cos * py) / r;
                        if (inside(shape, u, v)) {
                            hits++;
                        }
                    }
                }
                double a = hits / (double) (SUPERSAMPLE * SUPERSAMPLE);
                int o = offset + (y * s + x) * 3;
                for (int c = 0; c < 3; c++) {
                    state += 0x9E3779B97F4A7C15L;
                    double back = bg[c] + noise * (2 * Draws.unit(state) - 1);
                    double v = back * (1 - a) + fg[c] * a;
                    out[o + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
    }

    /** A colour at least 120 away from {@code bg} in RGB if one of a few draws is; else the farthest drawn. */
    private static double[] contrastingColour(Generator g, double[] bg) {
        double[] best = null;
        double bestDist = -1;
        for (int attempt = 0; attempt < 8; attempt++) {
            double[] c = {Draws.uniform(g, 0, 255), Draws.uniform(g, 0, 255), Draws.uniform(g, 0, 255)};
            double d = Math.sqrt(Math.pow(c[0] - bg[0], 2) + Math.pow(c[1] - bg[1], 2) + Math.pow(c[2] - bg[2], 2));
            if (d > bestDist) {
                best = c;
                bestDist = d;
            }
            if (d >= 120) {
                break;
            }
        }
        return best;
    }

    /** Whether shape-local point (u, v) (unit radius, y down) is inside the shape. */
    static boolean inside(int shape, double u, double v) {
        switch (shape) {
            case 0:
                return u * u + v * v <= 1;
            case 1:
            case 4:
                return Math.abs(u) <= 0.8 && Math.abs(v) <= 0.8;
            case 2: {
                // Equilateral triangle with circumradius 1, apex up: three half-planes at distance 0.5.
                for (int k = 0; k < 3; k++) {
                    if (u * TRI_COS[k] - v * TRI_SIN[k] < -0.5) {
                        return false;
                    }
                }
                return true;
            }
            case 3:
                return (Math.abs(u) <= 0.3 && Math.abs(v) <= 0.95) || (Math.abs(u) <= 0.95 && Math.abs(v) <= 0.3);
            case 5: {
                double d = u * u + v * v;
                return d <= 1 && d >= 0.55 * 0.55;
            }
            case 6:
                return insideStar(u, v);
            case 7: {
                // Regular hexagon with circumradius 1: six half-planes at the apothem sqrt(3)/2.
                for (int k = 0; k < 6; k++) {
                    double a = Math.PI / 3 * k;
                    if (u * Math.cos(a) + v * Math.sin(a) > 0.866) {
                        return false;
                    }
                }
                return true;
            }
            case 8:
                return Math.abs(u) <= 0.95 && Math.abs(v) <= 0.3;
            case 9:
                return u * u + v * v <= 1 && v >= -0.1;
            default:
                throw new IllegalArgumentException("Shapes: unknown shape " + shape);
        }
    }

    /** A five-pointed star, outer radius 1, inner 0.45, a point up: inside if within the star's edge at that angle. */
    private static boolean insideStar(double u, double v) {
        double r = Math.sqrt(u * u + v * v);
        if (r > 1) {
            return false;
        }
        double sector = Math.PI / 5;
        double a = Math.atan2(u, -v); // 0 = up (y down), so a point is at a = 0
        // Fold into one half-arm: 0 is the direction of an inner corner, sector that of a point.
        a = Math.abs(((a % (2 * sector)) + 2 * sector) % (2 * sector) - sector);
        double inner = 0.45;
        // The edge from the inner corner (inner, angle 0) to the tip (1, angle sector), in polar form.
        double x1 = inner;
        double y1 = 0;
        double x2 = Math.cos(sector);
        double y2 = Math.sin(sector);
        double px = r * Math.cos(a);
        double py = r * Math.sin(a);
        // Inside if on the origin's side of the edge line.
        double cross = (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1);
        return cross >= 0;
    }
}
