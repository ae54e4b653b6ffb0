package io.netwright.train;

import com.google.gson.JsonObject;
import io.netwright.io.Checkpoint;
import io.netwright.nn.Module;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What continuing a run from its checkpoint needs besides {@code TrainingState}. */
final class Resumption {

    private Resumption() {
    }

    /** The trainer's progress record of a checkpoint. */
    static RunState progress(Checkpoint c, Path where) throws IOException {
        JsonObject meta = c.meta();
        if (!meta.has("trainer")) {
            throw new IOException(where + ": no trainer progress in the checkpoint — it was not written by "
                    + "Netwright's trainer and cannot be resumed");
        }
        return RunState.fromJson(io.netwright.files.JsonFields.at(where.resolve("checkpoint.json"), "/meta", meta)
                .object("trainer"));
    }

    /**
     * The checkpoint with the model's 0-d tensors (BatchNorm's {@code num_batches_tracked}) given back their shape:
     * {@code Safetensors} reads a 0-d tensor as shape {@code [1]}, which a strict load refuses.
     */
    static Checkpoint scalarsRestored(Checkpoint c, Module model) {
        Map<String, Tensor> expected = model.stateDict();
        Map<String, Tensor> fixed = new LinkedHashMap<>(c.model());
        for (var e : c.model().entrySet()) {
            Tensor want = expected.get(e.getKey());
            if (want != null && want.dim() == 0 && e.getValue().dim() == 1 && e.getValue().numel() == 1) {
                fixed.put(e.getKey(), e.getValue().reshape());
            }
        }
        return new Checkpoint(fixed, c.optimizerTensors(), c.meta());
    }

    /** The config sections whose change makes a continuation differ from an uninterrupted run. */
    static List<String> numericChanges(TrainingConfig a, TrainingConfig b) {
        List<String> out = new ArrayList<>();
        if (!a.design().equals(b.design())) {
            out.add("design");
        }
        if (!a.data().withWorkers(0).equals(b.data().withWorkers(0))) {
            out.add("data");
        }
        if (a.batchSize() != b.batchSize()) {
            out.add("batch_size");
        }
        if (!a.optimizer().equals(b.optimizer())) {
            out.add("optimizer");
        }
        if (!a.schedule().equals(b.schedule())) {
            out.add("schedule");
        }
        if (!a.augmentation().equals(b.augmentation())) {
            out.add("augmentation");
        }
        if (a.seed() != b.seed()) {
            out.add("seed");
        }
        if (!a.clipping().equals(b.clipping())) {
            out.add("clipping");
        }
        return out;
    }
}
