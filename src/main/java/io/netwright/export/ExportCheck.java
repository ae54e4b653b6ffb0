package io.netwright.export;

import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs an exported ONNX model with ONNX Runtime on a reference batch next to our engine and reports how close the
 * two are ({@link ExportCheckReport}).
 *
 * <pre>{@code
 * ExportCheckReport r = ExportCheck.onnx(src, Files.readAllBytes(file), batch, "8 test samples", "onnx",
 *         17, Path.of("model.onnx"));
 * r.lines().forEach(System.out::println);
 * }</pre>
 */
public final class ExportCheck {

    private ExportCheck() {
    }

    /**
     * Checks {@code model} (ONNX bytes) against {@code src}'s model on {@code batch}; {@code output} is the written
     * file or folder whose files are listed. Never throws for a model ONNX Runtime rejects or cannot run: the report
     * says so.
     */
    public static ExportCheckReport onnx(ExportSource src, byte[] model, Tensor batch, String batchText, String format,
            int opset, Path output) {
        Map<String, Long> files = files(output);
        List<String> notes = new ArrayList<>();
        Tensor ours;
        try (var g = NoGrad.enter()) {
            src.model().eval();
            ours = src.model().call(batch).contiguous();
        }
        Map<String, Tensor> theirs;
        String runtime = "ONNX Runtime";
        try (OnnxRun run = OnnxRun.load(model)) {
            runtime = "ONNX Runtime " + run.version() + " (CPU)";
            theirs = run.run(batch);
        } catch (ExportException e) {
            notes.add(e.getMessage());
            return new ExportCheckReport(format, runtime, opset, batchText, List.of(), Double.NaN, files, notes);
        }
        List<OutputCheck> outputs = new ArrayList<>();
        float[] ov = ours.toFloatArray();
        Tensor logits = theirs.get(OnnxExporter.LOGITS);
        outputs.add(OutputCheck.of(OnnxExporter.LOGITS, logits == null ? new float[0] : logits.toFloatArray(), ov,
                ExportCheckReport.ABS, ExportCheckReport.REL));
        Tensor probs = theirs.get(OnnxExporter.PROBABILITIES);
        if (probs != null) {
            float[] pv = ours.softmax(-1).contiguous().toFloatArray();
            outputs.add(OutputCheck.of(OnnxExporter.PROBABILITIES, probs.toFloatArray(), pv, ExportCheckReport.ABS,
                    ExportCheckReport.REL));
        }
        double top1 = ours.dim() == 2 && logits != null ? top1(logits.toFloatArray(), ov, ours.size(1)) : Double.NaN;
        return new ExportCheckReport(format, runtime, opset, batchText, outputs, top1, files, notes);
    }

    /**
     * The report of the PyTorch check of the code folder {@code dir}: whether model.py loaded the weights strictly
     * and how its outputs compare with ours ({@link PyTorchCheck}).
     */
    public static ExportCheckReport pytorch(ExportSource src, Path dir) {
        PyTorchCheck.Result r = PyTorchCheck.check(src, dir);
        String runtime = PythonTorch.find().map(p -> "PyTorch " + p.torchVersion() + " (" + p.executable() + ")")
                .orElse("not run: no python3 with torch found (install python3-torch)");
        List<OutputCheck> outputs = r.checked() ? List.of(new OutputCheck("logits", r.maxAbsError(), r.maxRelError(),
                r.withinTolerance() && r.loadedStrictly())) : List.of();
        List<String> notes = new ArrayList<>();
        if (r.checked()) {
            notes.add("weights loaded strictly: " + (r.loadedStrictly() ? "yes" : "NO (missing " + r.missingKeys()
                    + ", unexpected " + r.unexpectedKeys() + ")"));
        }
        notes.add(r.summary());
        String batch = r.batch() > 0 ? r.batch() + " random normal samples (seeded)" : "none";
        return new ExportCheckReport("pytorch", runtime, 0, batch, outputs, r.checked() ? r.top1Agreement()
                : Double.NaN, files(dir), notes);
    }

    /** The fraction of rows of {@code k} scores whose argmax agrees. */
    static double top1(float[] a, float[] b, int k) {
        int rows = b.length / k;
        if (rows == 0 || a.length != b.length) {
            return 0;
        }
        int same = 0;
        for (int r = 0; r < rows; r++) {
            same += argmax(a, r * k, k) == argmax(b, r * k, k) ? 1 : 0;
        }
        return (double) same / rows;
    }

    private static int argmax(float[] v, int from, int k) {
        int best = 0;
        for (int i = 1; i < k; i++) {
            if (v[from + i] > v[from + best]) {
                best = i;
            }
        }
        return best;
    }

    /** Each regular file under {@code output} (or {@code output} itself) with its size. */
    static Map<String, Long> files(Path output) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (output == null || !Files.exists(output)) {
            return m;
        }
        if (Files.isRegularFile(output)) {
            m.put(output.getFileName().toString(), size(output));
            return m;
        }
        try (Stream<Path> s = Files.walk(output)) {
            s.filter(Files::isRegularFile).sorted().forEach(p -> m.put(output.relativize(p).toString(), size(p)));
        } catch (IOException e) {
            // the listing is informative only
        }
        return m;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
