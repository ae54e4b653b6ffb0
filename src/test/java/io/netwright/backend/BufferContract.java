package io.netwright.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Contract of buffers and host copies: zero-filled allocation, lengths, ownership, double close, use after close
 * (the reference throws {@link IllegalStateException}, so must every backend), copy-in bounds and the conversions
 * of {@code copyOutFloat}/{@code copyOutLong}.
 */
public abstract class BufferContract extends BackendContract {

    @Test
    void allocateZeroFillsEveryDtypeAndReportsItsOwner() {
        for (DType t : DType.values()) {
            for (int n : new int[]{1, 5, 100_003}) {
                Buffer buf = backend().allocate(t, n);
                assertSame(backend(), buf.backend());
                assertEquals(t, buf.dtype());
                assertEquals(n, buf.length());
                assertFalse(buf.isClosed());
                assertArrayEquals(new long[n], backend().copyOutLong(View.contiguous(buf, n)), t + "[" + n + "]");
                buf.close();
            }
        }
    }

    @Test
    void allocateOfLengthZeroGivesAnEmptyBuffer() {
        Buffer buf = backend().allocate(DType.FLOAT32, 0);
        assertEquals(0, buf.length());
        assertEquals(0, backend().copyOutFloat(View.contiguous(buf, 0)).length);
        buf.close();
    }

    @Test
    void allocateUninitializedHasTheRequestedLengthAndDtype() {
        for (DType t : DType.values()) {
            Buffer buf = backend().allocateUninitialized(t, 1234);
            assertEquals(1234, buf.length());
            assertEquals(t, buf.dtype());
            backend().fill(View.contiguous(buf, 1234), 1);
            assertArrayEquals(filled(1234, 1), backend().copyOutLong(View.contiguous(buf, 1234)));
            buf.close();
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        Buffer buf = backend().allocate(DType.FLOAT32, 16);
        buf.close();
        assertTrue(buf.isClosed());
        buf.close();
        assertTrue(buf.isClosed());
    }

    @Test
    void aClosedBufferUsedInAnOpThrowsIllegalStateLikeTheReference() {
        for (Backend b : new Backend[]{reference(), backend()}) {
            Buffer x = b.allocate(DType.FLOAT32, 4);
            Buffer out = b.allocate(DType.FLOAT32, 4);
            x.close();
            assertThrows(IllegalStateException.class,
                    () -> { b.unary(UnaryOp.NEG, View.contiguous(x, 4), View.contiguous(out, 4), 0, 0);
                        b.synchronize(); }, b.description() + ": unary on a closed input");
            assertThrows(IllegalStateException.class, () -> b.copyOutFloat(View.contiguous(x, 4)),
                    b.description() + ": copyOut of a closed buffer");
            out.close();
            assertThrows(IllegalStateException.class, () -> b.fill(View.contiguous(out, 4), 1),
                    b.description() + ": fill of a closed output");
        }
    }

    @Test
    void copyInOutsideTheBufferThrowsIndexOutOfBounds() {
        for (Backend b : new Backend[]{reference(), backend()}) {
            Buffer buf = b.allocate(DType.FLOAT32, 4);
            assertThrows(IndexOutOfBoundsException.class, () -> b.copyIn(new float[3], buf, 2), b.description());
            assertThrows(IndexOutOfBoundsException.class, () -> b.copyIn(new float[1], buf, -1), b.description());
            buf.close();
        }
    }

    @Test
    void copyInAtAnOffsetAndCopyOutConvertLikeTheReference() {
        Buffer f = backend().allocate(DType.FLOAT32, 6);
        backend().copyIn(new float[]{2.9f, -2.9f, Float.NaN, 0.5f}, f, 2);
        float[] got = backend().copyOutFloat(View.contiguous(f, 6));
        assertArrayEquals(new float[]{0, 0, 2.9f, -2.9f, Float.NaN, 0.5f}, got);
        assertArrayEquals(new long[]{0, 0, 2, -2, 0, 0}, backend().copyOutLong(View.contiguous(f, 6)),
                "FLOAT32 -> long truncates toward zero, NaN -> 0");
        Buffer z = backend().allocate(DType.BOOL, 3);
        backend().copyIn(new boolean[]{true, false, true}, z, 0);
        assertArrayEquals(new float[]{1, 0, 1}, backend().copyOutFloat(View.contiguous(z, 3)));
        Buffer l = backend().allocate(DType.INT64, 3);
        backend().copyIn(new long[]{-5, 1L << 40, 7}, l, 0);
        assertArrayEquals(new long[]{-5, 1L << 40, 7}, backend().copyOutLong(View.contiguous(l, 3)));
        assertArrayEquals(new float[]{7, -5}, backend().copyOutFloat(new View(l, 2, new int[]{2}, new int[]{-2})),
                "copyOut follows negative strides");
        f.close();
        z.close();
        l.close();
    }

    @Test
    void copyOutOfRankZeroAndBroadcastViewsIsRowMajor() {
        Buffer f = backend().allocate(DType.FLOAT32, 3);
        backend().copyIn(new float[]{1, 2, 3}, f, 0);
        assertArrayEquals(new float[]{2}, backend().copyOutFloat(new View(f, 1, new int[0], new int[0])));
        assertArrayEquals(new float[]{1, 2, 3, 1, 2, 3},
                backend().copyOutFloat(new View(f, 0, new int[]{2, 3}, new int[]{0, 1})));
        f.close();
    }

    private static long[] filled(int n, long v) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
