package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void learningRatesPrintInOneStyleAtEveryMagnitude() {
        assertEquals("1e-6", NumberText.compact(1e-6));
        assertEquals("2.5e-5", NumberText.compact(2.5e-5));
        assertEquals("0.0001", NumberText.compact(1e-4), "plain from 1e-4 up");
        assertEquals("0.001", NumberText.compact(0.001));
        assertEquals("0.05", NumberText.compact(0.05));
        assertEquals("3", NumberText.compact(3.0));
        assertEquals("1e9", NumberText.compact(1e9));
        assertEquals("-1", NumberText.compact(-1.0));
        assertEquals("0.1", NumberText.compact(0.1), "shortest round-trip digits, not 0.1000000000000000055");
    }

    @Test
    void optimizerSummariesUseIt() {
        assertEquals("SGD(lr=1e9, momentum=0.9)", OptimizerConfig.sgd(1e9, 0.9).summary());
        assertEquals("SGD(lr=1e-6, momentum=0.9)", OptimizerConfig.sgd(1e-6, 0.9).summary());
    }
}
