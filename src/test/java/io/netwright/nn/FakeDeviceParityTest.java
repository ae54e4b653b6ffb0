package io.netwright.nn;

import io.netwright.backend.Backend;
import io.netwright.backend.Device;
import io.netwright.backend.FakeDeviceBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link DeviceParityTest} on {@link FakeDeviceBackend} ({@code cuda:7} computing on the CPU): runs in every build
 * and catches any layer, gradient rule or helper that creates a tensor on the default CPU device instead of its
 * input's device.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeDeviceParityTest extends DeviceParityTest {

    private final FakeDeviceBackend fake = new FakeDeviceBackend(Device.cuda(7));

    @Override
    protected Backend deviceBackend() {
        return fake;
    }

    @AfterAll
    void close() {
        fake.close();
    }
}
