package io.netwright.ui.panels;

import io.netwright.graph.Block;
import io.netwright.graph.Catalogue;
import io.netwright.graph.LayerType;
import io.netwright.graph.Node;
import io.netwright.graph.ParamSpec;
import io.netwright.ui.editor.EditorViewModel;
import io.netwright.ui.editor.NodeStatus;
import io.netwright.ui.editor.Numbers;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/**
 * The property sheet of the selected node (ControlsFX {@link PropertySheet}): its id, label and frozen flag, every
 * parameter of its layer type with an editor for its kind and its doc as the tooltip, and below the sheet the
 * layer's output shape, parameter count, MACs and problems. With no single node selected it says what to do.
 */
public final class PropertiesView extends VBox {

    private final EditorViewModel editor;
    private final PropertySheet sheet = new PropertySheet();
    private final Label title = new Label("Properties");
    private final Label doc = new Label();
    private final Label shape = new Label();
    private final Label params = new Label();
    private final Label macs = new Label();
    private final Label problems = new Label();
    private final GridPane info = new GridPane();
    private Node shown;
    private Object shownStatus;
    /** Set while the sheet's own editor applies an edit: no rebuild (which would take the focus) for that. */
    private boolean ownEdit;
    private int shownCount = -1;
    private List<Object> shownDesignKey = List.of();

    /** Properties of {@code editor}'s selected node. */
    public PropertiesView(EditorViewModel editor) {
        this.editor = editor;
        getStyleClass().add("properties");
        title.getStyleClass().add("pane-title");
        doc.getStyleClass().add("properties-doc");
        doc.setWrapText(true);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setPropertyEditorFactory(ParamEditors::create);
        sheet.setId("property-sheet");
        VBox.setVgrow(sheet, Priority.ALWAYS);
        info.getStyleClass().add("properties-info");
        info.setHgap(10);
        info.setVgap(3);
        shape.setId("info-shape");
        params.setId("info-params");
        macs.setId("info-macs");
        problems.setId("info-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("info-problems");
        info.addRow(0, caption("Output shape"), shape);
        info.addRow(1, caption("Parameters"), params);
        info.addRow(2, caption("MACs"), macs);
        getChildren().addAll(title, doc, sheet, info, problems);
        editor.selectionProperty().addListener((o, a, b) -> update());
        editor.designProperty().addListener((o, a, b) -> update());
        update();
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("info-caption");
        return l;
    }

    private void own(Runnable edit) {
        ownEdit = true;
        try {
            edit.run();
        } finally {
            ownEdit = false;
        }
    }

    private void update() {
        Node n = editor.selectedNode().orElse(null);
        NodeStatus status = n == null ? null : editor.analysis().status(n.id());
        int count = editor.selection().size();
        if (n == null) {
            boolean designRows = count == 0;
            // the design rows depend on a few fields only: an edit of a layer must not rebuild the sheet
            List<Object> key = designRows ? designKey() : List.of();
            if (shown != null || shownCount != count || !ownEdit && !key.equals(shownDesignKey)) {
                showNoNode(count, designRows);
            }
            shownDesignKey = key;
            shown = null;
            shownStatus = null;
            shownCount = count;
            return;
        }
        if (n.equals(shown) && status.equals(shownStatus)) {
            return;
        }
        boolean rebuild = shown == null || !n.id().equals(shown.id()) || !n.type().equals(shown.type())
                || !n.equals(shown) && !ownEdit;
        shown = n;
        shownStatus = status;
        shownCount = count;
        info.setVisible(true);
        problems.setVisible(true);
        LayerType t = Catalogue.standard().get(n.type()).orElse(null);
        Block b = editor.design().blocks().get(n.type());
        title.setText(n.id() + " — " + (t != null ? t.displayName() : n.type()));
        doc.setText(t != null ? t.doc() : b != null ? "Block " + b.name() + " (" + b.nodes().size()
                + " nodes). Double-click it on the canvas to open it." : "Unknown layer type " + n.type());
        if (rebuild) {
            List<PropertySheet.Item> items = new ArrayList<>();
            if (t != null) {
                for (ParamSpec s : t.params()) {
                    items.add(new ParamItem(editor, n.id(), ParamItem.Kind.PARAM, s, this::own));
                }
            }
            items.add(new ParamItem(editor, n.id(), ParamItem.Kind.ID, null, this::own));
            items.add(new ParamItem(editor, n.id(), ParamItem.Kind.LABEL, null, this::own));
            items.add(new ParamItem(editor, n.id(), ParamItem.Kind.FROZEN, null, this::own));
            if (n.type().equals("Input")) {
                items.add(new DesignItem(editor, DesignItem.Kind.INPUT_SHAPE, this::own));
                items.add(new DesignItem(editor, DesignItem.Kind.DATASET, this::own));
            } else if (n.type().equals("Output")) {
                items.add(new DesignItem(editor, DesignItem.Kind.LOSS, this::own));
            }
            sheet.getItems().setAll(items);
        }
        shape.setText(status.shapeText());
        params.setText(Numbers.grouped(status.params()) + (status.trainableParams() != status.params()
                ? " (" + Numbers.grouped(status.trainableParams()) + " trainable)" : ""));
        macs.setText(Numbers.grouped(status.macs()));
        problems.setText(status.problemText());
    }

    private List<Object> designKey() {
        var d = editor.design();
        return List.of(d.metadata().name(), d.metadata().description(), d.input().shape(), d.input().dataset(),
                d.head().loss());
    }

    /** With no single node selected: the design's own rows (nothing selected) or a hint (several selected). */
    private void showNoNode(int count, boolean designRows) {
        info.setVisible(false);
        problems.setVisible(false);
        if (designRows) {
            title.setText("Design — " + editor.design().metadata().name());
            doc.setText("Select a layer to edit its parameters. Drag layers from the palette; drag from a port to a "
                    + "port to wire them.");
            List<PropertySheet.Item> items = new ArrayList<>();
            for (DesignItem.Kind k : DesignItem.Kind.values()) {
                items.add(new DesignItem(editor, k, this::own));
            }
            sheet.getItems().setAll(items);
        } else {
            title.setText("Properties");
            doc.setText(count + " nodes selected: Edit ▸ Align, Duplicate, or Make block (Ctrl+G).");
            sheet.getItems().clear();
        }
    }
}
