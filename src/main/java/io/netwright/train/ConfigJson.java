package io.netwright.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.netwright.graph.Design;
import io.netwright.graph.DesignFileException;
import io.netwright.graph.DesignFiles;
import io.netwright.io.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link TrainingConfig} ⇄ JSON with snake_case keys. Reading is strict about names (a misspelt key is an error
 * naming the known ones) and lenient about absence (a missing section or field takes its default), so hand-written
 * configs stay short.
 */
final class ConfigJson {

    /** The config file format version. */
    static final int FORMAT = 1;

    private ConfigJson() {
    }

    // ================================================================ write

    static String write(TrainingConfig c) {
        return Json.GSON.toJson(tree(c)) + "\n";
    }

    static JsonObject tree(TrainingConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.add("design", JsonParser.parseString(DesignFiles.toJson(c.design())));
        DataConfig d = c.data();
        JsonObject data = new JsonObject();
        data.addProperty("spec", d.spec());
        data.addProperty("validation_fraction", d.validationFraction());
        data.addProperty("test_fraction", d.testFraction());
        data.addProperty("validation_spec", d.validationSpec());
        data.addProperty("test_spec", d.testSpec());
        data.addProperty("workers", d.workers());
        o.add("data", data);
        o.addProperty("batch_size", c.batchSize());
        o.addProperty("epochs", c.epochs());
        o.addProperty("max_steps", c.maxSteps());
        JsonObject opt = new JsonObject();
        opt.addProperty("name", c.optimizer().name());
        opt.add("options", Json.toJson(c.optimizer().options()));
        o.add("optimizer", opt);
        ScheduleConfig s = c.schedule();
        JsonObject sched = new JsonObject();
        sched.addProperty("type", s.type());
        sched.add("options", Json.toJson(s.options()));
        sched.addProperty("warmup_steps", s.warmupSteps());
        sched.addProperty("warmup_start_factor", s.warmupStartFactor());
        o.add("schedule", sched);
        Augmentation a = c.augmentation();
        JsonObject aug = new JsonObject();
        aug.addProperty("horizontal_flip", a.horizontalFlip());
        aug.addProperty("vertical_flip", a.verticalFlip());
        aug.addProperty("crop_padding", a.cropPadding());
        aug.addProperty("rotation_degrees", a.rotationDegrees());
        aug.addProperty("color_jitter", a.colorJitter());
        aug.addProperty("random_erasing", a.randomErasing());
        o.add("augmentation", aug);
        o.addProperty("seed", c.seed());
        o.addProperty("device", c.device());
        o.addProperty("threads", c.threads());
        CheckpointPolicy p = c.checkpoint();
        JsonObject ck = new JsonObject();
        ck.addProperty("every_steps", p.everySteps());
        ck.addProperty("every_epochs", p.everyEpochs());
        ck.addProperty("keep_last", p.keepLast());
        ck.addProperty("keep_best", p.keepBest());
        ck.addProperty("best_metric", p.bestMetric().key());
        o.add("checkpoint", ck);
        EarlyStopping e = c.earlyStopping();
        JsonObject es = new JsonObject();
        es.addProperty("metric", e.metric().key());
        es.addProperty("patience", e.patience());
        es.addProperty("min_delta", e.minDelta());
        o.add("early_stopping", es);
        JsonObject clip = new JsonObject();
        clip.addProperty("max_norm", c.clipping().maxNorm());
        clip.addProperty("max_value", c.clipping().maxValue());
        o.add("clipping", clip);
        Monitoring m = c.monitoring();
        JsonObject mon = new JsonObject();
        mon.addProperty("log_every_steps", m.logEverySteps());
        mon.addProperty("health_every_steps", m.healthEverySteps());
        mon.addProperty("probe_samples", m.probeSamples());
        mon.addProperty("top_k", m.topK());
        mon.addProperty("misclassified", m.misclassified());
        o.add("monitoring", mon);
        return o;
    }

    // ================================================================ read

    static TrainingConfig read(String json) {
        return read(json, null);
    }

