package io.netwright.ui.monitor;

import io.netwright.graph.Blocks;
import io.netwright.graph.Design;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import io.netwright.train.TrainingEvent.LayerHealth;
import io.netwright.ui.canvas.GraphCanvas;
import io.netwright.ui.canvas.NodeTint;
import io.netwright.ui.run.TrainingView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * Colours the editor's graph nodes by the latest {@link TrainingEvent.Health} figures: gradient norm or
 * update:parameter ratio, chosen in a choice box ("Off" clears the colours), with a log-scale colour legend. The
 * component itself is the bar holding the choice and the legend; the colours go onto the canvas through
 * {@link GraphCanvas#nodeTints()}.
 *
 * <p>Health events name the compiled layers, which are the design's node ids — for a block instance {@code res1},
 * its layers {@code res1_conv1, res1_bn1, ...}: those are folded onto the instance node, whose colour shows the
 * figure of all its layers together.
 *
 * <pre>{@code HealthOverlay overlay = new HealthOverlay(window.canvas());  // a TrainingView; add it to the tab}</pre>
 */
public final class HealthOverlay extends HBox implements TrainingView {

    private javafx.scene.Node waitingOn;
    private final GraphCanvas canvas;
    private final ChoiceBox<HealthMetric> metric = new ChoiceBox<>();
    private final Label low = new Label();
    private final Label high = new Label();
    private final Rectangle ramp = new Rectangle(140, 10, HealthScale.gradient());
    private final Label status = new Label("no health figures yet");
    private final Set<String> tinted = new HashSet<>();
    private UnaryOperator<String> nodeOf = UnaryOperator.identity();
    private TrainingEvent.Health latest;
    private HealthScale scale;

    /** An overlay colouring {@code canvas}'s nodes; starts on gradient norms. */
    public HealthOverlay(GraphCanvas canvas) {
        this.canvas = canvas;
        MonitorStyles.apply(this, "health-overlay");
        metric.getItems().setAll(HealthMetric.values());
        metric.setValue(HealthMetric.GRADIENT_NORM);
        metric.setId("health-metric");
        metric.valueProperty().addListener((o, a, b) -> apply());
        // inside an open block the canvas shows the block's own node ids, which are not the run's layers
        canvas.editor().openBlockProperty().addListener((o, a, b) -> apply());
        low.setId("health-legend-low");
        high.setId("health-legend-high");
        status.setId("health-status");
        status.getStyleClass().add("monitor-dim");
        ramp.setArcWidth(4);
        ramp.setArcHeight(4);
        Tooltip.install(ramp, new Tooltip("log scale: blue = small (vanishing), green = usual, red = large "
                + "(exploding); update ratios are healthy near 1e-3"));
        Label title = new Label("Health on graph");
        for (Label l : List.of(title, low, high)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        metric.setMinWidth(Region.USE_PREF_SIZE);
        status.setTooltip(new Tooltip("Layer health (weight and gradient norms, update ratios) arrives during a run, "
                + "every monitoring.health_every_steps steps"));
        getChildren().addAll(title, metric, low, ramp, high, status);
        apply();
    }

    /** The metric shown (OFF clears the graph). */
    public ObjectProperty<HealthMetric> metricProperty() {
        return metric.valueProperty();
    }

    /** The scale of the colours shown, null when nothing is coloured. */
    public HealthScale scale() {
        return scale;
    }

    @Override
    public void runStarted(Trainer trainer) {
        reset(trainer.config().design());
    }

    @Override
    public void documentChanged() {
        latest = null;
        nodeOf = UnaryOperator.identity();
        apply();
    }

    @Override
    public void onEvents(List<TrainingEvent> events) {
        TrainingEvent.Health health = null;
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Started s) {
                reset(s.config().design());
                health = null;
            } else if (e instanceof TrainingEvent.Health h) {
                health = h;
            }
        }
        if (health != null) {
            latest = health;
            applyWhenShown();
        }
    }

    /**
     * Colours the nodes now if the canvas can be seen, else once it can: while the Design tab is behind the Train tab,
     * restyling its nodes every few steps would only take FX time from the run.
     */
    private void applyWhenShown() {
        javafx.scene.Node hidden = hiddenAncestor(canvas);
        if (hidden == null) {
            apply();
            return;
        }
        if (waitingOn != hidden) {
            waitingOn = hidden;
            hidden.visibleProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                    if (is) {
                        o.removeListener(this);
                        waitingOn = null;
                        applyWhenShown();
                    }
                }
            });
        }
    }

    /** The nearest of {@code n} and its parents that is not visible, or null when all are. */
    private static javafx.scene.Node hiddenAncestor(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return p;
            }
        }
        return null;
    }

    /** Forgets the previous run's figures and maps layer names through {@code design}'s block expansion. */
    private void reset(Design design) {
        latest = null;
        if (Blocks.usesBlocks(design)) {
            Blocks.Expansion x = Blocks.expand(design);
            nodeOf = x::visibleId;
        } else {
            nodeOf = UnaryOperator.identity();
        }
        apply();
    }

    // ================================================================ colouring

    private void apply() {
        HealthMetric m = metric.getValue();
        boolean on = m != null && m != HealthMetric.OFF;
        for (var n : List.of(low, ramp, high)) {
            n.setVisible(on);
            n.setManaged(on);
        }
        boolean blockOpen = !canvas.editor().openBlockProperty().get().isEmpty();
        if (!on || latest == null || blockOpen) {
            clearTints();
            scale = null;
            for (var n : List.of(low, ramp, high)) { // no figures: no legend of an earlier run's range either
                n.setVisible(false);
                n.setManaged(false);
            }
            status.setText(!on ? "" : blockOpen ? "close the block to see the health colours"
                    : "no health figures yet");
            return;
        }
        Map<String, List<LayerHealth>> byNode = new LinkedHashMap<>();
        for (LayerHealth h : latest.layers()) {
            byNode.computeIfAbsent(nodeOf.apply(h.layer()), k -> new ArrayList<>()).add(h);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        byNode.forEach((id, hs) -> {
            double v = m.combine(hs);
            if (!Double.isNaN(v)) {
                values.put(id, v);
            }
        });
        scale = m == HealthMetric.UPDATE_RATIO ? HealthScale.updateRatio() : HealthScale.spanning(values.values());
        low.setText(HealthScale.text(scale.min()));
        high.setText(HealthScale.text(scale.max()));
        Set<String> stale = new HashSet<>(tinted);
        stale.removeAll(values.keySet());
        stale.forEach(canvas.nodeTints()::remove);
        tinted.removeAll(stale);
        values.forEach((id, v) -> {
            NodeTint t = new NodeTint(scale.color(v), m.badge(v), String.format(Locale.ROOT,
                    "%s of '%s' at step %d: %.3g", m, id, latest.step(), v));
            if (!t.equals(canvas.nodeTints().get(id))) {
                canvas.nodeTints().put(id, t);
            }
            tinted.add(id);
        });
        status.setText(String.format(Locale.ROOT, "step %d · %d layer%s", latest.step(), values.size(),
                values.size() == 1 ? "" : "s"));
    }

    private void clearTints() {
        tinted.forEach(canvas.nodeTints()::remove);
        tinted.clear();
    }
}
