package io.netwright.optim;

import io.netwright.nn.Parameter;
import java.util.List;
import java.util.Map;

/**
 * Builds an optimizer from its PyTorch class name and options by PyTorch name, e.g. from a training config:
 * {@code Optimizers.create("SGD", model.parameters(), Map.of("lr", 0.05, "momentum", 0.9))}.
 */
public final class Optimizers {

    /** The names {@link #create} accepts. */
    public static final List<String> NAMES = List.of("SGD", "Adam", "AdamW", "RMSprop", "Adagrad");

    private Optimizers() {
    }

    /** An optimizer of type {@code name} over one group of {@code params}. */
    public static Optimizer create(String name, Iterable<Parameter> params, Map<String, ?> options) {
        return create(name, List.of(new ParamGroup(params)), options);
    }

    /** An optimizer of type {@code name} over {@code groups}; {@code options} are its defaults. */
    public static Optimizer create(String name, List<ParamGroup> groups, Map<String, ?> options) {
        return switch (name) {
            case "SGD" -> new SGD(groups, new SGD.Options().setAll(options));
            case "Adam" -> new Adam(groups, new Adam.Options().setAll(options));
            case "AdamW" -> new AdamW(groups, new AdamW.Options().setAll(options));
            case "RMSprop" -> new RMSprop(groups, new RMSprop.Options().setAll(options));
            case "Adagrad" -> new Adagrad(groups, new Adagrad.Options().setAll(options));
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
    }
}
