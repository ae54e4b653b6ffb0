package io.netwright.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.netwright.io.Json;
import io.netwright.train.Evaluation;
import io.netwright.train.NumberText;
import io.netwright.train.RunFolder;
import io.netwright.train.RunStatus;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Runs a {@link Trainer} in the foreground of a command: attaches the {@link ConsoleListener}, stops the run
 * cleanly on Ctrl-C or SIGTERM ({@link SignalStop}, a shutdown hook: the trainer writes {@code checkpoints/last} and
 * the hook prints where the run stopped and how to resume), waits for the end, turns a
 * failure or a stop into a one-line {@link CliError}, and exports {@code weights.safetensors} from the last
 * checkpoint with the class names. Shared by {@code train} and {@code resume}.
 */
final class ConsoleRun {

    /**
     * What a finished run gave.
     *
     * @param listener what the console listener collected
     * @param finished the final event
     * @param weights  the exported weights file
     */
    record Outcome(ConsoleListener listener, TrainingEvent.Finished finished, Path weights) {
    }

    private ConsoleRun() {
    }

    /**
     * Starts {@code trainer} and waits for it.
     *
     * @param dataName what to call the data in the header
     * @param log      where progress goes
     * @param terminal whether {@code log} is a terminal (one redrawn progress line)
     * @throws CliError when the run fails, pauses on a non-finite loss, or is stopped
     */
    static Outcome run(Trainer trainer, Path runDir, String dataName, PrintWriter log, boolean terminal)
            throws IOException, InterruptedException {
        TrainingConfig config = trainer.config();
        ConsoleProgress progress = new ConsoleProgress(log, terminal, config.epochs());
        ConsoleListener listener = new ConsoleListener(progress, trainer, config.epochs(), dataName);
        trainer.addListener(listener);
        SignalStop signal = new SignalStop(trainer, listener, runDir, progress);
        Thread onCtrlC = new Thread(signal, "netwright-train-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            trainer.start();
            trainer.join();
            signal.awaitReport();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is stopping the run
            }
        }
        TrainingEvent end = listener.terminal();
        if (end instanceof TrainingEvent.Failed f) {
            String where = listener.started() == null ? "cannot start training: "
                    : "training failed at epoch " + (f.epoch() + 1) + ", step " + f.step() + ": ";
            throw new CliError(where + ShortErrors.oneLine(f.message()), f.cause());
        }
        if (listener.pauseReason() != null) {
            throw new CliError(diverged(runDir, config, listener));
        }
        if (listener.outOfMemory() != null) {
            throw new CliError("training stopped: " + listener.outOfMemory() + "; checkpoints/last is intact — "
                    + "continue with 'netwright resume " + runDir + " --device cpu', or train again with a smaller "
                    + "--batch");
        }
        if (end instanceof TrainingEvent.Stopped stopped) {
            String line = listener.stopLine(stopped, runDir);
            throw signal.reported() ? new StoppedBySignal(line) : new CliError(line);
        }
        if (!(end instanceof TrainingEvent.Finished finished)) {
            throw new CliError("training ended at step " + (end == null ? "?" : end.step()) + " before it finished; "
                    + "continue it with 'netwright resume " + runDir + "'");
        }
        Path weights = runDir.resolve(WeightsArgs.RUN_WEIGHTS);
        WeightsArgs.export(runDir.resolve("checkpoints").resolve("last"), weights, config.design(),
                listener.started().classes());
        log.println("saved " + weights + " and checkpoints in " + runDir.resolve("checkpoints"));
        log.flush();
        return new Outcome(listener, finished, weights);
    }

    /**
     * The one line for a run that diverged: why, which checkpoint the trainer kept (from {@code run.json}) and the
     * resume command with a learning rate a tenth of the lower of the one that diverged and the optimizer's default.
     */
    private static String diverged(Path runDir, TrainingConfig config, ConsoleListener listener) throws IOException {
        String status = RunFolder.open(runDir).readStatus().map(RunStatus::message).orElse("");
        int at = status.indexOf("; checkpoints/last is from step ");
        int none = status.indexOf("; no checkpoint predates");
        if (none >= 0) {
            return "training diverged: " + listener.pauseReason() + status.substring(none);
        }
        String kept = at >= 0 ? status.substring(at) : "";
        double lr = Double.isNaN(listener.lr()) ? config.optimizer().lr() : listener.lr();
        double suggested = Math.min(lr, OptimizerArgs.parse(config.optimizer().name()).defaultLr()) / 10;
        return "training diverged: " + listener.pauseReason() + kept + ": 'netwright resume " + runDir + " --lr "
                + NumberText.compact(suggested) + "' continues from there";
    }

    /** The machine-readable summary {@code --json} prints. */
    static JsonObject summary(TrainingConfig config, String dataName, Path runDir, Outcome outcome) {
        ConsoleListener listener = outcome.listener();
        TrainingEvent.Finished finished = outcome.finished();
        JsonObject o = new JsonObject();
        o.addProperty("design", config.design().metadata().name());
        o.addProperty("data", config.dataSpec());
        o.addProperty("dataset", dataName);
        TrainingEvent.Started s = listener.started();
        o.addProperty("parameters", s.parameters());
        o.addProperty("train_samples", s.trainSize());
        o.addProperty("validation_samples", s.validationSize());
        o.addProperty("test_samples", s.testSize());
        o.addProperty("device", s.device());
        o.addProperty("resumed", s.resumed());
        o.addProperty("optimizer", config.optimizer().summary());
        o.addProperty("batch_size", config.batchSize());
        o.addProperty("epochs", config.epochs());
        o.addProperty("steps", finished.step());
        o.addProperty("seconds", Math.round(finished.seconds() * 1000) / 1000.0);
        o.addProperty("reason", finished.reason());
        JsonObject metrics = new JsonObject();
        finished.metrics().forEach((k, v) -> metrics.add(k, Json.toJson(v)));
        o.add("metrics", metrics);
        Evaluation e = listener.evaluation();
        if (e != null) {
            JsonObject ev = new JsonObject();
            ev.addProperty("split", e.split());
            ev.addProperty("samples", e.samples());
            ev.add("loss", Json.toJson(e.loss()));
            ev.add("accuracy", Json.toJson(e.accuracy()));
            ev.addProperty("top_k", e.topK());
            ev.add("top_k_accuracy", Json.toJson(e.topKAccuracy()));
            o.add("evaluation", ev);
        }
        o.addProperty("run_dir", runDir.toString());
        o.addProperty("weights", outcome.weights().toString());
        o.addProperty("checkpoint", runDir.resolve("checkpoints").resolve("last").toString());
        JsonArray classes = new JsonArray();
        s.classes().forEach(classes::add);
        o.add("classes", classes);
        JsonArray history = new JsonArray();
        for (TrainingEvent.EpochEnd r : listener.epochs()) {
            JsonObject h = new JsonObject();
            h.addProperty("epoch", r.epoch() + 1);
            h.add("train_loss", Json.toJson(r.trainLoss()));
            h.add("train_accuracy", Json.toJson(r.trainAccuracy()));
            h.add("val_loss", Json.toJson(r.valLoss()));
            h.add("val_accuracy", Json.toJson(r.valAccuracy()));
            h.addProperty("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            history.add(h);
        }
        o.add("history", history);
        return o;
    }
}
