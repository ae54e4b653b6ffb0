package io.netwright.train;

import io.netwright.optim.Optimizers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The optimizer of a run: its PyTorch class name ({@code SGD}, {@code Adam}, {@code AdamW}, {@code RMSprop},
 * {@code Adagrad}) and its options under PyTorch's names, as {@link Optimizers#create} takes them. Option names and
 * values are checked by the optimizer itself when the run starts ({@link TrainingConfig#validate()} does it
 * earlier).
 *
 * <pre>{@code OptimizerConfig.sgd(0.05, 0.9)  // SGD {lr: 0.05, momentum: 0.9}}</pre>
 *
 * @param name    the optimizer class, one of {@link Optimizers#NAMES}
 * @param options options such as {@code lr}, {@code momentum}, {@code betas}, {@code weight_decay}
 */
public record OptimizerConfig(String name, Map<String, Object> options) {

    /** Checks the name and that {@code lr}, when given, is a positive number. */
    public OptimizerConfig {
        Objects.requireNonNull(name, "name");
        String canonical = null;
        for (String n : Optimizers.NAMES) {
            if (n.equalsIgnoreCase(name.trim())) {
                canonical = n;
            }
        }
        if (canonical == null) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; known: "
                    + String.join(", ", Optimizers.NAMES));
        }
        name = canonical;
        options = Options.normalize(Options.ordered(options, "lr"), name);
        Object lr = options.get("lr");
        if (lr != null && !(lr instanceof Double d && d > 0 && Double.isFinite(d))) {
            throw new IllegalArgumentException(name + ": lr must be a positive number, got " + lr);
        }
    }

    /** SGD with the given learning rate and momentum. */
    public static OptimizerConfig sgd(double lr, double momentum) {
        return new OptimizerConfig("SGD", Map.of("lr", lr, "momentum", momentum));
    }

    /** Adam with the given learning rate. */
    public static OptimizerConfig adam(double lr) {
        return new OptimizerConfig("Adam", Map.of("lr", lr));
    }

    /** The learning rate: the {@code lr} option, or the optimizer's PyTorch default. */
    public double lr() {
        Object lr = options.get("lr");
        if (lr instanceof Double d) {
            return d;
        }
        return switch (name) {
            case "SGD" -> 1e-3;
            case "Adam", "AdamW" -> 1e-3;
            case "RMSprop", "Adagrad" -> 1e-2;
            default -> throw new IllegalStateException(name);
        };
    }

    /** These options with {@code lr} set. */
    public OptimizerConfig withLr(double lr) {
        return with("lr", lr);
    }

    /** These options with {@code key} set to {@code value}. */
    public OptimizerConfig with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(options);
        m.put(key, value);
        return new OptimizerConfig(name, m);
    }

    /**
     * How this optimizer counts for memory estimates: its state tensors per parameter (SGD with momentum keeps one,
     * Adam two, ...). The studio's status bar and parameter table estimate with the optimizer actually chosen.
     */
    public io.netwright.graph.OptimizerKind memoryKind() {
        Object momentum = options.get("momentum");
        boolean amsgrad = Boolean.TRUE.equals(options.get("amsgrad"));
        return switch (name) {
            case "SGD" -> momentum instanceof Number n && n.doubleValue() != 0
                    ? io.netwright.graph.OptimizerKind.SGD_MOMENTUM : io.netwright.graph.OptimizerKind.SGD;
            case "Adam" -> amsgrad ? io.netwright.graph.OptimizerKind.AMSGRAD : io.netwright.graph.OptimizerKind.ADAM;
            case "AdamW" -> amsgrad ? io.netwright.graph.OptimizerKind.AMSGRAD
                    : io.netwright.graph.OptimizerKind.ADAMW;
            case "RMSprop" -> io.netwright.graph.OptimizerKind.RMSPROP;
            case "Adagrad" -> io.netwright.graph.OptimizerKind.ADAGRAD;
            default -> throw new IllegalArgumentException("optimizer '" + name + "' has no memory model; add it to "
                    + "OptimizerConfig.memoryKind and OptimizerKind");
        };
    }

    /** {@code SGD(lr=0.05, momentum=0.9)}. */
    public String summary() {
        StringBuilder sb = new StringBuilder(name).append('(');
        boolean first = true;
        for (var e : options.entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(format(e.getValue()));
            first = false;
        }
        return sb.append(')').toString();
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            return NumberText.compact(d);
        }
        if (v instanceof java.util.List<?> l) {
            return l.stream().map(OptimizerConfig::format).collect(java.util.stream.Collectors.joining(", ", "[",
                    "]"));
        }
        return String.valueOf(v);
    }
}
