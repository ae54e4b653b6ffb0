package io.netwright.tensor;

import io.netwright.backend.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Einstein summation ({@code torch.einsum}) composed from recorded ops, so autograd needs no rule of its own:
 * repeated subscripts within one operand become {@link Tensor#diagonal} views, subscripts needed by nobody else are
 * summed out early, and each pair of operands (folded left to right) is contracted with one batched matmul
 * (permute → reshape → bmm → reshape). The result is permuted into the output order.
 *
 * <p>Semantics follow PyTorch: spaces are ignored; without {@code ->} the output is the ellipsis dims followed by the
 * subscripts that appear exactly once, in alphabetical order (upper case first); {@code ...} dims broadcast
 * NumPy-style (right-aligned) and are summed when the explicit output omits them; a subscript of size 1 broadcasts
 * against the same subscript of another size.
 *
 * <pre>{@code Tensor c = Tensor.einsum("bik,bkj->bij", a, b);}</pre>
 */
final class Einsum {

    /** Labels 0..51 are the letters A-Z, a-z (PyTorch's order); ellipsis dims get labels from 52 on. */
    private static final int ELLIPSIS = 52;
    /** Marks the position of {@code ...} in a parsed subscript list. */
    private static final int ELLIPSIS_MARK = -1;

    private Einsum() {
    }

    static Tensor einsum(String equation, Tensor... operands) {
        String eq = equation.replaceAll("\\s", "");
        String where = "einsum('" + equation + "')";
        if (operands.length == 0) {
            throw new IllegalArgumentException(where + ": must provide at least one operand");
        }
        int arrow = eq.indexOf("->");
        String lhs = arrow < 0 ? eq : eq.substring(0, arrow);
        String[] terms = lhs.split(",", -1);
        if (terms.length != operands.length) {
            throw new IllegalArgumentException(where + ": the equation has " + terms.length + " operand"
                    + (terms.length == 1 ? "" : "s") + " but " + operands.length + " tensor"
                    + (operands.length == 1 ? " was" : "s were") + " given");
        }
        for (int i = 1; i < operands.length; i++) {
            Elementwise.checkSameDevice("einsum", operands[0], operands[i]);
        }

        // ---- subscripts per operand, with the ellipsis expanded into right-aligned labels
        int[][] parsed = new int[terms.length][];
        int ellDims = 0;
        int[] ownEll = new int[terms.length];
        for (int i = 0; i < terms.length; i++) {
            parsed[i] = parseTerm(where, terms[i], "operand " + i);
            int letters = 0;
            boolean ell = false;
            for (int l : parsed[i]) {
                if (l == ELLIPSIS_MARK) {
                    ell = true;
                } else {
                    letters++;
                }
            }
            int rank = operands[i].dim();
            if (ell ? letters > rank : letters != rank) {
                throw new IllegalArgumentException(where + ": operand " + i + " has " + rank + " dimension"
                        + (rank == 1 ? "" : "s") + " " + operands[i].shape() + " but its subscripts '" + terms[i]
                        + "' name " + letters + (ell ? " besides the ellipsis" : " — give one subscript per dimension"
                        + " or use '...'"));
            }
            ownEll[i] = ell ? rank - letters : 0;
            ellDims = Math.max(ellDims, ownEll[i]);
        }
        int[][] labels = new int[terms.length][];
        int[] count = new int[ELLIPSIS];
        for (int i = 0; i < terms.length; i++) {
            List<Integer> ls = new ArrayList<>();
            for (int l : parsed[i]) {
                if (l == ELLIPSIS_MARK) {
                    for (int k = 0; k < ownEll[i]; k++) {
                        ls.add(ELLIPSIS + ellDims - ownEll[i] + k);
                    }
                } else {
                    ls.add(l);
                    count[l]++;
                }
            }
            labels[i] = ls.stream().mapToInt(Integer::intValue).toArray();
        }

        int[] output = outputLabels(where, eq, arrow, count, ellDims);

        // ---- diagonals for repeated subscripts, then one size per label (size 1 broadcasts)
        Tensor[] ops = operands.clone();
        for (int i = 0; i < ops.length; i++) {
            Term d = takeDiagonals(where, i, new Term(ops[i], labels[i]));
            ops[i] = d.t();
            labels[i] = d.labels();
        }
        int[] size = new int[ELLIPSIS + ellDims];
        int[] sizeFrom = new int[size.length];
        Arrays.fill(size, -1);
        for (int i = 0; i < ops.length; i++) {
            for (int j = 0; j < labels[i].length; j++) {
                int l = labels[i][j];
                int s = ops[i].size(j);
                if (size[l] == -1 || size[l] == 1) {
                    if (size[l] == -1 || s != 1) {
                        size[l] = s;
                        sizeFrom[l] = i;
                    }
                } else if (s != 1 && s != size[l]) {
                    throw new IllegalArgumentException(where + ": " + describe(l) + " has size " + size[l]
                            + " in operand " + sizeFrom[l] + " " + operands[sizeFrom[l]].shape() + " but size " + s
                            + " in operand " + i + " " + operands[i].shape() + " (sizes must match or be 1)");
                }
            }
        }
        if (ops.length > 1) {
            for (int i = 0; i < ops.length; i++) {
                if (ops[i].dtype() != DType.FLOAT32) {
                    throw new IllegalArgumentException(where + ": operand " + i + " is " + ops[i].dtype().torchName()
                            + " but contractions need float32 — convert it with .toFloat()");
                }
            }
        }
        for (int i = 0; i < ops.length; i++) {
            int[] full = new int[labels[i].length];
            for (int j = 0; j < full.length; j++) {
                full[j] = size[labels[i][j]];
            }
            ops[i] = ops[i].expand(full);
        }

        // ---- fold left to right
        boolean[] inOutput = new boolean[size.length];
        for (int l : output) {
            inOutput[l] = true;
        }
        Term acc = new Term(ops[0], labels[0]);
        if (ops.length == 1) {
            acc = sumOut(acc, l -> !inOutput[l]);
        }
        for (int i = 1; i < ops.length; i++) {
            boolean[] keep = inOutput.clone();
            for (int k = i + 1; k < ops.length; k++) {
                for (int l : labels[k]) {
                    keep[l] = true;
                }
            }
            int[] bLabels = labels[i];
            int[] aLabels = acc.labels();
            Term a = sumOut(acc, l -> !keep[l] && !contains(bLabels, l));
            Term b = sumOut(new Term(ops[i], bLabels), l -> !keep[l] && !contains(aLabels, l));
            acc = contract(a, b, keep, size);
        }

        // ---- output order
        int[] perm = new int[output.length];
        for (int j = 0; j < output.length; j++) {
            perm[j] = indexOf(acc.labels(), output[j]);
        }
        return acc.t().permute(perm);
    }

    // ================================================================ parsing

    /** Labels of one subscript group; {@link #ELLIPSIS_MARK} where {@code ...} stands. */
    private static int[] parseTerm(String where, String term, String what) {
        List<Integer> out = new ArrayList<>();
        boolean ell = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '.') {
                if (!term.startsWith("...", i)) {
                    throw new IllegalArgumentException(where + ": found '.' for " + what
                            + " that is not part of an ellipsis '...'");
                }
                if (ell) {
                    throw new IllegalArgumentException(where + ": " + what + " has more than one ellipsis '...'");
                }
                ell = true;
                out.add(ELLIPSIS_MARK);
                i += 2;
            } else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                out.add(c <= 'Z' ? c - 'A' : 26 + c - 'a');
            } else {
                throw new IllegalArgumentException(where + ": invalid subscript '" + c + "' in " + what
                        + " — subscripts must be letters in [a-zA-Z]");
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The output's labels: explicit after {@code ->}, else ellipsis dims then the subscripts used once. */
    private static int[] outputLabels(String where, String eq, int arrow, int[] count, int ellDims) {
        List<Integer> out = new ArrayList<>();
        if (arrow < 0) {
            for (int k = 0; k < ellDims; k++) {
                out.add(ELLIPSIS + k);
            }
            for (int l = 0; l < ELLIPSIS; l++) {
                if (count[l] == 1) {
                    out.add(l);
                }
            }
        } else {
            int[] rhs = parseTerm(where, eq.substring(arrow + 2), "the output");
            boolean[] seen = new boolean[ELLIPSIS];
            for (int l : rhs) {
                if (l == ELLIPSIS_MARK) {
                    for (int k = 0; k < ellDims; k++) {
                        out.add(ELLIPSIS + k);
                    }
                    continue;
                }
                if (seen[l]) {
                    throw new IllegalArgumentException(where + ": output subscript " + letter(l)
                            + " appears more than once in the output");
                }
                if (count[l] == 0) {
                    throw new IllegalArgumentException(where + ": output subscript " + letter(l)
                            + " does not appear in the equation for any input operand");
                }
                seen[l] = true;
                out.add(l);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static char letter(int l) {
        return (char) (l < 26 ? 'A' + l : 'a' + l - 26);
    }

    private static String describe(int l) {
        return l < ELLIPSIS ? "subscript '" + letter(l) + "'" : "ellipsis dimension " + (l - ELLIPSIS);
    }

    // ================================================================ steps

    /** An operand during the computation: a tensor and the label of each of its dims. */
    private record Term(Tensor t, int[] labels) {
    }

    /** Replaces each repeated label of one operand by the diagonal of its dims. */
    private static Term takeDiagonals(String where, int operand, Term term) {
        Tensor t = term.t();
        int[] ls = term.labels();
        while (true) {
            int p = -1;
            int q = -1;
            for (int a = 0; a < ls.length && p < 0; a++) {
                for (int b = a + 1; b < ls.length; b++) {
                    if (ls[a] == ls[b]) {
                        p = a;
                        q = b;
                        break;
                    }
                }
            }
            if (p < 0) {
                return new Term(t, ls);
            }
            if (t.size(p) != t.size(q)) {
                throw new IllegalArgumentException(where + ": " + describe(ls[p]) + " is repeated for operand "
                        + operand + " but the sizes don't match, " + t.size(p) + " != " + t.size(q));
            }
            t = t.diagonal(0, p, q);
            int[] next = new int[ls.length - 1];
            for (int a = 0, j = 0; a < ls.length; a++) {
                if (a != p && a != q) {
                    next[j++] = ls[a];
                }
            }
            next[next.length - 1] = ls[p];
            ls = next;
        }
    }

    private interface LabelTest {
        boolean test(int label);
    }

    /** Sums out the dims whose labels pass {@code drop}. */
    private static Term sumOut(Term term, LabelTest drop) {
        int[] labels = term.labels();
        List<Integer> dims = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < labels.length; j++) {
            if (drop.test(labels[j])) {
                dims.add(j);
            } else {
                kept.add(labels[j]);
            }
        }
        if (dims.isEmpty()) {
            return term;
        }
        Tensor s = term.t().sum(dims.stream().mapToInt(Integer::intValue).toArray(), false);
        return new Term(s, kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Contracts two operands with one batched matmul. Shared labels still needed later are batch dims, other shared
     * labels are summed by the product; each side's own labels become the rows / columns.
     */
    private static Term contract(Term ta, Term tb, boolean[] keep, int[] size) {
        int[] al = ta.labels();
        int[] bl = tb.labels();
        List<Integer> batch = new ArrayList<>();
        List<Integer> sum = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (int l : al) {
            if (!contains(bl, l)) {
                left.add(l);
            } else if (keep[l]) {
                batch.add(l);
            } else {
                sum.add(l);
            }
        }
        for (int l : bl) {
            if (!contains(al, l)) {
                right.add(l);
            }
        }
        int nb = product(batch, size);
        int nl = product(left, size);
        int ns = product(sum, size);
        int nr = product(right, size);
        Tensor a3 = ta.t().permute(positions(al, batch, left, sum)).reshape(nb, nl, ns);
        Tensor b3 = tb.t().permute(positions(bl, batch, sum, right)).reshape(nb, ns, nr);
        List<Integer> outLabels = new ArrayList<>(batch);
        outLabels.addAll(left);
        outLabels.addAll(right);
        int[] outShape = new int[outLabels.size()];
        for (int j = 0; j < outShape.length; j++) {
            outShape[j] = size[outLabels.get(j)];
        }
        Tensor r = a3.bmm(b3).reshape(outShape);
        return new Term(r, outLabels.stream().mapToInt(Integer::intValue).toArray());
    }

    @SafeVarargs
    private static int[] positions(int[] labels, List<Integer>... groups) {
        List<Integer> order = new ArrayList<>();
        for (List<Integer> g : groups) {
            for (int l : g) {
                order.add(indexOf(labels, l));
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int product(List<Integer> labels, int[] size) {
        int p = 1;
        for (int l : labels) {
            p *= size[l];
        }
        return p;
    }

    private static boolean contains(int[] a, int v) {
        return indexOf(a, v) >= 0;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
