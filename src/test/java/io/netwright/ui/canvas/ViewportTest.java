package io.netwright.ui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void zoomKeepsThePointUnderTheCursor() {
        Viewport v = new Viewport();
        v.panBy(30, -10);
        Point2D before = v.toWorld(200, 150);
        v.zoomAt(1.7, 200, 150);
        Point2D after = v.toWorld(200, 150);
        assertEquals(before.getX(), after.getX(), 1e-9);
        assertEquals(before.getY(), after.getY(), 1e-9);
        assertEquals(1.7, v.zoom(), 1e-12);
    }

    @Test
    void zoomIsClamped() {
        Viewport v = new Viewport();
        v.zoomAt(1000, 0, 0);
        assertEquals(Viewport.MAX_ZOOM, v.zoom());
        v.zoomAt(1e-6, 0, 0);
        assertEquals(Viewport.MIN_ZOOM, v.zoom());
    }

    @Test
    void fitShowsTheWholeContentCentred() {
        Viewport v = new Viewport();
        Bounds content = new BoundingBox(80, 40, 184, 1236);
        v.fit(content, 800, 600);
        Point2D topLeft = v.toScreen(content.getMinX(), content.getMinY());
        Point2D bottomRight = v.toScreen(content.getMaxX(), content.getMaxY());
        assertTrue(topLeft.getY() >= 39 && bottomRight.getY() <= 561, topLeft + " " + bottomRight);
        assertEquals(400, (topLeft.getX() + bottomRight.getX()) / 2, 1e-6);
        assertTrue(v.visible(800, 600).contains(content));
    }

    @Test
    void fitNeverMagnifiesASmallDesign() {
        Viewport v = new Viewport();
        v.fit(new BoundingBox(0, 0, 100, 50), 1600, 1000);
        assertEquals(1, v.zoom());
    }
}
