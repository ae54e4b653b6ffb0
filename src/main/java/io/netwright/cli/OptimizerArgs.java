package io.netwright.cli;

import io.netwright.graph.OptimizerKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --optimizer} option: its lower-case name, the PyTorch class it creates, the default learning rate and
 * options the command line uses, and its memory kind for estimates.
 *
 * @param name        the option value, e.g. {@code adamw}
 * @param displayName the PyTorch class name {@link io.netwright.optim.Optimizers#create} takes, e.g. {@code AdamW}
 * @param defaultLr   the learning rate when {@code --lr} is not given
 * @param options     further options (SGD gets momentum 0.9)
 * @param kind        how much state it keeps, for memory estimates
 */
record OptimizerArgs(String name, String displayName, double defaultLr, Map<String, Object> options,
        OptimizerKind kind) {

    /** The accepted names, for help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("sgd", "adam", "adamw", "rmsprop", "adagrad").iterator();
        }
    }

    /**
     * The optimizer named {@code text} (any case).
     *
     * @throws CliError listing the accepted names
     */
    static OptimizerArgs parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "sgd" -> new OptimizerArgs("sgd", "SGD", 0.01, Map.of("momentum", 0.9), OptimizerKind.SGD_MOMENTUM);
            case "adam" -> new OptimizerArgs("adam", "Adam", 1e-3, Map.of(), OptimizerKind.ADAM);
            case "adamw" -> new OptimizerArgs("adamw", "AdamW", 1e-3, Map.of(), OptimizerKind.ADAMW);
            case "rmsprop" -> new OptimizerArgs("rmsprop", "RMSprop", 0.01, Map.of(), OptimizerKind.RMSPROP);
            case "adagrad" -> new OptimizerArgs("adagrad", "Adagrad", 0.01, Map.of(), OptimizerKind.ADAGRAD);
            default -> throw new UsageError("--optimizer " + text + ": unknown optimizer — use sgd, adam, adamw, "
                    + "rmsprop or adagrad");
        };
    }
}
