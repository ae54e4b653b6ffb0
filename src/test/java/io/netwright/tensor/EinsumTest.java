package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EinsumTest {

    private static final Tensor A = Tensor.of(new float[][]{{1, 2, 3}, {4, 5, 6}});

    private static float[] f(float... v) {
        return v;
    }

    private static void assertValues(float[] expected, int[] shape, Tensor t) {
        assertArrayEquals(shape, t.sizes(), "shape");
        assertArrayEquals(expected, t.toFloatArray(), 1e-4f);
    }

    /** Checks einsum against {@link #reference} on the same operands (explicit equations only). */
    private static void assertMatchesReference(String eq, Tensor... ops) {
        Tensor r = Tensor.einsum(eq, ops);
        float[] expected = reference(eq, ops);
        assertEquals(expected.length, r.numel(), "numel");
        assertArrayEquals(expected, r.toFloatArray(), 1e-4f, eq);
    }

    /**
     * The definition of einsum, literally: loop over every assignment of every subscript and add the product of the
     * operand entries into the output entry. Explicit equations of plain letters only.
     */
    private static float[] reference(String eq, Tensor... ops) {
        String[] sides = eq.split("->");
        String[] terms = sides[0].split(",");
        String out = sides.length > 1 ? sides[1] : "";
        Map<Character, Integer> size = new LinkedHashMap<>();
        float[][] data = new float[ops.length][];
        for (int i = 0; i < ops.length; i++) {
            data[i] = ops[i].toFloatArray();
            for (int p = 0; p < terms[i].length(); p++) {
                size.put(terms[i].charAt(p), ops[i].size(p));
            }
        }
        List<Character> letters = new ArrayList<>(size.keySet());
        int outNumel = 1;
        for (char c : out.toCharArray()) {
            outNumel *= size.get(c);
        }
        double[] acc = new double[outNumel];
        int[] at = new int[letters.size()];
        while (true) {
            double prod = 1;
            for (int i = 0; i < ops.length; i++) {
                prod *= data[i][flat(terms[i], letters, at, size)];
            }
            acc[flat(out, letters, at, size)] += prod;
            int k = letters.size() - 1;
            while (k >= 0 && ++at[k] == size.get(letters.get(k))) {
                at[k--] = 0;
            }
            if (k < 0) {
                break;
            }
        }
        float[] r = new float[outNumel];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) acc[i];
        }
        return r;
    }

    private static int flat(String term, List<Character> letters, int[] at, Map<Character, Integer> size) {
        int idx = 0;
        for (char c : term.toCharArray()) {
            idx = idx * size.get(c) + at[letters.indexOf(c)];
        }
        return idx;
    }

    private static void assertMessage(String part, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
    }

    // ================================================================ forward, hand-checked

    @Test
    void transposeAndSums() {
        assertValues(f(1, 4, 2, 5, 3, 6), new int[]{3, 2}, Tensor.einsum("ij->ji", A));
        assertValues(f(21), new int[0], Tensor.einsum("ij->", A));
        assertValues(f(5, 7, 9), new int[]{3}, Tensor.einsum("ij->j", A));
        assertValues(f(6, 15), new int[]{2}, Tensor.einsum("i j -> i", A));
        assertValues(f(1, 4, 2, 5, 3, 6), new int[]{3, 2}, Tensor.einsum("ba", A));   // implicit output "ab"
    }

    @Test
    void matrixProductOuterAndDot() {
        Tensor b = Tensor.of(new float[][]{{1, 0}, {0, 1}, {1, 1}});
        assertValues(f(4, 5, 10, 11), new int[]{2, 2}, Tensor.einsum("ik,kj->ij", A, b));
        assertValues(f(4, 5, 10, 11), new int[]{2, 2}, Tensor.einsum("ik,kj", A, b));
        assertValues(f(4, 10, 5, 11), new int[]{2, 2}, Tensor.einsum("ik,kj->ji", A, b));
        assertValues(f(3, 4, 5, 6, 8, 10), new int[]{2, 3},
                Tensor.einsum("i,j->ij", Tensor.of(f(1, 2)), Tensor.of(f(3, 4, 5))));
        assertValues(f(32), new int[0], Tensor.einsum("i,i->", Tensor.of(f(1, 2, 3)), Tensor.of(f(4, 5, 6))));
    }

    @Test
    void diagonalAndTrace() {
        Tensor m = Tensor.of(new float[][]{{1, 2}, {3, 4}});
        assertValues(f(1, 4), new int[]{2}, Tensor.einsum("ii->i", m));
        assertValues(f(5), new int[0], Tensor.einsum("ii->", m));
        assertValues(f(5), new int[0], Tensor.einsum("ii", m));
        Tensor cube = Tensor.arange(0.0, 8.0, 1.0).reshape(2, 2, 2);
        assertValues(f(0 + 7), new int[0], Tensor.einsum("iii->", cube));
        assertValues(f(0 + 6, 1 + 7), new int[]{2}, Tensor.einsum("iij->j", cube));
    }

    @Test
    void batchedAndMultiOperandAgreeWithTheDefinition() {
        Tensor x = GradCheck.randn(1, 2, 3, 4);
        Tensor y = GradCheck.randn(2, 2, 4, 5);
        assertMatchesReference("bik,bkj->bij", x, y);
        assertMatchesReference("bik,bkj->ik", x, y);
        // implicit output: i and j appear once (b and k twice), so b is summed too
        assertArrayEquals(reference("bik,bkj->ij", x, y), Tensor.einsum("bik,bkj", x, y).toFloatArray(), 1e-4f);
        assertArrayEquals(x.bmm(y).toFloatArray(), Tensor.einsum("bik,bkj->bij", x, y).toFloatArray(), 1e-5f);

        Tensor x1 = GradCheck.randn(3, 2, 3);
        Tensor w = GradCheck.randn(4, 5, 3, 4);
        Tensor x2 = GradCheck.randn(5, 2, 4);
        assertMatchesReference("bn,anm,bm->ba", x1, w, x2);
        assertMatchesReference("ij,jk,kl->il", GradCheck.randn(6, 2, 3), GradCheck.randn(7, 3, 4),
                GradCheck.randn(8, 4, 2));
        assertMatchesReference("ijk,jl->lki", GradCheck.randn(9, 2, 3, 2), GradCheck.randn(10, 3, 4));
        assertMatchesReference("ij,kl->", GradCheck.randn(11, 2, 3), GradCheck.randn(12, 2, 2));
    }

    @Test
    void ellipsisBroadcastsLikeMatmul() {
        Tensor x = GradCheck.randn(13, 2, 1, 3, 4);
        Tensor y = GradCheck.randn(14, 5, 4, 2);
        Tensor r = Tensor.einsum("...ij,...jk->...ik", x, y);
        assertArrayEquals(new int[]{2, 5, 3, 2}, r.sizes());
        assertTrue(r.allclose(x.matmul(y), 1e-5, 1e-5));
        assertTrue(Tensor.einsum("...ij->...ji", x).equal(x.transpose(-1, -2)));
        assertTrue(Tensor.einsum("...j->j", x).allclose(x.sum(new int[]{0, 1, 2}, false), 1e-5, 1e-5));
        assertTrue(Tensor.einsum("...ij", x).equal(x));
        assertTrue(Tensor.einsum("i...->...", x).allclose(x.sum(0), 1e-5, 1e-5));
    }

    @Test
    void sizeOneSubscriptsBroadcast() {
        Tensor col = Tensor.of(f(2, 3), 2, 1);
        assertValues(f(2, 4, 6, 12, 15, 18), new int[]{2, 3}, Tensor.einsum("ij,ij->ij", col, A));
        assertValues(f(12, 45), new int[]{2}, Tensor.einsum("ij,ij->i", col, A));
    }

    // ================================================================ errors

    @Test
    void errorsNameTheEquationAndTheProblem() {
        Tensor b = Tensor.zeros(4, 2);
        assertMessage("einsum('ij,jk->ik'): the equation has 2 operands but 1 tensor was given",
                () -> Tensor.einsum("ij,jk->ik", A));
        assertMessage("the equation has 1 operand but 2 tensors were given", () -> Tensor.einsum("ij", A, b));
        assertMessage("operand 0 has 2 dimensions [2, 3] but its subscripts 'ijk' name 3",
                () -> Tensor.einsum("ijk->i", A));
        assertMessage("name 3 besides the ellipsis", () -> Tensor.einsum("...ijk", A));
        assertMessage("einsum('ij,jk->ik'): subscript 'j' has size 3 in operand 0 [2, 3] but size 4 in operand 1"
                + " [4, 2]", () -> Tensor.einsum("ij,jk->ik", A, b));
        assertMessage("output subscript k does not appear in the equation", () -> Tensor.einsum("ij->k", A));
        assertMessage("output subscript i appears more than once", () -> Tensor.einsum("ij->ii", A));
        assertMessage("invalid subscript '1'", () -> Tensor.einsum("i1->i", A));
        assertMessage("not part of an ellipsis", () -> Tensor.einsum(".i->i", A));
        assertMessage("subscript 'i' is repeated for operand 0 but the sizes don't match, 2 != 3",
                () -> Tensor.einsum("ii->i", A));
        assertMessage("operand 1 is torch.int64", () -> Tensor.einsum("i,i->", Tensor.of(f(1)),
                Tensor.ofLongs(new long[]{1})));
        assertMessage("ellipsis dimension 0 has size 2", () -> Tensor.einsum("...i,...i->...",
                Tensor.zeros(2, 3), Tensor.zeros(4, 3)));
    }

    // ================================================================ gradients

    @Test
    void gradientsOfSingleOperandForms() {
        GradCheck.check(xs -> Tensor.einsum("ij->ji", xs[0]), GradCheck.randn(20, 2, 3));
        GradCheck.check(xs -> Tensor.einsum("ij->", xs[0]), GradCheck.randn(21, 2, 3));
        GradCheck.check(xs -> Tensor.einsum("ij->j", xs[0]), GradCheck.randn(22, 2, 3));
        GradCheck.check(xs -> Tensor.einsum("ii->i", xs[0]), GradCheck.randn(23, 3, 3));
        GradCheck.check(xs -> Tensor.einsum("ii->", xs[0]), GradCheck.randn(24, 3, 3));
        GradCheck.check(xs -> Tensor.einsum("iij->ji", xs[0]), GradCheck.randn(25, 2, 2, 3));
    }

    @Test
    void gradientsOfContractions() {
        GradCheck.check(xs -> Tensor.einsum("ik,kj->ij", xs[0], xs[1]),
                GradCheck.randn(30, 2, 3), GradCheck.randn(31, 3, 4));
        GradCheck.check(xs -> Tensor.einsum("bik,bkj->bij", xs[0], xs[1]),
                GradCheck.randn(32, 2, 2, 3), GradCheck.randn(33, 2, 3, 2));
        GradCheck.check(xs -> Tensor.einsum("i,j->ij", xs[0], xs[1]),
                GradCheck.randn(34, 3), GradCheck.randn(35, 2));
        GradCheck.check(xs -> Tensor.einsum("i,i->", xs[0], xs[1]),
                GradCheck.randn(36, 4), GradCheck.randn(37, 4));
        GradCheck.check(xs -> Tensor.einsum("bn,anm,bm->ba", xs[0], xs[1], xs[2]),
                GradCheck.randn(38, 2, 3), GradCheck.randn(39, 2, 3, 2), GradCheck.randn(40, 2, 2));
        GradCheck.check(xs -> Tensor.einsum("...ij,...jk->...ik", xs[0], xs[1]),
                GradCheck.randn(41, 2, 1, 2, 3), GradCheck.randn(42, 3, 3, 2));
        GradCheck.check(xs -> Tensor.einsum("ij,ij->i", xs[0], xs[1]),
                GradCheck.randn(43, 2, 1), GradCheck.randn(44, 2, 3));
        GradCheck.check(xs -> Tensor.einsum("ii,ij->j", xs[0], xs[1]),
                GradCheck.randn(45, 2, 2), GradCheck.randn(46, 2, 3));
    }
}
