package io.netwright.ui.runs;

import io.netwright.train.MetricRow;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.data.xy.XYSeries;

/** The per-epoch figures the runs chart can overlay, with how to read each from an epoch row of metrics.csv. */
public enum CurveMetric {
    /** Validation accuracy after each epoch. */
    VAL_ACCURACY("Validation accuracy", MetricRow::valAccuracy),
    /** Validation loss after each epoch. */
    VAL_LOSS("Validation loss", MetricRow::valLoss),
    /** Training accuracy of each epoch. */
    TRAIN_ACCURACY("Training accuracy", MetricRow::trainAccuracy),
    /** Mean training loss of each epoch. */
    TRAIN_LOSS("Training loss", MetricRow::trainLoss);

    private final String label;
    private final ToDoubleFunction<MetricRow> value;

    CurveMetric(String label, ToDoubleFunction<MetricRow> value) {
        this.label = label;
        this.value = value;
    }

    /** The axis and chooser label. */
    public String label() {
        return label;
    }

    /**
     * The curve of one run: x is the epoch counted from 1, y this metric; epochs without a value (no validation
     * set) are left out.
     *
     * @param key    the series key (the run id)
     * @param epochs the run's epoch rows in order
     */
    public XYSeries series(String key, List<MetricRow> epochs) {
        XYSeries s = new XYSeries(key, true, false);
        for (MetricRow r : epochs) {
            double v = value.applyAsDouble(r);
            if (!r.isStep() && !Double.isNaN(v)) {
                s.addOrUpdate(r.epoch() + 1, v); // a re-logged epoch (resume) replaces its first value
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return label;
    }
}
