package io.netwright.ui.evaluate;

import io.netwright.train.ClassificationMetrics.ClassReport;
import io.netwright.train.Evaluation;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * The accuracy summary: accuracy, top-k accuracy, mean loss, macro and weighted precision / recall / F1, and the
 * number of samples. Each figure is a label with an id ({@code #eval-accuracy}, {@code #eval-macro-f1}, ...).
 */
final class SummaryPane extends GridPane {

    private final Label split = value("eval-split");
    private final Label samples = value("eval-samples");
    private final Label accuracy = value("eval-accuracy");
    private final Label topKName = new Label("Top-k accuracy");
    private final Label topK = value("eval-topk");
    private final Label loss = value("eval-loss");
    private final Label[] macro = {value("eval-macro-precision"), value("eval-macro-recall"), value("eval-macro-f1")};
    private final Label[] weighted = {value("eval-weighted-precision"), value("eval-weighted-recall"),
        value("eval-weighted-f1")};

    SummaryPane() {
        setId("eval-summary");
        getStyleClass().add("eval-summary");
        setHgap(18);
        setVgap(6);
        setPadding(new Insets(12));
        int row = 0;
        addRow(row++, name("Split"), split);
        addRow(row++, name("Samples"), samples);
        addRow(row++, name("Accuracy"), accuracy);
        topKName.getStyleClass().add("eval-name");
        addRow(row++, topKName, topK);
        addRow(row++, name("Loss"), loss);
        add(name(""), 0, row);
        add(name("precision"), 1, row);
        add(name("recall"), 2, row);
        add(name("F1"), 3, row++);
        addRow(row++, name("Macro average"), macro[0], macro[1], macro[2]);
        addRow(row, name("Weighted average"), weighted[0], weighted[1], weighted[2]);
    }

    /** Shows {@code e}'s figures. */
    void show(Evaluation e) {
        split.setText(e.split());
        samples.setText(String.format(Locale.ROOT, "%,d", e.samples()));
        accuracy.setText(percent(e.accuracy()));
        topKName.setText("Top-" + e.topK() + " accuracy");
        topK.setText(percent(e.topKAccuracy()));
        loss.setText(Double.isNaN(e.loss()) ? "–" : String.format(Locale.ROOT, "%.4f", e.loss()));
        fill(macro, e.macro());
        fill(weighted, e.weighted());
    }

    /** Empties every figure. */
    void clear() {
        for (Label l : new Label[] {split, samples, accuracy, topK, loss, macro[0], macro[1], macro[2], weighted[0],
            weighted[1], weighted[2]}) {
            l.setText("–");
        }
    }

    /** A fraction as a percentage with two decimals, {@code 87.35%}; NaN as a dash. */
    static String percent(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    /** A score in [0, 1] with three decimals. */
    static String score(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static void fill(Label[] labels, ClassReport r) {
        labels[0].setText(score(r.precision()));
        labels[1].setText(score(r.recall()));
        labels[2].setText(score(r.f1()));
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("eval-name");
        return l;
    }

    private static Label value(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().add("eval-value");
        return l;
    }
}
