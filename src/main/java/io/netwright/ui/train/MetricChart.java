package io.netwright.ui.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.input.MouseEvent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * One live chart (loss, accuracy or learning rate): its lines keep every point in {@link SeriesData}; the chart
 * shows them decimated to the visible x range and the plot's width ({@link Decimator}), rebuilt in one dataset
 * update per {@link #refresh()}. Each line has a raw and a smoothed series: with smoothing on, the raw line is drawn
 * light behind the smoothed one. Zoom: mouse wheel or drag a box; pan: Ctrl- or Alt-drag; double-click resets.
 * Hovering shows the values of the points under the mouse (found in the data, not through chart entities, which
 * would make every paint several times slower).
 */
public final class MetricChart {

    /**
     * A line of the chart.
     *
     * @param name       the legend name
     * @param data       its points
     * @param color      its colour
     * @param smoothable whether smoothing applies (per-step lines; not the per-epoch ones)
     * @param markers    whether points get a marker (per-epoch lines)
     */
    public record Line(String name, SeriesData data, Color color, boolean smoothable, boolean markers) {
        /** Requires the name, data and colour. */
        public Line {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(color, "color");
        }
    }

    static {
        // JFreeChart draws rotated text (the value axis label) through a java.awt TextLayout by default, a workaround
        // for old Java2D bugs that does a full AWT text layout on every paint — a fifth of a chart's paint time.
        // FXGraphics2D draws rotated strings itself, through the canvas transform.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Plot pixels per decimation bucket (each bucket shows its minimum and maximum). */
    static final int PIXELS_PER_BUCKET = 2;

    /** How far (pixels) from the mouse a point may be to be shown on hover. */
    static final double HOVER_PIXELS = 12;
    private static final DecimalFormat VALUE = new DecimalFormat("0.#####");
    private static final DecimalFormat X = new DecimalFormat("#,##0.##");

    private final String yLabel;
    private final List<Line> lines;
    private final DefaultXYDataset dataset = new DefaultXYDataset();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final XYPlot plot;
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private boolean byEpoch;
    private boolean smoothing;
    private boolean logScale;
    private boolean includeZero;
    private boolean refreshing;
    private boolean refreshQueued;
    private Range shownRange;
    private int shownPoints;

    /** A chart titled {@code title} with {@code lines}, values labelled {@code yLabel}. */
    public MetricChart(String title, String yLabel, List<Line> lines) {
        this.yLabel = yLabel;
        this.lines = List.copyOf(lines);
        NumberAxis x = new SparseNumberAxis("step");
        x.setAutoRangeIncludesZero(false);
        plot = new XYPlot(dataset, x, valueAxis(false), renderer);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        renderer.setDrawSeriesLineAsPath(true);
        // no chart entities: they cost about 5x the paint itself at a few thousand points; hover is done below
        renderer.setDefaultCreateEntities(false);
        for (int i = 0; i < this.lines.size(); i++) {
            Line l = this.lines.get(i);
            dataset.addSeries(l.name(), new double[2][0]);
            dataset.addSeries(l.name() + " (smoothed)", new double[2][0]);
            renderer.setSeriesVisibleInLegend(2 * i + 1, false);
            renderer.setSeriesStroke(2 * i, new BasicStroke(1.2f));
            renderer.setSeriesStroke(2 * i + 1, new BasicStroke(1.8f));
            renderer.setSeriesPaint(2 * i + 1, l.color());
            if (l.markers()) {
                renderer.setSeriesShapesVisible(2 * i, true);
                renderer.setSeriesShape(2 * i, new Ellipse2D.Double(-3, -3, 6, 6));
            }
        }
        applyPaints();
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setTitle(new TextTitle(title, new java.awt.Font("SansSerif", java.awt.Font.BOLD, 13)));
        io.netwright.ui.ChartColors.style(chart);
        viewer = new ChartViewer(chart);
        viewer.getCanvas().addMouseHandler(new PanHandlerFX("pan-ctrl", false, true, false, false));
        viewer.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                resetZoom();
            }
        });
        viewer.getCanvas().setTooltipEnabled(false);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> viewer.getCanvas().setTooltip(null, 0, 0));
        plot.getDomainAxis().addChangeListener(e -> domainChanged());
        viewer.widthProperty().addListener((o, a, b) -> requestRefresh());
    }

    private ValueAxis valueAxis(boolean log) {
        if (log) {
            LogAxis a = new LogAxis(yLabel + " (log)");
            a.setSmallestValue(1e-8);
            a.setAutoRange(true);
            return a;
        }
        NumberAxis a = new SparseNumberAxis(yLabel);
        a.setAutoRangeIncludesZero(includeZero);
        // small figures (learning rates like 0.0005) keep their digits instead of rounding to "0.00"
        a.setNumberFormatOverride(new java.text.DecimalFormat("0.#####"));
        return a;
    }

    private void applyPaints() {
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            boolean light = smoothing && l.smoothable();
            Color c = l.color();
            renderer.setSeriesPaint(2 * i, light ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 70) : c);
        }
    }

    // ================================================================ options

    /** Plots against the (fractional) epoch instead of the step. */
    public void setByEpoch(boolean epoch) {
        if (epoch != byEpoch) {
            byEpoch = epoch;
            plot.getDomainAxis().setLabel(epoch ? "epoch" : "step");
            plot.getDomainAxis().setAutoRange(true);
            refresh();
        }
    }

    /** Shows the smoothed lines (weight in [0, 1)) with the raw ones lighter behind, or only the raw ones. */
    public void setSmoothing(boolean on, double weight) {
        smoothing = on;
        for (Line l : lines) {
            if (l.smoothable()) {
                l.data().setSmoothing(weight);
            }
        }
        applyPaints();
        refresh();
    }

    /** A logarithmic value axis (non-positive values are not drawn) or a linear one. */
    public void setLogScale(boolean log) {
        if (log != logScale) {
            logScale = log;
            plot.setRangeAxis(valueAxis(log));
        }
    }

    /**
     * Whether the linear value axis always reaches down to 0 (for the learning rate, which is often constant: a
     * range around one value would label its ticks 5.000001E-2).
     */
    public void setIncludeZero(boolean include) {
        includeZero = include;
        if (plot.getRangeAxis() instanceof NumberAxis a) {
            a.setAutoRangeIncludesZero(include);
        }
    }

    /** Whether the value axis is logarithmic. */
    public boolean isLogScale() {
        return logScale;
    }

    /** Back to the full data on both axes. */
    public void resetZoom() {
        plot.getDomainAxis().setAutoRange(true);
        plot.getRangeAxis().setAutoRange(true);
        refresh();
    }

    // ================================================================ hover

    /** Shows the values of each line's point nearest to the mouse (within a few pixels) as the canvas tooltip. */
    private void hover(double x, double y) {
        String text = hoverText(x, y);
        viewer.getCanvas().setTooltip(text, x, y);
    }

    /** The hover text at canvas point (x, y), or null when no point is near. */
    String hoverText(double x, double y) {
        var info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return null;
        }
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        if (area == null || !area.contains(x, y)) {
            return null;
        }
        ValueAxis axis = plot.getDomainAxis();
        double xv = axis.java2DToValue(x, area, plot.getDomainAxisEdge());
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            SeriesData d = l.data();
            double[] xs = d.xs(byEpoch);
            int i = Decimator.lowerBound(xs, d.size(), xv);
            if (i > 0 && (i == d.size() || xv - xs[i - 1] < xs[i] - xv)) {
                i--;
            }
            if (i >= d.size() || !Double.isFinite(d.values()[i])) {
                continue;
            }
            double px = axis.valueToJava2D(xs[i], area, plot.getDomainAxisEdge());
            if (Math.abs(px - x) <= HOVER_PIXELS) {
                sb.append(sb.length() == 0 ? "" : "\n").append(l.name()).append(": ")
                        .append(VALUE.format(d.values()[i])).append(byEpoch ? " at epoch " : " at step ")
                        .append(X.format(xs[i]));
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    // ================================================================ display

    private void domainChanged() {
        if (refreshing) {
            return;
        }
        ValueAxis x = plot.getDomainAxis();
        Range wanted = x.isAutoRange() ? null : x.getRange();
        if (!Objects.equals(wanted, shownRange)) {
            requestRefresh(); // zoomed or panned: decimate again for the new range (after the handler returns)
        }
    }

    private void requestRefresh() {
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                refreshQueued = false;
                refresh();
            });
        }
    }

    /** Rebuilds the displayed points from the data, in one dataset change (one redraw). */
    public void refresh() {
        ValueAxis x = plot.getDomainAxis();
        Range range = x.isAutoRange() ? null : x.getRange();
        double lo = range == null ? Double.NEGATIVE_INFINITY : range.getLowerBound();
        double hi = range == null ? Double.POSITIVE_INFINITY : range.getUpperBound();
        // one min/max bucket per PIXELS_PER_BUCKET pixels: the envelope still looks continuous, and the paint (the
        // costliest thing the studio does during a run) has half the segments of a bucket per pixel
        int width = (int) Math.max(50, (viewer.getWidth() > 0 ? viewer.getWidth() - 80 : 600) / PIXELS_PER_BUCKET);
        refreshing = true;
        dataset.setNotify(false);
        try {
            int points = 0;
            for (Line l : lines) {
                SeriesData d = l.data();
                double[][] raw = Decimator.minMax(d.xs(byEpoch), d.values(), d.size(), lo, hi, width);
                double[][] smooth = smoothing && l.smoothable()
                        ? Decimator.minMax(d.xs(byEpoch), d.smoothed(), d.size(), lo, hi, width)
                        : new double[2][0];
                dataset.addSeries(l.name(), raw);
                dataset.addSeries(l.name() + " (smoothed)", smooth);
                points += raw[0].length + smooth[0].length;
            }
            shownPoints = points;
        } finally {
            dataset.setNotify(true); // one change event: one redraw
            shownRange = range;
            refreshing = false;
        }
    }

    // ================================================================ access

    /** The node to put in the scene. */
    public ChartViewer viewer() {
        return viewer;
    }

    /** The chart (for export). */
    public JFreeChart chart() {
        return chart;
    }

    /** The lines. */
    public List<Line> lines() {
        return lines;
    }

    /** Points handed to the chart by the last refresh (all lines, raw and smoothed). */
    public int shownPoints() {
        return shownPoints;
    }

    /** Points held by the lines. */
    public int totalPoints() {
        return lines.stream().mapToInt(l -> l.data().size()).sum();
    }
}
