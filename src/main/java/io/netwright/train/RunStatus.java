package io.netwright.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.io.Json;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a run stands, kept in its folder's {@code run.json} so a run store can list runs without reading their
 * logs: state, start and last-update times, progress and the latest figures.
 *
 * @param state   {@code running}, {@code paused}, {@code finished}, {@code stopped}, {@code diverged} (stopped
 *                after its loss went non-finite; {@code checkpoints/last} is from before) or {@code failed}
 *                (a {@code running} run whose process died stays {@code running})
 * @param started when the run began
 * @param updated when this status was written
 * @param epoch   the epoch in progress
 * @param step    optimizer steps completed
 * @param metrics latest figures by name ({@code train_loss}, {@code val_accuracy}, {@code test_accuracy}, ...)
 * @param message the failure or pause reason, else empty
 */
public record RunStatus(String state, Instant started, Instant updated, int epoch, long step,
        Map<String, Double> metrics, String message) {

    /** Copies the map; null message becomes empty. */
    public RunStatus {
        Objects.requireNonNull(state, "state");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        message = Objects.requireNonNullElse(message, "");
    }

    String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("state", state);
        o.addProperty("started", started.toString());
        o.addProperty("updated", updated.toString());
        o.addProperty("epoch", epoch);
        o.addProperty("step", step);
        JsonObject m = new JsonObject();
        metrics.forEach((k, v) -> m.add(k, EventJson.number(v)));
        o.add("metrics", m);
        o.addProperty("message", message);
        return Json.GSON.toJson(o) + "\n";
    }

    static RunStatus fromJson(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (var e : o.getAsJsonObject("metrics").entrySet()) {
            Object v = Json.fromJson(e.getValue());
            metrics.put(e.getKey(), v instanceof Double d ? d : Double.NaN);
        }
        return new RunStatus(o.get("state").getAsString(), Instant.parse(o.get("started").getAsString()),
                Instant.parse(o.get("updated").getAsString()), o.get("epoch").getAsInt(), o.get("step").getAsLong(),
                metrics, o.has("message") ? o.get("message").getAsString() : "");
    }
}
