package io.netwright.backend.cpu;

import io.netwright.backend.Backend;
import io.netwright.backend.BackendOptions;
import io.netwright.backend.BufferContract;
import io.netwright.backend.ConvPoolContract;
import io.netwright.backend.ElementwiseContract;
import io.netwright.backend.IndexingRandomContract;
import io.netwright.backend.MatmulContract;
import io.netwright.backend.ReduceContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared backend contract run against a second CPU backend with default options (OpenBLAS and the native
 * kernels where they load, all cores). It checks the suite itself as much as the backend: every comparison with
 * the reference must hold exactly where the code paths are the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CpuBackendContractTest {

    private final CpuBackend backend = new CpuBackend(BackendOptions.defaults());

    @AfterAll
    void close() {
        backend.close();
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
