package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Tensor;
import java.util.Arrays;

/**
 * A compiled design: runs the layer graph in topological order, feeding each node the outputs of the nodes wired
 * to its input ports. Each layer is a child named by its node id (in topological order), so the state-dict keys
 * are those of the PyTorch code the exporter writes: node {@code conv1} gives {@code conv1.weight} and
 * {@code conv1.bias}. Forward hooks on a child see that node's output (the studio's feature-map view).
 *
 * <p>The input is a batch {@code [N, ...input shape]}, already normalised (the input spec's mean/std is applied by
 * the data pipeline, as in PyTorch code). Nodes whose output reaches no Output are kept as children (so parameter
 * counts match the analysis) but are not computed.
 */
public final class GraphModule extends Module {

    private final String designName;
    private final int[] inputShape;
    private final String[] ids;
    private final Module[] layers;
    private final int[][] sources;
    private final int[] steps;
    private final int[] lastUse;
    private final int inputNode;
    private final int outputNode;

    GraphModule(String designName, int[] inputShape, String[] ids, Module[] layers, int[][] sources, int[] steps,
            int inputNode, int outputNode) {
        this.designName = designName;
        this.inputShape = inputShape.clone();
        this.ids = ids;
        this.layers = layers;
        this.sources = sources;
        this.steps = steps;
        this.inputNode = inputNode;
        this.outputNode = outputNode;
        this.lastUse = new int[ids.length];
        Arrays.fill(lastUse, -1);
        for (int s = 0; s < steps.length; s++) {
            for (int src : sources[steps[s]]) {
                lastUse[src] = s;
            }
        }
        lastUse[outputNode] = steps.length;
    }

    /** Registers the layers as children in the given order (topological); called once by the compiler. */
    void registerLayers(int[] order) {
        for (int i : order) {
            if (layers[i] != null) {
                registerModule(ids[i], layers[i]);
            }
        }
    }

    /** The name of the design this was compiled from. */
    public String designName() {
        return designName;
    }

    /** The layer of node {@code id}, or null for Input/Output and unknown ids. */
    public Module layer(String id) {
        return namedChildren().get(id);
    }

    @Override
    public Tensor forward(Tensor input) {
        checkInput(input);
        Tensor[] values = new Tensor[ids.length];
        values[inputNode] = input;
        for (int s = 0; s < steps.length; s++) {
            int i = steps[s];
            int[] src = sources[i];
            Tensor out;
            if (layers[i] == null) {
                out = values[src[0]];
            } else if (src.length == 1) {
                out = layers[i].call(values[src[0]]);
            } else {
                Tensor[] in = new Tensor[src.length];
                for (int p = 0; p < src.length; p++) {
                    in[p] = values[src[p]];
                }
                out = layers[i].call(in);
            }
            values[i] = out;
            // drop references nobody needs any more (autograd keeps what backward needs)
            for (int p : src) {
                if (lastUse[p] == s) {
                    values[p] = null;
                }
            }
        }
        return values[outputNode];
    }

    private void checkInput(Tensor input) {
        int[] s = input.sizes();
        boolean ok = s.length == inputShape.length + 1;
        for (int d = 0; ok && d < inputShape.length; d++) {
            ok = s[d + 1] == inputShape[d];
        }
        if (!ok) {
            throw new IllegalArgumentException("design '" + designName + "': input " + Arrays.toString(s)
                    + " does not match the design input [N, " + Shapes.format(inputShape).replace("×", ", ")
                    + "]");
        }
    }

    @Override
    public String name() {
        return "GraphModule";
    }
}
