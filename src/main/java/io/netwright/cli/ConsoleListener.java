package io.netwright.cli;

import io.netwright.train.Evaluation;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import io.netwright.train.TrainingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The command line's trainer listener: prints the run as it goes (header, progress bar, one line per epoch,
 * warnings, the final evaluation) and keeps what the final summary needs. A self-pause on a non-finite loss stops
 * the run (its warning is not printed twice), since nobody is there to lower the learning rate and resume; the
 * command says how to resume with a lower one.
 *
 * <p>Events arrive on the listener's own thread; the getters are read after {@link Trainer#join()}.
 */
final class ConsoleListener implements TrainingListener {

    private final ConsoleProgress progress;
    private final Trainer trainer;
    private final int epochs;
    private final String dataName;
    private final List<TrainingEvent.EpochEnd> epochEnds = Collections.synchronizedList(new ArrayList<>());
    private volatile TrainingEvent.Started started;
    private volatile Evaluation evaluation;
    private volatile TrainingEvent terminal;
    private volatile String pauseReason;
    private volatile String outOfMemory;
    private volatile double lr = Double.NaN;
    private volatile TrainingEvent.BatchEnd lastBatch;

    /** A listener printing through {@code progress} that can stop {@code trainer}; {@code dataName} for the header. */
    ConsoleListener(ConsoleProgress progress, Trainer trainer, int epochs, String dataName) {
        this.progress = progress;
        this.trainer = trainer;
        this.epochs = epochs;
        this.dataName = dataName;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            started = s;
            lr = s.lr();
            String from = s.resumed() ? String.format(Locale.ROOT, " from epoch %d, step %,d", s.epoch() + 1,
                    s.step()) : "";
            progress.println(String.format(Locale.ROOT, "%s %s (%,d parameters)%s on %s: %,d train / %,d "
                            + "validation / %,d test samples, batch %d, %s, %d epoch%s, %s",
                    s.resumed() ? "Resuming" : "Training", s.config().design().metadata().name(), s.parameters(),
                    from, dataName, s.trainSize(), s.validationSize(), s.testSize(), s.config().batchSize(),
                    s.config().optimizer().with("lr", s.lr()).summary(), epochs, epochs == 1 ? "" : "s",
                    s.device().replaceFirst("^(\\w+), (?=\\1 )", "")));
        } else if (event instanceof TrainingEvent.BatchEnd b) {
            lastBatch = b;
            lr = b.lr();
            progress.step(b.epoch() + 1, b.batch(), b.batches(), b.meanLoss(), b.accuracy(), b.imagesPerSecond(),
                    b.etaSeconds());
        } else if (event instanceof TrainingEvent.EpochEnd e) {
            epochEnds.add(e);
            String val = Double.isNaN(e.valLoss()) ? "" : String.format(Locale.ROOT, "  validation loss %.4f acc "
                    + "%.1f%%", e.valLoss(), 100 * e.valAccuracy());
            progress.println(String.format(Locale.ROOT, "epoch %d/%d  train loss %.4f acc %.1f%%%s  (%s)",
                    e.epoch() + 1, epochs, e.trainLoss(), 100 * e.trainAccuracy(), val,
                    ConsoleProgress.duration(e.seconds())));
        } else if (event instanceof TrainingEvent.Warning w && w.code().equals("out_of_memory")) {
            outOfMemory = w.message().substring(0, w.message().indexOf(" — ") < 0 ? w.message().length()
                    : w.message().indexOf(" — "));
            progress.println("paused: " + outOfMemory + "; stopping the run (the step was not applied, checkpoints "
                    + "are intact) — continue with a smaller --batch in a new run, or 'netwright resume RUN --device "
                    + "cpu'");
        } else if (event instanceof TrainingEvent.Paused p && p.reason() == TrainingEvent.PauseReason.OUT_OF_MEMORY) {
            trainer.stop();
        } else if (event instanceof TrainingEvent.Warning w && !w.code().equals("non_finite")) {
            progress.println("warning: " + w.message());
        } else if (event instanceof TrainingEvent.Paused p && p.nonFinite() != null) {
            pauseReason = p.nonFinite().describe(p.step()).replace(" (or clip gradients) and resume", "");
            progress.println("paused: " + pauseReason + "; stopping the run (the bad step was not applied)");
            trainer.stop();
        } else if (event instanceof TrainingEvent.Evaluated ev) {
            evaluation = ev.evaluation();
            Evaluation x = ev.evaluation();
            progress.println(String.format(Locale.ROOT, "%s: %,d samples  loss %.4f  accuracy %.2f%%%s", x.split(),
                    x.samples(), x.loss(), 100 * x.accuracy(), Double.isNaN(x.topKAccuracy()) ? ""
                            : String.format(Locale.ROOT, "  top-%d %.2f%%", x.topK(), 100 * x.topKAccuracy())));
        } else if (event.isTerminal()) {
            TrainingEvent.BatchEnd b = lastBatch;
            if (event instanceof TrainingEvent.Stopped && b != null) {
                // the throttled bar may trail the step the run stopped at: show that step, as the message says
                progress.show(b.epoch() + 1, b.batch(), b.batches(), b.meanLoss(), b.accuracy(), b.imagesPerSecond(),
                        b.etaSeconds());
            }
            terminal = event;
            progress.finishLine();
        }
    }

    /** The start event, or null if the run failed before it. */
    TrainingEvent.Started started() {
        return started;
    }

    /** Every epoch's figures, in order. */
    List<TrainingEvent.EpochEnd> epochs() {
        synchronized (epochEnds) {
            return List.copyOf(epochEnds);
        }
    }

    /** The final evaluation, or null. */
    Evaluation evaluation() {
        return evaluation;
    }

    /** The event that ended the run (finished, stopped or failed), or null if none arrived. */
    TrainingEvent terminal() {
        return terminal;
    }

    /** The learning rate of the latest step (the start's before the first), NaN before the start. */
    double lr() {
        return lr;
    }

    /**
     * Where a stopped run stopped and how to continue it, in the words of the last progress line: {@code stopped
     * at epoch 2/5, batch 100/469 (step 569); checkpoints/last is from step 569 — continue with 'netwright resume
     * RUN'}.
     */
    String stopLine(TrainingEvent.Stopped s, java.nio.file.Path runDir) {
        TrainingEvent.BatchEnd b = lastBatch;
        String where = b != null && b.step() == s.step() && b.batch() == b.batches()
                ? String.format(Locale.ROOT, "the end of epoch %d/%d (step %,d)", b.epoch() + 1, epochs, s.step())
                : b != null && b.step() == s.step()
                ? String.format(Locale.ROOT, "epoch %d/%d, batch %d/%d (step %,d)", b.epoch() + 1, epochs, b.batch(),
                        b.batches(), s.step())
                : s.step() == startStep() ? String.format(Locale.ROOT, "epoch %d/%d before its first step",
                        s.epoch() + 1, epochs)
                : String.format(Locale.ROOT, "epoch %d/%d, step %,d", s.epoch() + 1, epochs, s.step());
        String kept = s.checkpoint() != null ? "checkpoints/last is from step " + String.format(Locale.ROOT, "%,d",
                s.step()) : "no checkpoint was written";
        return "stopped at " + where + "; " + kept + " — continue with 'netwright resume " + runDir + "'";
    }

    private long startStep() {
        TrainingEvent.Started s = started;
        return s == null ? 0 : s.step();
    }

    /** Why the run paused itself (non-finite values), or null. */
    /** The out-of-memory message the run paused (and was stopped) on, else null. */
    String outOfMemory() {
        return outOfMemory;
    }

    String pauseReason() {
        return pauseReason;
    }
}
