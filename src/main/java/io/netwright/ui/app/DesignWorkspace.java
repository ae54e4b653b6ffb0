package io.netwright.ui.app;

import io.netwright.ui.canvas.GraphCanvas;
import io.netwright.ui.panels.PaletteView;
import io.netwright.ui.panels.ProblemsView;
import io.netwright.ui.panels.PropertiesView;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/**
 * The Design tab: palette on the left, the canvas (with a bar above it, e.g. the training-health colouring) and the
 * Problems list under it, the property sheet right.
 */
final class DesignWorkspace extends BorderPane {

    DesignWorkspace(StudioViewModel vm, GraphCanvas canvas, Node canvasBar) {
        getStyleClass().add("design-workspace");
        PaletteView palette = new PaletteView(vm.palette(), canvas);
        ProblemsView problems = new ProblemsView(vm.editor());
        PropertiesView properties = new PropertiesView(vm.editor());
        BorderPane graph = new BorderPane(canvas);
        graph.setTop(canvasBar);
        SplitPane middle = new SplitPane(graph, problems);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.86);
        SplitPane.setResizableWithParent(problems, false);
        SplitPane main = new SplitPane(palette, middle, properties);
        main.setDividerPositions(0.16, 0.76);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(properties, false);
        palette.setMinWidth(170);
        properties.setMinWidth(250);
        setCenter(main);
    }
}
