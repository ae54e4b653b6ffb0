package io.netwright.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers in messages print as Python's repr(float) does (expected values produced by CPython 3). */
class PyFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1e-8, 1e-08", "0.001, 0.001", "1.0, 1.0", "-1.0, -1.0", "1e16, 1e+16", "123456789.0, 123456789.0",
        "0.0001, 0.0001", "1e-5, 1e-05", "0.1, 0.1", "-0.5, -0.5", "2.5e-7, 2.5e-07", "1.5e20, 1.5e+20",
        "0.0, 0.0", "-0.0, -0.0", "0.3333333333333333, 0.3333333333333333",
        "12345678901234567.0, 1.2345678901234568e+16", "9999999999999998.0, 9999999999999998.0", "1e22, 1e+22",
        "4.9e-324, 5e-324", "NaN, nan", "Infinity, inf", "-Infinity, -inf"})
    void formatsLikePythonRepr(double value, String python) {
        assertEquals(python, PyFormat.repr(value));
    }
}
