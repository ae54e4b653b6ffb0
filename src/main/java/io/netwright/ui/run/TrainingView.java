package io.netwright.ui.run;

import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import java.util.List;

/**
 * A part of the studio that follows a training run: the charts, the sample grid, the parameter table, the health
 * overlay, the evaluation views. The {@link FxEventBridge} calls it on the FX thread only, with trainer events in
 * the order they happened, in batches, at most about 30 times a second, so an implementation may touch its nodes
 * directly but must keep each call short (well under 10 ms): decimate, update in place, never block.
 */
public interface TrainingView {

    /**
     * A new run begins (or an old one is re-attached): forget the previous run's state.
     *
     * @param trainer the run's trainer (for pause/resume/stop/LR controls and its config); never touched off-FX by
     *                the view except through its thread-safe methods
     */
    default void runStarted(Trainer trainer) {
    }

    /**
     * The studio now shows another design and no run is active: forget the last run's figures (charts, samples,
     * progress, evaluation) and show that there is no run yet, so nothing of the previous design stays on screen.
     */
    default void documentChanged() {
    }

    /**
     * The events that arrived since the last call, oldest first; never empty. Batch events may have been coalesced
     * (some {@code BatchEnd} skipped) when the run is faster than the display; every other event is delivered.
     */
    void onEvents(List<TrainingEvent> events);
}
