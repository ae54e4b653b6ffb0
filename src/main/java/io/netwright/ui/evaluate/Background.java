package io.netwright.ui.evaluate;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.concurrent.Task;

/**
 * Runs the Evaluate tab's slow work (evaluating, reading a split, predicting a file) as JavaFX tasks on one
 * background thread, in order, and hands each result or failure back on the FX thread. One thread is enough: the
 * work is sequential by nature and never competes with itself for the CPU a training run needs.
 */
final class Background {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "netwright-evaluate");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private int running;

    /**
     * Runs {@code work} off the FX thread; then {@code done} with its result, or {@code failed} with its exception,
     * on the FX thread. Call on the FX thread.
     */
    <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            finished();
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            failed.accept(task.getException());
        });
        running++;
        busy.set(true);
        executor.execute(task);
    }

    /** True while any task is queued or running. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }
}
