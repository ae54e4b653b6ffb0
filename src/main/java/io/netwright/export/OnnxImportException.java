package io.netwright.export;

import java.util.Optional;

/**
 * An ONNX model that cannot be imported, with a one-line message naming the file or node and the fix; when the
 * reason is unsupported operators, the full {@link OnnxImportReport} listing every one of them.
 */
public final class OnnxImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient OnnxImportReport report;

    /** An exception with {@code message} and no report. */
    public OnnxImportException(String message) {
        this(message, null);
    }

    /** An exception with {@code message} and the report of the unsupported nodes. */
    public OnnxImportException(String message, OnnxImportReport report) {
        super(message);
        this.report = report;
    }

    /** The report of the unsupported nodes, when that is why the import was refused. */
    public Optional<OnnxImportReport> report() {
        return Optional.ofNullable(report);
    }
}
