package io.netwright.ui.panels;

import io.netwright.graph.ParamSpec;
import io.netwright.graph.ParamValue;
import io.netwright.ui.editor.EditorViewModel;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One row of the property sheet: a layer parameter of the selected node (value = the set {@link ParamValue}, or
 * null when it takes the default), or one of the node's own fields (id, label, frozen). Setting the value is an
 * undoable editor edit.
 */
final class ParamItem implements PropertySheet.Item {

    /** What the row edits. */
    enum Kind { PARAM, ID, LABEL, FROZEN }

    private final EditorViewModel editor;
    private final String nodeId;
    private final Kind kind;
    private final ParamSpec spec;
    private final java.util.function.Consumer<Runnable> asOwnEdit;

    ParamItem(EditorViewModel editor, String nodeId, Kind kind, ParamSpec spec,
            java.util.function.Consumer<Runnable> asOwnEdit) {
        this.editor = editor;
        this.nodeId = nodeId;
        this.kind = kind;
        this.spec = spec;
        this.asOwnEdit = asOwnEdit;
    }

    Kind kind() {
        return kind;
    }

    ParamSpec spec() {
        return spec;
    }

    EditorViewModel editor() {
        return editor;
    }

    @Override
    public Class<?> getType() {
        return kind == Kind.FROZEN ? Boolean.class : kind == Kind.PARAM ? ParamValue.class : String.class;
    }

    @Override
    public String getCategory() {
        return "Parameters"; // one category: the sheet's accordion shows it expanded
    }

    @Override
    public String getName() {
        return switch (kind) {
            case PARAM -> spec.name() + (spec.required() ? " *" : "");
            case ID -> "id";
            case LABEL -> "label";
            case FROZEN -> "frozen";
        };
    }

    @Override
    public String getDescription() {
        return switch (kind) {
            case PARAM -> spec.doc() + "\nAccepts " + spec.expected() + "; default " + spec.defaultValue() + ".";
            case ID -> "The node's name; it becomes the module attribute and the state-dict key prefix (conv1.weight).";
            case LABEL -> "Text shown on the canvas instead of the id (optional).";
            case FROZEN -> "Exclude this layer's parameters from training (requires_grad=False).";
        };
    }

    /** The current value in the editor's design (not a copy taken when the row was made). */
    @Override
    public Object getValue() {
        io.netwright.graph.Node n = editor.design().node(nodeId).orElse(null);
        if (n == null) {
            return null;
        }
        return switch (kind) {
            case PARAM -> n.param(spec.name());
            case ID -> n.id();
            case LABEL -> n.label();
            case FROZEN -> n.frozen();
        };
    }

    @Override
    public void setValue(Object v) {
        asOwnEdit.accept(() -> apply(v));
    }

    private void apply(Object v) {
        Object value = getValue();
        switch (kind) {
            case PARAM -> {
                if (!java.util.Objects.equals(v, value)) {
                    editor.setParam(nodeId, spec.name(), (ParamValue) v);
                }
            }
            case ID -> {
                String s = String.valueOf(v).trim();
                if (!s.equals(nodeId)) {
                    editor.rename(nodeId, s);
                }
            }
            case LABEL -> editor.setLabel(nodeId, String.valueOf(v).trim());
            case FROZEN -> editor.setFrozen(nodeId, Boolean.TRUE.equals(v));
            default -> throw new AssertionError(kind);
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
