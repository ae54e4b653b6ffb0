package io.netwright.graph;

import java.util.List;

/** Thrown when a design with errors is compiled; lists every error (and the warnings) found by the analyzer. */
public final class InvalidDesignException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** An exception for design {@code name} with {@code problems} (at least one error among them). */
    public InvalidDesignException(String name, List<Problem> problems) {
        super(message(name, problems));
        this.problems = List.copyOf(problems);
    }

    /** An exception with a message of its own (no analyzer problems), e.g. weights that cannot fit in memory. */
    public InvalidDesignException(String message) {
        super(message);
        this.problems = List.of();
    }

    private static String message(String name, List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        StringBuilder sb = new StringBuilder("design '").append(name).append("' cannot be compiled: ")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        for (Problem p : errors) {
            sb.append("\n  - ").append(p.text());
        }
        return sb.toString();
    }

    /** Every problem, errors first as found. */
    public List<Problem> problems() {
        return problems;
    }

    /** The errors only. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }
}
