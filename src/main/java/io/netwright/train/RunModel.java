package io.netwright.train;

import io.netwright.graph.Design;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.GraphModule;
import io.netwright.files.ReadGuard;
import io.netwright.io.Checkpoint;
import io.netwright.io.CheckpointIO;
import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's design compiled and loaded with the weights of one of its checkpoints, in evaluation mode: what
 * evaluating a run and predicting files with it start from.
 *
 * <pre>{@code
 * RunModel m = RunModel.load(runDir, null);                 // checkpoints/best, else last
 * float[] p = m.probabilities(Tensor.of(pixels, 1, 1, 28, 28));
 * }</pre>
 *
 * @param config     the run's configuration (its design is {@code config.design()})
 * @param model      the compiled design with the checkpoint's weights
 * @param checkpoint the checkpoint loaded: {@code best} or {@code last}
 */
public record RunModel(TrainingConfig config, GraphModule model, String checkpoint) {

    /**
     * Loads {@code checkpoints/<checkpoint>} of the run in {@code runDir} ({@code best} when null, falling back to
     * {@code last}).
     *
     * @throws IOException if the folder is not a run or has no such checkpoint
     */
    public static RunModel load(Path runDir, String checkpoint) throws IOException {
        RunFolder folder = RunFolder.open(runDir);
        TrainingConfig config = folder.readConfig();
        String kind = checkpoint != null ? checkpoint
                : Files.isDirectory(folder.checkpoint("best")) ? "best" : "last";
        Path dir = folder.checkpoint(kind);
        if (!Files.isDirectory(dir)) {
            throw new IOException(runDir + ": no checkpoints/" + kind + " — the run wrote no such checkpoint");
        }
        GraphModule model = ReadGuard.read(runDir.resolve(RunFolder.CONFIG), "run config", "the run folder is "
                + "damaged", () -> DesignCompiler.compile(config.design(), new Generator(config.seed())));
        ReadGuard.read(dir, "checkpoint of this run's design", "use the other checkpoint (--checkpoint last or best)",
                () -> {
                    Checkpoint c = Resumption.scalarsRestored(CheckpointIO.load(dir), model);
                    model.loadStateDict(c.model(), true);
                    return null;
                });
        model.eval();
        return new RunModel(config, model, kind);
    }

    /** The run's design. */
    public Design design() {
        return config.design();
    }

    /**
     * The class probabilities of a batch {@code [N, ...input shape]} (already normalised as in training), flat
     * {@code [N * classes]}: softmax of the logits, or exp of log-probabilities for an NLL head. Forward hooks on the
     * model's layers see this pass.
     */
    public float[] probabilities(Tensor batch) {
        try (var g = NoGrad.enter()) {
            Tensor out = model.call(ModelDevice.on(ModelDevice.of(model), batch));
            return Predictor.probabilities(config.design().head().loss(), out).contiguous().toFloatArray();
        }
    }
}
