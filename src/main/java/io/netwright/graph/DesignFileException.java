package io.netwright.graph;

import java.io.IOException;
import java.util.List;

/**
 * A design file that cannot be read, with every problem found, each naming the file, the line and the field:
 * {@code lenet5.json: line 14: node 'conv2': parameter kernel_size must be a positive integer or pair, got -1}.
 */
public final class DesignFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    /** An exception listing {@code errors} (at least one). */
    public DesignFileException(List<String> errors) {
        super(String.join("\n", errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a DesignFileException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every problem, one line each. */
    public List<String> errors() {
        return errors;
    }
}