    /** Reads {@code json}; with {@code design} given, that design is used and the file's own is optional. */
    static TrainingConfig read(String json, Design design) {
        JsonObject root;
        try {
            root = io.netwright.files.JsonInput.object("training config", json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return read(root, design);
    }

    static TrainingConfig read(JsonObject root) {
        return read(root, null);
    }

    static TrainingConfig read(JsonObject root, Design given) {
        Fields f = new Fields(root, "training config");
        int format = f.integer("format", FORMAT);
        if (format != FORMAT) {
            throw new IllegalArgumentException("training config: format " + format + " is not supported (expected "
                    + FORMAT + ") — it was written by another version of Netwright");
        }
        JsonElement designJson = f.element("design");
        Design design = given;
        if (design == null) {
            if (designJson == null || !designJson.isJsonObject()) {
                throw new IllegalArgumentException("training config: 'design' must be a design object");
            }
            try {
                design = DesignFiles.parse(designJson.toString(), "training config design");
            } catch (DesignFileException e) {
                throw new IllegalArgumentException("training config: the embedded design is invalid:\n"
                        + e.getMessage(), e);
            }
        }
        TrainingConfig dflt = TrainingConfig.of(design);

        Fields d = f.object("data");
        DataConfig dd = dflt.data();
        DataConfig data = new DataConfig(d.string("spec", dd.spec()),
                d.number("validation_fraction", dd.validationFraction()),
                d.number("test_fraction", dd.testFraction()), d.string("validation_spec", dd.validationSpec()),
                d.string("test_spec", dd.testSpec()), d.integer("workers", dd.workers()));
        d.done();

        Fields o = f.object("optimizer");
        OptimizerConfig optimizer = o.isEmpty() ? dflt.optimizer()
                : new OptimizerConfig(o.string("name", dflt.optimizer().name()), o.map("options"));
        o.done();

        Fields s = f.object("schedule");
        ScheduleConfig schedule = s.isEmpty() ? dflt.schedule()
                : new ScheduleConfig(s.string("type", "none"), s.map("options"), s.integer("warmup_steps", 0),
                s.number("warmup_start_factor", 1.0));
        s.done();

        Fields a = f.object("augmentation");
        Augmentation augmentation = new Augmentation(a.bool("horizontal_flip", false), a.bool("vertical_flip", false),
                a.integer("crop_padding", 0), a.number("rotation_degrees", 0), a.number("color_jitter", 0),
                a.number("random_erasing", 0));
        a.done();

        Fields ck = f.object("checkpoint");
        CheckpointPolicy cp = dflt.checkpoint();
        CheckpointPolicy checkpoint = new CheckpointPolicy(ck.integer("every_steps", cp.everySteps()),
                ck.integer("every_epochs", cp.everyEpochs()), ck.bool("keep_last", cp.keepLast()),
                ck.bool("keep_best", cp.keepBest()), Metric.parse(ck.string("best_metric", cp.bestMetric().key())));
        ck.done();

        Fields es = f.object("early_stopping");
        EarlyStopping early = new EarlyStopping(Metric.parse(es.string("metric", "val_loss")),
                es.integer("patience", 0), es.number("min_delta", 0));
        es.done();

        Fields cl = f.object("clipping");
        Clipping clipping = new Clipping(cl.number("max_norm", 0), cl.number("max_value", 0));
        cl.done();

        Fields m = f.object("monitoring");
        Monitoring md = dflt.monitoring();
        Monitoring monitoring = new Monitoring(m.integer("log_every_steps", md.logEverySteps()),
                m.integer("health_every_steps", md.healthEverySteps()), m.integer("probe_samples", md.probeSamples()),
                m.integer("top_k", md.topK()), m.integer("misclassified", md.misclassified()));
        m.done();

        TrainingConfig c = new TrainingConfig(design, data, f.integer("batch_size", dflt.batchSize()),
                f.integer("epochs", dflt.epochs()), f.longValue("max_steps", 0), optimizer, schedule, augmentation,
                f.longValue("seed", dflt.seed()), f.string("device", dflt.device()), f.integer("threads", 0),
                checkpoint, early, clipping, monitoring);
        f.done();
        return c;
    }

    /** Typed access to one JSON object that remembers which keys were read, so leftovers can be reported. */
    private static final class Fields {
        private final JsonObject o;
        private final String where;
        private final Set<String> used = new LinkedHashSet<>();

        Fields(JsonObject o, String where) {
            this.o = o == null ? new JsonObject() : o;
            this.where = where;
        }

        boolean isEmpty() {
            return o.size() == 0;
        }

        JsonElement element(String key) {
            used.add(key);
            JsonElement e = o.get(key);
            return e == null || e.isJsonNull() ? null : e;
        }

        private JsonPrimitive primitive(String key) {
            JsonElement e = element(key);
            if (e == null) {
                return null;
            }
            if (!e.isJsonPrimitive()) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be a number, string or boolean, got "
                        + e);
            }
            return e.getAsJsonPrimitive();
        }

        double number(String key, double dflt) {
            JsonPrimitive p = primitive(key);
            if (p == null) {
                return dflt;
            }
            if (!p.isNumber()) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be a number, got " + p);
            }
            return p.getAsDouble();
        }

        long longValue(String key, long dflt) {
            JsonPrimitive p = primitive(key);
            if (p == null) {
                return dflt;
            }
            try {
                return p.getAsBigDecimal().longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be a whole number, got " + p, e);
            }
        }

        int integer(String key, int dflt) {
            long v = longValue(key, dflt);
            if (v != (int) v) {
                throw new IllegalArgumentException(where + ": '" + key + "' is out of range: " + v);
            }
            return (int) v;
        }

        boolean bool(String key, boolean dflt) {
            JsonPrimitive p = primitive(key);
            if (p == null) {
                return dflt;
            }
            if (!p.isBoolean()) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be true or false, got " + p);
            }
            return p.getAsBoolean();
        }

        String string(String key, String dflt) {
            JsonPrimitive p = primitive(key);
            if (p == null) {
                return dflt;
            }
            if (!p.isString()) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be a string, got " + p);
            }
            return p.getAsString();
        }

        Map<String, Object> map(String key) {
            JsonElement e = element(key);
            if (e == null) {
                return Map.of();
            }
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be an object, got " + e);
            }
            return Json.toMap(e.getAsJsonObject());
        }

        Fields object(String key) {
            JsonElement e = element(key);
            if (e != null && !e.isJsonObject()) {
                throw new IllegalArgumentException(where + ": '" + key + "' must be an object, got " + e);
            }
            return new Fields(e == null ? null : e.getAsJsonObject(), where + " " + key);
        }

        /** Throws naming the first key that was never read. */
        void done() {
            for (String k : o.keySet()) {
                if (!used.contains(k)) {
                    throw new IllegalArgumentException(where + ": unknown field '" + k + "'; known: "
                            + String.join(", ", List.copyOf(used)));
                }
            }
        }
    }
}
