package io.netwright.ui.export;

/** The export formats the studio offers, with what the output is. */
public enum ExportFormat {
    /** One .onnx file. */
    ONNX("ONNX model (.onnx)", false, ".onnx"),
    /** A Triton model repository folder. */
    TRITON("Triton model repository (folder)", true, "-triton"),
    /** PyTorch code (model.py, weights, predict, TorchScript and DDP training scripts) in a folder. */
    PYTORCH("PyTorch code with a DDP training script (folder)", true, "-pytorch");

    private final String label;
    private final boolean folder;
    private final String suffix;

    ExportFormat(String label, boolean folder, String suffix) {
        this.label = label;
        this.folder = folder;
        this.suffix = suffix;
    }

    /** What the format box shows. */
    public String label() {
        return label;
    }

    /** Whether the output is a folder (else a file). */
    public boolean folder() {
        return folder;
    }

    /** What is appended to the design's name for the suggested output. */
    String suffix() {
        return suffix;
    }

    @Override
    public String toString() {
        return label;
    }
}
