package io.netwright.ui.export;

import io.netwright.graph.Design;
import java.nio.file.Path;

/**
 * One export as the dialog asked for it: what to export (the current design and where its weights come from), in
 * which format, where, and whether to check it.
 *
 * @param design     the design open in the editor (a run brings its own snapshot instead)
 * @param designFile its file (a relative dataset path in it is relative to its folder), null when unsaved
 * @param samples    the reference batch size of the check
 */
public record ExportRequest(Design design, Path designFile, WeightsChoice weights, ExportFormat format, int opset,
        boolean probabilities, Path output, boolean force, boolean check, int samples) {
}
