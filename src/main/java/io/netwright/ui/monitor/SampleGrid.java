package io.netwright.ui.monitor;

import io.netwright.train.Evaluation.ProbePoint;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.run.TrainingView;
import io.netwright.ui.run.WhenShown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.TilePane;

/**
 * The probe predictions of a run in a grid, updated with every {@link TrainingEvent.Samples} event (after each
 * epoch and on request): each cell shows the image, the true label, the predicted label and a bar of its
 * probability, green when right and red when wrong. Clicking a cell opens its prediction history beside the grid;
 * the history of every probe is kept across the run's Samples events. While the grid sits on a tab in the back it
 * only records; it shows the latest predictions when it comes to the front.
 *
 * <pre>{@code SampleGrid grid = new SampleGrid();  // a TrainingView; add it to the tab}</pre>
 */
public final class SampleGrid extends BorderPane implements TrainingView {

    private final Label heading = new Label("Sample predictions appear after the first epoch");
    private final TilePane tiles = new TilePane(6, 6);
    private final Map<Integer, SampleCell> cells = new LinkedHashMap<>();
    private final Map<Integer, List<ProbePoint>> history = new HashMap<>();
    private final ProbeHistoryView historyView;
    private List<String> classes = List.of();
    private int batchesPerEpoch;
    private Integer selected;
    private final WhenShown shown = new WhenShown(this);

    /** An empty grid. */
    public SampleGrid() {
        MonitorStyles.apply(this, "sample-grid");
        heading.getStyleClass().add("monitor-title");
        heading.setId("sample-heading");
        tiles.setId("sample-tiles");
        tiles.setPadding(new Insets(6));
        tiles.setPrefColumns(8);
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        historyView = new ProbeHistoryView(this::epochOf, () -> select(null));
        setTop(heading);
        setCenter(scroll);
    }

    @Override
    public void runStarted(Trainer trainer) {
        clear();
    }

    @Override
    public void documentChanged() {
        clear();
    }

    @Override
    public void onEvents(List<TrainingEvent> events) {
        TrainingEvent.Samples last = null;
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Started s) {
                if (!s.resumed() || !classes.equals(s.classes())) {
                    clear();
                }
                classes = s.classes();
                batchesPerEpoch = s.batchesPerEpoch();
            } else if (e instanceof TrainingEvent.Samples s) {
                record(s);
                last = s;
            }
        }
        if (last != null) {
            TrainingEvent.Samples latest = last;
            shown.run(() -> show(latest)); // behind another tab: the latest predictions once it is in front
        }
    }

    /** The cell of probe {@code index}, or null. */
    public SampleCell cell(int index) {
        return cells.get(index);
    }

    /** The cells in probe order. */
    public List<SampleCell> cells() {
        return List.copyOf(cells.values());
    }

    /** The recorded history of probe {@code index} (empty if unknown). */
    public List<ProbePoint> history(int index) {
        return List.copyOf(history.getOrDefault(index, List.of()));
    }

    /** The probe whose history is open, or null. */
    public Integer selected() {
        return selected;
    }

    /** Opens the history of probe {@code index} (null closes it); what a click on a cell does. */
    public void select(Integer index) {
        if (selected != null && cells.containsKey(selected)) {
            cells.get(selected).setSelected(false);
        }
        SampleCell c = index == null ? null : cells.get(index);
        selected = c == null ? null : index;
        if (c == null || c.probe() == null) {
            setRight(null);
            return;
        }
        c.setSelected(true);
        historyView.show(c.probe(), history.getOrDefault(index, List.of()), this::className);
        setRight(historyView);
    }

    ProbeHistoryView historyView() {
        return historyView;
    }

    // ================================================================ updating

    private void clear() {
        shown.cancel();
        select(null);
        cells.clear();
        history.clear();
        tiles.getChildren().clear();
        classes = List.of();
        batchesPerEpoch = 0;
        heading.setText("Sample predictions appear after the first epoch");
    }

    /** Adds the event's points to the histories (every event, even those a batch shows only the last of). */
    private void record(TrainingEvent.Samples s) {
        for (TrainingEvent.Probe p : s.probes()) {
            history.computeIfAbsent(p.index(), k -> new ArrayList<>()).add(new ProbePoint(s.epoch(), s.step(),
                    p.predicted(), p.top().get(0).probability(), p.trueProbability()));
        }
    }

    private void show(TrainingEvent.Samples s) {
        int right = 0;
        for (TrainingEvent.Probe p : s.probes()) {
            SampleCell c = cells.get(p.index());
            if (c == null) {
                c = new SampleCell(p.index());
                int index = p.index();
                c.setOnMouseClicked(e -> select(index));
                cells.put(index, c);
                tiles.getChildren().add(c);
            }
            c.show(p, this::className);
            if (c.isCorrect()) {
                right++;
            }
        }
        heading.setText(String.format(Locale.ROOT, "Sample predictions (%s split) after epoch %s: %d of %d right",
                s.split(), trimmed(epochOf(new ProbePoint(s.epoch(), s.step(), 0, 0, 0))), right, s.probes().size()));
        if (selected != null) {
            historyView.update(history.getOrDefault(selected, List.of()));
        }
    }

    /** Where a point sits in epochs: steps over steps per epoch (epoch ends fall on whole numbers). */
    private double epochOf(ProbePoint p) {
        return batchesPerEpoch > 0 ? (double) p.step() / batchesPerEpoch : p.epoch() + 1;
    }

    private static String trimmed(double epochs) {
        return epochs == Math.rint(epochs) ? Long.toString((long) epochs) : String.format(Locale.ROOT, "%.2f", epochs);
    }

    private String className(int label) {
        return label >= 0 && label < classes.size() ? classes.get(label) : "class " + label;
    }
}
