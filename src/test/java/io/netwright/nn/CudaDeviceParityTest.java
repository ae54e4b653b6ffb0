package io.netwright.nn;

import io.netwright.backend.Backend;
import io.netwright.backend.Device;
import io.netwright.backend.DeviceInfo;
import io.netwright.backend.Devices;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/** {@link DeviceParityTest} on {@code cuda:0}; skipped, printing why, where it is not available. */
@Tag("cuda")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CudaDeviceParityTest extends DeviceParityTest {

    private Backend cuda;

    @BeforeAll
    void findCuda() {
        Device d = Device.cuda(0);
        if (!Devices.shared().isAvailable(d)) {
            String reason = Devices.available().stream().map(DeviceInfo::toString).collect(Collectors.joining("; "));
            System.out.println("CudaDeviceParityTest skipped: " + d + " is not available — " + reason);
            Assumptions.abort(d + " is not available: " + reason);
        }
        cuda = Devices.backendFor(d);
    }

    @Override
    protected Backend deviceBackend() {
        return cuda;
    }
}
