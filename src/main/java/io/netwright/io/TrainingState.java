package io.netwright.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.netwright.nn.Module;
import io.netwright.optim.Optimizer;
import io.netwright.optim.OptimizerState;
import io.netwright.optim.Scheduler;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
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
                                   Generator rng) {
        model.loadStateDict(c.model(), true);
        JsonObject meta = c.meta();
        if (optimizer != null) {
            Map<Integer, Map<String, Tensor>> state = new LinkedHashMap<>();
            for (var e : c.optimizerTensors().entrySet()) {
                String[] parts = e.getKey().split("\\.", 3);
                if (parts.length != 3 || !parts[0].equals("state")) {
                    throw new IllegalArgumentException("optimizer tensor '" + e.getKey() + "' is not named "
                            + "state.<index>.<name> — the checkpoint was not written by Netwright");
                }
                state.computeIfAbsent(Integer.parseInt(parts[1]), k -> new LinkedHashMap<>()).put(parts[2],
                        e.getValue());
            }
            JsonArray groups = meta.getAsJsonArray("param_groups");
            if (groups == null) {
                throw new IllegalArgumentException("checkpoint has no optimizer param_groups — it was saved without "
                        + "an optimizer; load the model with Module.loadStateDict instead");
            }
            optimizer.loadStateDict(new OptimizerState((List<Map<String, Object>>) Json.fromJson(groups), state));
        }
        if (scheduler != null && meta.has("scheduler")) {
            scheduler.loadStateDict(Json.toMap(meta.getAsJsonObject("scheduler")));
        }
        if (rng != null && meta.has("rng")) {
            JsonObject r = meta.getAsJsonObject("rng");
            rng.setState(r.get("seed").getAsLong(), r.get("offset").getAsLong());
        }
        Object best = meta.has("best_metric") ? Json.fromJson(meta.get("best_metric")) : null;
        return new Progress(meta.has("epoch") ? meta.get("epoch").getAsInt() : 0,
                meta.has("step") ? meta.get("step").getAsLong() : 0,
                best instanceof Double d ? d : Double.NaN);
    }
}
