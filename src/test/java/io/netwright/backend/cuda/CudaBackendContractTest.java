package io.netwright.backend.cuda;

import io.netwright.backend.Backend;
import io.netwright.backend.BackendOptions;
import io.netwright.backend.BufferContract;
import io.netwright.backend.ConvPoolContract;
import io.netwright.backend.Device;
import io.netwright.backend.DeviceInfo;
import io.netwright.backend.Devices;
import io.netwright.backend.ElementwiseContract;
import io.netwright.backend.IndexingRandomContract;
import io.netwright.backend.MatmulContract;
import io.netwright.backend.ReduceContract;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared backend contract run against the CUDA backend for {@code cuda:0}, found through an ordinary
 * {@link Devices} registry (ServiceLoader), so this class compiles and runs before, and without, the CUDA backend's
 * classes. It runs in every {@code mvn verify} (tag {@code cuda}, not {@code gpu}): on the host emulation of the
 * driver in the build, on the real driver on a GPU machine. Where {@code cuda:0} is not available it is skipped,
 * never failed, and prints why ({@link Devices#probeAll()}).
 */
@Tag("cuda")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CudaBackendContractTest {

    private Backend backend;

    @BeforeAll
    void findCuda() {
        Devices registry = new Devices(BackendOptions.defaults());
        Device cuda = Device.cuda(0);
        if (!registry.isAvailable(cuda)) {
            String reason = registry.probeAll().stream().map(DeviceInfo::toString)
                    .collect(Collectors.joining("; "));
            System.out.println("CudaBackendContractTest skipped: " + cuda + " is not available — " + reason);
            Assumptions.abort(cuda + " is not available: " + reason);
        }
        backend = registry.backend(cuda);
        System.out.println("CudaBackendContractTest runs on " + backend.description());
    }

    @Nested
    class Buffers extends BufferContract {
        @Override
        protected Backend backend() {
            return backend;
        }
    }

    @Nested
    class Elementwise extends ElementwiseContract {
        @Override
        protected Backend backend() {
            return backend;
        }
    }

    @Nested
    class Reductions extends ReduceContract {
        @Override
        protected Backend backend() {
            return backend;
        }
    }

    @Nested
    class Optimizers extends io.netwright.backend.OptimizerContract {
        @Override
        protected Backend backend() {
            return backend;
        }
    }

    @Nested
    class Matmul extends MatmulContract {
        @Override
        protected Backend backend() {
            return backend;
        }
    }

    @Nested
    class ConvAndPool extends ConvPoolContract {
        @Override
        protected Backend backend() {
            return backend;
        }
    }

    @Nested
    class IndexingAndRandom extends IndexingRandomContract {
        @Override
        protected Backend backend() {
            return backend;
        }
    }
}
