package io.netwright.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.netwright.backend.Backend;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Layer-level device contract: every layer runs forward and backward on the CPU and, with the same weights and
 * inputs, on the device of {@link #deviceBackend()} after {@link Module#to}; the outputs, the input gradient, every
 * parameter gradient and every buffer (BatchNorm running statistics) must agree, and every one of them must live
 * on the device (a tensor silently created on the CPU fails the test, or fails earlier with the frontend's
 * "different devices" error). Subclasses name the device: a fake one in every build, CUDA where it exists.
 */
public abstract class DeviceParityTest {

    /** Forward outputs and gradients: float32 sums in a different order on another device. */
    private static final double TOL = 1e-4;

    /** The backend of the device under test. */
    protected abstract Backend deviceBackend();

    /** One layer case: how to build the module, its input shape, and (for losses) the target. */
    private record Case(String name, Supplier<Module> module, int[] input, Supplier<Tensor> target, boolean eval,
                        Generator rng) {
        Case(String name, Supplier<Module> module, int[] input, Supplier<Tensor> target, boolean eval) {
            this(name, module, input, target, eval, null);
        }
    }

    private static List<Case> cases() {
        Generator drop = new Generator(3);
        List<Case> c = new ArrayList<>();
        c.add(new Case("Conv2d stride 2 padding 1", () -> new Conv2d(3, 4, 3, 2, 1), new int[]{2, 3, 9, 8}, null,
                false));
        c.add(new Case("Conv2d groups 2", () -> Conv2d.builder(4, 6, 3).groups(2).padding(1).build(),
                new int[]{2, 4, 6, 6}, null, false));
        c.add(new Case("ConvTranspose2d", () -> new ConvTranspose2d(3, 2, 3, 2, 1), new int[]{2, 3, 5, 5}, null,
                false));
        c.add(new Case("Linear", () -> new Linear(7, 5), new int[]{4, 7}, null, false));
        c.add(new Case("BatchNorm2d train", () -> new BatchNorm2d(3), new int[]{4, 3, 5, 5}, null, false));
        c.add(new Case("BatchNorm2d eval", () -> new BatchNorm2d(3), new int[]{4, 3, 5, 5}, null, true));
        c.add(new Case("MaxPool2d", () -> new MaxPool2d(3, 2, 1), new int[]{2, 3, 9, 9}, null, false));
        c.add(new Case("AvgPool2d", () -> new AvgPool2d(3, 2, 1), new int[]{2, 3, 9, 9}, null, false));
        c.add(new Case("AdaptiveAvgPool2d", () -> new AdaptiveAvgPool2d(3), new int[]{2, 3, 7, 8}, null, false));
        c.add(new Case("ReLU", ReLU::new, new int[]{3, 11}, null, false));
        c.add(new Case("LeakyReLU", () -> new LeakyReLU(0.1), new int[]{3, 11}, null, false));
        c.add(new Case("GELU", GELU::new, new int[]{3, 11}, null, false));
        c.add(new Case("SiLU", SiLU::new, new int[]{3, 11}, null, false));
        c.add(new Case("Sigmoid", Sigmoid::new, new int[]{3, 11}, null, false));
        c.add(new Case("Tanh", Tanh::new, new int[]{3, 11}, null, false));
        c.add(new Case("ELU", ELU::new, new int[]{3, 11}, null, false));
        c.add(new Case("Dropout seeded", () -> new Dropout(0.4, drop), new int[]{4, 50}, null, false, drop));
        c.add(new Case("Softmax", () -> new Softmax(1), new int[]{3, 6}, null, false));
        c.add(new Case("LogSoftmax", () -> new LogSoftmax(1), new int[]{3, 6}, null, false));
        c.add(new Case("CrossEntropyLoss", CrossEntropyLoss::new, new int[]{5, 4},
                () -> Tensor.ofLongs(new long[]{0, 3, 1, 1, 2}, 5), false));
        c.add(new Case("MSELoss", MSELoss::new, new int[]{3, 4}, () -> Tensor.randn(new Generator(8), 3, 4), false));
        c.add(new Case("Flatten", Flatten::new, new int[]{2, 3, 2, 2}, null, false));
        c.add(new Case("Upsample nearest", () -> new Upsample(null, new double[]{2, 2}, "nearest", null),
                new int[]{1, 2, 3, 3}, null, false));
        c.add(new Case("Upsample bilinear", () -> new Upsample(null, new double[]{2, 2}, "bilinear", false),
                new int[]{1, 2, 3, 3}, null, false));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyLayerAgreesWithTheCpuAndStaysOnTheDevice() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> parity(c)));
    }

    /** What one run produced, by name, as host floats, plus where each tensor lived. */
    private record Run(Map<String, float[]> values, Map<String, String> devices) {
    }

    private void parity(Case c) {
        Module m = c.module().get();
        if (c.eval()) {
            // Non-trivial running statistics, so eval mode is not the identity.
            BatchNorm2d bn = (BatchNorm2d) m;
            bn.runningMean().copy_(Tensor.randn(new Generator(4), bn.runningMean().shape().dims()));
            bn.runningVar().copy_(Tensor.rand(new Generator(5), bn.runningVar().shape().dims()).add(0.5));
            m.eval();
        }
        Map<String, Tensor> snapshot = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> snapshot.put(k, v.clone()));
        Tensor x = Tensor.randn(new Generator(1), c.input());
        Tensor target = c.target() == null ? null : c.target().get();
        Run cpu = run(m, c, x, target, null);
        m.zeroGrad();
        m.loadStateDict(snapshot, true);
        Run dev = run(m.to(deviceBackend()), c, x, target, deviceBackend());
        String want = deviceBackend().device().toString();
        dev.devices().forEach((k, d) -> assertEquals(want, d, c.name() + ": " + k + " is not on the device"));
        assertEquals(cpu.values().keySet(), dev.values().keySet(), c.name() + ": tensors compared");
        for (var e : cpu.values().entrySet()) {
            float[] a = dev.values().get(e.getKey());
            float[] b = e.getValue();
            assertEquals(b.length, a.length, c.name() + " " + e.getKey());
            for (int i = 0; i < b.length; i++) {
                if (!(Math.abs(a[i] - b[i]) <= TOL * Math.max(1, Math.abs(b[i])))) {
                    fail(c.name() + ": " + e.getKey() + "[" + i + "] cpu " + b[i] + " but device " + a[i]);
                }
            }
        }
    }

    private static Run run(Module m, Case c, Tensor hostX, Tensor hostTarget, Backend device) {
        if (c.rng() != null) {
            c.rng().manualSeed(3); // the same dropout mask on both devices
        }
        Tensor x = (device == null ? hostX.clone() : hostX.to(device)).requiresGrad_(true);
        Tensor out;
        if (m instanceof Loss loss) {
            out = loss.forward(x, device == null ? hostTarget : hostTarget.to(device));
        } else {
            out = m.call(x);
        }
        // A fixed random projection makes every output element matter to the gradients.
        Tensor r = Tensor.randn(new Generator(2), out.shape().dims());
        out.mul(device == null ? r : r.to(device)).sum().backward();
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, String> devices = new LinkedHashMap<>();
        record(values, devices, "output", out);
        assertNotNull(x.grad(), c.name() + ": no input gradient");
        record(values, devices, "input.grad", x.grad());
        m.namedParameters().forEach((k, p) -> {
            record(values, devices, k, p.data());
            assertNotNull(p.grad(), c.name() + ": no gradient for " + k);
            record(values, devices, k + ".grad", p.grad());
        });
        m.namedBuffers().forEach((k, b) -> {
            if (b != null) {
                record(values, devices, k, b);
            }
        });
        return new Run(values, devices);
    }

    private static void record(Map<String, float[]> values, Map<String, String> devices, String k, Tensor t) {
        values.put(k, t.toFloatArray());
        devices.put(k, t.device().toString());
    }
}
