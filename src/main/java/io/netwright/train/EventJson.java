package io.netwright.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One {@code events.jsonl} line per event: {@code type}, {@code time}, {@code epoch}, {@code step} and the event's
 * fields in snake_case. Non-finite numbers are written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} so every line is standard JSON. Probe images are not written (they are in the data set);
 * the evaluation is summarised (all of it is in {@code evaluation.json}).
 */
final class EventJson {

    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private EventJson() {
    }

    /** A number, or its name as a string when not finite. */
    static JsonElement number(double v) {
        if (Double.isFinite(v)) {
            return new JsonPrimitive(v);
        }
        return new JsonPrimitive(Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }

    /** The line for {@code e} (no newline); paths inside {@code runDir} are written relative to it. */
    static String line(TrainingEvent e, Instant time, Path runDir) {
        return COMPACT.toJson(tree(e, time, runDir));
    }

    static JsonObject tree(TrainingEvent e, Instant time, Path runDir) {
        JsonObject o = new JsonObject();
        o.addProperty("type", e.type());
        o.addProperty("time", time.toString());
        o.addProperty("epoch", e.epoch());
        o.addProperty("step", e.step());
        if (e instanceof TrainingEvent.Started s) {
            o.addProperty("run_id", s.runId());
            o.addProperty("design", s.config().design().metadata().name());
            o.addProperty("parameters", s.parameters());
            o.addProperty("trainable_parameters", s.trainableParameters());
            o.addProperty("device", s.device());
            o.addProperty("train_size", s.trainSize());
            o.addProperty("validation_size", s.validationSize());
            o.addProperty("test_size", s.testSize());
            o.addProperty("batches_per_epoch", s.batchesPerEpoch());
            o.addProperty("total_steps", s.totalSteps());
            o.addProperty("resumed", s.resumed());
            o.addProperty("lr", s.lr());
            JsonArray classes = new JsonArray();
            s.classes().forEach(classes::add);
            o.add("classes", classes);
        } else if (e instanceof TrainingEvent.BatchEnd b) {
            o.addProperty("batch", b.batch());
            o.addProperty("batches", b.batches());
            o.add("loss", number(b.loss()));
            o.add("mean_loss", number(b.meanLoss()));
            o.add("accuracy", number(b.accuracy()));
            o.add("lr", number(b.lr()));
            o.add("images_per_second", number(b.imagesPerSecond()));
            o.add("eta_seconds", number(b.etaSeconds()));
        } else if (e instanceof TrainingEvent.EpochEnd ep) {
            o.add("train_loss", number(ep.trainLoss()));
            o.add("train_accuracy", number(ep.trainAccuracy()));
            o.add("val_loss", number(ep.valLoss()));
            o.add("val_accuracy", number(ep.valAccuracy()));
            o.add("val_topk", number(ep.valTopK()));
            o.addProperty("top_k", ep.topK());
            o.add("lr", number(ep.lr()));
            o.add("seconds", number(ep.seconds()));
        } else if (e instanceof TrainingEvent.Samples s) {
            o.addProperty("split", s.split());
            JsonArray probes = new JsonArray();
            for (TrainingEvent.Probe p : s.probes()) {
                JsonObject j = new JsonObject();
                j.addProperty("index", p.index());
                j.addProperty("label", p.label());
                JsonArray top = new JsonArray();
                for (TrainingEvent.Prediction pr : p.top()) {
                    JsonObject k = new JsonObject();
                    k.addProperty("label", pr.label());
                    k.add("probability", number(pr.probability()));
                    top.add(k);
                }
                j.add("top", top);
                j.add("true_probability", number(p.trueProbability()));
                probes.add(j);
            }
            o.add("probes", probes);
        } else if (e instanceof TrainingEvent.Health h) {
            JsonArray layers = new JsonArray();
            for (TrainingEvent.LayerHealth l : h.layers()) {
                JsonObject j = new JsonObject();
                j.addProperty("layer", l.layer());
                j.addProperty("type", l.type());
                j.add("weight_norm", number(l.weightNorm()));
                j.add("grad_norm", number(l.gradNorm()));
                j.add("update_ratio", number(l.updateRatio()));
                j.add("activation_mean", number(l.activationMean()));
                j.add("activation_std", number(l.activationStd()));
                j.add("zero_fraction", number(l.zeroFraction()));
                layers.add(j);
            }
            o.add("layers", layers);
        } else if (e instanceof TrainingEvent.CheckpointSaved c) {
            o.addProperty("kind", c.kind());
            o.addProperty("path", relative(c.path(), runDir));
            if (c.metric() != null) {
                o.addProperty("metric", c.metric().key());
                o.add("value", number(c.value()));
            }
        } else if (e instanceof TrainingEvent.Paused p) {
            o.addProperty("reason", p.reason().name().toLowerCase(java.util.Locale.ROOT));
            if (p.nonFinite() != null) {
                JsonObject j = new JsonObject();
                j.add("loss", number(p.nonFinite().loss()));
                j.addProperty("gradient_layer", p.nonFinite().gradientLayer());
                j.addProperty("activation_layer", p.nonFinite().activationLayer());
                j.addProperty("message", p.nonFinite().describe(p.step()));
                o.add("non_finite", j);
            }
        } else if (e instanceof TrainingEvent.LrChanged l) {
            o.add("old_lr", number(l.oldLr()));
            o.add("new_lr", number(l.newLr()));
        } else if (e instanceof TrainingEvent.Warning w) {
            o.addProperty("code", w.code());
            o.addProperty("message", w.message());
        } else if (e instanceof TrainingEvent.Evaluated ev) {
            o.addProperty("split", ev.evaluation().split());
            o.addProperty("samples", ev.evaluation().samples());
            o.add("loss", number(ev.evaluation().loss()));
            o.add("accuracy", number(ev.evaluation().accuracy()));
            o.add("top_k_accuracy", number(ev.evaluation().topKAccuracy()));
        } else if (e instanceof TrainingEvent.Stopped s) {
            o.addProperty("checkpoint", s.checkpoint() == null ? null : relative(s.checkpoint(), runDir));
        } else if (e instanceof TrainingEvent.Failed f) {
            o.addProperty("message", f.message());
            if (f.cause() != null) {
                StringWriter sw = new StringWriter();
                f.cause().printStackTrace(new PrintWriter(sw));
                o.addProperty("error", f.cause().toString());
                o.addProperty("stack_trace", sw.toString());
            }
        } else if (e instanceof TrainingEvent.Finished f) {
            o.addProperty("reason", f.reason());
            o.add("seconds", number(f.seconds()));
            JsonObject m = new JsonObject();
            f.metrics().forEach((k, v) -> m.add(k, number(v)));
            o.add("metrics", m);
        }
        return o;
    }

    private static String relative(Path p, Path runDir) {
        if (p == null) {
            return null;
        }
        if (runDir != null && p.toAbsolutePath().startsWith(runDir.toAbsolutePath())) {
            return runDir.toAbsolutePath().relativize(p.toAbsolutePath()).toString().replace('\\', '/');
        }
        return p.toString();
    }
}
