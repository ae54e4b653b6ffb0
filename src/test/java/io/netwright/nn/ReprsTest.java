package io.netwright.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Python's number formatting, which every printed layer depends on. */
class ReprsTest {

    @Test
    void floatsPrintLikePythonRepr() {
        assertEquals("1e-05", Reprs.pyFloat(1e-5));
        assertEquals("0.0001", Reprs.pyFloat(1e-4));
        assertEquals("0.001", Reprs.pyFloat(0.001));
        assertEquals("0.1", Reprs.pyFloat(0.1));
        assertEquals("0.5", Reprs.pyFloat(0.5));
        assertEquals("2.0", Reprs.pyFloat(2));
        assertEquals("-1.5", Reprs.pyFloat(-1.5));
        assertEquals("123456.789", Reprs.pyFloat(123456.789));
        assertEquals("1e-10", Reprs.pyFloat(1e-10));
        assertEquals("2.5e-07", Reprs.pyFloat(2.5e-7));
        assertEquals("1e+16", Reprs.pyFloat(1e16));
        assertEquals("1000000000000000.0", Reprs.pyFloat(1e15));
        assertEquals("0.0", Reprs.pyFloat(0));
    }

    @Test
    void tuplesPrintLikePython() {
        assertEquals("(10,)", Reprs.tuple(10));
        assertEquals("(5, 5)", Reprs.tuple(5, 5));
        assertEquals("2", Reprs.intOrTuple(new int[]{2}, true));
        assertEquals("(2, 3)", Reprs.intOrTuple(new int[]{2, 3}, false));
    }
}
