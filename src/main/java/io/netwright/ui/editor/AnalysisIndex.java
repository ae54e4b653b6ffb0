package io.netwright.ui.editor;

import io.netwright.graph.Block;
import io.netwright.graph.Blocks;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.Edge;
import io.netwright.graph.Node;
import io.netwright.graph.NodeInfo;
import io.netwright.graph.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis of a design seen from the editor: a {@link NodeStatus} per node the user sees. The analyzer works
 * on the expanded design (block instances become their layers, {@code res1_conv1}); this folds those back onto
 * the instance node: its shape is the shape leaving the block, its counts are the sums of its layers.
 */
public final class AnalysisIndex {

    private final DesignAnalysis analysis;
    private final Map<String, NodeStatus> status;

    /** Indexes {@code analysis} of {@code design}. */
    public AnalysisIndex(Design design, DesignAnalysis analysis) {
        this.analysis = analysis;
        Map<String, List<Problem>> problems = new HashMap<>();
        for (Problem p : analysis.problems()) {
            if (p.nodeId() != null) {
                problems.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, long[]> sums = new HashMap<>();
        if (Blocks.usesBlocks(design)) {
            Map<String, String> origin = Blocks.expand(design).origin();
            for (NodeInfo info : analysis.nodes()) {
                String owner = origin.get(info.id());
                if (owner != null) {
                    long[] s = sums.computeIfAbsent(owner, k -> new long[3]);
                    s[0] += info.params();
                    s[1] += info.trainableParams();
                    s[2] += info.macs();
                }
            }
        }
        this.status = new HashMap<>(design.nodes().size() * 2);
        for (Node n : design.nodes()) {
            List<Problem> ps = problems.getOrDefault(n.id(), List.of());
            Block block = design.blocks().get(n.type());
            if (block == null) {
                NodeInfo info = analysis.node(n.id()).orElse(null);
                status.put(n.id(), info == null ? new NodeStatus(n.id(), "?", 0, 0, 0, ps)
                        : new NodeStatus(n.id(), info.outputShapeText(), info.params(), info.trainableParams(),
                                info.macs(), ps));
            } else {
                long[] s = sums.getOrDefault(n.id(), new long[3]);
                String shape = analysis.node(exitOf(n.id(), block)).map(NodeInfo::outputShapeText).orElse("?");
                status.put(n.id(), new NodeStatus(n.id(), shape, s[0], s[1], s[2], ps));
            }
        }
    }

    /** The expanded id of the layer feeding the block's Output in instance {@code id}. */
    private static String exitOf(String id, Block block) {
        for (Edge e : block.edges()) {
            if (e.to().equals(block.outputId())) {
                return id + "_" + e.from();
            }
        }
        return id;
    }

    /** The analysis itself (totals, problems). */
    public DesignAnalysis analysis() {
        return analysis;
    }

    /** The status of node {@code id}; a blank status for an unknown id. */
    public NodeStatus status(String id) {
        NodeStatus s = status.get(id);
        return s != null ? s : new NodeStatus(id, "?", 0, 0, 0, List.of());
    }
}
