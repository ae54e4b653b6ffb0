package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;

/**
 * Turns a valid design into a {@link GraphModule} whose children are the nn layers of its nodes, named by node id,
 * with parameters initialised as PyTorch does. A design with errors is refused with all of them.
 *
 * <pre>{@code
 * GraphModule net = DesignCompiler.compile(DesignFiles.read(path), new Generator(42));
 * Tensor logits = net.call(batch);          // [N, 10]
 * net.stateDict().keySet();                  // conv1.weight, conv1.bias, ...
 * }</pre>
 */
public final class DesignCompiler {

    private DesignCompiler() {
    }

    /** Compiles {@code design} with weights drawn from the default generator. */
    public static GraphModule compile(Design design) {
        return compile(design, Generator.defaultGenerator());
    }

    /** Compiles {@code design} with weights (and dropout masks) drawn from {@code g}. */
    public static GraphModule compile(Design design, Generator g) {
        return compile(new Analyzer().analyze(design), g);
    }

    /**
     * Compiles an analysed design.
     *
     * @throws InvalidDesignException when the analysis has errors, listing them all
     */
    public static GraphModule compile(DesignAnalysis analysis, Generator g) {
        Design design = analysis.design();
        if (analysis.hasErrors()) {
            throw new InvalidDesignException(design.metadata().name(), analysis.problems());
        }
        checkFits(analysis);
        int n = design.nodes().size();
        String[] ids = new String[n];
        Module[] layers = new Module[n];
        int inputNode = -1;
        int outputNode = -1;
        // layers are created in topological order so a seeded generator gives the same weights as PyTorch code
        // that creates them in that order
        for (int i : analysis.topo) {
            ids[i] = design.nodes().get(i).id();
            LayerType t = analysis.types[i];
            int[] src = analysis.sources[i];
            int[][] in = new int[src.length][];
            for (int p = 0; p < src.length; p++) {
                in[p] = analysis.outShapes[src[p]];
            }
            if (t == IoLayer.INPUT) {
                inputNode = i;
            } else if (t == IoLayer.OUTPUT) {
                outputNode = i;
            } else {
                layers[i] = t.compile(analysis.params[i], in, g);
                if (design.nodes().get(i).frozen()) {
                    layers[i].requiresGrad(false);
                }
            }
        }
        int liveCount = 0;
        for (int i : analysis.topo) {
            if (analysis.live[i] && i != inputNode) {
                liveCount++;
            }
        }
        int[] steps = new int[liveCount];
        int k = 0;
        for (int i : analysis.topo) {
            if (analysis.live[i] && i != inputNode) {
                steps[k++] = i;
            }
        }
        GraphModule m = new GraphModule(design.metadata().name(), design.input().dims(), ids, layers,
                analysis.sources, steps, inputNode, outputNode);
        m.registerLayers(analysis.topo);
        return m;
    }

    /**
     * Refuses, before any weight is allocated, a design whose parameters and buffers would not fit in the memory
     * this JVM can still get: the error is the memory estimate's, naming the largest layer, not an OutOfMemoryError.
     */
    static void checkFits(DesignAnalysis analysis) {
        long elements = analysis.totalParams() + analysis.buffers();
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long need = elements * Float.BYTES;
        if (elements < 0 || need / 2 <= available / 3) { // weights plus the same again while they are initialised
            return;
        }
        NodeInfo largest = analysis.nodes().stream().max(java.util.Comparator.comparingLong(NodeInfo::params))
                .orElseThrow();
        throw new InvalidDesignException(analysis.design().metadata().name() + ": the weights need "
                + MemoryEstimate.format(need) + " (" + String.format(java.util.Locale.ROOT, "%,d", elements)
                + " parameters; the largest layer is " + largest.type() + " '" + largest.id() + "' with "
                + String.format(java.util.Locale.ROOT, "%,d", largest.params()) + ") but only "
                + MemoryEstimate.format(available) + " of memory is free — make that layer smaller (fewer "
                + "channels or features), or give Java more memory (-Xmx)");
    }
}
