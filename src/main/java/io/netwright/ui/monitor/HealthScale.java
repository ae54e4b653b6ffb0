package io.netwright.ui.monitor;

import java.util.Collection;
import java.util.Locale;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;

/**
 * A log-scale colour ramp from {@code min} (blue: small, vanishing) through green to {@code max} (red: large,
 * exploding). Values outside are clamped to the ends; zero counts as {@code min}.
 *
 * @param min the value at the blue end (positive)
 * @param max the value at the red end (greater than {@code min})
 */
public record HealthScale(double min, double max) {

    private static final Color[] RAMP = {Color.web("#2f6fed"), Color.web("#0e9aa7"), Color.web("#12b76a"),
        Color.web("#f2c14e"), Color.web("#d92d20")};

    /** Checks the range. */
    public HealthScale {
        if (!(min > 0 && max > min && Double.isFinite(max))) {
            throw new IllegalArgumentException("HealthScale needs 0 < min < max, got min=" + min + " max=" + max);
        }
    }

    /** The fixed scale for update ratios: 1e-5 to 1e-1, the healthy 1e-3 in the middle (green). */
    public static HealthScale updateRatio() {
        return new HealthScale(1e-5, 1e-1);
    }

    /**
     * A scale spanning {@code values} (NaN, infinite and non-positive ones ignored), widened to at least one decade
     * around their geometric middle; {@code 1e-3..1e1} when there is nothing to span.
     */
    public static HealthScale spanning(Collection<Double> values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : values) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi == 0) {
            return new HealthScale(1e-3, 1e1);
        }
        if (hi / lo < 10) {
            double mid = Math.sqrt(lo * hi);
            lo = mid / Math.sqrt(10);
            hi = mid * Math.sqrt(10);
        }
        return new HealthScale(lo, hi);
    }

    /** Where {@code value} falls, 0 (min) to 1 (max), on the log scale. */
    public double position(double value) {
        if (!(value > 0)) {
            return 0;
        }
        double t = (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        return Math.max(0, Math.min(1, t));
    }

    /** The colour of {@code value}. */
    public Color color(double value) {
        double t = position(value) * (RAMP.length - 1);
        int i = Math.min((int) Math.floor(t), RAMP.length - 2);
        return RAMP[i].interpolate(RAMP[i + 1], t - i);
    }

    /** The ramp as a left-to-right gradient, for the legend. */
    public static LinearGradient gradient() {
        Stop[] stops = new Stop[RAMP.length];
        for (int i = 0; i < RAMP.length; i++) {
            stops[i] = new Stop((double) i / (RAMP.length - 1), RAMP[i]);
        }
        return new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops);
    }

    /** {@code 1e-05} style text of {@code v}. */
    static String text(double v) {
        return String.format(Locale.ROOT, "%.0e", v);
    }
}
