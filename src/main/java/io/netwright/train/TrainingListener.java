package io.netwright.train;

/**
 * Receives a run's {@link TrainingEvent}s, in order, on a thread of its own (never the training thread), so a slow
 * listener delays only itself. The CLI attaches a console listener, the studio a bridge to its UI thread.
 *
 * <pre>{@code trainer.addListener(e -> { if (e instanceof TrainingEvent.EpochEnd ep) System.out.println(ep); });}</pre>
 */
@FunctionalInterface
public interface TrainingListener {

    /** Handles one event. An exception detaches this listener (the run reports it as a warning and goes on). */
    void onEvent(TrainingEvent event);
}
