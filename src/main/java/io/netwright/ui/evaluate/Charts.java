package io.netwright.ui.evaluate;

import io.netwright.train.ClassificationMetrics.ClassReport;
import io.netwright.train.ClassificationMetrics.PrCurve;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The Evaluate tab's JFreeChart charts: per-class P/R/F1 bars, precision–recall curves and top-k bars. */
final class Charts {

    private static final Color GRID = new Color(0xd9, 0xdd, 0xe3);
    private static final Color[] PALETTE = {new Color(0x2f6fed), new Color(0xf79009), new Color(0x12b76a),
        new Color(0xd92d20), new Color(0x7a5af8), new Color(0x0ba5ec), new Color(0xee46bc), new Color(0x667085),
        new Color(0xa15c07), new Color(0x039855)};

    private Charts() {
    }

    /** Precision, recall and F1 per class as grouped bars (0–1). */
    static JFreeChart classMetrics(List<ClassReport> perClass) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (ClassReport r : perClass) {
            d.addValue(r.precision(), "precision", r.name());
            d.addValue(r.recall(), "recall", r.name());
            d.addValue(r.f1(), "F1", r.name());
        }
        JFreeChart chart = ChartFactory.createBarChart("Per-class precision, recall and F1", null, null, d,
                PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        style(chart);
        plot.setRangeGridlinePaint(GRID);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        for (int i = 0; i < 3; i++) {
            r.setSeriesPaint(i, PALETTE[i]);
        }
        return chart;
    }

    /** One precision–recall curve per class (recall on x, precision on y), or only {@code onlyClass} if >= 0. */
    static JFreeChart prCurves(List<PrCurve> curves, List<String> classes, int onlyClass) {
        XYSeriesCollection d = new XYSeriesCollection();
        for (int c = 0; c < curves.size(); c++) {
            if (onlyClass >= 0 && c != onlyClass) {
                continue;
            }
            PrCurve pr = curves.get(c);
            String name = (c < classes.size() ? classes.get(c) : Integer.toString(c))
                    + String.format(java.util.Locale.ROOT, " (AP %.3f)", pr.averagePrecision());
            XYSeries s = new XYSeries(name, false, true);
            for (int i = 0; i < pr.recall().length; i++) {
                s.add(pr.recall()[i], pr.precision()[i]);
            }
            d.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Precision–recall", "recall", "precision", d,
                PlotOrientation.VERTICAL, true, true, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 1.0);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        for (int i = 0; i < d.getSeriesCount(); i++) {
            int c = onlyClass >= 0 ? onlyClass : i;
            plot.getRenderer().setSeriesPaint(i, PALETTE[c % PALETTE.length]);
        }
        return chart;
    }

    /** The top-k probabilities as horizontal bars, most probable on top. */
    static JFreeChart topK(List<FileInspection.ClassProbability> top) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (FileInspection.ClassProbability p : top) {
            d.addValue(p.probability(), "probability", p.name());
        }
        JFreeChart chart = ChartFactory.createBarChart("Top-" + top.size() + " classes", null, "probability", d,
                PlotOrientation.HORIZONTAL, false, true, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeGridlinePaint(GRID);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, PALETTE[0]);
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(14f));
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.getPlot().setOutlineVisible(false);
        io.netwright.ui.ChartColors.style(chart);
    }
}
