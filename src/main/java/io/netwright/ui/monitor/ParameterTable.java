package io.netwright.ui.monitor;

import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.MemoryEstimate;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.editor.EditorViewModel;
import io.netwright.ui.editor.Numbers;
import io.netwright.ui.run.TrainingView;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The per-layer parameter table (name, type, output shape, parameters, share of the total) with the totals
 * (parameters, trainable, MACs per sample, weight and training memory). It follows the editor's design as it is
 * edited; when a run starts it shows the design that run trains, with the parameter counts the run reported,
 * until the next edit.
 *
 * <pre>{@code ParameterTable table = new ParameterTable(vm.editor());  // a TrainingView; add it to the tab}</pre>
 */
public final class ParameterTable extends BorderPane implements TrainingView {

    private final EditorViewModel editor;
    private final Analyzer analyzer = new Analyzer();
    private final TableView<ParameterSummary.Row> table = new TableView<>();
    private final Label source = new Label();
    private final Label total = new Label();
    private final Label trainable = new Label();
    private final Label macs = new Label();
    private final Label memory = new Label();
    private final ReadOnlyObjectWrapper<ParameterSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private boolean runActive;

    /** A table following {@code editor}'s design. */
    public ParameterTable(EditorViewModel editor) {
        this.editor = editor;
        MonitorStyles.apply(this, "parameter-table");
        table.setId("parameter-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("The design has no layers"));
        table.getColumns().setAll(List.of(text("Layer", ParameterSummary.Row::name, 1.2),
                text("Type", ParameterSummary.Row::type, 1.2), text("Output shape", ParameterSummary.Row::shape, 1),
                count(), share()));
        source.getStyleClass().add("monitor-title");
        source.setId("parameter-source");
        total.setId("param-total");
        trainable.setId("param-trainable");
        macs.setId("param-macs");
        memory.setId("param-memory");
        for (Label l : List.of(total, trainable, macs)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        memory.setWrapText(true);
        VBox mem = new VBox(caption("Memory"), memory);
        HBox.setHgrow(mem, javafx.scene.layout.Priority.ALWAYS);
        HBox totals = new HBox(new VBox(caption("Parameters"), total), new VBox(caption("Trainable"), trainable),
                new VBox(caption("MACs / sample"), macs), mem);
        totals.getStyleClass().add("totals");
        setTop(source);
        setCenter(table);
        setBottom(totals);
        editor.analysisProperty().addListener((o, a, b) -> {
            if (!runActive) {
                showDesign();
            }
        });
        showDesign();
    }

    /** What the table shows. */
    public ReadOnlyObjectProperty<ParameterSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The table of layers (for tests and the screenshot tooling). */
    public TableView<ParameterSummary.Row> tableView() {
        return table;
    }

    @Override
    public void runStarted(Trainer trainer) {
        runActive = true;
    }

    /** Another design was opened: show it, not the last run's figures. */
    @Override
    public void documentChanged() {
        runActive = false;
        showDesign();
    }

    @Override
    public void onEvents(List<TrainingEvent> events) {
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Started s) {
                runActive = true;
                showRun(s);
            } else if (e.isTerminal()) {
                runActive = false; // the run's figures stay until the next edit
            }
        }
    }

    // ================================================================ contents

    private void showDesign() {
        DesignAnalysis a = editor.openBlockProperty().get().isEmpty() ? editor.analysis().analysis()
                : analyzer.analyze(editor.documentDesign());
        var d = io.netwright.train.TrainingConfig.of(a.design()); // the shared defaults, as the Train tab's form
        show(ParameterSummary.of(a, d.batchSize(), d.optimizer().memoryKind()), "Design '" + a.design().metadata().name()
                + "' (follows edits)");
    }

    private void showRun(TrainingEvent.Started s) {
        TrainingConfig c = s.config();
        Design d = c.design();
        ParameterSummary p = ParameterSummary.of(analyzer.analyze(d), c.batchSize(),
                ParameterSummary.kindOf(c.optimizer())).withCounts(s.parameters(), s.trainableParameters());
        show(p, (s.runId().isEmpty() ? "Run" : "Run " + s.runId()) + ": '" + d.metadata().name()
                + "' as trained");
    }

    private void show(ParameterSummary p, String title) {
        summary.set(p);
        source.setText(title);
        table.getItems().setAll(p.rows());
        total.setText(Numbers.grouped(p.params()));
        trainable.setText(Numbers.grouped(p.trainable()));
        macs.setText(Numbers.short_(p.macs()));
        MemoryEstimate m = p.training();
        memory.setText(String.format(Locale.ROOT, "weights %s · training ≈ %s (batch %d, %s)",
                MemoryEstimate.format(p.weightBytes()), MemoryEstimate.format(m.totalBytes()), m.batchSize(),
                m.optimizer().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
    }

    // ================================================================ columns

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("monitor-dim");
        l.setStyle("-fx-font-weight: normal;");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TableColumn<ParameterSummary.Row, String> text(String title,
            java.util.function.Function<ParameterSummary.Row, String> value, double weight) {
        TableColumn<ParameterSummary.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleObjectProperty<>(value.apply(d.getValue())));
        c.setPrefWidth(110 * weight);
        return c;
    }

    private static TableColumn<ParameterSummary.Row, ParameterSummary.Row> count() {
        TableColumn<ParameterSummary.Row, ParameterSummary.Row> c = new TableColumn<>("Parameters");
        c.setCellValueFactory(d -> new SimpleObjectProperty<>(d.getValue()));
        c.setComparator((a, b) -> Long.compare(a.params(), b.params()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ParameterSummary.Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : Numbers.grouped(r.params()));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        c.setPrefWidth(100);
        return c;
    }

    private static TableColumn<ParameterSummary.Row, ParameterSummary.Row> share() {
        TableColumn<ParameterSummary.Row, ParameterSummary.Row> c = new TableColumn<>("Share");
        c.setCellValueFactory(d -> new SimpleObjectProperty<>(d.getValue()));
        c.setComparator((a, b) -> Double.compare(a.share(), b.share()));
        c.setCellFactory(col -> new ShareCell());
        c.setPrefWidth(150);
        return c;
    }

    /** A bar as long as the layer's share, with the percentage. */
    private static final class ShareCell extends TableCell<ParameterSummary.Row, ParameterSummary.Row> {
        private final Region bar = new Region();
        private final Label percent = new Label();
        private final StackPane box = new StackPane(bar, percent);

        ShareCell() {
            bar.getStyleClass().add("share-bar");
            bar.setMaxHeight(10);
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            StackPane.setAlignment(percent, Pos.CENTER_RIGHT);
            box.setMinWidth(0);
        }

        @Override
        protected void updateItem(ParameterSummary.Row r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            percent.setText(String.format(Locale.ROOT, "%.1f %%", 100 * r.share()));
            bar.maxWidthProperty().bind(box.widthProperty().subtract(52).multiply(r.share()));
            bar.setVisible(r.share() > 0);
            setGraphic(box);
        }
    }
}
