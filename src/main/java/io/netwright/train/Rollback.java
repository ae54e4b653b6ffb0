package io.netwright.train;

import com.google.gson.JsonObject;
import io.netwright.io.Checkpoint;
import io.netwright.io.CheckpointIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * After a run's loss went non-finite: makes {@code checkpoints/last} the newest checkpoint whose weights are known
 * to be sound, so that resuming with a lower learning rate recovers instead of diverging again.
 *
 * <p>The weights of a checkpoint taken after step {@code c} produced the loss of step {@code c + 1}. When the loss of
 * step {@code d} is non-finite, the weights after step {@code d - 1} are bad (and may already be huge), so the
 * checkpoint to keep is the newest of {@code last}, {@code best} and {@code start} (the weights the run began with)
 * taken after fewer than {@code d - 1} steps.
 */
final class Rollback {

    /** The checkpoint of the weights a new run starts from, written before its first step. */
    static final String START = "start";

    private Rollback() {
    }

    /**
     * Rolls {@code checkpoints/last} of {@code folder} back to before the weights after {@code badStep} steps.
     *
     * @param badStep the steps done when the loss went non-finite (the weights then in the model are bad)
     * @return the step of the checkpoint {@code last} now holds, or empty when no checkpoint predates the divergence
     *         (then {@code last} is removed, so that nobody resumes from bad weights)
     */
    static OptionalLong toBefore(RunFolder folder, long badStep) throws IOException {
        Checkpoint keep = null;
        String keepKind = null;
        long keepStep = -1;
        for (String kind : List.of("last", "best", START)) {
            Path dir = folder.checkpoint(kind);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Checkpoint c = CheckpointIO.load(dir);
            long step = c.meta().has("step") ? c.meta().get("step").getAsLong() : 0;
            if (step < badStep && step > keepStep) {
                keep = c;
                keepKind = kind;
                keepStep = step;
            }
        }
        Path last = folder.checkpoint("last");
        if (keep == null) {
            deleteTree(last);
            return OptionalLong.empty();
        }
        if (!keepKind.equals("last")) {
            JsonObject meta = keep.meta().deepCopy();
            meta.addProperty("kind", "last");
            meta.addProperty("rolled_back_from", keepKind);
            CheckpointIO.save(last, new Checkpoint(keep.model(), keep.optimizerTensors(), meta));
        }
        return OptionalLong.of(keepStep);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
