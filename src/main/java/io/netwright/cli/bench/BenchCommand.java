package io.netwright.cli.bench;

import io.netwright.backend.BackendOptions;
import io.netwright.backend.cpu.CpuBackend;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netwright bench gemm|conv}: engine benchmarks, each printed next to a peer (NumPy's OpenBLAS for GEMM,
 * PyTorch for convolution) measured in the same run, with the ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the engine against NumPy / PyTorch measured in the same run.",
        subcommands = {BenchCommand.Gemm.class, BenchCommand.Conv.class})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * {@code bench gemm}. NumPy is a fair peer only when it runs on OpenBLAS: on Debian install
     * {@code libopenblas0-pthread}, which switches {@code libblas.so.3} to OpenBLAS; the script prints what it found.
     */
    @Command(name = "gemm", mixinStandardHelpOptions = true,
            description = "Single-precision GEMM GFLOP/s at n = 256, 512, 1024 (OpenBLAS and pure Java), "
                    + "next to NumPy's float32 matmul.")
    static final class Gemm implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--sizes", split = ",", description = "Matrix sizes (default: ${DEFAULT-VALUE}).",
                defaultValue = "256,512,1024")
        int[] sizes;

        @Option(names = "--threads", description = "Threads, 0 = all cores (default: ${DEFAULT-VALUE}).",
                defaultValue = "0")
        int threads;

        @Option(names = "--no-java", description = "Skip the pure-Java GEMM.")
        boolean noJava;

        @Option(names = "--no-compare", description = "Do not run scripts/bench_numpy_gemm.py (NumPy) for ratios.")
        boolean noCompare;

        @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with NumPy.")
        String python;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<GemmBench.Result> ours = new ArrayList<>();
            for (boolean nativeBlas : noJava ? List.of(true) : List.of(true, false)) {
                try (CpuBackend backend = new CpuBackend(new BackendOptions(threads, nativeBlas))) {
                    out.println("# " + backend.description());
                    if (nativeBlas && !backend.usesNativeBlas()) {
                        out.println("# OpenBLAS unavailable: skipping netwright-openblas");
                        continue;
                    }
                    for (GemmBench.Result r : GemmBench.run(backend, sizes)) {
                        out.println(r.format());
                        out.flush();
                        ours.add(r);
                    }
                }
            }
            if (noCompare) {
                return 0;
            }
            int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
            StringBuilder sz = new StringBuilder();
            for (int s : sizes) {
                sz.append(sz.length() == 0 ? "" : ",").append(s);
            }
            Peer.Output numpy = Peer.run(List.of("env", "OPENBLAS_NUM_THREADS=" + t, "OMP_NUM_THREADS=" + t,
                    python, Peer.script("bench_numpy_gemm.py").toString(), "--sizes", sz.toString()));
            out.print(numpy.raw());
            out.println();
            out.println("ratio = netwright best GFLOP/s / numpy best GFLOP/s (same run, " + t + " threads)");
            for (GemmBench.Result r : ours) {
                Map<String, String> peer = numpy.find(Map.of("impl", "numpy", "n", Integer.toString(r.n())));
                if (peer != null) {
                    double p = Double.parseDouble(peer.get("best_gflops"));
                    out.printf(Locale.ROOT, "  %-20s n=%-5d %8.2f vs %8.2f GFLOP/s  ratio %.2f%n", r.impl(), r.n(),
                            r.bestGflops(), p, r.bestGflops() / p);
                }
            }
            return 0;
        }
    }

    /** {@code bench conv}. */
    @Command(name = "conv", mixinStandardHelpOptions = true,
            description = "conv2d forward+backward GFLOP/s on a LeNet-sized and a VGG-sized layer, next to PyTorch.")
    static final class Conv implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--no-compare", description = "Do not run scripts/bench_torch_conv.py (PyTorch) for ratios.")
        boolean noCompare;

        @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with PyTorch.")
        String python;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<ConvBench.Result> ours = ConvBench.runAll();
            out.println("# netwright conv2d, " + ours.get(0).backend());
            for (ConvBench.Result r : ours) {
                out.println("# " + r.layer());
                out.println(r.line());
            }
            if (noCompare) {
                return 0;
            }
            int threads = Runtime.getRuntime().availableProcessors();
            Peer.Output torch = Peer.run(List.of(python, Peer.script("bench_torch_conv.py").toString(),
                    "--threads", Integer.toString(threads)));
            out.print(torch.raw());
            out.println();
            out.println("ratio = netwright GFLOP/s / pytorch GFLOP/s (same run, " + threads + " threads)");
            for (ConvBench.Result r : ours) {
                Map<String, String> m = torch.find(Map.of("name", r.layer().name()));
                if (m == null) {
                    out.println("  " + r.layer().name() + ": no PyTorch figures");
                    continue;
                }
                out.printf(Locale.ROOT, "  %-12s fwd %.2f  bwd %.2f  total %.2f%n", r.layer().name(),
                        r.forwardGflops() / Double.parseDouble(m.get("fwd_gflops")),
                        r.backwardGflops() / Double.parseDouble(m.get("bwd_gflops")),
                        r.totalGflops() / Double.parseDouble(m.get("total_gflops")));
            }
            return 0;
        }
    }
}
