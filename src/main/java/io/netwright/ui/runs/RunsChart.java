package io.netwright.ui.runs;

import io.netwright.train.MetricRow;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/** The overlay of the selected runs' curves: one line per run, a metric against the epoch. */
final class RunsChart {

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartViewer viewer;

    RunsChart() {
        chart = ChartFactory.createXYLineChart(CurveMetric.VAL_ACCURACY.label(), "epoch",
                CurveMetric.VAL_ACCURACY.label(), data, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(new java.awt.Color(0xD0D5DD));
        plot.setRangeGridlinePaint(new java.awt.Color(0xD0D5DD));
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        io.netwright.ui.ChartColors.style(chart);
        viewer = new ChartViewer(chart);
        viewer.setId("runs-chart");
        viewer.setMinHeight(180);
    }

    /** Shows {@code metric} of each run (by id, in order); runs without values get an empty series. */
    void show(CurveMetric metric, Map<String, List<MetricRow>> epochs) {
        chart.setTitle(metric.label() + (epochs.isEmpty() ? " — select runs above to compare them" : ""));
        chart.getXYPlot().getRangeAxis().setLabel(metric.label());
        data.removeAllSeries();
        epochs.forEach((id, rows) -> data.addSeries(metric.series(id, rows)));
    }

    /** The series shown (tests). */
    XYSeriesCollection data() {
        return data;
    }

    ChartViewer viewer() {
        return viewer;
    }
}
