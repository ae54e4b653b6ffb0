package io.netwright.export;

import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.GraphModule;
import io.netwright.graph.GraphStep;
import java.util.List;

/**
 * What every exporter starts from: a valid design, its analysis, the compiled model holding the weights to export
 * (state-dict keys {@code <node id>.<name>}) and the class names of its outputs.
 *
 * <pre>{@code
 * GraphModule net = DesignCompiler.compile(design, new Generator(0));
 * net.loadStateDict(Safetensors.read(weights).tensors(), true);
 * ExportSource src = ExportSource.of(design, net, List.of("cat", "dog"));
 * }</pre>
 *
 * @param classes one name per output class, or empty when unknown or the head is not a classifier
 */
public record ExportSource(Design design, DesignAnalysis analysis, GraphModule model, List<String> classes) {

    /** Checks the analysis has no errors and copies the class names. */
    public ExportSource {
        if (analysis.hasErrors()) {
            throw new ExportException("design '" + design.metadata().name() + "' has errors and cannot be exported: "
                    + analysis.errors().get(0).text() + " — fix them in the studio or with 'netwright summary'");
        }
        classes = List.copyOf(classes);
    }

    /** A source for {@code design} analysed afresh, with weights in {@code model}. */
    public static ExportSource of(Design design, GraphModule model, List<String> classes) {
        return new ExportSource(design, new Analyzer().analyze(design), model, classes);
    }

    /** The design's name. */
    public String name() {
        return design.metadata().name();
    }

    /** The analysed nodes in topological order. */
    public List<GraphStep> steps() {
        return analysis.steps();
    }

    /** The per-sample input shape (no batch dim). */
    public int[] inputShape() {
        return design.input().dims();
    }

    /** The per-sample output shape (no batch dim). */
    public int[] outputShape() {
        return analysis.outputShape().orElseThrow().dims();
    }
}
