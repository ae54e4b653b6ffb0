package io.netwright.ui.train;

import java.util.Arrays;

/**
 * Every point of one chart line, in plain growable arrays: the step and the (fractional) epoch of each point, so the
 * x axis can switch without losing anything, its value, and an exponential moving average of the values for the
 * smoothed line. Points arrive in x order. Never decimated: the display is ({@link Decimator}).
 */
public final class SeriesData {

    private double[] steps = new double[256];
    private double[] epochs = new double[256];
    private double[] values = new double[256];
    private double[] smooth = new double[256];
    private int size;
    private double smoothing = 0.9;
    private double emaRaw;
    private double emaWeight;

    /** Adds a point; non-finite values are kept (and skipped by the display). */
    public void add(double step, double epoch, double value) {
        if (size == steps.length) {
            int n = size * 2;
            steps = Arrays.copyOf(steps, n);
            epochs = Arrays.copyOf(epochs, n);
            values = Arrays.copyOf(values, n);
            smooth = Arrays.copyOf(smooth, n);
        }
        steps[size] = step;
        epochs[size] = epoch;
        values[size] = value;
        smooth[size] = ema(value);
        size++;
    }

    /** TensorBoard's debiased EMA: early points are not pulled towards 0. */
    private double ema(double v) {
        if (!Double.isFinite(v)) {
            return emaWeight == 0 ? v : emaRaw / emaWeight;
        }
        emaRaw = smoothing * emaRaw + (1 - smoothing) * v;
        emaWeight = smoothing * emaWeight + (1 - smoothing);
        return emaRaw / emaWeight;
    }

    /** Sets the smoothing weight in [0, 1) (0: none) and recomputes the average over every point. */
    public void setSmoothing(double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), got " + weight);
        }
        if (weight == smoothing) {
            return;
        }
        smoothing = weight;
        emaRaw = 0;
        emaWeight = 0;
        for (int i = 0; i < size; i++) {
            smooth[i] = ema(values[i]);
        }
    }

    /** The smoothing weight. */
    public double smoothing() {
        return smoothing;
    }

    /** Forgets every point. */
    public void clear() {
        size = 0;
        emaRaw = 0;
        emaWeight = 0;
    }

    /** Points held. */
    public int size() {
        return size;
    }

    /** The x values for {@code byEpoch} (shared array; only the first {@link #size()} entries are valid). */
    public double[] xs(boolean byEpoch) {
        return byEpoch ? epochs : steps;
    }

    /** The values (shared array). */
    public double[] values() {
        return values;
    }

    /** The smoothed values (shared array). */
    public double[] smoothed() {
        return smooth;
    }

    /** The last value, NaN when empty. */
    public double last() {
        return size == 0 ? Double.NaN : values[size - 1];
    }
}
