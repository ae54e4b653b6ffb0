package io.netwright.export;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.graph.GraphModule;
import io.netwright.io.Safetensors;
import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a PyTorch export against our engine: runs the exported {@code model.py} and {@code weights.safetensors}
 * in PyTorch (eval mode) on a fixed random batch, and compares the outputs with those of the source model. Needs a
 * {@link PythonTorch}; without one the result says so. Python failures become a result with the first line of
 * the error, never an exception.
 *
 * <pre>{@code PyTorchCheck.Result r = PyTorchCheck.check(src, Path.of("lenet5-pt")); System.out.println(r.summary());}</pre>
 */
public final class PyTorchCheck {

    /** The tolerance of {@link Result#withinTolerance}: |ours - torch| <= ABS + REL·|ours| for every element. */
    public static final double ABS = 1e-5;
    /** See {@link #ABS}. */
    public static final double REL = 1e-4;

    /** How a check ended. */
    public enum Status {
        /** Weights loaded strictly and outputs agree within the tolerance. */
        PASSED,
        /** It ran, but keys or outputs differ. */
        MISMATCH,
        /** Python ran and failed (the note has the error). */
        FAILED,
        /** No Python 3 with torch was found. */
        NOT_CHECKED
    }

    /**
     * One check.
     *
     * @param status          how it ended
     * @param note            one line: what was found, or the Python error
     * @param missingKeys     keys of model.py absent from the weights
     * @param unexpectedKeys  keys in the weights that model.py lacks
     * @param maxAbsError     largest |ours - torch| (NaN when not compared)
     * @param maxRelError     maxAbsError over the largest |ours| (NaN when not compared)
     * @param withinTolerance every element within {@link #ABS} + {@link #REL}·|ours|
     * @param top1Agreement   fraction of samples with the same arg-max (NaN unless the output is [N, C])
     * @param batch           samples compared
     */
    public record Result(Status status, String note, List<String> missingKeys, List<String> unexpectedKeys,
            double maxAbsError, double maxRelError, boolean withinTolerance, double top1Agreement, int batch) {

        /** Copies the lists. */
        public Result {
            missingKeys = List.copyOf(missingKeys);
            unexpectedKeys = List.copyOf(unexpectedKeys);
        }

        /** Whether the weights loaded with no missing and no unexpected key. */
        public boolean loadedStrictly() {
            return (status == Status.PASSED || status == Status.MISMATCH) && missingKeys.isEmpty()
                    && unexpectedKeys.isEmpty();
        }

        /** Whether PyTorch ran the export. */
        public boolean checked() {
            return status == Status.PASSED || status == Status.MISMATCH;
        }

        /** One line for the console: {@code PyTorch check: passed — strict load, max abs error 2.4e-07, ...}. */
        public String summary() {
            return "PyTorch check: " + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " — "
                    + note;
        }

        static Result notRun(Status status, String note) {
            return new Result(status, note, List.of(), List.of(), Double.NaN, Double.NaN, false, Double.NaN, 0);
        }
    }

    private PyTorchCheck() {
    }

    /** Checks {@code exportDir} (written for {@code src}) on a batch of 4 with a 2-minute limit. */
    public static Result check(ExportSource src, Path exportDir) {
        return check(src, exportDir, 4, Duration.ofMinutes(2));
    }

    /** Checks {@code exportDir} (written for {@code src}) on {@code batch} samples, killing Python after {@code timeout}. */
    public static Result check(ExportSource src, Path exportDir, int batch, Duration timeout) {
        return checkAll(List.of(src), List.of(exportDir), batch, timeout).get(0);
    }

