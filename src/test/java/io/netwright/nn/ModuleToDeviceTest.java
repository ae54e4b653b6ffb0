package io.netwright.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.backend.Device;
import io.netwright.backend.FakeDeviceBackend;
import io.netwright.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Module#to}: in-place moves that keep parameter identity and state-dict keys, and the device checks. */
class ModuleToDeviceTest {

    private static Sequential net() {
        return new Sequential(new Conv2d(2, 3, 3), new BatchNorm2d(3), new ReLU(), new Flatten(), new Linear(12, 4));
    }

    @Test
    void movingToTheCpuLeavesAModuleOnTheCpuUnchanged() {
        Sequential m = net();
        List<Parameter> before = m.parameters();
        Map<String, Tensor> state = m.stateDict();
        float[] w = before.get(0).data().toFloatArray();
        assertSame(m, m.to(Device.cpu()));
        assertEquals(before, m.parameters());
        assertEquals(state.keySet(), m.stateDict().keySet());
        assertArrayEquals(w, m.parameters().get(0).data().toFloatArray());
    }

    @Test
    void paddingStaysOnTheInputsOwnBackend() {
        try (FakeDeviceBackend fake = new FakeDeviceBackend(Device.cuda(7))) {
            Tensor x = Tensor.ones(1, 1, 2, 2).to(fake);
            Tensor y = new ZeroPad2d(1).call(x);
            assertSame(fake, y.backend(), "ZeroPad2d allocated its output on another backend");
            assertEquals(4f, y.sum().item(), 0f);
            assertArrayEquals(new int[] {1, 1, 4, 4}, y.sizes());
        }
    }

    @Test
    void movingToAnotherDeviceKeepsParametersStateDictKeysAndValues() {
        try (FakeDeviceBackend fake = new FakeDeviceBackend(Device.cuda(7))) {
            Sequential m = net();
            List<Parameter> params = m.parameters();
            List<Tensor> tensors = params.stream().map(Parameter::data).toList();
            Map<String, Tensor> state = m.stateDict();
            Map<String, float[]> values = new java.util.LinkedHashMap<>();
            state.forEach((k, v) -> values.put(k, v.toFloatArray()));
            m.to(fake);
            assertEquals(params, m.parameters(), "the same Parameter objects");
            for (int i = 0; i < params.size(); i++) {
                assertSame(tensors.get(i), m.parameters().get(i).data(), "the same tensor objects");
                assertTrue(m.parameters().get(i).requiresGrad());
            }
            assertEquals(state.keySet(), m.stateDict().keySet());
            m.stateDict().forEach((k, v) -> {
                assertEquals(Device.cuda(7), v.device(), k);
                assertArrayEquals(values.get(k), v.toFloatArray(), k);
            });
            m.to(Device.cpu());
            m.stateDict().forEach((k, v) -> assertEquals(Device.cpu(), v.device(), k));
        }
    }

    @Test
    void anOpMixingDevicesThrowsNamingBoth() {
        try (FakeDeviceBackend fake = new FakeDeviceBackend(Device.cuda(7))) {
            Tensor a = Tensor.ones(2, 2);
            Tensor b = Tensor.ones(2, 2).to(fake);
            for (var op : List.<Runnable>of(() -> a.add(b), () -> a.matmul(b), () -> b.mul(a))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, op::run);
                assertTrue(e.getMessage().contains("cpu and cuda:7") || e.getMessage().contains("cuda:7 and cpu"),
                        e.getMessage());
                assertTrue(e.getMessage().contains(".to(device)"), e.getMessage());
            }
            Module lin = new Linear(2, 3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> lin.call(b));
            assertTrue(e.getMessage().contains("different devices") || e.getMessage().contains("same device"),
                    e.getMessage());
        }
    }
}
