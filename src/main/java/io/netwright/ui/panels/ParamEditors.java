package io.netwright.ui.panels;

import io.netwright.graph.ParamType;
import io.netwright.graph.ParamValue;
import io.netwright.ui.editor.ParamText;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * The property sheet's editors by parameter type: a check box for booleans, a drop-down for choices, and for
 * numbers, pairs and lists a text field that checks what is typed against the schema on every key (red with the
 * reason when wrong) and applies it on Enter or when focus leaves. An empty field means "the default".
 */
final class ParamEditors {

    private ParamEditors() {
    }

    static PropertyEditor<?> create(PropertySheet.Item item) {
        if (item instanceof DesignItem d) {
            return editor(d.createEditor());
        }
        ParamItem p = (ParamItem) item;
        return switch (p.kind()) {
            case FROZEN -> check(p, Boolean.TRUE.equals(p.getValue()));
            case ID, LABEL -> text(p);
            case PARAM -> p.spec().type() == ParamType.BOOL ? check(p, boolValue(p))
                    : p.spec().type() == ParamType.CHOICE ? choice(p) : text(p);
        };
    }

    private static boolean boolValue(ParamItem p) {
        Object v = p.getValue() != null ? p.getValue() : p.spec().defaultValue();
        return v instanceof ParamValue.BoolValue b && b.value();
    }

    private static PropertyEditor<Object> check(ParamItem p, boolean initial) {
        CheckBox box = new CheckBox();
        box.setId(id(p));
        box.setSelected(initial);
        box.selectedProperty().addListener((o, a, b) -> p.setValue(p.kind() == ParamItem.Kind.FROZEN ? b
                : ParamValue.of(b)));
        return editor(box);
    }

    private static PropertyEditor<Object> choice(ParamItem p) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id(p));
        box.getItems().setAll(p.spec().choices());
        Object v = p.getValue() != null ? p.getValue() : p.spec().defaultValue();
        box.setValue(ParamText.format((ParamValue) v));
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                p.setValue(ParamValue.of(b));
            }
        });
        return editor(box);
    }

    private static PropertyEditor<Object> text(ParamItem p) {
        String initial;
        String prompt = "";
        if (p.kind() == ParamItem.Kind.PARAM) {
            initial = p.getValue() == null ? "" : ParamText.format((ParamValue) p.getValue());
            prompt = ParamText.format(p.spec().defaultValue()) + " (default)";
        } else {
            initial = String.valueOf(p.getValue());
        }
        return editor(textField(id(p), initial, prompt, t -> problem(p, t), t -> {
            if (p.kind() == ParamItem.Kind.PARAM) {
                p.setValue(t.isBlank() ? null : ParamText.parse(p.spec(), t).value());
            } else {
                p.setValue(t);
            }
        }, p.editor()));
    }

    /**
     * A text field that shows {@code problem(text)} (red, as tooltip and status message) on every key and calls
     * {@code commit} with acceptable text on Enter or when focus leaves; Escape restores the last committed text.
     */
    static TextField textField(String id, String initial, String prompt,
            java.util.function.Function<String, String> problem, java.util.function.Consumer<String> commit,
            io.netwright.ui.editor.EditorViewModel editor) {
        TextField field = new TextField(initial);
        field.setId(id);
        field.setPromptText(prompt);
        Tooltip tip = new Tooltip();
        String[] committed = {initial};
        field.textProperty().addListener((o, a, b) -> {
            String why = problem.apply(b);
            field.getStyleClass().remove("invalid");
            if (why != null) {
                field.getStyleClass().add("invalid");
                tip.setText(why);
                field.setTooltip(tip);
                editor.tell(why);
            } else {
                field.setTooltip(null);
                editor.tell("");
            }
        });
        Runnable apply = () -> {
            if (field.getText().equals(committed[0]) || problem.apply(field.getText()) != null) {
                return;
            }
            committed[0] = field.getText();
            commit.accept(field.getText());
        };
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                apply.run();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                field.setText(committed[0]);
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        return field;
    }

    /** Null when {@code text} is acceptable for the row, else why not. */
    static String problem(ParamItem p, String text) {
        return switch (p.kind()) {
            case PARAM -> text.isBlank() && !p.spec().required() ? null : ParamText.parse(p.spec(), text).problem();
            case ID -> text.trim().matches("[A-Za-z_][A-Za-z0-9_]*") ? null
                    : "an id is a name of letters, digits and _ (not starting with a digit), e.g. conv1";
            default -> null;
        };
    }

    private static String id(ParamItem p) {
        return p.kind() == ParamItem.Kind.PARAM ? "param-" + p.spec().name() : "node-field-" + p.getName();
    }

    static PropertyEditor<Object> editor(javafx.scene.Node control) {
        return new PropertyEditor<>() {
            @Override
            public javafx.scene.Node getEditor() {
                return control;
            }

            @Override
            public Object getValue() {
                return null;
            }

            @Override
            public void setValue(Object value) {
                // rows are rebuilt from the design after every edit, so editors never take values from outside
            }
        };
    }
}
