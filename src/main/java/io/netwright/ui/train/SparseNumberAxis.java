package io.netwright.ui.train;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis that picks its tick unit from the pixels per tick alone: about one tick every
 * {@link #HORIZONTAL_PIXELS} along a horizontal axis and every {@link #VERTICAL_PIXELS} along a vertical one, from the
 * usual 1-2-5 steps. JFreeChart's own choice measures the tick labels of several candidate units on every paint (text
 * measuring is the dearest part of painting a live chart in JavaFX) and packs the labels tightly; this measures
 * nothing and draws fewer labels, which also reads better.
 */
final class SparseNumberAxis extends NumberAxis {

    /** Pixels between ticks on a horizontal axis. */
    static final double HORIZONTAL_PIXELS = 80;

    /** Pixels between ticks on a vertical axis. */
    static final double VERTICAL_PIXELS = 16;

    /** An axis labelled {@code label} (null: none). */
    SparseNumberAxis(String label) {
        super(label);
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        double pixels = horizontal ? dataArea.getWidth() : dataArea.getHeight();
        double length = getRange().getLength();
        if (!(pixels > 0) || !(length > 0)) {
            super.selectAutoTickUnit(g2, dataArea, edge);
            return;
        }
        TickUnitSource units = getStandardTickUnits();
        TickUnit unit = units.getCeilingTickUnit(length * (horizontal ? HORIZONTAL_PIXELS : VERTICAL_PIXELS)
                / pixels);
        if (unit instanceof NumberTickUnit n) {
            setTickUnit(n, false, false);
        } else {
            super.selectAutoTickUnit(g2, dataArea, edge);
        }
    }
}
