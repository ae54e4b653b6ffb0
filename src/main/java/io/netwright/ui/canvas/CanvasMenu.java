package io.netwright.ui.canvas;

import io.netwright.graph.Edge;
import io.netwright.ui.editor.Align;
import io.netwright.ui.editor.EditorViewModel;
import io.netwright.ui.editor.Flow;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** The canvas's right-click menu: what can be done with the node, selection or wire under the pointer. */
final class CanvasMenu {

    private CanvasMenu() {
    }

    static ContextMenu build(GraphCanvas canvas, String nodeId, Edge wire) {
        EditorViewModel ed = canvas.editor();
        ContextMenu m = new ContextMenu();
        m.setId("canvas-menu");
        if (wire != null) {
            m.getItems().add(item("Remove wire " + wire, () -> ed.disconnect(wire)));
            return m;
        }
        if (nodeId != null) {
            if (!ed.selection().contains(nodeId)) {
                ed.select(nodeId);
            }
            m.getItems().addAll(item("Duplicate", ed::duplicate), item("Cut", ed::cut), item("Copy", ed::copy),
                    item("Delete", ed::deleteSelection), new SeparatorMenuItem());
            if (ed.selection().size() > 1) {
                Menu align = new Menu("Align");
                for (Align a : Align.values()) {
                    align.getItems().add(item(a.label(), () -> ed.align(a)));
                }
                m.getItems().add(align);
            }
            m.getItems().add(item("Make block…", canvas.getOnMakeBlock()));
            ed.design().node(nodeId).filter(n -> ed.design().blocks().containsKey(n.type()))
                    .ifPresent(n -> m.getItems().add(item("Open block " + n.type(), () -> ed.openBlock(n.type()))));
            return m;
        }
        MenuItem paste = item("Paste", ed::paste);
        paste.setDisable(!ed.hasClipboard());
        m.getItems().addAll(paste, item("Select all", ed::selectAll), new SeparatorMenuItem(),
                item("Auto-layout top to bottom", () -> {
                    ed.autoLayout(Flow.TOP_DOWN);
                    canvas.fitToView();
                }), item("Auto-layout left to right", () -> {
                    ed.autoLayout(Flow.LEFT_RIGHT);
                    canvas.fitToView();
                }), item("Fit to view", canvas::fitToView));
        return m;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> {
            if (action != null) {
                action.run();
            }
        });
        i.setDisable(action == null);
        return i;
    }
}
