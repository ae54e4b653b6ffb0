package io.netwright.backend.cpu;

import io.netwright.backend.Backend;
import io.netwright.backend.BackendOptions;
import io.netwright.backend.BackendProvider;
import io.netwright.backend.Device;
import io.netwright.backend.DeviceInfo;
import io.netwright.backend.Devices;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuBackendProviderTest {

    @Test
    void probeFindsOneDeviceAndNamesTheGemm() {
        BackendProvider.Probe p = new CpuBackendProvider().probe();
        assertEquals(1, p.deviceCount());
        assertTrue(p.detail().matches("(OpenBLAS \\S+|pure-Java GEMM \\(OpenBLAS failed to load: .*\\)) \\(\\d+ threads?\\)"),
                p.detail());
    }

    @Test
    void serviceLoaderFindsTheCpuBackend() {
        Devices devices = new Devices(new BackendOptions(1, false));
        List<DeviceInfo> infos = devices.probeAll();
        assertTrue(infos.stream().anyMatch(i -> i.kind() == Device.Kind.CPU && i.available() && i.devices() == 1),
                infos.toString());
        Backend b = devices.backend(Device.cpu());
        assertInstanceOf(CpuBackend.class, b);
        assertEquals(Device.cpu(), b.device());
        assertEquals("cpu (pure-Java GEMM, 1 thread)", b.description());
        ((CpuBackend) b).close();
    }
}
