package io.netwright.train;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The learning-rate schedule of a run, optionally after a linear warm-up. Every schedule is applied per optimizer
 * step; the ones PyTorch users step per epoch ({@code step}, {@code multistep}, {@code exponential}) change the rate
 * at epoch boundaries, exactly as stepping them once per epoch would.
 *
 * <table>
 *   <caption>types and options</caption>
 *   <tr><td>{@code none}</td><td>constant</td></tr>
 *   <tr><td>{@code step}</td><td>{@code step_size} (epochs, 1), {@code gamma} (0.1)</td></tr>
 *   <tr><td>{@code multistep}</td><td>{@code milestones} (epochs), {@code gamma} (0.1)</td></tr>
 *   <tr><td>{@code exponential}</td><td>{@code gamma} per epoch (0.9)</td></tr>
 *   <tr><td>{@code cosine}</td><td>cosine from the base rate to {@code eta_min} (0) over the steps after warm-up
 *   </td></tr>
 *   <tr><td>{@code linear}</td><td>linear from the base rate to {@code end_factor} (0) times it</td></tr>
 *   <tr><td>{@code onecycle}</td><td>{@code OneCycleLR}: {@code max_lr} (the optimizer's lr), {@code pct_start}
 *   (0.3), {@code div_factor} (25), {@code final_div_factor} (1e4), {@code anneal_strategy} ("cos")</td></tr>
 *   <tr><td>{@code plateau}</td><td>{@code ReduceLROnPlateau} after each epoch on {@code metric} ("val_loss"):
 *   {@code factor} (0.1), {@code patience} (10), {@code threshold} (1e-4), {@code cooldown} (0),
 *   {@code min_lr} (0)</td></tr>
 * </table>
 *
 * @param type              one of {@link #TYPES}
 * @param options           the type's options (see the table)
 * @param warmupSteps       steps of linear warm-up before the schedule (0: none; not with {@code onecycle})
 * @param warmupStartFactor the fraction of the rate the warm-up starts from, in (0, 1]
 */
public record ScheduleConfig(String type, Map<String, Object> options, int warmupSteps, double warmupStartFactor) {

    /** The schedule types. */
    public static final List<String> TYPES = List.of("none", "step", "multistep", "exponential", "cosine", "linear",
            "onecycle", "plateau");

    private static final Map<String, List<String>> KNOWN = Map.of(
            "none", List.of(),
            "step", List.of("step_size", "gamma"),
            "multistep", List.of("milestones", "gamma"),
            "exponential", List.of("gamma"),
            "cosine", List.of("eta_min"),
            "linear", List.of("end_factor"),
            "onecycle", List.of("max_lr", "pct_start", "div_factor", "final_div_factor", "anneal_strategy"),
            "plateau", List.of("metric", "factor", "patience", "threshold", "cooldown", "min_lr"));

    /** Checks the type, the option names and the warm-up. */
    public ScheduleConfig {
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown LR schedule '" + type + "'; known: " + String.join(", ",
                    TYPES));
        }
        options = Options.normalize(Options.ordered(options, null), "schedule " + type);
        Options.requireKnown(options, KNOWN.get(type), "schedule " + type);
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("schedule: warmup_steps must be >= 0, got " + warmupSteps);
        }
        if (!(warmupStartFactor > 0 && warmupStartFactor <= 1)) {
            throw new IllegalArgumentException("schedule: warmup_start_factor must be in (0, 1], got "
                    + warmupStartFactor);
        }
        if (warmupSteps > 0 && type.equals("onecycle")) {
            throw new IllegalArgumentException("schedule onecycle has its own warm-up (pct_start) — set "
                    + "warmup_steps to 0");
        }
        if (type.equals("plateau")) {
            Metric.parse(Options.string(options, "metric", "val_loss", "schedule plateau"));
        }
    }

    /** A constant learning rate. */
    public static ScheduleConfig none() {
        return new ScheduleConfig("none", Map.of(), 0, 1.0);
    }

    /** A schedule of {@code type} with {@code options} and no warm-up. */
    public static ScheduleConfig of(String type, Map<String, ?> options) {
        return new ScheduleConfig(type, Map.copyOf(options), 0, 1.0);
    }

    /** Cosine decay to 0 over the run. */
    public static ScheduleConfig cosine() {
        return of("cosine", Map.of());
    }

    /** This schedule after {@code steps} of linear warm-up from {@code startFactor} times the rate. */
    public ScheduleConfig withWarmup(int steps, double startFactor) {
        return new ScheduleConfig(type, options, steps, startFactor);
    }

    /** {@code cosine, warm-up 100 steps}. */
    public String summary() {
        StringBuilder sb = new StringBuilder(type);
        if (!options.isEmpty()) {
            sb.append(' ').append(options);
        }
        if (warmupSteps > 0) {
            sb.append(", warm-up ").append(warmupSteps).append(" steps");
        }
        return sb.toString();
    }
}
