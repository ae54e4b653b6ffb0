package io.netwright.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The export check: the exported model run on a fixed reference batch next to our engine — per output the largest
 * absolute and relative error, top-1 agreement for a classifier, the opset and the file sizes — and, for PyTorch
 * code, whether it loaded the weights strictly. Printed by the CLI and shown by the studio.
 *
 * @param format        {@code onnx}, {@code triton} or {@code pytorch}
 * @param runtime       what ran the exported model ({@code ONNX Runtime 1.29.0}), or why nothing did
 * @param opset         the ONNX opset, 0 when not ONNX
 * @param batch         the reference batch: how many samples and where from
 * @param outputs       one comparison per output; empty when the model could not be run
 * @param top1Agreement the fraction of samples whose top class agrees, NaN when the output is not class scores
 * @param files         each written file (relative to the output) with its size in bytes
 * @param notes         other lines (the PyTorch check's result, why something was not checked)
 */
public record ExportCheckReport(String format, String runtime, int opset, String batch, List<OutputCheck> outputs,
        double top1Agreement, Map<String, Long> files, List<String> notes) {

    /** The tolerance of the check: absolute. */
    public static final double ABS = 1e-5;
    /** The tolerance of the check: relative. */
    public static final double REL = 1e-4;

    /** Copies the lists. */
    public ExportCheckReport {
        outputs = List.copyOf(outputs);
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        notes = List.copyOf(notes);
    }

    /** Whether the model ran and every output is within tolerance. */
    public boolean passed() {
        return !outputs.isEmpty() && outputs.stream().allMatch(OutputCheck::close)
                && (Double.isNaN(top1Agreement) || top1Agreement == 1.0);
    }

    /** Whether the exported model was run at all. */
    public boolean checked() {
        return !outputs.isEmpty();
    }

    /** The report as lines of text. */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("Export check (" + format + (opset > 0 ? ", opset " + opset : "") + "): "
                + (!checked() ? "NOT CHECKED" : passed() ? "PASSED" : "FAILED"));
        l.add(String.format(Locale.ROOT, "  run by      %s", runtime));
        l.add(String.format(Locale.ROOT, "  reference   %s", batch));
        for (OutputCheck o : outputs) {
            l.add(String.format(Locale.ROOT, "  %-11s max abs error %.2e, max rel error %.2e  %s", o.name(),
                    o.maxAbsError(), o.maxRelError(), o.close() ? "ok" : "OVER tolerance"));
        }
        if (!Double.isNaN(top1Agreement)) {
            l.add(String.format(Locale.ROOT, "  top-1       %.1f%% of samples agree", 100 * top1Agreement));
        }
        l.add(String.format(Locale.ROOT, "  tolerance   %.0e absolute + %.0e relative", ABS, REL));
        files.forEach((f, size) -> l.add(String.format(Locale.ROOT, "  file        %s (%s)", f, size(size))));
        notes.forEach(n -> l.add("  note        " + n));
        return l;
    }

    /** {@code 241.6 KB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double kb = bytes / 1024.0;
        return kb < 1024 ? String.format(Locale.ROOT, "%.1f KB", kb)
                : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
    }
}
