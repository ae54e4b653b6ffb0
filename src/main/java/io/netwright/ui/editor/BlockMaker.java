package io.netwright.ui.editor;

import io.netwright.graph.Block;
import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Make block": turns selected nodes into a reusable {@link Block} and puts one instance of it in their place. Each
 * distinct layer outside the selection that feeds it becomes a block Input (an instance port, in order of first
 * use); the one layer whose output leaves the selection (or its one sink) feeds the block's Output.
 */
public final class BlockMaker {

    private BlockMaker() {
    }

    /** The outcome: the new design and the instance id, or the reason no block can be made. */
    public record Result(Design design, String instanceId, String problem) {
        /** Whether it worked. */
        public boolean ok() {
            return problem == null;
        }
    }

    /** Makes block {@code name} from the nodes {@code ids} of {@code design}. */
    public static Result make(Design design, Set<String> ids, String name) {
        if (ids.isEmpty()) {
            return fail("select the layers to put in the block");
        }
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return fail("'" + name + "' is not a valid block name (letters, digits and _ , not starting with a digit)");
        }
        if (design.blocks().containsKey(name) || io.netwright.graph.Catalogue.standard().get(name).isPresent()) {
            return fail("the name '" + name + "' is taken");
        }
        List<Node> inside = design.nodes().stream().filter(n -> ids.contains(n.id())).toList();
        for (Node n : inside) {
            if (n.type().equals("Input") || n.type().equals("Output")) {
                return fail("a block cannot contain the design's " + n.type() + " ('" + n.id() + "')");
            }
        }
        Map<String, Integer> sources = new LinkedHashMap<>();
        List<Edge> entering = new ArrayList<>();
        List<Edge> leaving = new ArrayList<>();
        List<Edge> internal = new ArrayList<>();
        for (Edge e : design.edges()) {
            boolean from = ids.contains(e.from());
            boolean to = ids.contains(e.to());
            if (from && to) {
                internal.add(e);
            } else if (to) {
                entering.add(e);
                sources.putIfAbsent(e.from(), sources.size());
            } else if (from) {
                leaving.add(e);
            }
        }
        Set<String> exits = new HashSet<>();
        leaving.forEach(e -> exits.add(e.from()));
        if (exits.isEmpty()) {
            for (Node n : inside) {
                if (internal.stream().noneMatch(e -> e.from().equals(n.id()))) {
                    exits.add(n.id());
                }
            }
        }
        if (exits.size() != 1) {
            return fail("a block has one output, but the selection is left from " + String.join(", ", exits.stream()
                    .sorted().toList()) + " — select up to the layer where the branches join");
        }
        if (sources.isEmpty()) {
            return fail("nothing feeds the selection: a block needs at least one input wire");
        }
        String exit = exits.iterator().next();
        double minX = inside.stream().mapToDouble(Node::x).min().orElse(0);
        double minY = inside.stream().mapToDouble(Node::y).min().orElse(0);
        List<Node> blockNodes = new ArrayList<>();
        List<Edge> blockEdges = new ArrayList<>(internal);
        Set<String> taken = new HashSet<>(ids);
        List<String> inputIds = new ArrayList<>();
        for (int k = 0; k < sources.size(); k++) {
            String in = unique(taken, sources.size() == 1 ? "input" : "input" + (k + 1));
            inputIds.add(in);
            blockNodes.add(new Node(in, "Input", Map.of(), 40 + k * 200, 0));
        }
        for (Node n : inside) {
            blockNodes.add(n.withPosition(n.x() - minX + 40, n.y() - minY + 90));
        }
        String out = unique(taken, "output");
        Node exitNode = design.requireNode(exit);
        blockNodes.add(new Node(out, "Output", Map.of(), exitNode.x() - minX + 40, exitNode.y() - minY + 180));
        for (Edge e : entering) {
            blockEdges.add(new Edge(inputIds.get(sources.get(e.from())), 0, e.to(), e.toPort()));
        }
        blockEdges.add(Edge.of(exit, out));
        Block block = new Block(name, "", blockNodes, blockEdges);
        Design d = design.withBlock(block);
        for (String id : ids) {
            d = d.withoutNode(id);
        }
        String instance = d.freshId(name.toLowerCase(java.util.Locale.ROOT));
        d = d.withNode(block.instance(instance, minX, minY));
        for (var s : sources.entrySet()) {
            d = d.connect(Edge.of(s.getKey(), instance, s.getValue()));
        }
        for (Edge e : leaving) {
            d = d.connect(new Edge(instance, 0, e.to(), e.toPort()));
        }
        return new Result(d, instance, null);
    }

    private static String unique(Set<String> taken, String base) {
        String id = base;
        for (int i = 2; taken.contains(id); i++) {
            id = base + "_" + i;
        }
        taken.add(id);
        return id;
    }

    private static Result fail(String why) {
        return new Result(null, null, why);
    }
}
