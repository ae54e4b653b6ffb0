package io.netwright.ui.canvas;

import io.netwright.graph.Catalogue;
import io.netwright.graph.Category;
import io.netwright.graph.LayerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The per-layer icon files in {@code icons/layers/}: one SVG per catalogue layer type (plus {@code Block.svg}),
 * drawn from the same glyphs as the studio ({@link LayerIcons}) in the light theme's category colours, for
 * installers, docs and other tools. Regenerate after changing a glyph:
 * {@code java -cp target/classes:target/lib/* io.netwright.ui.canvas.LayerIconFiles icons/layers}; a test checks the
 * committed files match.
 */
public final class LayerIconFiles {

    /** The light theme's category colours (resources/studio/light.css, {@code -nw-cat-*}). */
    static final Map<Category, String> COLOURS = new EnumMap<>(Map.of(Category.INPUT_OUTPUT, "#475467",
            Category.CONVOLUTION, "#2f6fed", Category.POOLING, "#0e9384", Category.DENSE, "#7a5af8",
            Category.ACTIVATION, "#e0780b", Category.NORMALIZATION, "#c11574", Category.REGULARIZATION, "#667085",
            Category.MERGE, "#15803d", Category.RESHAPE, "#0086c9"));

    private LayerIconFiles() {
    }

    /** File name → SVG text for every icon. */
    public static Map<String, String> files() {
        Map<String, String> out = new LinkedHashMap<>();
        for (LayerType t : Catalogue.standard().all()) {
            out.put(t.name() + ".svg", svg(LayerIcons.path(t.category()), COLOURS.get(t.category()),
                    t.displayName() + " (" + t.category().displayName() + ")"));
        }
        out.put("Block.svg", svg(LayerIcons.BLOCK_PATH, "#a15c07", "Block"));
        return out;
    }

    static String svg(String path, String colour, String title) {
        return String.format(Locale.ROOT, """
                <svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 16 16">
                  <title>%s</title>
                  <path d="%s" fill="none" stroke="%s" stroke-width="1.5" stroke-linecap="round" \
                stroke-linejoin="round"/>
                </svg>
                """, title, path, colour);
    }

    /** Writes the icons into the folder given (default {@code icons/layers}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "icons/layers");
        Files.createDirectories(dir);
        for (var e : files().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + files().size() + " icons to " + dir);
    }
}
