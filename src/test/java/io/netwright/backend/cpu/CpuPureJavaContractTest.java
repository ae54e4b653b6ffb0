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
 * The shared backend contract run against the pure-Java CPU paths on one thread ({@code new BackendOptions(1,
 * false)}: no OpenBLAS, no native kernels, no fused convolutions), compared with the default CPU reference, so
 * the Java fallbacks and the native kernels are held to the same results.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CpuPureJavaContractTest {

    private final CpuBackend backend = new CpuBackend(new BackendOptions(1, false));

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
