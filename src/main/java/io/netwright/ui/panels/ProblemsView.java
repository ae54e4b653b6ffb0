package io.netwright.ui.panels;

import io.netwright.graph.Problem;
import io.netwright.ui.editor.EditorViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Problems list: every error and warning of the live analysis; clicking one selects its node. */
public final class ProblemsView extends VBox {

    private final ListView<Problem> list = new ListView<>();
    private final Label title = new Label();

    /** Problems of {@code editor}'s design. */
    public ProblemsView(EditorViewModel editor) {
        getStyleClass().add("problems");
        title.getStyleClass().add("pane-title");
        list.setId("problems-list");
        list.setPlaceholder(new Label("No problems: the design can be trained."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(p.isError() ? "●" : "▲");
                badge.getStyleClass().add(p.isError() ? "badge-error" : "badge-warning");
                setGraphic(badge);
                setText(p.text());
                getStyleClass().add(p.isError() ? "problem-error" : "problem-warning");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p.nodeId() != null && editor.design().node(p.nodeId()).isPresent()) {
                editor.select(p.nodeId());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
        editor.analysisProperty().addListener((o, a, b) -> update(editor));
        update(editor);
    }

    private void update(EditorViewModel editor) {
        var problems = editor.analysis().analysis().problems();
        list.getItems().setAll(problems);
        long errors = problems.stream().filter(Problem::isError).count();
        title.setText("Problems (" + errors + " error" + (errors == 1 ? "" : "s") + ", " + (problems.size() - errors)
                + " warning" + (problems.size() - errors == 1 ? "" : "s") + ")");
    }

    /** The list (for tests). */
    public ListView<Problem> list() {
        return list;
    }
}
