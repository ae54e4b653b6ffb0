package io.netwright.ui.data;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The number of samples per class, one bar series per split, so an imbalanced class or a split that lacks a class
 * shows at a glance.
 */
final class ClassDistributionChart {

    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final ChartViewer viewer;

    ClassDistributionChart() {
        JFreeChart chart = ChartFactory.createBarChart("Class distribution", null, "samples", data,
                PlotOrientation.VERTICAL, true, true, false);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        chart.getCategoryPlot().setBackgroundPaint(java.awt.Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(new java.awt.Color(0xD0D5DD));
        io.netwright.ui.ChartColors.style(chart);
        viewer = new ChartViewer(chart);
        viewer.setId("data-distribution");
        viewer.setPrefHeight(240);
        viewer.setMinHeight(160);
    }

    /** Shows the counts of every split of {@code s} (or nothing for null). */
    void show(DataSource s) {
        data.clear();
        if (s == null) {
            return;
        }
        for (DataSource.SplitData split : s.splits()) {
            int[] counts = split.classCounts();
            for (int c = 0; c < counts.length; c++) {
                String name = c < s.classes().size() ? s.classes().get(c) : "#" + c;
                data.addValue(counts[c], split.name(), name);
            }
        }
    }

    /** The chart's data: rows are splits, columns class names. */
    DefaultCategoryDataset data() {
        return data;
    }

    /** The chart node. */
    ChartViewer viewer() {
        return viewer;
    }
}
