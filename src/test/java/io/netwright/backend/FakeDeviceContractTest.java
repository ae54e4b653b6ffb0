package io.netwright.backend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared backend contract run against {@link FakeDeviceBackend} ({@code cuda:7} computing on the CPU and
 * refusing foreign buffers): proves the suite keeps the reference's and the device's buffers apart and never
 * assumes the backend under test is a CPU backend.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeDeviceContractTest {

    private final FakeDeviceBackend backend = new FakeDeviceBackend(Device.cuda(7));

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
