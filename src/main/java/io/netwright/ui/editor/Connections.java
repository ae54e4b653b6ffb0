package io.netwright.ui.editor;

import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Node;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Which wires the editor lets the user draw, and why not: a wire goes from a layer's output to a free or taken
 * input port of another layer (a taken port is rewired), never into Input, never out of Output, never back onto
 * itself, and never so that it closes a cycle.
 */
public final class Connections {

    private Connections() {
    }

    /** Null when a wire {@code from} → port {@code port} of {@code to} may be drawn, else the reason it may not. */
    public static String problem(Design design, String from, String to, int port) {
        Node source = design.node(from).orElse(null);
        Node target = design.node(to).orElse(null);
        if (source == null || target == null) {
            return "no node '" + (source == null ? from : to) + "'";
        }
        if (from.equals(to)) {
            return "a layer cannot feed itself";
        }
        if (!NodeGeometry.hasOutput(source)) {
            return "Output is the last layer: nothing can follow it";
        }
        int ports = NodeGeometry.inputPorts(design, target);
        if (ports == 0) {
            return target.type() + " takes no input: it is where data enters";
        }
        if (port < 0 || port >= ports) {
            return "'" + to + "' has no input port " + port;
        }
        for (Edge e : design.edges()) {
            if (e.from().equals(from) && e.endsAt(to, port)) {
                return "'" + from + "' is already wired there";
            }
        }
        if (reaches(design, to, from)) {
            return "the wire would close a cycle (" + to + " already feeds " + from + ")";
        }
        return null;
    }

    /** Whether data flows from {@code start} to {@code goal} along the wires. */
    public static boolean reaches(Design design, String start, String goal) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            String u = todo.pop();
            if (u.equals(goal)) {
                return true;
            }
            if (seen.add(u)) {
                for (Edge e : design.edges()) {
                    if (e.from().equals(u)) {
                        todo.push(e.to());
                    }
                }
            }
        }
        return false;
    }
}
