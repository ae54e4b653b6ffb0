package io.netwright.ui.monitor;

import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.run.TrainingView;
import io.netwright.ui.run.WhenShown;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The run's log: trainer warnings, non-finite pauses, failures, learning-rate changes, checkpoints, pauses and
 * resumes, epoch figures and the end, each with the time it arrived, the epoch and the step. Warnings and errors
 * also pop up as a ControlsFX notification over the window holding the log (one per delivered batch, naming how
 * many more are in the log); there is none while the log is not in a showing window. While the log sits on a tab in
 * the back its list shows nothing (entries still arrive in {@link #entries()}), so new entries lay out no cells; it
 * shows them all when it comes to the front.
 *
 * <pre>{@code TrainingLog log = new TrainingLog();  // a TrainingView; add it to the tab}</pre>
 */
public final class TrainingLog extends BorderPane implements TrainingView {

    /** Entries kept; the oldest go first. */
    static final int MAX_ENTRIES = 5000;

    private final Clock clock;
    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> visible = new FilteredList<>(entries);
    private final ListView<LogEntry> list = new ListView<>(visible);
    private final Label counts = new Label();
    private final CheckBox problemsOnly = new CheckBox("Warnings and errors only");
    private final BooleanProperty notify = new SimpleBooleanProperty(this, "notify", true);
    private int warnings;
    private int errors;
    private int notifications;
    private boolean scrollPending;
    private final WhenShown shown = new WhenShown(this);

    /** A log timing entries by the system clock. */
    public TrainingLog() {
        this(Clock.systemDefaultZone());
    }

    /** A log timing entries by {@code clock} (tests pass a fixed one). */
    public TrainingLog(Clock clock) {
        this.clock = clock;
        MonitorStyles.apply(this, "training-log");
        list.setId("training-log");
        list.setPlaceholder(new Label("Nothing logged yet"));
        list.setCellFactory(v -> new EntryCell());
        counts.setId("training-log-counts");
        problemsOnly.setId("training-log-problems-only");
        problemsOnly.selectedProperty().addListener((o, a, b) -> visible.setPredicate(b
                ? e -> e.level() != LogEntry.Level.INFO : null));
        Button clear = new Button("Clear");
        clear.setId("training-log-clear");
        clear.setOnAction(e -> clear());
        Label title = new Label("Log");
        title.getStyleClass().add("monitor-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, title, counts, gap, problemsOnly, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        setTop(bar);
        setCenter(list);
        updateCounts();
    }

    /** Whether warnings and errors pop up as notifications (when the log is in a showing window). */
    public BooleanProperty notifyProperty() {
        return notify;
    }

    /** Every entry, oldest first. */
    public ObservableList<LogEntry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    /** Notifications shown so far. */
    public int notificationCount() {
        return notifications;
    }

    /** Empties the log. */
    public void clear() {
        entries.clear();
        warnings = 0;
        errors = 0;
        updateCounts();
    }

    @Override
    public void runStarted(Trainer trainer) {
        // a new run continues the log: earlier runs' lines stay above its "Run started" line
    }

    @Override
    public void onEvents(List<TrainingEvent> events) {
        LocalTime now = LocalTime.now(clock);
        List<LogEntry> added = new ArrayList<>();
        for (TrainingEvent e : events) {
            LogEntry.of(e, now).ifPresent(added::add);
        }
        if (added.isEmpty()) {
            return;
        }
        List<LogEntry> problems = new ArrayList<>();
        for (LogEntry e : added) {
            if (e.level() == LogEntry.Level.WARNING) {
                warnings++;
                problems.add(e);
            } else if (e.level() == LogEntry.Level.ERROR) {
                errors++;
                problems.add(e);
            }
        }
        if (WhenShown.hiddenAncestor(this) != null && list.getItems() == visible) {
            // on a tab in the back: the list lets go of the entries, so adding them lays out no cells
            list.setItems(FXCollections.emptyObservableList());
        }
        entries.addAll(added);
        if (entries.size() > MAX_ENTRIES) {
            entries.remove(0, entries.size() - MAX_ENTRIES);
        }
        updateCounts();
        shown.run(this::showLatest);
        if (!problems.isEmpty()) {
            popUp(problems);
        }
    }

    /** The list shows every entry and scrolls to the newest (once per pulse, not per call: it lays the list out). */
    private void showLatest() {
        if (list.getItems() != visible) {
            list.setItems(visible);
        }
        if (!scrollPending) {
            scrollPending = true;
            javafx.application.Platform.runLater(() -> {
                scrollPending = false;
                list.scrollTo(visible.size() - 1);
            });
        }
    }

    private void updateCounts() {
        counts.setText(warnings + " warning" + (warnings == 1 ? "" : "s") + ", " + errors + " error"
                + (errors == 1 ? "" : "s"));
    }

    // ================================================================ notifications

    private void popUp(List<LogEntry> problems) {
        Window w = getScene() == null ? null : getScene().getWindow();
        if (!notify.get() || w == null || !w.isShowing()) {
            return;
        }
        LogEntry worst = problems.stream().filter(e -> e.level() == LogEntry.Level.ERROR).findFirst()
                .orElse(problems.get(0));
        boolean error = worst.level() == LogEntry.Level.ERROR;
        String more = problems.size() > 1 ? "\n(" + (problems.size() - 1) + " more in the log)" : "";
        Notifications n = Notifications.create()
                .owner(w)
                .title(error ? "Training error" : "Training warning")
                .text(worst.text() + more)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(error ? 15 : 8));
        if (error) {
            n.showError();
        } else {
            n.showWarning();
        }
        notifications++;
    }

    /** A log line: time, epoch and step dimmed, then the text coloured by level. */
    private static final class EntryCell extends ListCell<LogEntry> {
        private final Label when = new Label();
        private final Label text = new Label();
        private final VBox box = new VBox(1, when, text);

        EntryCell() {
            when.getStyleClass().add("log-when");
            text.getStyleClass().add("log-text");
            text.setWrapText(true);
            getStyleClass().add("log-entry");
            setPrefWidth(0); // wrap to the list's width instead of widening it
        }

        @Override
        protected void updateItem(LogEntry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().removeAll("info", "warning", "error");
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            getStyleClass().add(e.level().name().toLowerCase(java.util.Locale.ROOT));
            when.setText(e.where() + (e.level() == LogEntry.Level.INFO ? "" : "  " + e.level()));
            text.setText(e.text());
            text.maxWidthProperty().bind(getListView().widthProperty().subtract(30));
            setGraphic(box);
        }
    }
}
