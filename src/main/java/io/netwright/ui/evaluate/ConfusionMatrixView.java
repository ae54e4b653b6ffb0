package io.netwright.ui.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The confusion matrix as a heat map on a canvas: rows are true classes, columns predicted ones, each cell coloured
 * by its count (or, normalised, by its share of the row — the class's recall on the diagonal) with the count
 * written in it, class names on both axes and a colour scale on the right. Clicking a cell reports
 * {@code (true, predicted)}.
 */
final class ConfusionMatrixView extends Region {

    private static final double LEFT = 110;
    private static final double TOP = 30;
    private static final double BOTTOM = 100;
    private static final double SCALE_WIDTH = 70;
    private static final Color LOW = Color.web("#f7fbff");
    private static final Color HIGH = Color.web("#08306b");

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private int[][] counts = new int[0][0];
    private List<String> classes = List.of();
    private boolean normalised;
    private int[] selected;
    private BiConsumer<Integer, Integer> onCell = (t, p) -> { };

    ConfusionMatrixView() {
        setId("confusion-matrix");
        getStyleClass().add("confusion-matrix");
        getChildren().add(canvas);
        setMinSize(300, 260);
        setPrefSize(640, 560);
        canvas.setOnMouseClicked(e -> {
            int[] c = cellAt(e.getX(), e.getY());
            if (c != null) {
                selected = c;
                draw();
                onCell.accept(c[0], c[1]);
            }
        });
        canvas.setOnMouseMoved(e -> {
            int[] c = cellAt(e.getX(), e.getY());
            if (c == null) {
                Tooltip.uninstall(canvas, tip);
                return;
            }
            int row = rowSum(c[0]);
            tip.setText(String.format(Locale.ROOT, "true %s, predicted %s: %d (%.1f%% of %d)", classes.get(c[0]),
                    classes.get(c[1]), counts[c[0]][c[1]], row == 0 ? 0 : 100.0 * counts[c[0]][c[1]] / row, row));
            Tooltip.install(canvas, tip);
        });
    }

    /** Shows {@code confusion[true][predicted]} with the class names. */
    void setMatrix(int[][] confusion, List<String> names) {
        counts = confusion;
        classes = List.copyOf(names);
        selected = null;
        draw();
    }

    /** Colours cells by their share of the row (true class) rather than by count. */
    void setNormalised(boolean on) {
        normalised = on;
        draw();
    }

    boolean isNormalised() {
        return normalised;
    }

    /** Called with {@code (true, predicted)} when a cell is clicked. */
    void setOnCellClicked(BiConsumer<Integer, Integer> handler) {
        onCell = handler;
    }

    /** The centre of cell {@code [t][p]} in this region's coordinates. */
    Point2D cellCenter(int t, int p) {
        double s = cellSize();
        return new Point2D(LEFT + (p + 0.5) * s, TOP + (t + 0.5) * s);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double cellSize() {
        int n = Math.max(1, counts.length);
        double w = getWidth() - LEFT - SCALE_WIDTH - 10;
        double h = getHeight() - TOP - BOTTOM;
        return Math.max(8, Math.min(w, h) / n);
    }

    private int[] cellAt(double x, double y) {
        double s = cellSize();
        int p = (int) Math.floor((x - LEFT) / s);
        int t = (int) Math.floor((y - TOP) / s);
        int n = counts.length;
        return x >= LEFT && y >= TOP && p < n && t < n ? new int[] {t, p} : null;
    }

    private int rowSum(int t) {
        int s = 0;
        for (int v : counts[t]) {
            s += v;
        }
        return s;
    }

    /** The cell's colour value in [0, 1]: its share of the row, or its count over the largest count. */
    private double level(int t, int p, int max) {
        if (normalised) {
            int row = rowSum(t);
            return row == 0 ? 0 : (double) counts[t][p] / row;
        }
        return max == 0 ? 0 : (double) counts[t][p] / max;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        int n = counts.length;
        if (n == 0) {
            return;
        }
        int max = 0;
        for (int[] row : counts) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        double s = cellSize();
        Color text = Color.web("#667085");
        g.setFont(Font.font(Math.max(8, Math.min(13, s * 0.32))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                double v = level(t, p, max);
                double x = LEFT + p * s;
                double y = TOP + t * s;
                g.setFill(LOW.interpolate(HIGH, v));
                g.fillRect(x, y, s, s);
                g.setFill(v > 0.5 ? Color.WHITE : Color.web("#1d2330"));
                String label = normalised ? String.format(Locale.ROOT, "%.2f", v) : Integer.toString(counts[t][p]);
                if (s >= 18) {
                    g.fillText(label, x + s / 2, y + s / 2);
                }
            }
        }
        g.setStroke(Color.web("#d9dde3"));
        g.strokeRect(LEFT, TOP, n * s, n * s);
        if (selected != null) {
            g.setStroke(Color.web("#f79009"));
            g.setLineWidth(2.5);
            g.strokeRect(LEFT + selected[1] * s, TOP + selected[0] * s, s, s);
            g.setLineWidth(1);
        }
        drawAxes(g, n, s, text);
        drawScale(g, n, s, max, text);
    }

    private void drawAxes(GraphicsContext g, int n, double s, Color text) {
        g.setFill(text);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        for (int t = 0; t < n; t++) {
            g.fillText(classes.get(t), LEFT - 6, TOP + (t + 0.5) * s);
        }
        for (int p = 0; p < n; p++) {
            g.save();
            g.translate(LEFT + (p + 0.5) * s, TOP + n * s + 6);
            g.rotate(-45);
            g.fillText(classes.get(p), 0, 0);
            g.restore();
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("predicted", LEFT + n * s / 2, TOP - 14);
        g.save();
        g.translate(12, TOP + n * s / 2);
        g.rotate(-90);
        g.fillText("true", 0, 0);
        g.restore();
    }

    private void drawScale(GraphicsContext g, int n, double s, int max, Color text) {
        double x = LEFT + n * s + 16;
        double h = n * s;
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            g.setFill(LOW.interpolate(HIGH, 1 - (double) i / steps));
            g.fillRect(x, TOP + h * i / steps, 14, h / steps + 1);
        }
        g.setStroke(Color.web("#d9dde3"));
        g.strokeRect(x, TOP, 14, h);
        g.setFill(text);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(normalised ? "1.00" : Integer.toString(max), x + 18, TOP + 6);
        g.fillText(normalised ? "0.00" : "0", x + 18, TOP + h - 6);
    }
}
