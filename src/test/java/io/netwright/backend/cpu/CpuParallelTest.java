package io.netwright.backend.cpu;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CpuParallelTest {

    @Test
    void forEachWithCallerRunsEveryItemOnceAndItemZeroOnTheCaller() {
        try (CpuParallel par = new CpuParallel(2)) {
            for (int n : new int[] {1, 2, 3, 7}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(n);
                AtomicReference<Thread> zero = new AtomicReference<>();
                par.forEachWithCaller(n, (from, to) -> {
                    assertEquals(from + 1, to);
                    runs.incrementAndGet(from);
                    if (from == 0) {
                        zero.set(Thread.currentThread());
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertEquals(1, runs.get(i), "item " + i + " of " + n);
                }
                assertSame(Thread.currentThread(), zero.get(), "n=" + n);
            }
        }
    }

    @Test
    void forEachWithCallerRethrowsAWorkersExceptionUnchangedAndNestsInsideWorkers() {
        try (CpuParallel par = new CpuParallel(2)) {
            IllegalArgumentException boom = new IllegalArgumentException("block 1 failed");
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> par.forEachWithCaller(2, (from, to) -> {
                        if (from == 1) {
                            throw boom;
                        }
                    }));
            assertSame(boom, thrown);
            AtomicIntegerArray runs = new AtomicIntegerArray(8);
            par.forRange(4, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int outer = i;
                    par.forEachWithCaller(2, (a, b) -> runs.incrementAndGet(outer * 2 + a));
                }
            });
            for (int i = 0; i < 8; i++) {
                assertEquals(1, runs.get(i), "nested item " + i);
            }
        }
    }
}
