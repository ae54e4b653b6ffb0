package io.netwright.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netwright.io.Json;
import io.netwright.train.ClassificationMetrics.ClassReport;
import io.netwright.train.ClassificationMetrics.PrCurve;
import io.netwright.train.Evaluation.Misclassified;
import io.netwright.train.Evaluation.ProbeHistory;
import io.netwright.train.Evaluation.ProbePoint;
import java.util.ArrayList;
import java.util.List;

/** {@link Evaluation} ⇄ {@code evaluation.json}. */
final class EvaluationJson {

    /** PR curves with more thresholds than this are thinned (evenly, keeping both ends) when written. */
    static final int MAX_CURVE_POINTS = 256;

    private EvaluationJson() {
    }

    static String write(Evaluation e) {
        return Json.GSON.toJson(tree(e)) + "\n";
    }

    static JsonObject tree(Evaluation e) {
        JsonObject o = new JsonObject();
        o.addProperty("split", e.split());
        o.add("classes", Json.toJson(e.classes()));
        o.addProperty("samples", e.samples());
        o.add("loss", Json.toJson(e.loss()));
        o.add("accuracy", Json.toJson(e.accuracy()));
        o.addProperty("top_k", e.topK());
        o.add("top_k_accuracy", Json.toJson(e.topKAccuracy()));
        JsonArray cm = new JsonArray();
        for (int[] row : e.confusion()) {
            JsonArray r = new JsonArray();
            for (int v : row) {
                r.add(v);
            }
            cm.add(r);
        }
        o.add("confusion_matrix", cm);
        JsonArray per = new JsonArray();
        e.perClass().forEach(c -> per.add(report(c)));
        o.add("per_class", per);
        o.add("macro_avg", report(e.macro()));
        o.add("weighted_avg", report(e.weighted()));
        JsonArray curves = new JsonArray();
        for (int c = 0; c < e.prCurves().size(); c++) {
            PrCurve pc = e.prCurves().get(c);
            JsonObject j = new JsonObject();
            j.addProperty("class", e.classes().get(c));
            j.addProperty("average_precision", pc.averagePrecision());
            int[] keep = thin(pc.thresholds().length);
            j.add("thresholds", pick(pc.thresholds(), keep, false));
            j.add("precision", pick(pc.precision(), keep, true));
            j.add("recall", pick(pc.recall(), keep, true));
            curves.add(j);
        }
        o.add("pr_curves", curves);
        JsonArray mis = new JsonArray();
        for (Misclassified m : e.misclassified()) {
            JsonObject j = new JsonObject();
            j.addProperty("index", m.index());
            j.addProperty("label", m.label());
            j.addProperty("predicted", m.predicted());
            j.addProperty("confidence", m.confidence());
            j.addProperty("loss", m.loss());
            mis.add(j);
        }
        o.add("misclassified", mis);
        JsonArray probes = new JsonArray();
        for (ProbeHistory h : e.probes()) {
            JsonObject j = new JsonObject();
            j.addProperty("index", h.index());
            j.addProperty("label", h.label());
            JsonArray pts = new JsonArray();
            for (ProbePoint p : h.points()) {
                JsonObject q = new JsonObject();
                q.addProperty("epoch", p.epoch());
                q.addProperty("step", p.step());
                q.addProperty("predicted", p.predicted());
                q.addProperty("confidence", p.confidence());
                q.addProperty("true_probability", p.trueProbability());
                pts.add(q);
            }
            j.add("history", pts);
            probes.add(j);
        }
        o.add("probes", probes);
        return o;
    }

    private static JsonObject report(ClassReport c) {
        JsonObject j = new JsonObject();
        j.addProperty("class", c.name());
        j.addProperty("precision", c.precision());
        j.addProperty("recall", c.recall());
        j.addProperty("f1", c.f1());
        j.addProperty("support", c.support());
        return j;
    }

