package io.netwright.ui.panels;

import io.netwright.graph.Design;
import io.netwright.graph.Loss;
import io.netwright.ui.editor.EditorViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;
import org.controlsfx.control.PropertySheet;

/**
 * A design-wide row of the property sheet: the design's name and description, the input shape and dataset (shown
 * with nothing selected, and with the Input node), and the loss. Each change is one undoable edit.
 */
final class DesignItem implements PropertySheet.Item {

    /** What the row edits. */
    enum Kind { NAME, DESCRIPTION, INPUT_SHAPE, DATASET, LOSS }

    private final EditorViewModel editor;
    private final Kind kind;
    private final java.util.function.Consumer<Runnable> asOwnEdit;

    DesignItem(EditorViewModel editor, Kind kind, java.util.function.Consumer<Runnable> asOwnEdit) {
        this.editor = editor;
        this.kind = kind;
        this.asOwnEdit = asOwnEdit;
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public String getCategory() {
        return "Parameters";
    }

    @Override
    public String getName() {
        return switch (kind) {
            case NAME -> "name";
            case DESCRIPTION -> "description";
            case INPUT_SHAPE -> "input shape";
            case DATASET -> "dataset";
            case LOSS -> "loss";
        };
    }

    @Override
    public String getDescription() {
        return switch (kind) {
            case NAME -> "The design's name (shown in the title and in runs).";
            case DESCRIPTION -> "What the design is; free text.";
            case INPUT_SHAPE -> "One sample without the batch dim: C, H, W for images (e.g. 1, 28, 28), or F.";
            case DATASET -> "The dataset the input is bound to: a bundled sample (fashion-mnist-small), a folder or "
                    + "a file.";
            case LOSS -> "The loss the output is trained against.";
        };
    }

    @Override
    public Object getValue() {
        Design d = editor.design();
        return switch (kind) {
            case NAME -> d.metadata().name();
            case DESCRIPTION -> d.metadata().description();
            case INPUT_SHAPE -> String.join(", ", d.input().shape().stream().map(String::valueOf).toList());
            case DATASET -> d.input().dataset();
            case LOSS -> d.head().loss().key();
        };
    }

    @Override
    public void setValue(Object value) {
        String v = String.valueOf(value).trim();
        asOwnEdit.accept(() -> {
            switch (kind) {
                case NAME -> editor.edit("Rename design", d -> d.withMetadata(d.metadata().withName(v)));
                case DESCRIPTION -> editor.edit("Describe design", d -> d.withMetadata(d.metadata()
                        .withDescription(v)));
                case INPUT_SHAPE -> editor.edit("Set input shape", d -> d.withInput(d.input().withShape(shape(v))));
                case DATASET -> editor.edit("Bind dataset", d -> d.withInput(d.input().withDataset(v)));
                case LOSS -> editor.edit("Set loss", d -> d.withHead(d.head().withLoss(Loss.byKey(v).orElseThrow())));
                default -> throw new AssertionError(kind);
            }
        });
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }

    /** Null when {@code text} is acceptable, else why not. */
    String problem(String text) {
        return switch (kind) {
            case NAME -> text.isBlank() ? "a design needs a name" : null;
            case INPUT_SHAPE -> shapeProblem(text);
            default -> null;
        };
    }

    static String shapeProblem(String text) {
        try {
            shape(text);
            return null;
        } catch (IllegalArgumentException e) {
            return "input shape: 1 to 3 positive sizes, e.g. 1, 28, 28 (C, H, W) — got \"" + text.trim() + "\"";
        }
    }

    static List<Integer> shape(String text) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.replaceAll("[\\[\\]()]", "").trim().split("\\s*[,x×\\s]\\s*")) {
            int d = Integer.parseInt(part);
            if (d <= 0) {
                throw new IllegalArgumentException("non-positive size " + d);
            }
            dims.add(d);
        }
        if (dims.isEmpty() || dims.size() > 3) {
            throw new IllegalArgumentException("1 to 3 sizes");
        }
        return dims;
    }

    javafx.scene.Node createEditor() {
        String id = "design-" + getName().replace(' ', '-');
        if (kind == Kind.LOSS) {
            ComboBox<String> box = new ComboBox<>();
            box.setId(id);
            for (Loss l : Loss.values()) {
                box.getItems().add(l.key());
            }
            box.setValue((String) getValue());
            box.setMaxWidth(Double.MAX_VALUE);
            box.valueProperty().addListener((o, a, b) -> {
                if (b != null && !b.equals(getValue())) {
                    setValue(b);
                }
            });
            return box;
        }
        return ParamEditors.textField(id, (String) getValue(), "", this::problem, this::setValue, editor);
    }
}
