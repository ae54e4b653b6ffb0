package io.netwright.cli;

import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shutdown hook of a console run (Ctrl-C, SIGTERM): stops the trainer after its current step, waits until it
 * has written {@code checkpoints/last} and every event reached the console, then prints where the run stopped and
 * how to resume it. It prints itself because the JVM ends when the hooks return, so the command's own error line
 * may never come; {@link ConsoleRun} waits for this report and then adds nothing but the exit code.
 */
final class SignalStop implements Runnable {

    private final Trainer trainer;
    private final ConsoleListener listener;
    private final Path runDir;
    private final ConsoleProgress progress;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean reported;

    SignalStop(Trainer trainer, ConsoleListener listener, Path runDir, ConsoleProgress progress) {
        this.trainer = trainer;
        this.listener = listener;
        this.runDir = runDir;
        this.progress = progress;
    }

    @Override
    public void run() {
        signalled.set(true);
        try {
            trainer.close();
            if (listener.terminal() instanceof TrainingEvent.Stopped s && listener.pauseReason() == null) {
                progress.println(listener.stopLine(s, runDir));
                reported = true;
            }
        } finally {
            done.countDown();
        }
    }

    /** After the run ended: if a signal stopped it, waits until the stop was printed. */
    void awaitReport() throws InterruptedException {
        if (signalled.get()) {
            done.await();
        }
    }

    /** Whether this hook printed the stop (so the command must not print it again). */
    boolean reported() {
        return reported;
    }
}
