package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netwright.backend.Device;
import io.netwright.backend.Devices;
import io.netwright.backend.FakeDeviceBackend;
import io.netwright.nn.Module;
import io.netwright.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link CudaEndToEndTest} loop on {@link FakeDeviceBackend}, in every build: a whole forward, backward and
 * SGD-with-momentum step must stay on the device (any tensor created on the CPU from a device tensor makes the
 * fake backend refuse it) and give the CPU's losses.
 */
class FakeDeviceTrainingTest {

    @Test
    void lenet5TrainsOnAnotherDeviceWithTheCpuLosses() {
        try (FakeDeviceBackend fake = new FakeDeviceBackend(Device.cuda(7))) {
            Module model = DeviceTraining.lenet5();
            Map<String, Tensor> initial = DeviceTraining.snapshot(model);
            double[] cpu = DeviceTraining.losses(model, initial, Devices.backendFor(Device.cpu()));
            double[] dev = DeviceTraining.losses(model, initial, fake);
            for (int i = 0; i < cpu.length; i++) {
                assertEquals(cpu[i], dev[i], 1e-4 * Math.max(1, Math.abs(cpu[i])), "loss at step " + i);
            }
        }
    }
}
