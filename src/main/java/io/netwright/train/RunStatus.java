package io.netwright.train;

import com.google.gson.JsonObject;
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

    static RunStatus fromJson(String json) throws java.io.IOException {
        io.netwright.files.JsonFields o = io.netwright.files.JsonFields.of("run status",
                io.netwright.files.JsonInput.object("run status", json));
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (var e : o.object("metrics").json().entrySet()) {
            Object v = e.getValue().isJsonPrimitive() ? Json.fromJson(e.getValue()) : null;
            metrics.put(e.getKey(), v instanceof Double d ? d : Double.NaN);
        }
        return new RunStatus(o.string("state"), instant(o, "started"), instant(o, "updated"),
                o.intNumber("epoch", 0, Integer.MAX_VALUE), o.wholeNumber("step", 0, Long.MAX_VALUE), metrics,
                o.has("message") ? o.string("message") : "");
    }

    private static Instant instant(io.netwright.files.JsonFields o, String key) throws java.io.IOException {
        String s = o.string(key);
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new java.io.IOException("run status: /" + key + ": expected a time such as 2026-12-08T10:15:30Z, "
                    + "got \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"");
        }
    }
}
