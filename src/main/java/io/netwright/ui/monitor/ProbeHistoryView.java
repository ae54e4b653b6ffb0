package io.netwright.ui.monitor;

import io.netwright.train.Evaluation.ProbePoint;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.data.SampleImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The prediction history of one probe: its image, a line chart of the probability given to the true class and the
 * top-1 confidence per epoch, and a table of the predicted class per epoch. Shown beside the sample grid.
 */
final class ProbeHistoryView extends VBox {

    private final Label title = new Label();
    private final ImageView image = new ImageView();
    private final XYSeries trueSeries = new XYSeries("true class", true, false);
    private final XYSeries topSeries = new XYSeries("top-1 confidence", true, false);
    private final TableView<ProbePoint> table = new TableView<>();
    private final JFreeChart chart;
    private final ToDoubleFunction<ProbePoint> x;
    private IntFunction<String> className;
    private int shown;
    private boolean redrawPending;

    /** A view placing points at {@code x} (fractional epochs), with a close button running {@code onClose}. */
    ProbeHistoryView(ToDoubleFunction<ProbePoint> x, Runnable onClose) {
        this.x = x;
        getStyleClass().add("probe-history");
        setId("probe-history");
        title.getStyleClass().add("monitor-title");
        title.setWrapText(true);
        image.setSmooth(false);
        image.setPreserveRatio(true);
        image.setFitWidth(96);
        image.setFitHeight(96);
        Button close = new Button("✕");
        close.setId("probe-history-close");
        close.setOnAction(e -> onClose.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, image, title, gap, close);

        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trueSeries);
        data.addSeries(topSeries);
        chart = ChartFactory.createXYLineChart(null, "epoch", "probability", data,
                PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRangeAxis().setRange(0, 1.02);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new Color(0x12, 0xb7, 0x6a));
        r.setSeriesPaint(1, new Color(0x2f, 0x6f, 0xed));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{4f, 3f}, 0f));
        plot.setRenderer(r);
        // transparent, with mid-grey text and grid lines, so the chart reads on the light and the dark theme
        Color ink = new Color(0x8a, 0x94, 0xa6);
        chart.setBackgroundPaint(null);
        plot.setBackgroundPaint(null);
        plot.setOutlinePaint(ink);
        plot.setDomainGridlinePaint(ink);
        plot.setRangeGridlinePaint(ink);
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setLabelPaint(ink);
            axis.setTickLabelPaint(ink);
            axis.setAxisLinePaint(ink);
            axis.setTickMarkPaint(ink);
        }
        chart.getLegend().setBackgroundPaint(null);
        chart.getLegend().setItemPaint(ink);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("probe-history-chart");
        viewer.setPrefSize(320, 200);
        viewer.setMinHeight(140);

        table.setId("probe-history-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("no predictions yet"));
        table.getColumns().setAll(List.of(column("Epoch", p -> String.format(Locale.ROOT, "%.2f", x.applyAsDouble(p))
                .replaceAll("\\.00$", "")), column("Predicted", p -> className.apply(p.predicted())),
                column("Confidence", p -> String.format(Locale.ROOT, "%.3f", p.confidence())),
                column("True p", p -> String.format(Locale.ROOT, "%.3f", p.trueProbability()))));
        table.setPrefHeight(160);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        getChildren().addAll(head, viewer, table);
        setPrefWidth(360);
    }

    private TableColumn<ProbePoint, String> column(String name, java.util.function.Function<ProbePoint, String> f) {
        TableColumn<ProbePoint, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new SimpleObjectProperty<>(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** Shows the history {@code points} of {@code probe} from scratch. */
    void show(TrainingEvent.Probe probe, List<ProbePoint> points, IntFunction<String> names) {
        className = names;
        image.setImage(probe.image() == null ? null : SampleImages.fromBytes(probe.image()));
        title.setText("Sample #" + probe.index() + " — true class " + names.apply(probe.label()));
        trueSeries.clear();
        topSeries.clear();
        table.getItems().clear();
        shown = 0;
        update(points);
    }

    /** Adds the points of {@code points} not shown yet (the history only grows). */
    void update(List<ProbePoint> points) {
        if (points.size() == shown) {
            return;
        }
        chart.setNotify(false); // one redraw for all the new points
        for (int i = shown; i < points.size(); i++) {
            ProbePoint p = points.get(i);
            double px = x.applyAsDouble(p);
            trueSeries.addOrUpdate(px, p.trueProbability());
            topSeries.addOrUpdate(px, p.confidence());
            table.getItems().add(p);
        }
        shown = points.size();
        if (!redrawPending) {
            // the chart redraws in its own pulse task (~10-20 ms in software rendering), not in the event call
            redrawPending = true;
            Platform.runLater(() -> {
                redrawPending = false;
                chart.setNotify(true);
            });
        }
    }

    /** The rows of the history table (for tests). */
    List<ProbePoint> rows() {
        return table.getItems();
    }

    /** Points on the chart's true-class line (for tests). */
    int chartPoints() {
        return trueSeries.getItemCount();
    }
}
