package io.netwright.cli.bench;

import io.netwright.backend.Backend;
import io.netwright.tensor.Cnn;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of {@code Cnn.conv2d} forward and backward on the default device, in GFLOP/s, for four reference layers:
 *
 * <ul>
 *   <li>{@link #LENET}: LeNet-5's second convolution (C3), 6 → 16 channels, 5x5 kernel on 14x14 maps, batch 64 —
 *       small matrices, many images: the GEMM is {@code [16 x 150] @ [150 x 6400]}.</li>
 *   <li>{@link #VGG}: a VGG/ResNet-style 3x3 layer, 64 → 64 channels, padding 1 on 56x56 maps, batch 8 —
 *       {@code [64 x 576] @ [576 x 25088]}, 1.85 GFLOP per forward pass.</li>
 *   <li>{@link #CONVNET_C2} and {@link #CONVNET_C4}: the two largest layers of {@code bench train}'s heavier net
 *       (32 and 64 channels, 3x3), where most of its training time goes.</li>
 * </ul>
 *
 * Flops are counted as PyTorch profilers do: forward {@code 2*N*OC*OH*OW*(C/groups)*kH*kW} (one multiply-add = 2),
 * backward twice that (input gradient and weight gradient; the bias sum is ignored). Each measurement runs
 * {@code warmup} untimed passes, then times {@code reps} passes and reports the median. The input, weight and bias
 * all require grad, as in training.
 *
 * <p>{@code scripts/bench_torch_conv.py} measures the same layers with PyTorch on the CPU and the same thread count;
 * {@code netwright bench conv} runs both in one go and prints the ratios.
 */
public final class ConvBench {

    /**
     * A convolution layer to measure: input {@code [n, c, h, w]}, {@code oc} output channels, square kernel.
     *
     * @param name    short name used in reports and to match the PyTorch script's lines
     * @param n       batch size
     * @param c       input channels
     * @param h       input height
     * @param w       input width
     * @param oc      output channels
     * @param k       kernel size (square)
     * @param stride  stride
     * @param padding zero padding
     */
    public record Layer(String name, int n, int c, int h, int w, int oc, int k, int stride, int padding) {

        /** Output height. */
        public int outH() {
            return (h + 2 * padding - k) / stride + 1;
        }

        /** Output width. */
        public int outW() {
            return (w + 2 * padding - k) / stride + 1;
        }

        /** Floating-point operations of one forward pass. */
        public double forwardFlops() {
            return 2.0 * n * oc * outH() * outW() * c * k * k;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: x[%d,%d,%d,%d] w[%d,%d,%d,%d] stride %d pad %d", name, n, c, h, w,
                    oc, c, k, k, stride, padding);
        }
    }

    /**
     * One layer's figures.
     *
     * @param layer        the layer measured
     * @param forwardMs    median forward time in milliseconds
     * @param backwardMs   median backward time in milliseconds
     * @param backend      the backend's description (GEMM library and thread count)
     */
    public record Result(Layer layer, double forwardMs, double backwardMs, String backend) {

        /** Forward GFLOP/s. */
        public double forwardGflops() {
            return layer.forwardFlops() / (forwardMs * 1e6);
        }

        /** Backward GFLOP/s (twice the forward flops). */
        public double backwardGflops() {
            return 2 * layer.forwardFlops() / (backwardMs * 1e6);
        }

        /** Forward + backward GFLOP/s. */
        public double totalGflops() {
            return 3 * layer.forwardFlops() / ((forwardMs + backwardMs) * 1e6);
        }

        /** One report line: {@code name fwd_ms=... bwd_ms=... fwd_gflops=... bwd_gflops=... total_gflops=...}. */
        public String line() {
            return String.format(Locale.ROOT, "%-12s fwd_ms=%.3f bwd_ms=%.3f fwd_gflops=%.2f bwd_gflops=%.2f "
                    + "total_gflops=%.2f", layer.name(), forwardMs, backwardMs, forwardGflops(), backwardGflops(),
                    totalGflops());
        }
    }

    /** LeNet-5 C3: 6 → 16 channels, 5x5, on 14x14, batch 64. */
    public static final Layer LENET = new Layer("lenet-c3", 64, 6, 14, 14, 16, 5, 1, 0);

    /** VGG/ResNet-style 3x3: 64 → 64 channels, padding 1, on 56x56, batch 8. */
    public static final Layer VGG = new Layer("vgg-3x3-64", 8, 64, 56, 56, 64, 3, 1, 1);

    /** The heavier benchmark net's second convolution: 32 → 32 channels, 3x3 padding 1 on 28x28, batch 64. */
    public static final Layer CONVNET_C2 = new Layer("convnet-c2", 64, 32, 28, 28, 32, 3, 1, 1);

    /** The heavier benchmark net's fourth convolution: 64 → 64 channels, 3x3 padding 1 on 14x14, batch 64. */
    public static final Layer CONVNET_C4 = new Layer("convnet-c4", 64, 64, 14, 14, 64, 3, 1, 1);

    private ConvBench() {
    }

    /**
     * Measures {@code layer}: {@code warmup} untimed forward+backward passes, then the median of {@code reps} timed
     * ones.
     */
    public static Result run(Layer layer, int warmup, int reps) {
        if (warmup < 0 || reps < 1) {
            throw new IllegalArgumentException("ConvBench: need warmup >= 0 and reps >= 1, got warmup=" + warmup
                    + " reps=" + reps);
        }
        Generator g = new Generator(2026);
        Tensor x = Tensor.randn(g, layer.n(), layer.c(), layer.h(), layer.w()).requiresGrad_();
        Tensor w = Tensor.randn(g, layer.oc(), layer.c(), layer.k(), layer.k()).mul(0.1).requiresGrad_();
        Tensor b = Tensor.randn(g, layer.oc()).requiresGrad_();
        Tensor gOut = Tensor.randn(g, layer.n(), layer.oc(), layer.outH(), layer.outW());
        Backend be = x.backend();
        int[] stride = {layer.stride()};
        int[] pad = {layer.padding()};
        int[] dil = {1};
        double[] fwd = new double[reps];
        double[] bwd = new double[reps];
        for (int i = -warmup; i < reps; i++) {
            x.zeroGrad();
            w.zeroGrad();
            b.zeroGrad();
            try (var scope = TensorScope.open()) {
                be.synchronize();
                long t0 = System.nanoTime();
                Tensor y = Cnn.conv2d(x, w, b, stride, pad, dil, 1);
                be.synchronize();
                long t1 = System.nanoTime();
                y.backward(gOut);
                be.synchronize();
                long t2 = System.nanoTime();
                if (i >= 0) {
                    fwd[i] = (t1 - t0) / 1e6;
                    bwd[i] = (t2 - t1) / 1e6;
                }
            }
        }
        return new Result(layer, median(fwd), median(bwd), be.description());
    }

    /** Both reference layers with default repetitions. */
    public static List<Result> runAll() {
        return List.of(run(LENET, 5, 20), run(VGG, 3, 10), run(CONVNET_C2, 3, 10), run(CONVNET_C4, 3, 10));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
