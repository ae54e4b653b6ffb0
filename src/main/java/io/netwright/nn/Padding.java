package io.netwright.nn;

import io.netwright.tensor.Autograd;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;

/**
 * Constant padding of the last two dims as one recorded op ({@code torch.nn.functional.pad} with mode
 * {@code 'constant'}): the input is copied into the middle of a filled tensor, and the gradient is the matching
 * window of the output gradient. Negative amounts crop, as in PyTorch.
 */
final class Padding {

    private Padding() {
    }

    /** Pads (or, when negative, crops) {@code left, right} columns and {@code top, bottom} rows. */
    static Tensor constantPad2d(Tensor x, int left, int right, int top, int bottom, double value) {
        if (x.dim() < 2) {
            throw new IllegalArgumentException("pad: a 2-D padding needs an input of at least 2 dims, got "
                    + x.shape());
        }
        int hd = x.dim() - 2;
        int wd = x.dim() - 1;
        Tensor v = crop(x, hd, top, bottom);
        v = crop(v, wd, left, right);
        int pt = Math.max(top, 0);
        int pb = Math.max(bottom, 0);
        int pl = Math.max(left, 0);
        int pr = Math.max(right, 0);
        if (pt + pb + pl + pr == 0) {
            return v;
        }
        int h = v.size(hd);
        int w = v.size(wd);
        int[] shape = v.sizes();
        shape[hd] = h + pt + pb;
        shape[wd] = w + pl + pr;
        Tensor out;
        try (var g = NoGrad.enter()) {
            out = x.newFull(shape, value); // on x's own backend, not the shared one for its device
            out.narrow(hd, pt, h).narrow(wd, pl, w).copy_(v);
        }
        Tensor src = v;
        return Autograd.record("constant_pad_nd", out, g -> new Tensor[]{g.narrow(hd, pt, h).narrow(wd, pl, w)},
                src);
    }

    private static Tensor crop(Tensor x, int dim, int before, int after) {
        int cb = Math.max(-before, 0);
        int ca = Math.max(-after, 0);
        if (cb + ca == 0) {
            return x;
        }
        int len = x.size(dim) - cb - ca;
        if (len <= 0) {
            throw new IllegalArgumentException("pad: cropping " + cb + " + " + ca + " from dim " + dim + " of size "
                    + x.size(dim) + " leaves nothing — use smaller negative padding");
        }
        return x.narrow(dim, cb, len);
    }
}
