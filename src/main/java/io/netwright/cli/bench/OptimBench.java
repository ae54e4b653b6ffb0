package io.netwright.cli.bench;

import io.netwright.nn.Parameter;
import io.netwright.optim.Adam;
import io.netwright.optim.AdamW;
import io.netwright.optim.Optimizer;
import io.netwright.optim.RMSprop;
import io.netwright.optim.SGD;
import io.netwright.tensor.FusedOptim;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Optimizer step time: {@code opt.step()} over a fixed set of parameters with fixed gradients, with the backend's
 * fused update ({@link io.netwright.backend.Backend#optimizerStep}) and with the composite update of elementwise ops
 * ({@link FusedOptim#composeOnly()}), alternating which arm runs first each round so a shared machine's drifts hit
 * both. Reports the median time per step of each arm and their ratio; {@code scripts/bench_torch_optim.py} times
 * PyTorch's optimizers on the same shapes for the peer ratio.
 *
 * <pre>{@code OptimBench.run(OptimBench.LENET5, "adam", 5, 300)}</pre>
 */
public final class OptimBench {

    /**
     * A set of parameter shapes.
     *
     * @param name   its name on the command line
     * @param shapes the parameters' shapes
     */
    public record ParamSet(String name, List<int[]> shapes) {
        /** Elements over all parameters. */
        public long count() {
            return shapes.stream().mapToLong(s -> Arrays.stream(s).asLongStream().reduce(1, (a, b) -> a * b)).sum();
        }
    }

    /** LeNet-5's ten parameters (61,706 elements): per-parameter overhead dominates. */
    public static final ParamSet LENET5 = new ParamSet("lenet5", List.of(new int[] {6, 1, 5, 5}, new int[] {6},
            new int[] {16, 6, 5, 5}, new int[] {16}, new int[] {120, 400}, new int[] {120}, new int[] {84, 120},
            new int[] {84}, new int[] {10, 84}, new int[] {10}));

    /** Eight 1024×1024 matrices and their biases (8.4 M elements): memory bandwidth dominates. */
    public static final ParamSet LARGE = new ParamSet("large", large());

    /** The optimizers timed, by name. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "adam", "adamw", "rmsprop");

    /**
     * One optimizer on one parameter set.
     *
     * @param set             the parameter set's name
     * @param elements        its element count
     * @param optimizer       the optimizer's name
     * @param fusedMicros     median microseconds per step, fused
     * @param compositeMicros median microseconds per step, composite
     */
    public record Result(String set, long elements, String optimizer, double fusedMicros, double compositeMicros) {

        /** Composite time over fused time: how much faster fusing makes a step. */
        public double speedup() {
            return compositeMicros / fusedMicros;
        }

        /** One line of the report. */
        public String format() {
            return String.format(Locale.ROOT, "optim set=%s opt=%s elements=%d fused_us=%.1f composite_us=%.1f "
                    + "speedup=%.2f", set, optimizer, elements, fusedMicros, compositeMicros, speedup());
        }
    }

    private OptimBench() {
    }

    private static List<int[]> large() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(new int[] {1024, 1024});
            out.add(new int[] {1024});
        }
        return List.copyOf(out);
    }

    /** The parameter set called {@code name}. */
    public static ParamSet set(String name) {
        return switch (name) {
            case "lenet5" -> LENET5;
            case "large" -> LARGE;
            default -> throw new IllegalArgumentException("unknown parameter set '" + name + "': give lenet5 or large");
        };
    }

    /** The optimizer {@code name} with the hyperparameters the peer script uses. */
    static Optimizer optimizer(String name, List<Parameter> params) {
        return switch (name) {
            case "sgd" -> new SGD(params, new SGD.Options().lr(0.05).momentum(0.9).weightDecay(5e-4));
            case "adam" -> new Adam(params, new Adam.Options().lr(1e-3));
            case "adamw" -> new AdamW(params, new AdamW.Options().lr(1e-3).weightDecay(1e-2));
            case "rmsprop" -> new RMSprop(params, new RMSprop.Options().lr(1e-2).momentum(0.9));
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "': give one of "
                    + OPTIMIZERS);
        };
    }

    /** Times {@code rounds} rounds of {@code steps} steps per arm after one untimed warm-up round. */
    public static Result run(ParamSet set, String optimizer, int rounds, int steps) {
        if (rounds < 1 || steps < 1) {
            throw new IllegalArgumentException("OptimBench: rounds and steps must be >= 1, got " + rounds + ", "
                    + steps);
        }
        double[] fused = new double[rounds];
        double[] composite = new double[rounds];
        arm(set, optimizer, steps, false);
        arm(set, optimizer, steps, true);
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                fused[r] = arm(set, optimizer, steps, false);
                composite[r] = arm(set, optimizer, steps, true);
            } else {
                composite[r] = arm(set, optimizer, steps, true);
                fused[r] = arm(set, optimizer, steps, false);
            }
        }
        return new Result(set.name(), set.count(), optimizer, median(fused), median(composite));
    }

    /** Microseconds per step over {@code steps} steps of a fresh optimizer on fresh parameters. */
    private static double arm(ParamSet set, String name, int steps, boolean compose) {
        Generator g = new Generator(1);
        List<Parameter> params = new ArrayList<>();
        List<Tensor> grads = new ArrayList<>();
        for (int[] shape : set.shapes()) {
            Parameter p = new Parameter(Tensor.randn(g, shape));
            Tensor grad = Tensor.randn(g, shape).mul(0.01);
            p.data().setGrad(grad);
            params.add(p);
            grads.add(grad);
        }
        Optimizer opt = optimizer(name, params);
        try (FusedOptim.Scope s = compose ? FusedOptim.composeOnly() : () -> { }) {
            opt.step(); // allocates the state outside the timing
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                opt.step();
            }
            return (System.nanoTime() - t0) / 1e3 / steps;
        } finally {
            params.forEach(p -> p.data().close());
            grads.forEach(Tensor::close);
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
