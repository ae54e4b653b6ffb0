package io.netwright.backend.cuda;

import io.netwright.backend.Backend;
import io.netwright.backend.ConvPoolContract;
import io.netwright.backend.Device;
import io.netwright.backend.Devices;
import io.netwright.backend.ElementwiseContract;
import io.netwright.backend.IndexingRandomContract;
import io.netwright.backend.MatmulContract;
import io.netwright.backend.ReduceContract;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

/**
 * What the GPU check runs under {@code compute-sanitizer --tool memcheck} ({@code scripts/gpu-check-run.sh}): the
 * contract families that launch every kernel at least once (elementwise, reductions, matmul, conv/pool, indexing
 * and random), on small shapes, without the buffer family (no kernels). Selected by class there; its own tag keeps
 * it out of the ordinary {@code cuda} run and, as its name ends in neither Test nor Tests, out of surefire (the
 * same families run in {@link CudaBackendContractTest} in every build).
 */
@Tag("cuda-sanitizer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CudaSanitizerSubset {

    private Backend backend;

    @BeforeAll
    void findCuda() {
        Device cuda = Device.cuda(0);
        Assumptions.assumeTrue(Devices.shared().isAvailable(cuda), () -> "cuda:0 is not available — "
                + Devices.available());
        backend = Devices.backendFor(cuda);
        System.out.println("CudaSanitizerSubset runs on " + backend.description());
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
