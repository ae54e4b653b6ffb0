package io.netwright.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netwright.data.ByteImage;
import io.netwright.data.Collate;
import io.netwright.data.Dataset;
import io.netwright.data.Sample;
import io.netwright.graph.Loss;
import io.netwright.nn.Module;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import io.netwright.train.Evaluation.ProbeHistory;
import io.netwright.train.Evaluation.ProbePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed probe samples of a run: chosen once (one per class in turn, in index order, so every class shows up),
 * predicted after each epoch and on request; their prediction history becomes part of the evaluation.
 */
final class ProbeSet {

    private final Dataset<? extends Sample<?>> raw;
    private final Dataset<Sample<Object>> view;
    private final String split;
    private final int[] indices;
    private final int[] labels;
    private final int topK;
    private final int classes;
    private final Map<Integer, List<ProbePoint>> history = new LinkedHashMap<>();

    ProbeSet(Dataset<? extends Sample<?>> raw, Dataset<Sample<Object>> view, String split, int count, int topK,
            int classes) {
        this.raw = raw;
        this.view = view;
        this.split = split;
        this.topK = Math.min(topK, classes);
        this.classes = classes;
        int n = raw == null ? 0 : raw.size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        int perClass = Math.max(1, (count + classes - 1) / Math.max(1, classes));
        int scanned = 0;
        for (int i = 0; i < n && scanned < 50L * Math.max(1, count); i++, scanned++) {
            int label = raw.get(i).label();
            if (label < classes && byClass.get(label).size() < perClass) {
                byClass.get(label).add(i);
            }
        }
        List<Integer> chosen = new ArrayList<>();
        for (int round = 0; round < perClass && chosen.size() < count; round++) {
            for (int c = 0; c < classes && chosen.size() < count; c++) {
                if (round < byClass.get(c).size()) {
                    chosen.add(byClass.get(c).get(round));
                }
            }
        }
        indices = chosen.stream().mapToInt(Integer::intValue).toArray();
        labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labels[i] = raw.get(indices[i]).label();
            history.put(indices[i], new ArrayList<>());
        }
    }

    boolean isEmpty() {
        return indices.length == 0;
    }

    /** Predicts every probe with {@code model} (in eval mode, no gradients) and records the history point. */
    TrainingEvent.Samples predict(Module model, Loss loss, int epoch, long step) {
        List<Sample<Object>> samples = new ArrayList<>(indices.length);
        for (int i : indices) {
            samples.add(view.get(i));
        }
        float[] p;
        boolean wasTraining = model.isTraining();
        model.eval();
        try (var g = NoGrad.enter(); var scope = TensorScope.open(); var batch = Collate.<Sample<Object>>batch().apply(samples)) {
            Tensor out = model.call(ModelDevice.on(ModelDevice.of(model), batch.inputs()));
            Predictor.checkOutput(out, classes);
            p = Predictor.probabilities(loss, out).contiguous().toFloatArray();
        } finally {
            model.train(wasTraining);
        }
        List<TrainingEvent.Probe> probes = new ArrayList<>(indices.length);
        for (int k = 0; k < indices.length; k++) {
            float[] row = java.util.Arrays.copyOfRange(p, k * classes, (k + 1) * classes);
            int[] top = ClassificationMetrics.topK(row, topK);
            List<TrainingEvent.Prediction> preds = new ArrayList<>(top.length);
            for (int c : top) {
                preds.add(new TrainingEvent.Prediction(c, row[c]));
            }
            Object input = raw.get(indices[k]).input();
            probes.add(new TrainingEvent.Probe(indices[k], labels[k], input instanceof ByteImage b ? b : null, preds,
                    row[labels[k]]));
            history.get(indices[k]).add(new ProbePoint(epoch, step, top[0], row[top[0]], row[labels[k]]));
        }
        return new TrainingEvent.Samples(epoch, step, split, probes);
    }

    /** Rebuilds the history from a run's logged {@code samples} events up to {@code lastStep}. */
    void restore(List<JsonObject> events, long lastStep) {
        history.values().forEach(List::clear);
        for (JsonObject e : events) {
            if (!"samples".equals(e.get("type").getAsString()) || e.get("step").getAsLong() > lastStep) {
                continue;
            }
            int epoch = e.get("epoch").getAsInt();
            long step = e.get("step").getAsLong();
            for (JsonElement pe : e.getAsJsonArray("probes")) {
                JsonObject p = pe.getAsJsonObject();
                List<ProbePoint> h = history.get(p.get("index").getAsInt());
                if (h == null || !p.has("true_probability")) {
                    continue;
                }
                JsonObject top = p.getAsJsonArray("top").get(0).getAsJsonObject();
                h.add(new ProbePoint(epoch, step, top.get("label").getAsInt(), number(top.get("probability")),
                        number(p.get("true_probability"))));
            }
        }
    }

    /** The probe histories recorded in a run's logged {@code samples} events, in probe order. */
    static List<ProbeHistory> fromEvents(List<JsonObject> events) {
        Map<Integer, Integer> labels = new LinkedHashMap<>();
        Map<Integer, List<ProbePoint>> points = new LinkedHashMap<>();
        for (JsonObject e : events) {
            if (!"samples".equals(e.get("type").getAsString())) {
                continue;
            }
            for (JsonElement pe : e.getAsJsonArray("probes")) {
                JsonObject p = pe.getAsJsonObject();
                int index = p.get("index").getAsInt();
                labels.putIfAbsent(index, p.get("label").getAsInt());
                JsonObject top = p.getAsJsonArray("top").get(0).getAsJsonObject();
                points.computeIfAbsent(index, k -> new ArrayList<>()).add(new ProbePoint(e.get("epoch").getAsInt(),
                        e.get("step").getAsLong(), top.get("label").getAsInt(), number(top.get("probability")),
                        p.has("true_probability") ? number(p.get("true_probability")) : Double.NaN));
            }
        }
        List<ProbeHistory> out = new ArrayList<>();
        labels.forEach((index, label) -> out.add(new ProbeHistory(index, label, points.get(index))));
        return out;
    }

    private static double number(JsonElement e) {
        return e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : Double.NaN;
    }

    /** Every probe's history, in probe order. */
    List<ProbeHistory> histories() {
        List<ProbeHistory> out = new ArrayList<>(indices.length);
        for (int k = 0; k < indices.length; k++) {
            out.add(new ProbeHistory(indices[k], labels[k], history.get(indices[k])));
        }
        return out;
    }
}
