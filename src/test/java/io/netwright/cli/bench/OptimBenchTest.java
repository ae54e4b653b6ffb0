package io.netwright.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code bench optim} times both arms of every optimizer and reports them in the peer script's format. */
class OptimBenchTest {

    @Test
    void lenet5HasItsParameterCountAndLargeItsEightMatrices() {
        assertEquals(61_706, OptimBench.LENET5.count());
        assertEquals(8 * (1024 * 1024 + 1024), OptimBench.LARGE.count());
    }

    @Test
    void everyOptimizerTimesBothArms() {
        for (String opt : OptimBench.OPTIMIZERS) {
            OptimBench.Result r = OptimBench.run(OptimBench.LENET5, opt, 1, 2);
            assertTrue(r.fusedMicros() > 0 && r.compositeMicros() > 0, r.format());
            assertTrue(r.format().startsWith("optim set=lenet5 opt=" + opt + " elements=61706 "), r.format());
        }
    }

    @Test
    void unknownNamesAreRefusedWithTheChoices() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OptimBench.set("vgg")).getMessage()
                .contains("lenet5 or large"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OptimBench.run(OptimBench.LENET5, "lamb", 1, 1))
                .getMessage().contains("sgd"));
    }
}
