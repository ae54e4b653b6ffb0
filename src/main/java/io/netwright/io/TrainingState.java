package io.netwright.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.netwright.nn.Module;
import io.netwright.optim.Optimizer;
import io.netwright.optim.OptimizerState;
import io.netwright.optim.Scheduler;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import io.netwright.files.JsonFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Captures and restores everything a training run needs to resume exactly: model state dict, optimizer state
 * (tensors as {@code state.<index>.<name>}, param groups as JSON), scheduler state, progress (epoch, step, best
 * metric), the generator's state and the run's config.
 *
 * <pre>{@code
 * TrainingState.save(dir, model, opt, sched, new TrainingState.Progress(3, 1410, 0.91), rng, configJson);
 * TrainingState.Progress p = TrainingState.load(dir, model, opt, sched, rng);
 * }</pre>
 */
public final class TrainingState {

    /**
     * Where training stood.
     *
     * @param epoch      epochs completed
     * @param step       optimizer steps taken
     * @param bestMetric best value of the tracked metric so far, or NaN
     */
    public record Progress(int epoch, long step, double bestMetric) {
    }

    private TrainingState() {
    }

    /** Builds the checkpoint (scheduler may be null; config may be null). */
    public static Checkpoint capture(Module model, Optimizer optimizer, Scheduler scheduler, Progress progress,
                                     Generator rng, JsonObject config) {
        OptimizerState os = optimizer.stateDict();
        Map<String, Tensor> optTensors = new LinkedHashMap<>();
        os.state().forEach((index, tensors) -> tensors.forEach((name, t) -> optTensors.put("state." + index + "."
                + name, t)));
        JsonObject meta = new JsonObject();
        meta.addProperty("epoch", progress.epoch());
        meta.addProperty("step", progress.step());
        meta.add("best_metric", Json.toJson(progress.bestMetric()));
        meta.add("param_groups", Json.toJson(os.paramGroups()));
        if (scheduler != null) {
            meta.add("scheduler", Json.toJson(scheduler.stateDict()));
        }
        if (rng != null) {
            JsonObject r = new JsonObject();
            r.addProperty("seed", rng.seed());
            r.addProperty("offset", rng.offset());
            meta.add("rng", r);
        }
        if (config != null) {
            meta.add("config", config);
        }
        return new Checkpoint(model.stateDict(), optTensors, meta);
    }

    /** Writes {@link #capture} to {@code dir} atomically. */
    public static void save(Path dir, Module model, Optimizer optimizer, Scheduler scheduler, Progress progress,
                            Generator rng, JsonObject config) throws IOException {
        CheckpointIO.save(dir, capture(model, optimizer, scheduler, progress, rng, config));
    }

    /** Loads {@code dir} into the given objects (strictly) and returns the progress. */
    public static Progress load(Path dir, Module model, Optimizer optimizer, Scheduler scheduler, Generator rng)
            throws IOException {
        return restore(CheckpointIO.load(dir), model, optimizer, scheduler, rng);
    }

    /**
     * Restores a checkpoint into the given objects. The model is loaded strictly; a checkpoint of another model
     * fails with every mismatched key listed.
     */
    @SuppressWarnings("unchecked")
    public static Progress restore(Checkpoint c, Module model, Optimizer optimizer, Scheduler scheduler,
                                   Generator rng) throws IOException {
        model.loadStateDict(c.model(), true);
        JsonFields meta = JsonFields.at(CheckpointIO.INDEX, "/meta", c.meta());
        if (optimizer != null) {
            Map<Integer, Map<String, Tensor>> state = new LinkedHashMap<>();
            for (var e : c.optimizerTensors().entrySet()) {
                String[] parts = e.getKey().split("\\.", 3);
                if (parts.length != 3 || !parts[0].equals("state") || !parts[1].matches("\\d{1,9}")) {
                    throw new IOException(CheckpointIO.OPTIMIZER + ": optimizer tensor '" + e.getKey() + "' is not "
                            + "named state.<index>.<name> — the checkpoint was not written by Netwright");
                }
                state.computeIfAbsent(Integer.parseInt(parts[1]), k -> new LinkedHashMap<>()).put(parts[2],
                        e.getValue());
            }
            if (!meta.has("param_groups")) {
                throw new IOException(CheckpointIO.INDEX + ": /meta/param_groups: missing — the checkpoint was saved "
                        + "without an optimizer; load the model with Module.loadStateDict instead");
            }
            JsonArray groups = meta.array("param_groups");
            for (int i = 0; i < groups.size(); i++) {
                if (!groups.get(i).isJsonObject()) {
                    throw new IOException(CheckpointIO.INDEX + ": /meta/param_groups/" + i + ": expected an object, "
                            + "got " + io.netwright.files.JsonInput.kind(groups.get(i)) + " — the file is damaged");
                }
            }
            optimizer.loadStateDict(new OptimizerState((List<Map<String, Object>>) Json.fromJson(groups), state));
        }
        if (scheduler != null && meta.has("scheduler")) {
            scheduler.loadStateDict(Json.toMap(meta.object("scheduler").json()));
        }
        if (rng != null && meta.has("rng")) {
            JsonFields r = meta.object("rng");
            rng.setState(r.wholeNumber("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                    r.wholeNumber("offset", 0, Long.MAX_VALUE));
        }
        Object best = meta.has("best_metric") ? Json.fromJson(meta.json().get("best_metric")) : null;
        return new Progress(meta.has("epoch") ? meta.intNumber("epoch", 0, Integer.MAX_VALUE) : 0,
                meta.wholeNumber("step", 0, Long.MAX_VALUE, 0), best instanceof Double d ? d : Double.NaN);
    }
}