    /**
     * Checks several exports in one Python process (the start-up of torch is paid once); one result per export.
     *
     * @param sources the sources, one per folder in {@code dirs}
     */
    public static List<Result> checkAll(List<ExportSource> sources, List<Path> dirs, int batch, Duration timeout) {
        if (sources.size() != dirs.size()) {
            throw new IllegalArgumentException(sources.size() + " sources for " + dirs.size() + " folders");
        }
        Optional<PythonTorch> py = PythonTorch.find();
        if (py.isEmpty()) {
            return repeat(Result.notRun(Status.NOT_CHECKED, "not checked: no python3 with torch found (install "
                    + "python3-torch)"), sources.size());
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("netwright-check");
            Path script = work.resolve("check_export.py");
            Files.writeString(script, PyTorchExporter.resource("check_export.py"));
            List<String> args = new ArrayList<>(List.of(script.toString()));
            List<Tensor> expected = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                Tensor x = input(sources.get(i), batch);
                expected.add(run(sources.get(i).model(), x));
                Path in = work.resolve("input" + i + ".safetensors");
                Safetensors.write(in, Map.of("input", x), Map.of());
                args.add(dirs.get(i).toAbsolutePath().toString());
                args.add(in.toString());
                args.add(work.resolve("output" + i + ".safetensors").toString());
            }
            PythonTorch.Outcome o = py.get().run(args, work, timeout);
            List<String> lines = o.stdout().lines().filter(l -> l.startsWith("{")).toList();
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                if (i >= lines.size()) {
                    String why = o.timedOut() ? "timed out after " + timeout.toSeconds() + " s"
                            : "python exited with " + o.exitCode() + ": " + o.firstErrorLine();
                    results.add(Result.notRun(Status.FAILED, why));
                } else {
                    results.add(compare(lines.get(i), expected.get(i), work.resolve("output" + i + ".safetensors"),
                            batch));
                }
            }
            return results;
        } catch (IOException | RuntimeException e) {
            return repeat(Result.notRun(Status.FAILED, "check could not run: " + e.getMessage()), sources.size());
        } finally {
            ExportOutput.deleteQuietly(work);
        }
    }

    /** The fixed input batch: N(0, 1) from seed 0, or indices below the smallest Embedding for index inputs. */
    static Tensor input(ExportSource src, int batch) {
        int[] shape = new int[src.inputShape().length + 1];
        shape[0] = batch;
        System.arraycopy(src.inputShape(), 0, shape, 1, src.inputShape().length);
        Generator g = new Generator(0);
        if (PyTorchCode.integerInput(src)) {
            int vocab = Integer.MAX_VALUE;
            for (var s : src.steps()) {
                if (s.type().name().equals("Embedding")) {
                    vocab = Math.min(vocab, s.params().integer("num_embeddings"));
                }
            }
            return Tensor.rand(g, shape).mul(Tensor.scalar(vocab)).floor().toLong().clamp(0, vocab - 1);
        }
        return Tensor.randn(g, shape);
    }

    private static Tensor run(GraphModule model, Tensor x) {
        boolean training = model.isTraining();
        model.eval();
        try (NoGrad ng = NoGrad.enter()) {
            return model.call(x);
        } finally {
            model.train(training);
        }
    }

    private static Result compare(String json, Tensor ours, Path outFile, int batch) throws IOException {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        List<String> missing = strings(o, "missing");
        List<String> unexpected = strings(o, "unexpected");
        if (o.has("error") && !o.get("error").isJsonNull()) {
            return new Result(Status.FAILED, o.get("error").getAsString(), missing, unexpected, Double.NaN, Double.NaN,
                    false, Double.NaN, batch);
        }
        Tensor theirs = Safetensors.read(outFile).tensors().get("output");
        if (!java.util.Arrays.equals(theirs.sizes(), ours.sizes())) {
            return new Result(Status.MISMATCH, "output shape " + java.util.Arrays.toString(theirs.sizes())
                    + " differs from ours " + java.util.Arrays.toString(ours.sizes()), missing, unexpected, Double.NaN,
                    Double.NaN, false, Double.NaN, batch);
        }
        float[] a = ours.toFloat().contiguous().toFloatArray();
        float[] b = theirs.toFloat().contiguous().toFloatArray();
        double maxAbs = 0;
        double scale = 0;
        boolean close = true;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs((double) a[i] - b[i]);
            if (!(d <= ABS + REL * Math.abs(a[i]))) {
                close = false;
            }
            maxAbs = Double.isNaN(d) ? Double.NaN : Math.max(maxAbs, d);
            scale = Math.max(scale, Math.abs(a[i]));
        }
        double maxRel = scale > 0 ? maxAbs / scale : maxAbs;
        double top1 = top1(a, b, ours.sizes());
        boolean strict = missing.isEmpty() && unexpected.isEmpty();
        Status status = strict && close ? Status.PASSED : Status.MISMATCH;
        String note = (strict ? "strict load" : "not strict: missing " + missing + ", unexpected " + unexpected)
                + String.format(java.util.Locale.ROOT, ", max abs error %.3g, max rel error %.3g%s on %d samples",
                        maxAbs, maxRel, Double.isNaN(top1) ? "" : String.format(java.util.Locale.ROOT,
                                ", top-1 agreement %.0f%%", 100 * top1), batch)
                + (close ? "" : " (above " + ABS + " abs + " + REL + " rel)");
        return new Result(status, note, missing, unexpected, maxAbs, maxRel, close, top1, batch);
    }

    private static double top1(float[] a, float[] b, int[] shape) {
        if (shape.length != 2 || shape[1] < 2) {
            return Double.NaN;
        }
        int n = shape[0];
        int c = shape[1];
        int same = 0;
        for (int r = 0; r < n; r++) {
            int ia = 0;
            int ib = 0;
            for (int k = 1; k < c; k++) {
                ia = a[r * c + k] > a[r * c + ia] ? k : ia;
                ib = b[r * c + k] > b[r * c + ib] ? k : ib;
            }
            same += ia == ib ? 1 : 0;
        }
        return n == 0 ? Double.NaN : (double) same / n;
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        if (o.has(key) && o.get(key).isJsonArray()) {
            for (JsonElement e : o.getAsJsonArray(key)) {
                out.add(e.getAsString());
            }
        }
        return out;
    }

    private static List<Result> repeat(Result r, int n) {
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r);
        }
        return out;
    }
}
