package io.netwright.graph;

import java.util.Map;
import java.util.Objects;

/**
 * A wire from output port {@code fromPort} of node {@code from} to input port {@code toPort} of node {@code to}.
 * Every layer has one output port (0); merge layers ({@code Add}, {@code Concat}, {@code Multiply}) have input
 * ports 0, 1, ... One output may feed many inputs (fan-out); an input port takes at most one wire.
 *
 * <pre>{@code Edge.of("conv1", "relu1"); Edge.of("shortcut", "add1", 1)}</pre>
 *
 * @param extras unknown fields (name → raw JSON text), preserved on save
 */
public record Edge(String from, int fromPort, String to, int toPort, Map<String, String> extras) {

    /** Validates ids and ports. */
    public Edge {
        Checks.requireId(from, "edge source");
        Checks.requireId(to, "edge target");
        if (fromPort < 0 || toPort < 0) {
            throw new IllegalArgumentException("edge " + from + " -> " + to + ": ports must be >= 0, got "
                    + fromPort + " and " + toPort);
        }
        extras = Checks.orderedCopy(extras, "edge field");
    }

    /** A wire between the given ports. */
    public Edge(String from, int fromPort, String to, int toPort) {
        this(from, fromPort, to, toPort, Map.of());
    }

    /** A wire from {@code from}'s output to input port 0 of {@code to}. */
    public static Edge of(String from, String to) {
        return new Edge(from, 0, to, 0);
    }

    /** A wire from {@code from}'s output to input port {@code toPort} of {@code to}. */
    public static Edge of(String from, String to, int toPort) {
        return new Edge(from, 0, to, toPort);
    }

    /** Whether this wire ends at the given input port. */
    public boolean endsAt(String node, int port) {
        return toPort == port && to.equals(node);
    }

    /** Whether this wire touches node {@code id} at either end. */
    public boolean touches(String id) {
        return from.equals(id) || to.equals(id);
    }

    /** Same wire ignoring extras. */
    public boolean sameWire(Edge o) {
        return o.fromPort == fromPort && o.toPort == toPort && o.from.equals(from) && o.to.equals(to);
    }

    /** This wire with endpoints renamed from {@code oldId} to {@code newId}. */
    public Edge rename(String oldId, String newId) {
        Objects.requireNonNull(newId, "newId");
        return new Edge(from.equals(oldId) ? newId : from, fromPort, to.equals(oldId) ? newId : to, toPort, extras);
    }

    @Override
    public String toString() {
        return from + (fromPort == 0 ? "" : ":" + fromPort) + " -> " + to + (toPort == 0 ? "" : ":" + toPort);
    }
}
