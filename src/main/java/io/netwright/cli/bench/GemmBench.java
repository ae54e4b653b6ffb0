package io.netwright.cli.bench;

import io.netwright.backend.Backend;
import io.netwright.backend.BackendOptions;
import io.netwright.backend.Buffer;
import io.netwright.backend.DType;
import io.netwright.backend.Distribution;
import io.netwright.backend.View;
import io.netwright.backend.cpu.CpuBackend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures single-precision GEMM throughput of a backend's {@code matmul} on square {@code [1,n,n] x [1,n,n]}
 * products: warm-up, then timed repetitions; reports the best and median GFLOP/s counting {@code 2 n^3} flops.
 * The line format is shared with {@code scripts/bench_numpy_gemm.py} so {@code scripts/bench_gemm_compare.sh} can
 * put the two side by side.
 *
 * <pre>{@code List<GemmBench.Result> r = GemmBench.run(backend, new int[] {256, 512, 1024});}</pre>
 *
 * Command line: {@code GemmBench [--sizes 256,512,1024] [--threads N] [--impl both|openblas|java]}.
 */
public final class GemmBench {

    /** Default sizes. */
    public static final int[] DEFAULT_SIZES = {256, 512, 1024};

    /**
     * One measured size.
     *
     * @param impl          what was measured, e.g. {@code netwright-openblas}
     * @param n             matrix size
     * @param bestGflops    GFLOP/s of the fastest repetition
     * @param medianGflops  GFLOP/s of the median repetition
     * @param bestMillis    time of the fastest repetition
     * @param reps          timed repetitions
     */
    public record Result(String impl, int n, double bestGflops, double medianGflops, double bestMillis, int reps) {

        /** {@code gemm impl=... n=... best_gflops=... median_gflops=... best_ms=... reps=...} */
        public String format() {
            return String.format(Locale.ROOT, "gemm impl=%s n=%d best_gflops=%.2f median_gflops=%.2f best_ms=%.3f "
                    + "reps=%d", impl, n, bestGflops, medianGflops, bestMillis, reps);
        }
    }

    private GemmBench() {
    }

    /** Runs the default protocol (about a second of timing per size) with a label derived from the backend. */
    public static List<Result> run(Backend backend, int[] sizes) {
        return run(backend, label(backend), sizes, 5, 1.0);
    }

    /**
     * Measures {@code backend.matmul} at each size: warm-up for at least 3 calls and 0.3 s, then at least
     * {@code minReps} timed calls and up to {@code secondsPerSize} (at most 100).
     */
    public static List<Result> run(Backend backend, String label, int[] sizes, int minReps, double secondsPerSize) {
        List<Result> results = new ArrayList<>();
        for (int n : sizes) {
            if (n <= 0) {
                throw new IllegalArgumentException("GemmBench: size must be positive, got " + n);
            }
            try (Buffer a = backend.allocate(DType.FLOAT32, n * n);
                 Buffer b = backend.allocate(DType.FLOAT32, n * n);
                 Buffer c = backend.allocate(DType.FLOAT32, n * n)) {
                View x = View.contiguous(a, 1, n, n);
                View y = View.contiguous(b, 1, n, n);
                View out = View.contiguous(c, 1, n, n);
                backend.randomFill(x, Distribution.UNIFORM, 1, 0, -1, 1);
                backend.randomFill(y, Distribution.UNIFORM, 2, 0, -1, 1);
                long warmStart = System.nanoTime();
                for (int i = 0; i < 3 || System.nanoTime() - warmStart < 300_000_000L; i++) {
                    backend.matmul(x, y, out);
                    backend.synchronize();
                }
                List<Long> times = new ArrayList<>();
                long start = System.nanoTime();
                long budget = (long) (secondsPerSize * 1e9);
                while (times.size() < minReps || (System.nanoTime() - start < budget && times.size() < 100)) {
                    long t0 = System.nanoTime();
                    backend.matmul(x, y, out);
                    backend.synchronize();
                    times.add(System.nanoTime() - t0);
                }
                long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
                double flops = 2.0 * n * n * n;
                results.add(new Result(label, n, flops / sorted[0], flops / sorted[sorted.length / 2],
                        sorted[0] / 1e6, sorted.length));
            }
        }
        return results;
    }

    /** {@code netwright-openblas} or {@code netwright-java} for a CPU backend, else the backend's description. */
    public static String label(Backend backend) {
        if (backend instanceof CpuBackend cpu) {
            return cpu.usesNativeBlas() ? "netwright-openblas" : "netwright-java";
        }
        return "netwright-" + backend.description().replace(' ', '_');
    }

    /** Prints one line per implementation and size. */
    public static void main(String[] args) {
        int[] sizes = DEFAULT_SIZES;
        int threads = 0;
        String impl = "both";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(value(args, ++i).split(",")).map(String::trim)
                        .mapToInt(Integer::parseInt).toArray();
                case "--threads" -> threads = Integer.parseInt(value(args, ++i));
                case "--impl" -> impl = value(args, ++i);
                default -> {
                    System.err.println("usage: GemmBench [--sizes 256,512,1024] [--threads N] "
                            + "[--impl both|openblas|java]");
                    System.exit(2);
                }
            }
        }
        List<Boolean> natives = switch (impl) {
            case "openblas" -> List.of(true);
            case "java" -> List.of(false);
            case "both" -> List.of(true, false);
            default -> throw new IllegalArgumentException("--impl must be both, openblas or java, got " + impl);
        };
        for (boolean nativeBlas : natives) {
            try (CpuBackend backend = new CpuBackend(new BackendOptions(threads, nativeBlas))) {
                System.out.println("# " + backend.description());
                if (nativeBlas && !backend.usesNativeBlas()) {
                    System.out.println("# OpenBLAS unavailable: skipping netwright-openblas");
                    continue;
                }
                for (Result r : run(backend, sizes)) {
                    System.out.println(r.format());
                }
            }
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
