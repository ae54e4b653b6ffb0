package io.netwright.ui.canvas;

import io.netwright.ui.editor.EditorViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.geometry.Point2D;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.image.WritableImage;

/**
 * The network editor's canvas: nodes, ports and wires of the editor's design, drawn on a grid that zooms and pans,
 * with a minimap. The control holds the state (the editor model, the {@link Viewport}); {@link GraphCanvasSkin}
 * draws it and turns mouse and keys into editor calls.
 */
public final class GraphCanvas extends Control {

    private final EditorViewModel editor;
    private final Viewport viewport = new Viewport();
    private final BooleanProperty showMinimap = new SimpleBooleanProperty(this, "showMinimap", true);
    private final BooleanProperty showGrid = new SimpleBooleanProperty(this, "showGrid", true);
    private final ObservableMap<String, NodeTint> nodeTints = FXCollections.observableHashMap();
    private Runnable onMakeBlock;

    /** A canvas editing {@code editor}'s design. */
    public GraphCanvas(EditorViewModel editor) {
        this.editor = editor;
        getStyleClass().add("graph-canvas");
        setFocusTraversable(true);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new GraphCanvasSkin(this);
    }

    /** The editor model. */
    public EditorViewModel editor() {
        return editor;
    }

    /** The camera. */
    public Viewport viewport() {
        return viewport;
    }

    /** What "Make block…" in the canvas menu does (the window asks for a name); null disables it. */
    public void setOnMakeBlock(Runnable r) {
        onMakeBlock = r;
    }

    /** What "Make block…" does, or null. */
    public Runnable getOnMakeBlock() {
        return onMakeBlock;
    }

    /** Whether the minimap is shown. */
    public BooleanProperty showMinimapProperty() {
        return showMinimap;
    }

    /** Whether the grid is drawn. */
    public BooleanProperty showGridProperty() {
        return showGrid;
    }

    /**
     * Tints laid over node cards, by design node id (the training-health overlay). Entries for ids not on the
     * canvas are kept and apply when such a node appears; removing an entry clears that node's tint.
     */
    public ObservableMap<String, NodeTint> nodeTints() {
        return nodeTints;
    }

    /** Whether the grid is drawn. */
    public boolean isShowGrid() {
        return showGrid.get();
    }

    private GraphCanvasSkin skin() {
        if (!(getSkin() instanceof GraphCanvasSkin s)) {
            throw new IllegalStateException("the canvas has no skin yet: add it to a scene first");
        }
        return s;
    }

    /** Zooms and pans so the whole design is in view. */
    public void fitToView() {
        skin().fitToView();
    }

    /** Zooms in or out by {@code factor} around the middle of the view. */
    public void zoom(double factor) {
        viewport.zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    /** Back to 100 %. */
    public void resetZoom() {
        viewport.zoomAt(1 / viewport.zoom(), getWidth() / 2, getHeight() / 2);
    }

    /** Adds a layer of {@code type} where the scene point {@code (sceneX, sceneY)} falls (a palette drop). */
    public String dropLayer(String type, double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        Point2D w = viewport.toWorld(local.getX(), local.getY());
        requestFocus();
        return editor.addNode(type, w.getX() - io.netwright.ui.editor.NodeGeometry.WIDTH / 2,
                w.getY() - io.netwright.ui.editor.NodeGeometry.HEIGHT / 2);
    }

    /** Whether the scene point lies on the canvas. */
    public boolean containsScenePoint(double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        return local != null && contains(local);
    }

    /** Shows (type non-null) or hides the ghost of a layer being dragged from the palette. */
    public void showDropPreview(String type, double sceneX, double sceneY) {
        skin().showDropPreview(type, sceneX, sceneY);
    }

    /** The view of node {@code id}, or null (for tests and the screenshot tooling). */
    public NodeView nodeView(String id) {
        return skin().nodeView(id);
    }

    /** The label of the wire into port {@code port} of {@code to}, or null when there is no such wire. */
    public String wireLabel(String to, int port) {
        return skin().wireLabel(to, port);
    }

    /** Where the output port of node {@code id} is on the screen (for tests and tooling). */
    public Point2D outputPortOnScreen(String id) {
        Point2D w = skin().outputPortAt(id);
        Point2D local = viewport.toScreen(w.getX(), w.getY());
        return localToScreen(local.getX(), local.getY());
    }

    /** Where input port {@code port} of node {@code id} is on the screen (for tests and tooling). */
    public Point2D inputPortOnScreen(String id, int port) {
        Point2D w = skin().inputPortAt(id, port);
        Point2D local = viewport.toScreen(w.getX(), w.getY());
        return localToScreen(local.getX(), local.getY());
    }

    /** A picture of the whole design at {@code scale} (2 for crisp images), on the theme's background. */
    public WritableImage snapshotDesign(double scale) {
        return skin().snapshotDesign(scale);
    }
}
