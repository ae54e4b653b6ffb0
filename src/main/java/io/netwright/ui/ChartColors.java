package io.netwright.ui;

import java.awt.Color;
import java.awt.Paint;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * The chart colours of the studio's two themes: JFreeChart paints with AWT colours, which CSS does not reach, so
 * every chart is coloured here when it is made ({@link #style}) and again when the theme changes ({@link #restyle}).
 * Data series keep their own colours.
 *
 * <pre>{@code JFreeChart c = ChartFactory.createXYLineChart(...); ChartColors.style(c);}</pre>
 */
public final class ChartColors {

    private static final Color LIGHT_BACK = Color.WHITE;
    private static final Color LIGHT_TEXT = new Color(0x33, 0x33, 0x33);
    private static final Color LIGHT_GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color DARK_BACK = new Color(0x1E, 0x22, 0x28);
    private static final Color DARK_TEXT = new Color(0xD8, 0xDC, 0xE2);
    private static final Color DARK_GRID = new Color(0x3A, 0x40, 0x4A);

    /** The theme charts are coloured for; set by the studio window (FX thread). */
    private static volatile boolean dark;

    private ChartColors() {
    }

    /** Whether charts are coloured for the dark theme. */
    public static boolean dark() {
        return dark;
    }

    /** Colours {@code chart} for the current theme; returns it. */
    public static JFreeChart style(JFreeChart chart) {
        boolean d = dark;
        Color back = d ? DARK_BACK : LIGHT_BACK;
        Color text = d ? DARK_TEXT : LIGHT_TEXT;
        Color grid = d ? DARK_GRID : LIGHT_GRID;
        chart.setBackgroundPaint(back);
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            color(chart.getSubtitle(i), back, text);
        }
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(back);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                color(xy.getDomainAxis(i), text);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                color(xy.getRangeAxis(i), text);
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setDomainGridlinePaint(grid);
            cat.setRangeGridlinePaint(grid);
            color(cat.getDomainAxis(), text);
            for (int i = 0; i < cat.getRangeAxisCount(); i++) {
                color(cat.getRangeAxis(i), text);
            }
        }
        return chart;
    }

    /** Sets the theme the next charts are made for (the studio window calls it before it builds its views). */
    public static void use(boolean darkTheme) {
        dark = darkTheme;
    }

    /** Switches the theme and recolours every chart shown below {@code root}. */
    public static void restyle(Parent root, boolean darkTheme) {
        dark = darkTheme;
        walk(root);
    }

    private static void walk(Node n) {
        if (n instanceof ChartViewer v && v.getChart() != null) {
            style(v.getChart());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c);
            }
        }
        if (n instanceof javafx.scene.control.TabPane tabs) {
            for (var t : tabs.getTabs()) {
                if (t.getContent() != null) {
                    walk(t.getContent());
                }
            }
        }
    }

    private static void color(Title t, Paint back, Paint text) {
        if (t instanceof LegendTitle l) {
            l.setBackgroundPaint(back);
            l.setItemPaint(text);
        } else if (t instanceof TextTitle tt) {
            tt.setPaint(text);
        }
    }

    private static void color(Axis a, Paint text) {
        if (a != null) {
            a.setLabelPaint(text);
            a.setTickLabelPaint(text);
            a.setAxisLinePaint(text);
            a.setTickMarkPaint(text);
        }
    }
}
