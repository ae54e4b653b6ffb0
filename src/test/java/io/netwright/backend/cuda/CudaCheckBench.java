package io.netwright.backend.cuda;

import io.netwright.backend.Device;
import io.netwright.backend.Devices;
import io.netwright.nn.Conv2d;
import io.netwright.nn.CrossEntropyLoss;
import io.netwright.nn.Flatten;
import io.netwright.nn.Linear;
import io.netwright.nn.MaxPool2d;
import io.netwright.nn.Module;
import io.netwright.nn.ReLU;
import io.netwright.nn.Sequential;
import io.netwright.optim.SGD;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;

import java.util.Locale;
import java.util.Random;

/**
 * The GPU benchmarks of the GPU check ({@code scripts/gpu-check-run.sh}), printed as table rows next to
 * {@code scripts/bench_torch_gpu.py}'s PyTorch twin on the same GPU: FP32 SGEMM at n = 1024, 2048, 4096 (our tiled
 * kernel) and LeNet-5 training steps on a fixed synthetic batch of 64 (SGD, momentum 0.9), with kernel launches per
 * step. On the host CUDA driver of the tests it refuses unless {@code --allow-emulator} is given, and then says that
 * its figures measure nothing about GPU speed.
 */
public final class CudaCheckBench {

    private CudaCheckBench() {
    }

    /** Runs the benchmarks on cuda:0; {@code --allow-emulator} permits the host test driver (tiny sizes). */
    public static void main(String[] args) {
        boolean allowEmulator = java.util.Arrays.asList(args).contains("--allow-emulator");
        Device cuda = Device.cuda(0);
        if (!Devices.shared().isAvailable(cuda)) {
            System.out.println("CudaCheckBench: cuda:0 is not available — " + Devices.available());
            System.exit(1);
        }
        CudaBackend gpu = (CudaBackend) Devices.backendFor(cuda);
        boolean emulated = gpu.context().name().equals("Netwright host emulator");
        if (emulated && !allowEmulator) {
            System.out.println("CudaCheckBench: cuda:0 is the host CUDA driver of the tests; its figures measure "
                    + "nothing about GPU speed — pass --allow-emulator to run it anyway");
            System.exit(2);
        }
        System.out.println("# netwright on " + gpu.description()
                + (emulated ? " — EMULATED ON THE CPU: these figures measure nothing about GPU speed" : ""));
        int[] sizes = emulated ? new int[] {128} : new int[] {1024, 2048, 4096};
        for (int n : sizes) {
            sgemm(gpu, n, emulated ? 2 : 20);
        }
        lenet(gpu, emulated ? 3 : 200, 64);
    }

    private static void sgemm(CudaBackend gpu, int n, int reps) {
        Generator g = new Generator(7);
        Tensor a = Tensor.randn(g, n, n).to(gpu);
        Tensor b = Tensor.randn(g, n, n).to(gpu);
        for (int i = 0; i < 3; i++) {
            try (var s = TensorScope.open()) {
                a.matmul(b);
            }
        }
        gpu.synchronize();
        long t = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            try (var s = TensorScope.open()) {
                a.matmul(b);
            }
        }
        gpu.synchronize();
        double sec = (System.nanoTime() - t) / 1e9 / reps;
        System.out.printf(Locale.ROOT, "| sgemm %dx%dx%d | netwright cuda | %.1f GFLOP/s |%n", n, n, n,
                2.0 * n * n * n / sec / 1e9);
        a.close();
        b.close();
    }

    private static Module lenet5() {
        return new Sequential(new Conv2d(1, 6, 5, 1, 2), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(400, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, 10));
    }

    private static void lenet(CudaBackend gpu, int steps, int batch) {
        Module m = lenet5();
        m.to(gpu);
        SGD opt = new SGD(m.parameters(), new SGD.Options().lr(0.05).momentum(0.9));
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        Tensor x = Tensor.randn(new Generator(1), batch, 1, 28, 28).to(gpu);
        long[] labels = new long[batch];
        Random r = new Random(2);
        for (int i = 0; i < batch; i++) {
            labels[i] = r.nextInt(10);
        }
        Tensor y = Tensor.ofLongs(labels, batch).to(gpu);
        int warm = Math.min(20, steps);
        long t = 0;
        long launches = 0;
        for (int i = 0; i < steps + warm; i++) {
            if (i == warm) {
                gpu.synchronize();
                t = System.nanoTime();
                launches = gpu.launches();
            }
            try (var s = TensorScope.open()) {
                opt.zeroGrad();
                Tensor loss = lossFn.forward(m.call(x), y);
                loss.backward();
                opt.step();
            }
        }
        gpu.synchronize();
        double sec = (System.nanoTime() - t) / 1e9 / steps;
        System.out.printf(Locale.ROOT, "| lenet5 train step b%d | netwright cuda | %.3f ms/step | %.0f images/s | "
                + "%d launches/step |%n", batch, sec * 1e3, batch / sec, (gpu.launches() - launches) / steps);
    }
}
