package io.netwright.ui.app;

import java.util.Map;
import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/** The toolbar's line icons, drawn on a 16×16 grid and coloured by the theme ({@code .tool-icon}). */
final class ToolIcons {

    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("new", "M4 1.5 H10 L13 4.5 V14.5 H4 Z M10 1.5 V4.5 H13 M8.5 7 V12 M6 9.5 H11"),
            Map.entry("open", "M1.5 4 V13.5 H13 L15 7 H4 L2.5 13 M1.5 4 H5.5 L7 5.5 H12 V7"),
            Map.entry("save", "M2 2 H12 L14 4 V14 H2 Z M5 2 V6 H11 V2 M4.5 14 V9.5 H11.5 V14"),
            Map.entry("undo", "M5 3 L2 6 L5 9 M2 6 H10 C12.5 6 14 7.8 14 10 C14 12.2 12.5 14 10 14 H6"),
            Map.entry("redo", "M11 3 L14 6 L11 9 M14 6 H6 C3.5 6 2 7.8 2 10 C2 12.2 3.5 14 6 14 H10"),
            Map.entry("duplicate", "M5 5 H14 V14 H5 Z M2 11 V2 H11"),
            Map.entry("delete", "M2.5 4 H13.5 M6 4 V2 H10 V4 M4 4 L5 14 H11 L12 4 M7 7 V11 M9 7 V11"),
            Map.entry("block", "M1.5 1.5 H14.5 V14.5 H1.5 Z M4.5 4.5 H11.5 V11.5 H4.5 Z"),
            Map.entry("layout", "M6 1.5 H10 V4.5 H6 Z M1.5 11.5 H5.5 V14.5 H1.5 Z M10.5 11.5 H14.5 V14.5 H10.5 Z "
                    + "M8 4.5 V8 M3.5 11.5 V8 H12.5 V11.5"),
            Map.entry("fit", "M1.5 5.5 V1.5 H5.5 M10.5 1.5 H14.5 V5.5 M14.5 10.5 V14.5 H10.5 M5.5 14.5 H1.5 V10.5 "
                    + "M5 5 H11 V11 H5 Z"),
            Map.entry("zoom-in", "M7 2 A5 5 0 1 0 7 12 A5 5 0 1 0 7 2 M10.5 10.5 L14.5 14.5 M4.5 7 H9.5 M7 4.5 V9.5"),
            Map.entry("zoom-out", "M7 2 A5 5 0 1 0 7 12 A5 5 0 1 0 7 2 M10.5 10.5 L14.5 14.5 M4.5 7 H9.5"),
            Map.entry("theme", "M8 1.5 A6.5 6.5 0 1 0 8 14.5 A6.5 6.5 0 1 0 8 1.5 M8 1.5 V14.5 M8 4 H11 M8 7 H13.5 "
                    + "M8 10 H13 M8 12.5 H11"),
            Map.entry("train", "M4 2 L13.5 8 L4 14 Z"));

    private ToolIcons() {
    }

    static Group icon(String name) {
        SVGPath p = new SVGPath();
        p.setContent(PATHS.getOrDefault(name, ""));
        p.getStyleClass().add("tool-icon-path");
        Rectangle box = new Rectangle(16, 16);
        box.getStyleClass().add("layer-icon-box");
        Group g = new Group(box, p);
        g.getStyleClass().add("tool-icon");
        return g;
    }
}
