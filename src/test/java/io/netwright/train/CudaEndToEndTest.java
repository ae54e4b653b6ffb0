package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netwright.backend.Backend;
import io.netwright.backend.Device;
import io.netwright.backend.DeviceInfo;
import io.netwright.backend.Devices;
import io.netwright.nn.Module;
import io.netwright.tensor.Tensor;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * LeNet-5 trained 20 steps with SGD (momentum) on {@code cuda:0} and on the CPU from the same seed and weights:
 * the losses must agree within 1e-4. Tagged {@code cuda}: runs in every build on the driver emulation, on a GPU
 * against the real driver, and is skipped (printing why) where {@code cuda:0} is unavailable.
 */
@Tag("cuda")
class CudaEndToEndTest {

    @Test
    void lenet5LossesOnCudaMatchTheCpuForTwentySgdSteps() {
        Device cuda = Device.cuda(0);
        if (!Devices.shared().isAvailable(cuda)) {
            String reason = Devices.available().stream().map(DeviceInfo::toString).collect(Collectors.joining("; "));
            System.out.println("CudaEndToEndTest skipped: " + cuda + " is not available — " + reason);
            Assumptions.abort(cuda + " is not available: " + reason);
        }
        Backend gpu = Devices.backendFor(cuda);
        Module model = DeviceTraining.lenet5();
        Map<String, Tensor> initial = DeviceTraining.snapshot(model);
        double[] cpu = DeviceTraining.losses(model, initial, Devices.backendFor(Device.cpu()));
        double[] dev = DeviceTraining.losses(model, initial, gpu);
        for (int i = 0; i < cpu.length; i++) {
            assertEquals(cpu[i], dev[i], 1e-4 * Math.max(1, Math.abs(cpu[i])), "loss at step " + i);
        }
    }
}
