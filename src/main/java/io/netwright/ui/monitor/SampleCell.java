package io.netwright.ui.monitor;

import io.netwright.train.TrainingEvent;
import io.netwright.ui.data.SampleImages;
import java.util.Locale;
import java.util.function.IntFunction;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/**
 * One probe in the sample grid: its image scaled crisply, the true label, the predicted label with its
 * probability, and a bar of that probability. Style classes {@code sample-cell} and {@code correct} or
 * {@code wrong}; id {@code probe-INDEX}.
 */
public final class SampleCell extends VBox {

    /** Edge length of the image in the grid. */
    static final double IMAGE_SIZE = 72;

    private final int index;
    private final ImageView image = new ImageView();
    private final Label truth = new Label();
    private final Label predicted = new Label();
    private final ProgressBar probability = new ProgressBar(0);
    private final Tooltip tip = new Tooltip();
    private TrainingEvent.Probe probe;
    private IntFunction<String> names = i -> "class " + i;

    SampleCell(int index) {
        this.index = index;
        getStyleClass().add("sample-cell");
        setId("probe-" + index);
        image.setSmooth(false);
        image.setPreserveRatio(true);
        image.setFitWidth(IMAGE_SIZE);
        image.setFitHeight(IMAGE_SIZE);
        truth.getStyleClass().add("true-label");
        predicted.getStyleClass().add("predicted-label");
        probability.getStyleClass().add("probability-bar");
        probability.setPrefWidth(IMAGE_SIZE);
        probability.setPrefHeight(8);
        setPrefWidth(IMAGE_SIZE + 24);
        tip.setOnShowing(e -> tip.setText(tipText()));
        Tooltip.install(this, tip);
        getChildren().addAll(image, truth, predicted, probability);
    }

    /** Shows {@code p}, naming classes with {@code className}. */
    void show(TrainingEvent.Probe p, IntFunction<String> className) {
        if (image.getImage() == null && p.image() != null) {
            image.setImage(SampleImages.fromBytes(p.image())); // a probe's image never changes within a run
        }
        probe = p;
        boolean right = isCorrect();
        truth.setText("true: " + className.apply(p.label()));
        double conf = p.top().get(0).probability();
        predicted.setText(String.format(Locale.ROOT, "%s %s %.0f%%", right ? "✓" : "✗",
                className.apply(p.predicted()), 100 * conf));
        probability.setProgress(conf);
        String cls = right ? "correct" : "wrong";
        if (!getStyleClass().contains(cls)) {
            getStyleClass().removeAll("correct", "wrong");
            getStyleClass().add(cls);
        }
        names = className;
    }

    /** The tooltip's text: every top-k class with its probability (built when it shows, not every epoch). */
    private String tipText() {
        TrainingEvent.Probe p = probe;
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("sample #" + p.index() + ", true class " + names.apply(p.label())
                + String.format(Locale.ROOT, " (p = %.3f)", p.trueProbability()) + "\n");
        for (TrainingEvent.Prediction pr : p.top()) {
            sb.append(String.format(Locale.ROOT, "\n%-16s %.3f", names.apply(pr.label()), pr.probability()));
        }
        return sb.append("\n\nclick for its history").toString();
    }

    /** The probe's index in the probed split. */
    public int index() {
        return index;
    }

    /** The probe shown, or null before the first. */
    public TrainingEvent.Probe probe() {
        return probe;
    }

    /** Whether the prediction shown is right. */
    public boolean isCorrect() {
        return probe != null && probe.predicted() == probe.label();
    }

    /** The predicted-label line ({@code ✓ Shirt 87%}). */
    public String predictedText() {
        return predicted.getText();
    }

    /** The true-label line ({@code true: Shirt}). */
    public String trueText() {
        return truth.getText();
    }

    /** The image view (its image is null for non-image data). */
    public ImageView imageView() {
        return image;
    }

    void setSelected(boolean on) {
        getStyleClass().remove("selected-probe");
        if (on) {
            getStyleClass().add("selected-probe");
        }
    }
}
