package io.netwright.ui.canvas;

import io.netwright.graph.Catalogue;
import io.netwright.graph.Category;
import io.netwright.graph.LayerType;
import java.util.Locale;
import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/**
 * The small line icons of the palette and the node headers: one glyph per catalogue category (a 3×3 grid for
 * convolutions, a funnel for pooling, an S-curve for activations, ...) drawn on a 16×16 grid and coloured by the
 * theme through the {@code cat-*} style classes.
 */
public final class LayerIcons {

    private LayerIcons() {
    }

    /** The SVG path of a category's glyph on a 16×16 grid. */
    public static String path(Category c) {
        return switch (c) {
            case INPUT_OUTPUT -> "M1 8 H10 M6.5 4.5 L10 8 L6.5 11.5 M12 2 H15 V14 H12";
            case CONVOLUTION -> "M2 2 H14 V14 H2 Z M6 2 V14 M10 2 V14 M2 6 H14 M2 10 H14";
            case POOLING -> "M2 3 H14 L9.5 8.5 V14 L6.5 12.5 V8.5 Z";
            case DENSE -> "M3 3 L13 8 L3 13 M3 3 L13 13 M3 13 L13 3 M3 8 L13 8";
            case ACTIVATION -> "M1 13.5 H4 C8 13.5 8 2.5 12 2.5 H15";
            case NORMALIZATION -> "M1 13.5 C5 13.5 6 2.5 8 2.5 C10 2.5 11 13.5 15 13.5";
            case REGULARIZATION -> "M2 2 H6 V6 H2 Z M10 2 H14 V6 H10 Z M6 10 H10 V14 H6 Z M12 9 L14 11 M14 9 L12 11";
            case MERGE -> "M2 2.5 C6 2.5 6 8 9 8 M2 13.5 C6 13.5 6 8 9 8 H15 M12 5 L15 8 L12 11";
            case RESHAPE -> "M2 2 H8 V8 H2 Z M5 11 H15 V14 H5 Z M8 5 H12 V9";
        };
    }

    /** The glyph of block instances. */
    public static final String BLOCK_PATH = "M1.5 1.5 H14.5 V14.5 H1.5 Z M4.5 4.5 H11.5 V11.5 H4.5 Z M8 1.5 V4.5 M8 11.5 V14.5";

    /** The category style class, {@code cat-convolution}. */
    public static String styleClass(Category c) {
        return "cat-" + c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The style class for a layer type name, {@code cat-block} for anything not in the catalogue. */
    public static String styleClass(String type) {
        return Catalogue.standard().get(type).map(t -> styleClass(t.category())).orElse("cat-block");
    }

    /** A 16×16 icon for layer type {@code type} (a block glyph for block names). */
    public static Group icon(String type) {
        LayerType t = Catalogue.standard().get(type).orElse(null);
        SVGPath p = new SVGPath();
        p.setContent(t == null ? BLOCK_PATH : path(t.category()));
        p.getStyleClass().add("layer-icon-path");
        Rectangle box = new Rectangle(16, 16);
        box.setMouseTransparent(true);
        box.getStyleClass().add("layer-icon-box");
        Group g = new Group(box, p);
        g.getStyleClass().addAll("layer-icon", styleClass(type));
        return g;
    }
}
