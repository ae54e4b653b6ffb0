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
        subcommands = {BenchCommand.Gemm.class, BenchCommand.Conv.class, BenchCommand.Train.class,
            BenchCommand.Events.class, BenchCommand.Optim.class})
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
            description = "conv2d forward+backward GFLOP/s on a LeNet-sized, a VGG-sized and the heavier train net's "
                    + "two main layers, next to PyTorch.")
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

    /** {@code bench train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "One epoch of LeNet-5 and a heavier conv net on the full Fashion-MNIST (batch 64, SGD lr 0.05 "
                    + "momentum 0.9): training images/s and test accuracy, next to PyTorch with the same threads.")
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", defaultValue = "/usr/share/datasets/fashion-mnist",
                description = "Fashion-MNIST IDX folder (Debian: apt-get install dataset-fashion-mnist).")
        java.nio.file.Path data;

        @Option(names = "--nets", split = ",", defaultValue = "lenet5,convnet",
                description = "Networks: lenet5, convnet (default: ${DEFAULT-VALUE}).")
        List<String> nets;

        @Option(names = "--limit", defaultValue = "0", description = "Train on the first N images only (0 = all).")
        int limit;

        @Option(names = "--no-compare", description = "Do not run scripts/bench_torch_train.py (PyTorch).")
        boolean noCompare;

        @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with PyTorch.")
        String python;

        @Option(names = "--seeds", split = ",", defaultValue = "1",
                description = "Seeds (initialisation and shuffle) to run on both sides; with several, the summary "
                        + "compares mean accuracy, since one epoch's test accuracy moves by a point or more between "
                        + "seeds (default: ${DEFAULT-VALUE}).")
        List<Long> seeds;

        @Override
        public Integer call() throws Exception {
            if (seeds.size() == 1) {
                return once(seeds.get(0));
            }
            PrintWriter out = spec.commandLine().getOut();
            Map<String, double[]> sums = new java.util.LinkedHashMap<>(); // net -> ours img/s, torch img/s, accs
            for (int k = 0; k < seeds.size(); k++) {
                long seed = seeds.get(k);
                // Alternate which side runs first: a run leaves the machine in a state (caches, memory, clocks) that
                // measurably slows whatever runs next, and neither side should always pay for it.
                boolean peerFirst = k % 2 == 1;
                out.println("## seed " + seed + (peerFirst && !noCompare ? " (PyTorch first)" : ""));
                for (String[] row : runSeed(seed, peerFirst)) {
                    double[] acc = sums.computeIfAbsent(row[0], net -> new double[4]);
                    for (int i = 0; i < 4; i++) {
                        acc[i] += Double.parseDouble(row[i + 1]);
                    }
                }
            }
            out.println();
            out.println("mean over seeds " + seeds + ": netwright / pytorch");
            sums.forEach((net, a) -> out.printf(Locale.ROOT, "  %-8s %8.1f vs %8.1f images/s  ratio %.2f   mean test "
                    + "accuracy %.2f%% vs %.2f%%%n", net, a[0] / seeds.size(), a[1] / seeds.size(), a[0] / a[1],
                    100 * a[2] / seeds.size(), 100 * a[3] / seeds.size()));
            return 0;
        }

        private Integer once(long seed) throws Exception {
            runSeed(seed, false);
            return 0;
        }

        /**
         * One seed on both sides (PyTorch first if {@code peerFirst}); prints as it goes and returns
         * {net, ours img/s, torch img/s, ours acc, torch acc}.
         */
        private List<String[]> runSeed(long seed, boolean peerFirst) throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<String[]> rows = new ArrayList<>();
            int threads = Runtime.getRuntime().availableProcessors();
            Peer.Output torch = !noCompare && peerFirst ? runPeer(seed, threads) : null;
            TrainBench.Data[] d = TrainBench.load(data, limit);
            out.println("# netwright, " + d[0].images().backend().description() + ", " + d[0].images().size(0)
                    + " training images");
            List<TrainBench.Result> ours = new ArrayList<>();
            for (String name : nets) {
                TrainBench.Net net = switch (name) {
                    case "lenet5" -> TrainBench.LENET5;
                    case "convnet" -> TrainBench.CONVNET;
                    default -> throw new IllegalArgumentException("unknown net '" + name + "': use lenet5 or convnet");
                };
                TrainBench.Result r = TrainBench.run(net, d[0].images(), d[0].labels(), d[1].images(),
                        d[1].labels(), 64, 0.05, 0.9, seed);
                out.println(r.line());
                out.flush();
                ours.add(r);
            }
            if (noCompare) {
                return rows;
            }
            if (torch == null) {
                torch = runPeer(seed, threads);
            }
            out.println();
            out.println("ratio = netwright / pytorch training images/s (same run, " + threads + " threads)");
            for (TrainBench.Result r : ours) {
                Map<String, String> m = torch.find(Map.of("name", r.net()));
                if (m != null) {
                    out.printf(Locale.ROOT, "  %-8s %8.1f vs %8.1f images/s  ratio %.2f   test accuracy %.2f%% vs "
                                    + "%.2f%%%n", r.net(), r.imagesPerSec(), Double.parseDouble(m.get("images_per_s")),
                            r.imagesPerSec() / Double.parseDouble(m.get("images_per_s")), 100 * r.testAccuracy(),
                            100 * Double.parseDouble(m.get("test_acc")));
                    rows.add(new String[] {r.net(), Double.toString(r.imagesPerSec()), m.get("images_per_s"),
                        Double.toString(r.testAccuracy()), m.get("test_acc")});
                }
            }
            return rows;
        }

        /** Runs {@code scripts/bench_torch_train.py} for one seed and prints its output. */
        private Peer.Output runPeer(long seed, int threads) throws Exception {
            Peer.Output torch = Peer.run(List.of(python, Peer.script("bench_torch_train.py").toString(), "--data",
                    data.toString(), "--threads", Integer.toString(threads), "--nets", String.join(",", nets),
                    "--limit", Integer.toString(limit), "--seed", Long.toString(seed)));
            PrintWriter out = spec.commandLine().getOut();
            out.print(torch.raw());
            out.flush();
            return torch;
        }
    }

    /** {@code bench events}. */
    @Command(name = "events", mixinStandardHelpOptions = true,
            description = "The cost of training events: LeNet-5 steps per second with a listener that consumes every "
                    + "event vs none, alternating rounds (requirement: under 3%%).")
    static final class Events implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--rounds", defaultValue = "5", description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--steps", defaultValue = "100", description = "Steps per run (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--control", description = "No listener in either arm: the machine's noise floor.")
        boolean control;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().print(EventsBench.run(rounds, steps, 64, !control).format());
            return 0;
        }
    }

    /** {@code bench optim}. */
    @Command(name = "optim", mixinStandardHelpOptions = true,
            description = "Optimizer step time, fused update vs composite elementwise ops, on LeNet-5's parameters "
                    + "and on 8.4 M parameters (SGD momentum, Adam, AdamW, RMSprop), next to PyTorch.")
    static final class Optim implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--sets", split = ",", defaultValue = "lenet5,large",
                description = "Parameter sets: lenet5, large (default: ${DEFAULT-VALUE}).")
        List<String> sets;

        @Option(names = "--optimizers", split = ",", defaultValue = "sgd,adam,adamw,rmsprop",
                description = "Optimizers (default: ${DEFAULT-VALUE}).")
        List<String> optimizers;

        @Option(names = "--rounds", defaultValue = "5", description = "Alternating rounds (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--no-compare", description = "Do not run scripts/bench_torch_optim.py (PyTorch).")
        boolean noCompare;

        @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with PyTorch.")
        String python;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            List<OptimBench.Result> ours = new ArrayList<>();
            for (String set : sets) {
                OptimBench.ParamSet ps = OptimBench.set(set);
                int steps = ps.count() > 1_000_000 ? 10 : 300;
                for (String opt : optimizers) {
                    OptimBench.Result r = OptimBench.run(ps, opt, rounds, steps);
                    out.println(r.format());
                    out.flush();
                    ours.add(r);
                }
            }
            if (noCompare) {
                return 0;
            }
            int t = Runtime.getRuntime().availableProcessors();
            Peer.Output torch = Peer.run(List.of(python, Peer.script("bench_torch_optim.py").toString(), "--sets",
                    String.join(",", sets), "--optimizers", String.join(",", optimizers), "--rounds",
                    Integer.toString(rounds), "--threads", Integer.toString(t)));
            out.print(torch.raw());
            out.println();
            out.println("ratio = pytorch us/step / netwright fused us/step (higher: ours faster; same run, " + t
                    + " threads)");
            for (OptimBench.Result r : ours) {
                Map<String, String> peer = torch.find(Map.of("set", r.set(), "opt", r.optimizer()));
                if (peer != null) {
                    double p = Double.parseDouble(peer.get("us"));
                    out.printf(Locale.ROOT, "  %-7s %-8s %10.1f vs %10.1f us/step  ratio %.2f  (fused %.2fx the "
                            + "composite update)%n", r.set(), r.optimizer(), r.fusedMicros(), p, p / r.fusedMicros(),
                            r.speedup());
                }
            }
            return 0;
        }
    }
}
