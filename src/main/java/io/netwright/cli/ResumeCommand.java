package io.netwright.cli;

import com.google.gson.JsonObject;
import io.netwright.io.Json;
import io.netwright.train.NumberText;
import io.netwright.train.RunFolder;
import io.netwright.train.RunStatus;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code netwright resume RUN_DIR}: continues a stopped (or interrupted) run from {@code checkpoints/last} with the
 * same numbers an uninterrupted run would have had; {@code --epochs N} extends a run, finished or not;
 * {@code --lr} continues with another learning rate (after a NaN loss, say).
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a stopped or interrupted training run from its last checkpoint (--epochs to extend "
                + "it).")
final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "RUN_DIR", description = "The run folder.")
    Path runDir;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Train until epoch N in total (default: the run's own epoch count).")
    Integer epochs;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Continue with this learning rate (e.g. lower after a NaN loss); the run then differs from "
                    + "an uninterrupted one.")
    Double lr;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "Continue on cpu, cuda, cuda:N or auto (default: the run's device); checkpoints are "
                    + "device-neutral, so a run may move.")
    String device;

    @Option(names = "--json", description = "Print a JSON summary on stdout at the end (progress goes to stderr).")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (epochs != null && epochs < 1) {
            throw new UsageError("--epochs " + epochs + ": must be at least 1");
        }
        if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
            throw new UsageError("--lr " + NumberText.compact(lr) + ": must be a positive number");
        }
        if (!Files.isRegularFile(runDir.resolve(RunFolder.CONFIG))) {
            throw new CliError(runDir + ": not a run folder (no " + RunFolder.CONFIG + ")");
        }
        RunFolder folder = RunFolder.open(runDir);
        if (!Files.isDirectory(folder.checkpoint("last"))) {
            throw new CliError(runDir + ": has no checkpoints/last — the run stopped before its first checkpoint; "
                    + "start a new run");
        }
        TrainingConfig old = folder.readConfig();
        Optional<RunStatus> status = folder.readStatus();
        boolean finished = status.map(s -> s.state().equals("finished")).orElse(false);
        if (finished && (epochs == null || epochs <= old.epochs())) {
            throw new CliError(runDir + ": the run already finished its " + old.epochs() + " epochs — give --epochs "
                    + "with more to continue it");
        }
        String dev = device == null ? null : DeviceArgs.parseForTraining(device);
        Trainer trainer = Trainer.resumeRun(runDir, c -> {
            TrainingConfig n = epochs == null ? c : c.withEpochs(epochs);
            n = dev == null ? n : n.withDevice(dev);
            return lr == null ? n : n.withOptimizer(n.optimizer().withLr(lr));
        }, data(old));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter log = json ? spec.commandLine().getErr() : stdout;
        String dataName = trainer.config().dataSpec();
        ConsoleRun.Outcome outcome = ConsoleRun.run(trainer, runDir, dataName, log,
                main != null && main.terminal() && !json);
        if (json) {
            JsonObject summary = ConsoleRun.summary(trainer.config(), dataName, runDir, outcome);
            stdout.println(Json.GSON.toJson(summary));
            stdout.flush();
        }
        return 0;
    }

    /** The data of a run trained with {@code --limit} (recorded in cli.json), else null: the trainer resolves it. */
    private TrainingData data(TrainingConfig config) throws IOException {
        Optional<Integer> limit = TrainCommand.recordedLimit(runDir);
        if (limit.isEmpty()) {
            return null;
        }
        try {
            return TrainCommand.limited(TrainingData.resolve(config), limit.get(), config.seed());
        } catch (IOException | RuntimeException e) {
            throw new CliError("data " + config.dataSpec() + ": " + ShortErrors.oneLine(ShortErrors.message(e)), e);
        }
    }
}
