package io.netwright.ui.monitor;

import io.netwright.graph.Catalogue;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.LayerType;
import io.netwright.graph.MemoryEstimate;
import io.netwright.graph.NodeInfo;
import io.netwright.graph.OptimizerKind;
import io.netwright.train.OptimizerConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The figures of the parameter table: one row per layer (in forward order) and the totals, from a design's
 * analysis. Block instances appear as their layers ({@code res1_conv1}), the names the trained model uses.
 *
 * @param rows          the layers, inputs first
 * @param params        parameter elements of the whole network
 * @param trainable     parameter elements that are trained (not frozen)
 * @param macs          multiply-accumulates of one forward pass per sample
 * @param weightBytes   bytes of the weights and buffers (float32)
 * @param training      the training-memory estimate for {@code training.batchSize()} and its optimizer
 */
public record ParameterSummary(List<Row> rows, long params, long trainable, long macs, long weightBytes,
        MemoryEstimate training) {

    /**
     * One layer.
     *
     * @param name   the node id (the module name in the compiled model)
     * @param type   the layer type's display name
     * @param shape  the output shape per sample, {@code 6×28×28}, or {@code ?}
     * @param params its parameter elements
     * @param share  its part of the network's parameters, 0 to 1
     * @param macs   its multiply-accumulates per sample
     */
    public record Row(String name, String type, String shape, long params, double share, long macs) {
    }

    /** Copies the rows. */
    public ParameterSummary {
        rows = List.copyOf(rows);
    }

    /** The summary of {@code a} with the memory estimated for {@code batchSize} and {@code optimizer}. */
    public static ParameterSummary of(DesignAnalysis a, int batchSize, OptimizerKind optimizer) {
        Set<String> order = new LinkedHashSet<>(a.order());
        for (NodeInfo n : a.nodes()) {
            order.add(n.id()); // nodes in cycles last
        }
        long total = a.totalParams();
        List<Row> rows = new ArrayList<>(order.size());
        for (String id : order) {
            NodeInfo n = a.node(id).orElseThrow();
            String type = Catalogue.standard().get(n.type()).map(LayerType::displayName).orElse(n.type());
            rows.add(new Row(id, type, n.outputShapeText(), n.params(), total == 0 ? 0 : (double) n.params() / total,
                    n.macs()));
        }
        MemoryEstimate m = a.memory(Math.max(1, batchSize), optimizer, 0);
        return new ParameterSummary(rows, total, a.trainableParams(), a.macs(), m.weightBytes(), m);
    }

    /** This summary with the parameter counts a run reported (they win over the design's analysis). */
    public ParameterSummary withCounts(long runParams, long runTrainable) {
        return new ParameterSummary(rows, runParams, runTrainable, macs, weightBytes, training);
    }

    /** How an optimizer configuration counts for memory: its state tensors per parameter. */
    public static OptimizerKind kindOf(OptimizerConfig o) {
        return o.memoryKind();
    }
}
