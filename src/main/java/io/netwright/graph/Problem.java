package io.netwright.graph;

import java.util.Objects;

/**
 * Something wrong (or suspicious) in a design, attached to the node and input port it concerns, with a suggested
 * fix where one exists. Messages name the layer and node:
 * {@code Linear 'fc1': input has 400 features, layer expects 256} with fix {@code set in_features=400}.
 *
 * @param nodeId the node concerned, or null for the design as a whole
 * @param port   the input port concerned, or -1
 * @param fix    what to do about it, or null
 */
public record Problem(Severity severity, String nodeId, int port, String message, String fix) {

    /** How bad it is. */
    public enum Severity {
        /** The design cannot be compiled or trained. */
        ERROR,
        /** The design runs but probably not as meant. */
        WARNING
    }

    /** Requires a severity and a message; port is -1 or a port number. */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (port < -1) {
            throw new IllegalArgumentException("port must be -1 (none) or >= 0, got " + port);
        }
    }

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Whether a port is named. */
    public boolean hasPort() {
        return port >= 0;
    }

    /** The message and the fix as one line: {@code ... layer expects 256 — set in_features=400}. */
    public String text() {
        return fix == null ? message : message + " — " + fix;
    }

    @Override
    public String toString() {
        return severity + ": " + text();
    }
}
