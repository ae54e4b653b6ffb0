package io.netwright.ui.canvas;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * The canvas camera: a zoom factor and a pan offset, so that a point {@code w} of the design appears on screen at
 * {@code pan + zoom · w}. Pure arithmetic on properties; unit-tested without a display.
 */
public final class Viewport {

    /** Smallest zoom. */
    public static final double MIN_ZOOM = 0.1;
    /** Largest zoom. */
    public static final double MAX_ZOOM = 4;

    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final DoubleProperty panX = new SimpleDoubleProperty(this, "panX", 0);
    private final DoubleProperty panY = new SimpleDoubleProperty(this, "panY", 0);

    /** The zoom factor (1 = 100 %). */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** Horizontal screen offset of the design origin. */
    public DoubleProperty panXProperty() {
        return panX;
    }

    /** Vertical screen offset of the design origin. */
    public DoubleProperty panYProperty() {
        return panY;
    }

    /** The zoom factor. */
    public double zoom() {
        return zoom.get();
    }

    /** Screen point (in the canvas) → design point. */
    public Point2D toWorld(double sx, double sy) {
        return new Point2D((sx - panX.get()) / zoom.get(), (sy - panY.get()) / zoom.get());
    }

    /** Design point → screen point. */
    public Point2D toScreen(double wx, double wy) {
        return new Point2D(panX.get() + wx * zoom.get(), panY.get() + wy * zoom.get());
    }

    /** Multiplies the zoom by {@code factor} (clamped), keeping the design point under {@code (sx, sy)} fixed. */
    public void zoomAt(double factor, double sx, double sy) {
        Point2D w = toWorld(sx, sy);
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom.get() * factor));
        zoom.set(z);
        panX.set(sx - w.getX() * z);
        panY.set(sy - w.getY() * z);
    }

    /** Moves the view by a screen distance. */
    public void panBy(double dx, double dy) {
        panX.set(panX.get() + dx);
        panY.set(panY.get() + dy);
    }

    /** Zooms (at most to 100 %) and pans so {@code content} fills a {@code width}×{@code height} view with a margin. */
    public void fit(Bounds content, double width, double height) {
        if (content == null || content.isEmpty() || width <= 0 || height <= 0) {
            zoom.set(1);
            panX.set(0);
            panY.set(0);
            return;
        }
        double margin = 40;
        double z = Math.min((width - 2 * margin) / content.getWidth(), (height - 2 * margin) / content.getHeight());
        z = Math.max(MIN_ZOOM, Math.min(1, z));
        zoom.set(z);
        panX.set((width - content.getWidth() * z) / 2 - content.getMinX() * z);
        panY.set((height - content.getHeight() * z) / 2 - content.getMinY() * z);
    }

    /**
     * Like {@link #fit} but, when the whole design would be smaller than {@code minZoom}, shows its top at
     * {@code minZoom} instead (a tall design opens readable, not as a thumbnail).
     */
    public void fitOrTop(Bounds content, double width, double height, double minZoom) {
        fit(content, width, height);
        if (content == null || content.isEmpty() || zoom.get() >= minZoom) {
            return;
        }
        zoom.set(minZoom);
        panX.set((width - content.getWidth() * minZoom) / 2 - content.getMinX() * minZoom);
        panY.set(30 - content.getMinY() * minZoom);
    }

    /** Centres the view on design point {@code (wx, wy)} in a {@code width}×{@code height} view. */
    public void centerOn(double wx, double wy, double width, double height) {
        panX.set(width / 2 - wx * zoom.get());
        panY.set(height / 2 - wy * zoom.get());
    }

    /** The design rectangle visible in a {@code width}×{@code height} view. */
    public Bounds visible(double width, double height) {
        Point2D a = toWorld(0, 0);
        return new BoundingBox(a.getX(), a.getY(), width / zoom.get(), height / zoom.get());
    }
}
