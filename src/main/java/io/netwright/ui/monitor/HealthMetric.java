package io.netwright.ui.monitor;

import io.netwright.train.TrainingEvent.LayerHealth;
import java.util.List;
import java.util.Locale;

/**
 * What the health overlay colours the graph by. Figures of the layers that make up one node (the layers of a block
 * instance) are combined as the figure of all their parameters together.
 */
public enum HealthMetric {
    /** No overlay. */
    OFF("Off", ""),
    /** 2-norm of a layer's parameter gradients, on a log scale spanning the run's current figures. */
    GRADIENT_NORM("Gradient norm", "∇"),
    /** 2-norm of a step's update over the parameters' norm, on a fixed log scale around the healthy ~1e-3. */
    UPDATE_RATIO("Update : parameter ratio", "Δ/w");

    private final String label;
    private final String symbol;

    HealthMetric(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    /**
     * The combined figure of {@code layers} (all belonging to one node), NaN when none has it: gradient norms combine
     * as {@code sqrt(sum g²)}; update ratios as {@code sqrt(sum (r·w)²) / sqrt(sum w²)}, the ratio of the
     * parameters taken together (each layer's update norm is {@code r·w}).
     */
    public double combine(List<LayerHealth> layers) {
        double num = 0;
        double den = 0;
        int used = 0;
        for (LayerHealth h : layers) {
            switch (this) {
                case GRADIENT_NORM -> {
                    if (Double.isFinite(h.gradNorm())) {
                        num += h.gradNorm() * h.gradNorm();
                        used++;
                    }
                }
                case UPDATE_RATIO -> {
                    if (Double.isFinite(h.updateRatio()) && Double.isFinite(h.weightNorm())) {
                        double u = h.updateRatio() * h.weightNorm();
                        num += u * u;
                        den += h.weightNorm() * h.weightNorm();
                        used++;
                    }
                }
                case OFF -> {
                    return Double.NaN;
                }
            }
        }
        if (used == 0) {
            return Double.NaN;
        }
        if (this == UPDATE_RATIO) {
            return den == 0 ? Double.NaN : Math.sqrt(num / den);
        }
        return Math.sqrt(num);
    }

    /** The badge text for {@code value}: {@code ∇ 2.1e-02}. */
    public String badge(double value) {
        return symbol + " " + String.format(Locale.ROOT, "%.1e", value);
    }

    @Override
    public String toString() {
        return label;
    }
}
