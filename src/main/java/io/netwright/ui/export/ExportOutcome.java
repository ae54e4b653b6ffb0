package io.netwright.ui.export;

import io.netwright.export.ExportCheckReport;
import java.nio.file.Path;

/**
 * What an export gave: the path written and the check report (null when not checked), or the one-line error that
 * stopped it (nothing is then written).
 */
public record ExportOutcome(Path written, ExportCheckReport report, String error) {

    /** A failed export. */
    static ExportOutcome failed(String error) {
        return new ExportOutcome(null, null, error);
    }

    /** Whether the files were written. */
    public boolean ok() {
        return error == null;
    }

    /** The text shown under the form: the report, or what was written, or the error. */
    public String text() {
        if (!ok()) {
            return "Export failed: " + error;
        }
        StringBuilder b = new StringBuilder("Exported to " + written + "\n\n");
        if (report != null) {
            report.lines().forEach(l -> b.append(l).append('\n'));
        } else {
            b.append("(not checked)\n");
        }
        return b.toString();
    }
}