    /** Indices of the thresholds kept: all, or {@link #MAX_CURVE_POINTS} evenly spaced including both ends. */
    private static int[] thin(int n) {
        int m = Math.min(n, MAX_CURVE_POINTS);
        int[] keep = new int[m];
        for (int i = 0; i < m; i++) {
            keep[i] = m == 1 ? 0 : (int) Math.round((double) i * (n - 1) / (m - 1));
        }
        return keep;
    }

    private static JsonArray pick(double[] values, int[] keep, boolean withFinalPoint) {
        JsonArray a = new JsonArray();
        for (int i : keep) {
            a.add(values[i]);
        }
        if (withFinalPoint) {
            a.add(values[values.length - 1]);
        }
        return a;
    }

    // ================================================================ read

    static Evaluation read(String json) {
        JsonObject o;
        try {
            o = io.netwright.files.JsonInput.object("evaluation", json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try {
            List<String> classes = new ArrayList<>();
            o.getAsJsonArray("classes").forEach(c -> classes.add(c.getAsString()));
            JsonArray cmJson = o.getAsJsonArray("confusion_matrix");
            int[][] cm = new int[cmJson.size()][];
            for (int i = 0; i < cm.length; i++) {
                JsonArray r = cmJson.get(i).getAsJsonArray();
                cm[i] = new int[r.size()];
                for (int j = 0; j < cm[i].length; j++) {
                    cm[i][j] = r.get(j).getAsInt();
                }
            }
            List<ClassReport> per = new ArrayList<>();
            o.getAsJsonArray("per_class").forEach(c -> per.add(report(c.getAsJsonObject())));
            List<PrCurve> curves = new ArrayList<>();
            for (JsonElement c : o.getAsJsonArray("pr_curves")) {
                JsonObject j = c.getAsJsonObject();
                curves.add(new PrCurve(doubles(j, "thresholds"), doubles(j, "precision"), doubles(j, "recall"),
                        j.get("average_precision").getAsDouble()));
            }
            List<Misclassified> mis = new ArrayList<>();
            for (JsonElement m : o.getAsJsonArray("misclassified")) {
                JsonObject j = m.getAsJsonObject();
                mis.add(new Misclassified(j.get("index").getAsInt(), j.get("label").getAsInt(),
                        j.get("predicted").getAsInt(), j.get("confidence").getAsDouble(), j.get("loss").getAsDouble()));
            }
            List<ProbeHistory> probes = new ArrayList<>();
            for (JsonElement p : o.getAsJsonArray("probes")) {
                JsonObject j = p.getAsJsonObject();
                List<ProbePoint> pts = new ArrayList<>();
                for (JsonElement q : j.getAsJsonArray("history")) {
                    JsonObject k = q.getAsJsonObject();
                    pts.add(new ProbePoint(k.get("epoch").getAsInt(), k.get("step").getAsLong(),
                            k.get("predicted").getAsInt(), k.get("confidence").getAsDouble(),
                            k.get("true_probability").getAsDouble()));
                }
                probes.add(new ProbeHistory(j.get("index").getAsInt(), j.get("label").getAsInt(), pts));
            }
            return new Evaluation(o.get("split").getAsString(), classes, o.get("samples").getAsInt(),
                    number(o.get("loss")), number(o.get("accuracy")), o.get("top_k").getAsInt(),
                    number(o.get("top_k_accuracy")), cm, per, report(o.getAsJsonObject("macro_avg")),
                    report(o.getAsJsonObject("weighted_avg")), curves, mis, probes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("evaluation: a field is missing or has the wrong type (" + e + ") — "
                    + "the file was not written by Netwright or is damaged", e);
        }
    }

    private static double number(JsonElement e) {
        Object v = Json.fromJson(e);
        return v instanceof Double d ? d : Double.NaN;
    }

    private static ClassReport report(JsonObject j) {
        return new ClassReport(j.get("class").getAsString(), j.get("precision").getAsDouble(),
                j.get("recall").getAsDouble(), j.get("f1").getAsDouble(), j.get("support").getAsInt());
    }

    private static double[] doubles(JsonObject j, String key) {
        JsonArray a = j.getAsJsonArray(key);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }
}
