#!/usr/bin/python3
"""Write the PyTorch golden fixtures that the Java golden tests compare against (src/test/resources/golden/).

One JSON file per op family (shape, elementwise, reductions, linalg, indexing, einsum, cnn). Each case holds the
op name and its arguments, the input tensors (shape, dtype, flat row-major data), the expected output(s) and,
for every float input, the gradient of the loss ``sum_i sum(out_i * w_i)`` for fixed random weights ``w_i``
(also stored), so a test can rebuild the loss and compare gradients without knowing the op's backward rule.

Reference math: inputs are drawn as float32 (what the Java engine sees); outputs and gradients are computed in
float64 from those exact values and rounded to float32 once at the end, so the fixture holds the correctly
rounded answer rather than one float32 evaluation order. Integer and bool tensors are exact.

Deterministic: every case seeds its own generator from a CRC of its name, so adding or removing a case leaves the
others byte-identical; running the script twice gives identical files.

    apt-get install -y python3-torch               # Debian's build; the script prints the version it used
    /usr/bin/python3 scripts/golden/make_golden.py # [--out DIR]

Keep the fixtures small: inputs of a few dozen elements, a handful of convolution cases (total well under 1.5 MB).
"""
import argparse
import json
import math
import os
import zlib

import numpy as np
import torch
import torch.nn.functional as F

torch.use_deterministic_algorithms(True)

# ================================================================ tensors to JSON


def _num(v):
    """A float32 value as the shortest JSON number that round-trips, or a string for non-finite values."""
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == 0:
        return -0.0 if math.copysign(1.0, v) < 0 else 0
    s = np.format_float_positional(np.float32(v), unique=True, trim="-")
    return float(s) if ("." in s or "e" in s) else int(s)


def encode(t):
    """A tensor as {shape, dtype, data}; float tensors are rounded to float32."""
    t = t.detach()
    shape = list(t.shape)
    if t.dtype.is_floating_point:
        data = [_num(v) for v in t.to(torch.float32).reshape(-1).tolist()]
        dtype = "float32"
    elif t.dtype == torch.bool:
        data = [bool(v) for v in t.reshape(-1).tolist()]
        dtype = "bool"
    else:
        data = [int(v) for v in t.reshape(-1).tolist()]
        dtype = "int64"
    return {"shape": shape, "dtype": dtype, "data": data}


# ================================================================ random inputs (all float32 at the source)


def gen_for(name):
    return torch.Generator().manual_seed(zlib.crc32(name.encode()))


def U(g, *shape, lo=-2.0, hi=2.0):
    """Uniform float32 in [lo, hi)."""
    return (torch.rand(tuple(shape), generator=g, dtype=torch.float64) * (hi - lo) + lo).float()


def A(g, *shape, gap=0.2, hi=2.0):
    """Float32 with |x| in [gap, hi): away from 0, for ops with a kink or pole at 0."""
    mag = torch.rand(tuple(shape), generator=g, dtype=torch.float64) * (hi - gap) + gap
    sign = torch.where(torch.rand(tuple(shape), generator=g) < 0.5, -1.0, 1.0).double()
    return (mag * sign).float()


def P(g, *shape, lo=0.2, hi=3.0):
    """Positive float32 in [lo, hi)."""
    return U(g, *shape, lo=lo, hi=hi)


def D(g, *shape):
    """Float32 values that are all distinct and at least 0.05 apart (no ties for max/sort/pool)."""
    n = int(np.prod(shape)) if shape else 1
    perm = torch.randperm(n, generator=g).double()
    jitter = torch.rand(n, generator=g, dtype=torch.float64) * 0.03
    return ((perm * 0.1 + jitter) - n * 0.05).reshape(*shape).float()


def I(g, lo, hi, *shape):
    return torch.randint(lo, hi, shape, generator=g, dtype=torch.int64)


def B(g, *shape, p=0.5):
    return torch.rand(tuple(shape), generator=g) < p


def T(data, dtype=torch.float32):
    return torch.tensor(data, dtype=dtype)


# ================================================================ cases


class Family:
    """Collects the cases of one fixture file."""

    def __init__(self, name):
        self.name = name
        self.cases = []
        self.names = set()

    def case(self, name, op, make_inputs, fn, args=None, nograd=(), pre=None):
        """Adds a case.

        make_inputs(g) returns the input tensors (float32 / int64 / bool) drawn from the case's generator.
        fn(*inputs) runs the op in PyTorch on float64 copies of the float inputs (int/bool inputs as given) and
        returns a tensor, or a tuple/list of tensors. Float inputs take part in the gradient unless their position
        is in nograd. pre = [(input_index, permutation)] permutes an input before the op (non-contiguous views).
        """
        assert name not in self.names, name
        self.names.add(name)
        g = gen_for(self.name + "/" + name)
        inputs = make_inputs(g)
        leaves = []
        for i, t in enumerate(inputs):
            if t.dtype.is_floating_point:
                leaf = t.to(torch.float64).detach().requires_grad_(i not in nograd)
            else:
                leaf = t.clone()
            leaves.append(leaf)
        used = list(leaves)
        for idx, perm in (pre or []):
            used[idx] = used[idx].permute(*perm)
        out = fn(*used)
        outs = list(out) if isinstance(out, (tuple, list)) else [out]
        shares = None
        if len(outs) >= 1 and len(inputs) >= 1 and inputs[0].dtype.is_floating_point and self.name == "shape":
            shares = all(o.storage().data_ptr() == leaves[0].storage().data_ptr() for o in outs)

        weights = []
        loss = None
        for o in outs:
            if o.dtype.is_floating_point and o.requires_grad:
                w = U(g, *o.shape, lo=-1.0, hi=1.0)
                weights.append(w)
                term = (o * w.to(torch.float64)).sum()
                loss = term if loss is None else loss + term
            else:
                weights.append(None)
        grads = [None] * len(inputs)
        if loss is not None:
            diff = [l for i, l in enumerate(leaves) if l.dtype.is_floating_point and i not in nograd]
            got = torch.autograd.grad(loss, diff, allow_unused=True)
            k = 0
            for i, l in enumerate(leaves):
                if l.dtype.is_floating_point and i not in nograd:
                    grads[i] = got[k] if got[k] is not None else torch.zeros_like(l)
                    k += 1
        entry = {
            "name": name,
            "op": op,
            "args": args or {},
            "inputs": [dict(encode(t), requires_grad=bool(t.dtype.is_floating_point and i not in nograd))
                       for i, t in enumerate(inputs)],
            "outputs": [encode(o) for o in outs],
            "weights": [encode(w) if w is not None else None for w in weights],
            "grads": [encode(gr) if gr is not None else None for gr in grads],
        }
        if pre:
            entry["pre"] = [[idx, list(perm)] for idx, perm in pre]
        if shares is not None:
            entry["shares_storage"] = shares
        self.cases.append(entry)

    def write(self, out_dir):
        path = os.path.join(out_dir, self.name + ".json")
        with open(path, "w") as f:
            f.write('{"family": %s, "torch": %s, "cases": [\n' % (json.dumps(self.name),
                                                                   json.dumps(torch.__version__)))
            f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in self.cases))
            f.write("\n]}\n")
        return path, len(self.cases)


# ================================================================ creation and shape ops


def shape_family():
    f = Family("shape")
    none = lambda g: []
    # ---- creation
    f.case("arange_end", "arange", none, lambda: torch.arange(7), {"end": 7})
    f.case("arange_step", "arange", none, lambda: torch.arange(2, 11, 3), {"start": 2, "end": 11, "step": 3})
    f.case("arange_negative_step", "arange", none, lambda: torch.arange(10, 0, -3),
           {"start": 10, "end": 0, "step": -3})
    f.case("arange_empty", "arange", none, lambda: torch.arange(5, 5, 1), {"start": 5, "end": 5, "step": 1})
    f.case("arange_float", "arange", none, lambda: torch.arange(0.0, 1.0, 0.1, dtype=torch.float64),
           {"start": 0.0, "end": 1.0, "step": 0.1, "float": True})
    f.case("arange_float_negative", "arange", none, lambda: torch.arange(1.0, -1.0, -0.25, dtype=torch.float64),
           {"start": 1.0, "end": -1.0, "step": -0.25, "float": True})
    f.case("arange_float_fraction_end", "arange", none, lambda: torch.arange(-1.5, 2.2, 0.5, dtype=torch.float64),
           {"start": -1.5, "end": 2.2, "step": 0.5, "float": True})
    for name, (a, b, n) in {"linspace_unit": (0.0, 1.0, 5), "linspace_neg": (-1.0, 2.0, 7),
                            "linspace_one": (3.0, 3.0, 1), "linspace_two": (-2.0, 5.0, 2),
                            "linspace_decreasing": (4.0, -4.0, 9), "linspace_empty": (0.0, 1.0, 0)}.items():
        f.case(name, "linspace", none, lambda a=a, b=b, n=n: torch.linspace(a, b, n, dtype=torch.float64),
               {"start": a, "end": b, "steps": n})
    f.case("eye_square", "eye", none, lambda: torch.eye(3), {"n": 3})
    f.case("eye_wide", "eye", none, lambda: torch.eye(2, 4), {"n": 2, "m": 4})
    f.case("eye_tall", "eye", none, lambda: torch.eye(4, 2), {"n": 4, "m": 2})

    # ---- reshape / view / flatten
    x234 = lambda g: [U(g, 2, 3, 4)]
    f.case("reshape_infer", "reshape", x234, lambda x: x.reshape(4, -1), {"shape": [4, -1]})
    f.case("reshape_flat", "reshape", x234, lambda x: x.reshape(-1), {"shape": [-1]})
    f.case("reshape_add_dims", "reshape", x234, lambda x: x.reshape(1, 2, 1, 12), {"shape": [1, 2, 1, 12]})
    f.case("reshape_noncontiguous", "reshape", x234, lambda x: x.reshape(-1, 6), {"shape": [-1, 6]},
           pre=[(0, (2, 0, 1))])
    f.case("reshape_scalar", "reshape", lambda g: [U(g, 1, 1)], lambda x: x.reshape(()), {"shape": []})
    f.case("view_infer", "view", x234, lambda x: x.view(6, -1), {"shape": [6, -1]})
    f.case("view_split_dim", "view", x234, lambda x: x.view(2, 3, 2, 2), {"shape": [2, 3, 2, 2]})
    f.case("view_of_permuted_split_last", "view", x234, lambda x: x.view(3, 2, 2, 2), {"shape": [3, 2, 2, 2]},
           pre=[(0, (1, 0, 2))])
    f.case("flatten_all", "flatten", x234, lambda x: x.flatten(), {})
    f.case("flatten_middle", "flatten", lambda g: [U(g, 2, 3, 2, 2)], lambda x: x.flatten(1, 2),
           {"start": 1, "end": 2})
    f.case("flatten_from_1", "flatten", lambda g: [U(g, 2, 3, 2, 2)], lambda x: x.flatten(1),
           {"start": 1, "end": -1})
    f.case("flatten_permuted", "flatten", x234, lambda x: x.flatten(0, 1), {"start": 0, "end": 1},
           pre=[(0, (2, 1, 0))])

    # ---- permutations
    f.case("permute", "permute", x234, lambda x: x.permute(2, 0, 1), {"dims": [2, 0, 1]})
    f.case("permute_negative", "permute", x234, lambda x: x.permute(-1, 0, -2), {"dims": [-1, 0, -2]})
    f.case("transpose", "transpose", x234, lambda x: x.transpose(0, 2), {"d0": 0, "d1": 2})
    f.case("transpose_negative", "transpose", x234, lambda x: x.transpose(-1, -2), {"d0": -1, "d1": -2})
    f.case("t_2d", "t", lambda g: [U(g, 3, 5)], lambda x: x.t(), {})
    f.case("t_1d", "t", lambda g: [U(g, 4)], lambda x: x.t(), {})

    # ---- squeeze / unsqueeze / expand / repeat
    x1312 = lambda g: [U(g, 1, 3, 1, 2)]
    f.case("squeeze_all", "squeeze", x1312, lambda x: x.squeeze(), {})
    f.case("squeeze_dim", "squeeze", x1312, lambda x: x.squeeze(2), {"dim": 2})
    f.case("squeeze_negative_dim", "squeeze", x1312, lambda x: x.squeeze(-4), {"dim": -4})
    f.case("squeeze_non_one_is_noop", "squeeze", x1312, lambda x: x.squeeze(1), {"dim": 1})
    f.case("unsqueeze_front", "unsqueeze", lambda g: [U(g, 3, 2)], lambda x: x.unsqueeze(0), {"dim": 0})
    f.case("unsqueeze_middle", "unsqueeze", lambda g: [U(g, 3, 2)], lambda x: x.unsqueeze(1), {"dim": 1})
    f.case("unsqueeze_end", "unsqueeze", lambda g: [U(g, 3, 2)], lambda x: x.unsqueeze(-1), {"dim": -1})
    f.case("expand_new_dims", "expand", lambda g: [U(g, 3, 1)], lambda x: x.expand(2, 3, 4),
           {"sizes": [2, 3, 4]})
    f.case("expand_keep", "expand", lambda g: [U(g, 3, 1)], lambda x: x.expand(-1, 5), {"sizes": [-1, 5]})
    f.case("expand_scalar", "expand", lambda g: [U(g)], lambda x: x.expand(2, 3), {"sizes": [2, 3]})
    f.case("repeat", "repeat", lambda g: [U(g, 2, 3)], lambda x: x.repeat(2, 1, 2), {"repeats": [2, 1, 2]})
    f.case("repeat_same_rank", "repeat", lambda g: [U(g, 2, 3)], lambda x: x.repeat(3, 2), {"repeats": [3, 2]})

    # ---- joins and splits
    f.case("cat_dim1", "cat", lambda g: [U(g, 2, 1, 3), U(g, 2, 3, 3), U(g, 2, 2, 3)],
           lambda *xs: torch.cat(xs, 1), {"dim": 1})
    f.case("cat_dim0", "cat", lambda g: [U(g, 1, 4), U(g, 3, 4)], lambda *xs: torch.cat(xs, 0), {"dim": 0})
    f.case("cat_negative_dim", "cat", lambda g: [U(g, 2, 2), U(g, 2, 3)], lambda *xs: torch.cat(xs, -1),
           {"dim": -1})
    f.case("stack_dim0", "stack", lambda g: [U(g, 2, 3), U(g, 2, 3), U(g, 2, 3)],
           lambda *xs: torch.stack(xs, 0), {"dim": 0})
    f.case("stack_last", "stack", lambda g: [U(g, 2, 3), U(g, 2, 3)], lambda *xs: torch.stack(xs, 2),
           {"dim": 2})
    f.case("stack_negative", "stack", lambda g: [U(g, 4), U(g, 4)], lambda *xs: torch.stack(xs, -1),
           {"dim": -1})
    f.case("split_size", "split", lambda g: [U(g, 3, 5)], lambda x: x.split(2, 1), {"size": 2, "dim": 1})
    f.case("split_sizes", "split", lambda g: [U(g, 5, 2)], lambda x: x.split([1, 3, 1], 0),
           {"sizes": [1, 3, 1], "dim": 0})
    f.case("chunk_uneven", "chunk", lambda g: [U(g, 7, 2)], lambda x: x.chunk(3, 0), {"chunks": 3, "dim": 0})
    f.case("chunk_fewer", "chunk", lambda g: [U(g, 2, 6)], lambda x: x.chunk(4, 1), {"chunks": 4, "dim": 1})
    f.case("unbind", "unbind", lambda g: [U(g, 2, 3, 2)], lambda x: x.unbind(1), {"dim": 1})
    f.case("unbind_negative", "unbind", lambda g: [U(g, 2, 3)], lambda x: x.unbind(-1), {"dim": -1})

    # ---- copies
    f.case("contiguous_permuted", "contiguous", x234, lambda x: x.contiguous(), {}, pre=[(0, (1, 2, 0))])
    f.case("contiguous_already", "contiguous", x234, lambda x: x.contiguous(), {})
    f.case("clone", "clone", x234, lambda x: x.clone(), {})

    # ---- slicing
    x45 = lambda g: [U(g, 4, 5)]
    f.case("slice_step", "slice", x45, lambda x: x[:, 1:4:2], {"dim": 1, "start": 1, "end": 4, "step": 2})
    f.case("slice_negative_start", "slice", x45, lambda x: x[:, -3:],
           {"dim": 1, "start": -3, "end": 2147483647, "step": 1})
    f.case("slice_past_end", "slice", x45, lambda x: x[2:10], {"dim": 0, "start": 2, "end": 10, "step": 1})
    f.case("slice_empty", "slice", x45, lambda x: x[3:1], {"dim": 0, "start": 3, "end": 1, "step": 1})
    f.case("slice_negative_end", "slice", x45, lambda x: x[:, 0:-1:3],
           {"dim": 1, "start": 0, "end": -1, "step": 3})
    f.case("narrow", "narrow", x45, lambda x: x.narrow(0, 1, 2), {"dim": 0, "start": 1, "length": 2})
    f.case("narrow_last_dim", "narrow", x45, lambda x: x.narrow(-1, 2, 3), {"dim": -1, "start": 2, "length": 3})
    f.case("select", "select", x45, lambda x: x.select(0, 2), {"dim": 0, "index": 2})
    f.case("select_negative", "select", x45, lambda x: x.select(1, -1), {"dim": 1, "index": -1})
    f.case("select_of_permuted", "select", x234, lambda x: x.select(1, 1), {"dim": 1, "index": 1},
           pre=[(0, (2, 0, 1))])
    f.case("diagonal", "diagonal", x45, lambda x: x.diagonal(), {"offset": 0, "dim1": 0, "dim2": 1})
    f.case("diagonal_above", "diagonal", x45, lambda x: x.diagonal(1), {"offset": 1, "dim1": 0, "dim2": 1})
    f.case("diagonal_below", "diagonal", x45, lambda x: x.diagonal(-2), {"offset": -2, "dim1": 0, "dim2": 1})
    f.case("diagonal_swapped_dims", "diagonal", x45, lambda x: x.diagonal(1, 1, 0),
           {"offset": 1, "dim1": 1, "dim2": 0})
    f.case("diagonal_batched", "diagonal", lambda g: [U(g, 2, 3, 3)], lambda x: x.diagonal(0, 1, 2),
           {"offset": 0, "dim1": 1, "dim2": 2})
    f.case("flip_dim0", "flip", x234, lambda x: x.flip(0), {"dims": [0]})
    f.case("flip_two_dims", "flip", x234, lambda x: x.flip(0, 2), {"dims": [0, 2]})
    f.case("flip_negative", "flip", x45, lambda x: x.flip(-1), {"dims": [-1]})
    return f


# ================================================================ elementwise


def elementwise_family():
    f = Family("elementwise")
    shapes = {"same": ((2, 3), (2, 3)), "row": ((2, 3), (3,)), "col_row": ((2, 1, 4), (3, 1)),
              "zero_dim": ((2, 3), ())}
    binops = {"add": torch.add, "sub": torch.sub, "mul": torch.mul}
    for op, fn in binops.items():
        for sname, (sa, sb) in shapes.items():
            f.case(f"{op}_{sname}", op, lambda g, sa=sa, sb=sb: [U(g, *sa), U(g, *sb)], fn)
    f.case("add_alpha", "add", lambda g: [U(g, 2, 3), U(g, 3)], lambda a, b: torch.add(a, b, alpha=-2.5),
           {"alpha": -2.5})
    f.case("sub_broadcast_left", "sub", lambda g: [U(g, 3), U(g, 4, 3)], torch.sub)
    for sname, (sa, sb) in shapes.items():
        f.case(f"div_{sname}", "div", lambda g, sa=sa, sb=sb: [U(g, *sa), A(g, *sb, gap=0.5)], torch.div)
        f.case(f"pow_{sname}", "pow", lambda g, sa=sa, sb=sb: [P(g, *sa), U(g, *sb)], torch.pow)
        f.case(f"maximum_{sname}", "maximum", lambda g, sa=sa, sb=sb: [U(g, *sa), U(g, *sb)], torch.maximum)
        f.case(f"minimum_{sname}", "minimum", lambda g, sa=sa, sb=sb: [U(g, *sa), U(g, *sb)], torch.minimum)
    f.case("maximum_ties", "maximum", lambda g: [T([1.0, 2.0, -3.0, 0.5]), T([1.0, 1.0, -3.0, 2.0])],
           torch.maximum)
    f.case("minimum_ties", "minimum", lambda g: [T([1.0, 2.0, -3.0, 0.5]), T([1.0, 1.0, -3.0, 2.0])],
           torch.minimum)
    f.case("remainder", "remainder",
           lambda g: [T([5.5, -5.5, 7.25, -7.25, 0.75, 3.0]), T([2.0, 2.0, -3.0, -3.0, 0.5, 4.0])], torch.remainder)
    f.case("remainder_broadcast", "remainder", lambda g: [U(g, 3, 4, lo=-5, hi=5), T([1.5, -2.25, 3.0, -0.75])],
           torch.remainder)
    f.case("pow_negative_base_integer_exponent", "pow",
           lambda g: [T([-2.0, -1.5, 3.0, -0.5]), T([2.0, 3.0, -1.0, 4.0])], torch.pow, nograd=(1,))

    # ---- scalar operands
    x = lambda g: [U(g, 2, 3)]
    f.case("add_scalar", "add_scalar", x, lambda a: a + 1.75, {"s": 1.75})
    f.case("sub_scalar", "sub_scalar", x, lambda a: a - 0.5, {"s": 0.5})
    f.case("rsub_scalar", "rsub_scalar", x, lambda a: 2.0 - a, {"s": 2.0})
    f.case("mul_scalar", "mul_scalar", x, lambda a: a * -3.0, {"s": -3.0})
    f.case("div_scalar", "div_scalar", x, lambda a: a / 3.0, {"s": 3.0})
    f.case("pow_scalar_square", "pow_scalar", x, lambda a: a ** 2, {"e": 2.0})
    f.case("pow_scalar_cube", "pow_scalar", x, lambda a: a ** 3, {"e": 3.0})
    f.case("pow_scalar_sqrt", "pow_scalar", lambda g: [P(g, 2, 3)], lambda a: a ** 0.5, {"e": 0.5})
    f.case("pow_scalar_inverse", "pow_scalar", lambda g: [A(g, 2, 3, gap=0.5)], lambda a: a ** -1, {"e": -1.0})
    f.case("pow_scalar_zero", "pow_scalar", x, lambda a: a ** 0, {"e": 0.0})
    f.case("pow_scalar_one", "pow_scalar", x, lambda a: a ** 1, {"e": 1.0})
    f.case("pow_scalar_fraction_of_positive", "pow_scalar", lambda g: [P(g, 5)], lambda a: a ** 1.7, {"e": 1.7})
    f.case("rpow_scalar", "rpow_scalar", x, lambda a: 2.0 ** a, {"base": 2.0})
    f.case("rpow_scalar_fraction", "rpow_scalar", x, lambda a: 0.5 ** a, {"base": 0.5})

    # ---- unary
    unary = {"neg": torch.neg, "exp": torch.exp, "sin": torch.sin, "cos": torch.cos, "tanh": torch.tanh,
             "sigmoid": torch.sigmoid, "erf": torch.erf}
    for op, fn in unary.items():
        f.case(op, op, lambda g: [U(g, 3, 4, lo=-3, hi=3)], fn)
    f.case("abs", "abs", lambda g: [A(g, 3, 4)], torch.abs)
    f.case("abs_at_zero", "abs", lambda g: [T([0.0, -1.0, 2.0])], torch.abs)
    f.case("relu", "relu", lambda g: [A(g, 3, 4)], torch.relu)
    f.case("relu_at_zero", "relu", lambda g: [T([0.0, -1.0, 2.0])], torch.relu)
    f.case("leaky_relu", "leaky_relu", lambda g: [A(g, 3, 4)], lambda a: F.leaky_relu(a, 0.1), {"slope": 0.1})
    f.case("leaky_relu_at_zero", "leaky_relu", lambda g: [T([0.0, -1.0, 2.0])], lambda a: F.leaky_relu(a, 0.2),
           {"slope": 0.2})
    f.case("log", "log", lambda g: [P(g, 3, 4)], torch.log)
    f.case("log_of_zero", "log", lambda g: [T([0.0, 1.0, 0.5])], torch.log)
    f.case("sqrt", "sqrt", lambda g: [P(g, 3, 4)], torch.sqrt)
    f.case("reciprocal", "reciprocal", lambda g: [A(g, 3, 4, gap=0.3)], torch.reciprocal)
    f.case("sigmoid_saturated", "sigmoid", lambda g: [T([-100.0, -30.0, 0.0, 30.0, 100.0])], torch.sigmoid)
    f.case("tanh_saturated", "tanh", lambda g: [T([-50.0, -10.0, 0.0, 10.0, 50.0])], torch.tanh)
    f.case("exp_large", "exp", lambda g: [T([-100.0, 80.0, 88.0, 88.5])], torch.exp)
    # Overflow to inf is float32 behaviour; a float64 reference gradient would be finite, so forward only here.
    f.case("exp_overflow", "exp", lambda g: [T([89.0, 100.0, -200.0])], torch.exp, nograd=(0,))
    f.case("erf_tails", "erf", lambda g: [T([-6.0, -2.5, 0.0, 1e-4, 2.5, 6.0])], torch.erf)
    f.case("clamp", "clamp", lambda g: [U(g, 3, 4)], lambda a: a.clamp(-0.75, 1.0), {"min": -0.75, "max": 1.0})
    f.case("clamp_min_only", "clamp", lambda g: [U(g, 3, 4)], lambda a: a.clamp(min=0.25),
           {"min": 0.25, "max": None})
    f.case("clamp_max_only", "clamp", lambda g: [U(g, 3, 4)], lambda a: a.clamp(max=-0.25),
           {"min": None, "max": -0.25})
    f.case("clamp_at_bounds", "clamp", lambda g: [T([-1.0, -0.5, 0.0, 0.5, 1.0])], lambda a: a.clamp(-0.5, 0.5),
           {"min": -0.5, "max": 0.5})
    f.case("clamp_min_above_max", "clamp", lambda g: [T([-1.0, 0.0, 2.0])], lambda a: a.clamp(1.0, 0.5),
           {"min": 1.0, "max": 0.5})
    f.case("sign", "sign", lambda g: [T([-2.0, 0.0, 3.5, -0.0])], torch.sign)
    f.case("floor", "floor", lambda g: [T([-1.5, -0.5, 0.5, 1.5, 2.0, -2.0])], torch.floor)
    f.case("ceil", "ceil", lambda g: [T([-1.5, -0.5, 0.5, 1.5, 2.0, -2.0])], torch.ceil)
    f.case("round_half_even", "round", lambda g: [T([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 0.4, 0.6])], torch.round)

    # ---- comparisons and logic (bool results, no gradient)
    cmp = {"eq": torch.eq, "ne": torch.ne, "gt": torch.gt, "ge": torch.ge, "lt": torch.lt, "le": torch.le}
    tie = lambda g: [T([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]]), T([2.0, 2.0, 2.0])]
    for op, fn in cmp.items():
        f.case(f"{op}_broadcast", op, tie, fn)
        f.case(f"{op}_scalar", op + "_scalar", lambda g: [T([1.0, 2.0, 3.0, 2.0])], lambda a, fn=fn: fn(a, 2.0),
               {"s": 2.0})
    f.case("logical_not", "logical_not", lambda g: [T([True, False, True], torch.bool)], torch.logical_not)
    f.case("logical_and", "logical_and",
           lambda g: [T([True, False, True, False], torch.bool), T([True, True, False, False], torch.bool)],
           torch.logical_and)
    f.case("logical_or", "logical_or",
           lambda g: [T([True, False, True, False], torch.bool), T([True, True, False, False], torch.bool)],
           torch.logical_or)
    f.case("isnan", "isnan", lambda g: [T([1.0, float("nan"), float("inf")])], torch.isnan)
    f.case("isfinite", "isfinite", lambda g: [T([1.0, float("nan"), float("-inf")])], torch.isfinite)

    # ---- where (also listed under indexing: boolean masks)
    f.case("where", "where", lambda g: [B(g, 3, 4), U(g, 3, 4), U(g, 3, 4)], torch.where)
    f.case("where_broadcast", "where", lambda g: [B(g, 3, 1), U(g, 1, 4), U(g, 3, 4)], torch.where)
    f.case("where_scalar_other", "where", lambda g: [B(g, 2, 3), U(g, 2, 3), U(g)], torch.where)

    # ---- integer and mixed dtypes (type promotion)
    ints = lambda g: [I(g, -9, 10, 2, 3), I(g, 1, 5, 2, 3)]
    f.case("add_int", "add", ints, torch.add)
    f.case("mul_int", "mul", ints, torch.mul)
    f.case("div_int_is_true_division", "div", ints, torch.div)
    f.case("remainder_int", "remainder", lambda g: [T([-7, 7, -7, 7, 0], torch.int64),
                                                    T([3, 3, -3, -3, 5], torch.int64)], torch.remainder)
    f.case("add_int_float_promotes", "add", lambda g: [I(g, -3, 4, 2, 3), U(g, 3)], torch.add)
    f.case("mul_bool_float", "mul", lambda g: [B(g, 2, 3), U(g, 2, 3)], torch.mul)
    f.case("add_scalar_int", "add_scalar", lambda g: [I(g, -5, 5, 4)], lambda a: a + 3, {"s": 3.0})
    f.case("add_scalar_int_fraction", "add_scalar", lambda g: [I(g, -5, 5, 4)], lambda a: a + 0.5, {"s": 0.5})
    f.case("mul_scalar_int", "mul_scalar", lambda g: [I(g, -5, 5, 4)], lambda a: a * -2, {"s": -2.0})
    f.case("div_scalar_int", "div_scalar", lambda g: [I(g, -5, 5, 4)], lambda a: a / 2, {"s": 2.0})
    f.case("neg_int", "neg", lambda g: [I(g, -5, 5, 4)], torch.neg)
    f.case("abs_int", "abs", lambda g: [I(g, -5, 5, 4)], torch.abs)
    f.case("maximum_int", "maximum", ints, torch.maximum)
    f.case("eq_int_float", "eq", lambda g: [T([1, 2, 3], torch.int64), T([1.0, 2.5, 3.0])], torch.eq)
    f.case("exp_of_int", "exp", lambda g: [T([0, 1, 2], torch.int64)], lambda a: torch.exp(a.double()))

    # ---- layouts: non-contiguous operands, one tensor used twice
    f.case("add_permuted", "add", lambda g: [U(g, 3, 2), U(g, 2, 3)], torch.add, pre=[(0, (1, 0))])
    f.case("mul_both_permuted", "mul", lambda g: [U(g, 4, 3), U(g, 3, 4)], torch.mul, pre=[(0, (1, 0)), (1, (0, 1))])
    f.case("exp_permuted", "exp", lambda g: [U(g, 2, 3, 2)], torch.exp, pre=[(0, (2, 0, 1))])
    f.case("mul_self", "mul_self", lambda g: [U(g, 2, 3)], lambda a: a * a)

    # ---- special values (forward only where the float64 gradient would not be PyTorch's float32 one)
    nan, inf = float("nan"), float("inf")
    f.case("maximum_nan", "maximum", lambda g: [T([1.0, nan, nan, -inf]), T([nan, 2.0, nan, 0.0])], torch.maximum,
           nograd=(0, 1))
    f.case("minimum_nan", "minimum", lambda g: [T([1.0, nan, nan, inf]), T([nan, 2.0, nan, 0.0])], torch.minimum,
           nograd=(0, 1))
    f.case("clamp_nan", "clamp", lambda g: [T([nan, -3.0, 3.0, inf, -inf])], lambda a: a.clamp(-1.0, 1.0),
           {"min": -1.0, "max": 1.0}, nograd=(0,))
    f.case("relu_nan_inf", "relu", lambda g: [T([nan, inf, -inf, -0.0])], torch.relu, nograd=(0,))
    f.case("sigmoid_inf", "sigmoid", lambda g: [T([inf, -inf, nan])], torch.sigmoid, nograd=(0,))
    f.case("tanh_inf", "tanh", lambda g: [T([inf, -inf])], torch.tanh, nograd=(0,))
    f.case("div_by_zero", "div", lambda g: [T([1.0, -1.0, 0.0, 2.0]), T([0.0, 0.0, 0.0, -0.0])], torch.div,
           nograd=(0, 1))
    f.case("remainder_by_zero", "remainder", lambda g: [T([1.0, -1.0]), T([0.0, 0.0])], torch.remainder,
           nograd=(0, 1))
    f.case("pow_special", "pow", lambda g: [T([0.0, 0.0, -8.0, 2.0, inf, 1.0, -1.0, 1.0]),
                                                T([0.0, -1.0, 1.0 / 3, -inf, -1.0, nan, inf, -inf])],
           torch.pow, nograd=(0, 1))
    f.case("rpow_scalar_one", "rpow_scalar", lambda g: [T([nan, inf, -inf, 2.0])], lambda a: 1.0 ** a,
           {"base": 1.0}, nograd=(0,))
    f.case("pow_scalar_nan_base_zero_exponent", "pow_scalar", lambda g: [T([nan, inf])], lambda a: a ** 0.0,
           {"e": 0.0}, nograd=(0,))
    f.case("sqrt_log_negative", "sqrt", lambda g: [T([-1.0, 0.0, inf])], torch.sqrt, nograd=(0,))
    f.case("log_negative", "log", lambda g: [T([-1.0, inf, nan])], torch.log, nograd=(0,))
    f.case("sign_nan", "sign", lambda g: [T([nan, -inf, inf])], torch.sign, nograd=(0,))
    f.case("round_large_and_negative_zero", "round", lambda g: [T([-0.4, 1e7 + 0.5, -3.5, 4.5])], torch.round,
           nograd=(0,))
    f.case("compare_nan", "lt", lambda g: [T([nan, 1.0, nan]), T([1.0, nan, nan])], torch.lt)
    f.case("ne_nan", "ne", lambda g: [T([nan, 1.0]), T([nan, 1.0])], torch.ne)
    f.case("where_inf", "where", lambda g: [T([True, False, True], torch.bool), T([inf, 1.0, -inf]),
                                            T([0.0, -inf, 5.0])], torch.where, nograd=(1, 2))
    return f


# ================================================================ reductions


def reductions_family():
    f = Family("reductions")
    x = lambda g: [U(g, 2, 3, 4)]
    for op, fn in {"sum": torch.sum, "mean": torch.mean}.items():
        f.case(f"{op}_all", op, x, lambda a, fn=fn: fn(a), {"dims": None, "keepdim": False})
        f.case(f"{op}_dim1", op, x, lambda a, fn=fn: fn(a, 1), {"dims": [1], "keepdim": False})
        f.case(f"{op}_dims_keepdim", op, x, lambda a, fn=fn: fn(a, (0, 2), keepdim=True),
               {"dims": [0, 2], "keepdim": True})
        f.case(f"{op}_negative_dim_keepdim", op, x, lambda a, fn=fn: fn(a, -1, keepdim=True),
               {"dims": [-1], "keepdim": True})
        f.case(f"{op}_all_dims_keepdim", op, x, lambda a, fn=fn: fn(a, (0, 1, 2), keepdim=True),
               {"dims": [0, 1, 2], "keepdim": True})
        f.case(f"{op}_permuted", op, x, lambda a, fn=fn: fn(a, 0), {"dims": [0], "keepdim": False},
               pre=[(0, (2, 1, 0))])
    f.case("sum_int", "sum", lambda g: [I(g, -5, 5, 3, 4)], lambda a: a.sum(1), {"dims": [1], "keepdim": False})
    f.case("sum_bool", "sum", lambda g: [B(g, 3, 4)], lambda a: a.sum(), {"dims": None, "keepdim": False})
    f.case("sum_large_count", "sum", lambda g: [U(g, 40, 25, lo=0.0, hi=1.0)], lambda a: a.sum(),
           {"dims": None, "keepdim": False})

    d = lambda g: [D(g, 3, 4)]
    f.case("max_all", "max_all", d, torch.max)
    f.case("min_all", "min_all", d, torch.min)
    f.case("max_all_ties", "max_all", lambda g: [T([[1.0, 3.0], [3.0, -1.0]])], torch.max)
    f.case("min_all_ties", "min_all", lambda g: [T([[1.0, -3.0], [-3.0, -3.0]])], torch.min)
    for keep in (False, True):
        k = "_keepdim" if keep else ""
        f.case(f"max_dim1{k}", "max_dim", d, lambda a, keep=keep: torch.max(a, 1, keepdim=keep),
               {"dim": 1, "keepdim": keep})
        f.case(f"min_dim0{k}", "min_dim", d, lambda a, keep=keep: torch.min(a, 0, keepdim=keep),
               {"dim": 0, "keepdim": keep})
        f.case(f"argmax_dim1{k}", "argmax", d, lambda a, keep=keep: torch.argmax(a, 1, keepdim=keep),
               {"dim": 1, "keepdim": keep})
        f.case(f"argmin_dim0{k}", "argmin", d, lambda a, keep=keep: torch.argmin(a, 0, keepdim=keep),
               {"dim": 0, "keepdim": keep})
    f.case("max_dim_negative", "max_dim", lambda g: [D(g, 2, 3, 4)], lambda a: torch.max(a, -2),
           {"dim": -2, "keepdim": False})
    f.case("argmax_all", "argmax", d, lambda a: torch.argmax(a), {"dim": None, "keepdim": False})
    f.case("argmin_all", "argmin", d, lambda a: torch.argmin(a), {"dim": None, "keepdim": False})
    f.case("max_dim_int", "max_dim", lambda g: [T([[3, -1, 7], [2, 9, 0]], torch.int64)],
           lambda a: torch.max(a, 1), {"dim": 1, "keepdim": False})
    f.case("amax_dims", "amax", lambda g: [D(g, 2, 3, 4)], lambda a: torch.amax(a, (0, 2)),
           {"dims": [0, 2], "keepdim": False})
    f.case("amax_keepdim", "amax", d, lambda a: torch.amax(a, 1, keepdim=True), {"dims": [1], "keepdim": True})
    f.case("amax_ties", "amax", lambda g: [T([[2.0, 2.0, 1.0], [0.0, 5.0, 5.0]])], lambda a: torch.amax(a, 1),
           {"dims": [1], "keepdim": False})
    f.case("amin_dims", "amin", lambda g: [D(g, 2, 3, 4)], lambda a: torch.amin(a, (1, 2), keepdim=True),
           {"dims": [1, 2], "keepdim": True})

    for corr in (0, 1, 2):
        f.case(f"var_dim1_correction{corr}", "var", x, lambda a, c=corr: torch.var(a, 1, correction=c),
               {"dims": [1], "correction": corr, "keepdim": False})
        f.case(f"std_dims_correction{corr}", "std", x,
               lambda a, c=corr: torch.std(a, (0, 2), correction=c, keepdim=True),
               {"dims": [0, 2], "correction": corr, "keepdim": True})
    f.case("var_all", "var", x, lambda a: torch.var(a), {"dims": None, "correction": 1, "keepdim": False})
    f.case("std_all", "std", x, lambda a: torch.std(a), {"dims": None, "correction": 1, "keepdim": False})
    f.case("var_large_offset", "var", lambda g: [U(g, 3, 8, lo=999.0, hi=1001.0)],
           lambda a: torch.var(a, 1, correction=1), {"dims": [1], "correction": 1, "keepdim": False})
    f.case("std_population_keepdim", "std", lambda g: [U(g, 4, 5)],
           lambda a: torch.std(a, -1, correction=0, keepdim=True), {"dims": [-1], "correction": 0, "keepdim": True})

    f.case("prod_all", "prod", lambda g: [U(g, 2, 4, lo=0.5, hi=1.5)], torch.prod, {"dim": None, "keepdim": False})
    f.case("prod_dim", "prod", lambda g: [U(g, 3, 4)], lambda a: torch.prod(a, 1), {"dim": 1, "keepdim": False})
    f.case("prod_dim_keepdim", "prod", lambda g: [U(g, 3, 4)], lambda a: torch.prod(a, 0, keepdim=True),
           {"dim": 0, "keepdim": True})
    f.case("prod_one_zero", "prod", lambda g: [T([[2.0, 0.0, 3.0], [1.5, -2.0, 0.5]])], lambda a: torch.prod(a, 1),
           {"dim": 1, "keepdim": False})
    f.case("prod_two_zeros", "prod", lambda g: [T([[0.0, 4.0, 0.0], [0.0, 3.0, -1.0]])],
           lambda a: torch.prod(a, 1), {"dim": 1, "keepdim": False})
    f.case("prod_all_with_zero", "prod", lambda g: [T([1.5, -2.0, 0.0, 4.0])], torch.prod,
           {"dim": None, "keepdim": False})
    f.case("prod_int", "prod", lambda g: [T([[2, 3, -1], [4, 0, 5]], torch.int64)], lambda a: torch.prod(a, 1),
           {"dim": 1, "keepdim": False})

    f.case("logsumexp_dim1", "logsumexp", x, lambda a: torch.logsumexp(a, 1), {"dim": 1, "keepdim": False})
    f.case("logsumexp_keepdim", "logsumexp", x, lambda a: torch.logsumexp(a, -1, keepdim=True),
           {"dim": -1, "keepdim": True})
    f.case("logsumexp_large", "logsumexp", lambda g: [T([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -999.0]])],
           lambda a: torch.logsumexp(a, 1), {"dim": 1, "keepdim": False})
    f.case("softmax_last", "softmax", x, lambda a: torch.softmax(a, -1), {"dim": -1})
    f.case("softmax_dim0", "softmax", x, lambda a: torch.softmax(a, 0), {"dim": 0})
    f.case("softmax_large", "softmax", lambda g: [T([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -999.0]])],
           lambda a: torch.softmax(a, 1), {"dim": 1})
    f.case("softmax_spread", "softmax", lambda g: [T([[0.0, 50.0, -50.0, 10.0]])], lambda a: torch.softmax(a, 1),
           {"dim": 1})
    f.case("log_softmax_last", "log_softmax", x, lambda a: torch.log_softmax(a, -1), {"dim": -1})
    f.case("log_softmax_dim1", "log_softmax", x, lambda a: torch.log_softmax(a, 1), {"dim": 1})
    f.case("log_softmax_large", "log_softmax",
           lambda g: [T([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -999.0]])],
           lambda a: torch.log_softmax(a, 1), {"dim": 1})
    f.case("log_softmax_spread", "log_softmax", lambda g: [T([[0.0, 50.0, -50.0, 10.0]])],
           lambda a: torch.log_softmax(a, 1), {"dim": 1})

    # ---- masked (-inf) entries, NaN propagation, empty and single-element inputs
    nan, inf = float("nan"), float("inf")
    masked = lambda g: [T([[0.5, -inf, 1.0, -inf], [-inf, 2.0, -1.0, 0.0]])]
    f.case("softmax_masked", "softmax", masked, lambda a: torch.softmax(a, 1), {"dim": 1})
    f.case("log_softmax_masked", "log_softmax", masked, lambda a: torch.log_softmax(a, 1), {"dim": 1}, nograd=(0,))
    f.case("logsumexp_masked", "logsumexp", masked, lambda a: torch.logsumexp(a, 1), {"dim": 1, "keepdim": False})
    f.case("logsumexp_all_minus_inf", "logsumexp", lambda g: [T([[-inf, -inf], [0.0, 1.0]])],
           lambda a: torch.logsumexp(a, 1), {"dim": 1, "keepdim": False}, nograd=(0,))
    f.case("logsumexp_plus_inf", "logsumexp", lambda g: [T([[inf, 1.0], [0.0, 1.0]])],
           lambda a: torch.logsumexp(a, 1), {"dim": 1, "keepdim": False}, nograd=(0,))
    nanrows = lambda g: [T([[1.0, nan, 3.0], [2.0, 5.0, -1.0]])]
    f.case("max_all_nan", "max_all", nanrows, torch.max, nograd=(0,))
    f.case("min_all_nan", "min_all", nanrows, torch.min, nograd=(0,))
    f.case("max_dim_nan", "max_dim", nanrows, lambda a: torch.max(a, 1), {"dim": 1, "keepdim": False}, nograd=(0,))
    f.case("min_dim_nan", "min_dim", nanrows, lambda a: torch.min(a, 1), {"dim": 1, "keepdim": False}, nograd=(0,))
    f.case("argmax_nan", "argmax", nanrows, lambda a: torch.argmax(a, 1), {"dim": 1, "keepdim": False})
    f.case("argmin_nan", "argmin", nanrows, lambda a: torch.argmin(a, 1), {"dim": 1, "keepdim": False})
    f.case("amax_nan", "amax", nanrows, lambda a: torch.amax(a, 1), {"dims": [1], "keepdim": False}, nograd=(0,))
    f.case("sum_nan_inf", "sum", lambda g: [T([[1.0, nan], [inf, 1.0], [inf, -inf]])], lambda a: a.sum(1),
           {"dims": [1], "keepdim": False}, nograd=(0,))
    f.case("sum_empty_dim", "sum", lambda g: [torch.zeros(0, 3)], lambda a: a.sum(0), {"dims": [0], "keepdim": False})
    f.case("sum_over_nonempty_of_empty", "sum", lambda g: [torch.zeros(0, 3)], lambda a: a.sum(1),
           {"dims": [1], "keepdim": False})
    f.case("mean_empty_is_nan", "mean", lambda g: [torch.zeros(0)], lambda a: a.mean(), {"dims": None, "keepdim": False},
           nograd=(0,))
    f.case("prod_empty_is_one", "prod", lambda g: [torch.zeros(2, 0)], lambda a: torch.prod(a, 1),
           {"dim": 1, "keepdim": False})
    f.case("var_single_element_is_nan", "var", lambda g: [T([[2.0], [3.0]])],
           lambda a: torch.var(a, 1, correction=1), {"dims": [1], "correction": 1, "keepdim": False}, nograd=(0,))
    f.case("var_correction_0_single_element", "var", lambda g: [T([[2.0], [3.0]])],
           lambda a: torch.var(a, 1, correction=0), {"dims": [1], "correction": 0, "keepdim": False})
    f.case("max_dim_0d", "max_dim", lambda g: [T(2.5)], lambda a: torch.max(a, 0), {"dim": 0, "keepdim": False})
    f.case("sum_0d", "sum", lambda g: [T(2.5)], lambda a: a.sum(), {"dims": None, "keepdim": False})
    f.case("softmax_0d", "softmax", lambda g: [T(2.5)], lambda a: torch.softmax(a, 0), {"dim": 0})
    return f


# ================================================================ linear algebra


def linalg_family():
    f = Family("linalg")
    mm = torch.matmul
    cases = {
        "matmul_dot": ((4,), (4,)), "matmul_mv": ((3, 4), (4,)), "matmul_vm": ((4,), (4, 3)),
        "matmul_mm": ((2, 4), (4, 3)), "matmul_batched": ((2, 3, 4), (2, 4, 5)),
        "matmul_batched_by_matrix": ((2, 3, 4), (4, 2)), "matmul_matrix_by_batched": ((3, 4), (2, 4, 2)),
        "matmul_broadcast_batches": ((2, 1, 3, 4), (3, 4, 2)), "matmul_vector_by_batched": ((4,), (2, 4, 3)),
        "matmul_batched_by_vector": ((2, 3, 4), (4,)), "matmul_broadcast_both": ((3, 1, 2, 3), (1, 2, 3, 2)),
    }
    for name, (sa, sb) in cases.items():
        f.case(name, "matmul", lambda g, sa=sa, sb=sb: [U(g, *sa), U(g, *sb)], mm)
    f.case("matmul_transposed_inputs", "matmul", lambda g: [U(g, 4, 3), U(g, 5, 4)], mm,
           pre=[(0, (1, 0)), (1, (1, 0))])
    f.case("matmul_one_input_constant", "matmul", lambda g: [U(g, 3, 4), U(g, 4, 2)], mm, nograd=(1,))
    f.case("mm", "mm", lambda g: [U(g, 3, 5), U(g, 5, 2)], torch.mm)
    f.case("mm_transposed", "mm", lambda g: [U(g, 5, 3), U(g, 5, 2)], torch.mm, pre=[(0, (1, 0))])
    f.case("bmm", "bmm", lambda g: [U(g, 2, 3, 4), U(g, 2, 4, 2)], torch.bmm)
    f.case("mv", "mv", lambda g: [U(g, 3, 5), U(g, 5)], torch.mv)
    f.case("dot", "dot", lambda g: [U(g, 6), U(g, 6)], torch.dot)
    f.case("outer", "outer", lambda g: [U(g, 3), U(g, 4)], torch.outer)
    f.case("matmul_empty_inner", "matmul", lambda g: [torch.zeros(2, 0), torch.zeros(0, 3)], mm)
    f.case("matmul_empty_batch", "matmul", lambda g: [torch.zeros(0, 2, 3), U(g, 3, 2)], mm)
    f.case("matmul_expanded_operand", "matmul_expanded", lambda g: [U(g, 1, 3), U(g, 2, 3, 2)],
           lambda a, b: a.expand(2, 4, 3).matmul(b), {"expand": [2, 4, 3]})
    f.case("matmul_inf", "matmul", lambda g: [T([[float("inf"), 1.0], [0.0, 1.0]]), T([[1.0, 0.0], [2.0, 3.0]])], mm,
           nograd=(0, 1))
    return f


# ================================================================ indexing


def indexing_family():
    f = Family("indexing")
    x = lambda g: [U(g, 4, 3)]
    f.case("index_select_dim0", "index_select", lambda g: [U(g, 4, 3), T([2, 0, 2, 3], torch.int64)],
           lambda a, i: a.index_select(0, i), {"dim": 0})
    f.case("index_select_dim1", "index_select", lambda g: [U(g, 2, 4, 3), T([1, 1, 0], torch.int64)],
           lambda a, i: a.index_select(1, i), {"dim": 1})
    f.case("index_select_negative_dim", "index_select", lambda g: [U(g, 3, 4), T([3, 0], torch.int64)],
           lambda a, i: a.index_select(-1, i), {"dim": -1})
    f.case("gather_dim1", "gather", lambda g: [U(g, 3, 4), T([[0, 3], [1, 1], [2, 0]], torch.int64)],
           lambda a, i: a.gather(1, i), {"dim": 1})
    f.case("gather_dim0", "gather", lambda g: [U(g, 3, 4), T([[2, 0, 1, 1], [0, 0, 2, 1]], torch.int64)],
           lambda a, i: a.gather(0, i), {"dim": 0})
    f.case("gather_3d", "gather", lambda g: [U(g, 2, 3, 4), I(g, 0, 3, 2, 2, 4)], lambda a, i: a.gather(1, i),
           {"dim": 1})
    f.case("scatter_dim1", "scatter",
           lambda g: [U(g, 3, 5), T([[0, 4], [2, 1], [3, 0]], torch.int64), U(g, 3, 2)],
           lambda a, i, s: a.scatter(1, i, s), {"dim": 1})
    f.case("scatter_dim0", "scatter",
           lambda g: [U(g, 3, 4), T([[2, 0, 1, 0]], torch.int64), U(g, 1, 4)],
           lambda a, i, s: a.scatter(0, i, s), {"dim": 0})
    f.case("scatter_add_duplicates", "scatter_add",
           lambda g: [U(g, 3, 4), T([[0, 1, 0], [3, 3, 3], [2, 0, 2]], torch.int64), U(g, 3, 3)],
           lambda a, i, s: a.scatter_add(1, i, s), {"dim": 1})
    f.case("scatter_add_dim0", "scatter_add",
           lambda g: [torch.zeros(3, 2), T([[0, 1], [0, 2], [0, 0], [1, 1]], torch.int64), U(g, 4, 2)],
           lambda a, i, s: a.scatter_add(0, i, s), {"dim": 0})
    f.case("masked_fill", "masked_fill", lambda g: [U(g, 3, 4), B(g, 3, 4)], lambda a, m: a.masked_fill(m, -5.5),
           {"value": -5.5})
    f.case("masked_fill_broadcast", "masked_fill", lambda g: [U(g, 3, 4), B(g, 4)],
           lambda a, m: a.masked_fill(m, 0.0), {"value": 0.0})
    f.case("masked_fill_inf", "masked_fill", lambda g: [U(g, 2, 3), T([[False, True, True], [False, False, True]],
                                                                        torch.bool)],
           lambda a, m: a.masked_fill(m, float("-inf")), {"value": "-inf"})
    f.case("masked_select", "masked_select", lambda g: [U(g, 3, 4), B(g, 3, 4)], torch.masked_select)
    f.case("masked_select_broadcast", "masked_select", lambda g: [U(g, 3, 4), T([True, False, False, True],
                                                                                 torch.bool)],
           torch.masked_select)
    f.case("index_bool_mask_full", "index_mask", lambda g: [U(g, 3, 4), B(g, 3, 4)], lambda a, m: a[m])
    f.case("index_bool_mask_rows", "index_mask", lambda g: [U(g, 4, 3), T([True, False, True, True], torch.bool)],
           lambda a, m: a[m])
    f.case("index_bool_mask_from_comparison", "index_mask_gt", lambda g: [U(g, 3, 4)], lambda a: a[a > 0.5],
           {"threshold": 0.5})
    f.case("index_long_dim0", "index_long", lambda g: [U(g, 4, 3), T([3, 0, 3], torch.int64)], lambda a, i: a[i])
    f.case("index_long_negative", "index_long", lambda g: [U(g, 4, 3), T([-1, 1], torch.int64)], lambda a, i: a[i])
    for spec in ["0, 1:3", "..., ::2", ":, None, 1", "-1", "1:, ..., 0", "1::2, -2:", "None, 2", ":, :, None"]:
        name = "index_spec_" + spec.replace(" ", "").replace(",", "_").replace(":", "c").replace(".", "d") \
            .replace("-", "m")
        f.case(name, "index_spec", lambda g: [U(g, 4, 3, 2)], lambda a, spec=spec: eval("a[" + spec + "]"),
               {"spec": spec})
    f.case("get_element", "get", lambda g: [U(g, 4, 3)], lambda a: a[2, 1], {"indices": [2, 1]})
    f.case("get_row", "get", lambda g: [U(g, 4, 3)], lambda a: a[-1], {"indices": [-1]})
    f.case("nonzero_2d", "nonzero", lambda g: [T([[0.0, 1.5, 0.0], [2.0, 0.0, -1.0]])], torch.nonzero)
    f.case("nonzero_bool", "nonzero", lambda g: [T([False, True, True, False, True], torch.bool)], torch.nonzero)
    f.case("nonzero_none", "nonzero", lambda g: [torch.zeros(2, 3)], torch.nonzero)
    f.case("topk_largest", "topk", lambda g: [D(g, 3, 5)], lambda a: torch.topk(a, 2, -1, True),
           {"k": 2, "dim": -1, "largest": True})
    f.case("topk_smallest", "topk", lambda g: [D(g, 3, 5)], lambda a: torch.topk(a, 3, 1, False),
           {"k": 3, "dim": 1, "largest": False})
    f.case("topk_dim0", "topk", lambda g: [D(g, 4, 3)], lambda a: torch.topk(a, 1, 0, True),
           {"k": 1, "dim": 0, "largest": True})
    f.case("sort_ascending", "sort", lambda g: [D(g, 3, 5)], lambda a: torch.sort(a, -1, False),
           {"dim": -1, "descending": False})
    f.case("sort_descending", "sort", lambda g: [D(g, 3, 5)], lambda a: torch.sort(a, 1, True),
           {"dim": 1, "descending": True})
    f.case("sort_dim0", "sort", lambda g: [D(g, 4, 3)], lambda a: torch.sort(a, 0, False),
           {"dim": 0, "descending": False})
    f.case("sort_int", "sort", lambda g: [T([[5, -2, 9, 0], [3, 4, 1, -7]], torch.int64)],
           lambda a: torch.sort(a, 1, False), {"dim": 1, "descending": False})
    nan, inf = float("nan"), float("inf")
    f.case("sort_nan_inf", "sort", lambda g: [T([[2.0, nan, -inf, inf, 0.5]])], lambda a: torch.sort(a, 1, False),
           {"dim": 1, "descending": False}, nograd=(0,))
    f.case("sort_nan_inf_descending", "sort", lambda g: [T([[2.0, nan, -inf, inf, 0.5]])],
           lambda a: torch.sort(a, 1, True), {"dim": 1, "descending": True}, nograd=(0,))
    f.case("topk_nan", "topk", lambda g: [T([[2.0, nan, -1.0, 3.0]])], lambda a: torch.topk(a, 2, 1, True),
           {"k": 2, "dim": 1, "largest": True}, nograd=(0,))
    f.case("topk_k0", "topk", lambda g: [U(g, 2, 3)], lambda a: torch.topk(a, 0, 1, True),
           {"k": 0, "dim": 1, "largest": True})
    f.case("index_select_empty", "index_select", lambda g: [U(g, 4, 3), torch.zeros(0, dtype=torch.int64)],
           lambda a, i: a.index_select(0, i), {"dim": 0})
    f.case("index_select_0d_index", "index_select", lambda g: [U(g, 4, 3), T(2, torch.int64)],
           lambda a, i: a.index_select(1, i), {"dim": 1})
    f.case("gather_negative_dim", "gather", lambda g: [U(g, 2, 3), T([[2, 2], [0, 1]], torch.int64)],
           lambda a, i: a.gather(-1, i), {"dim": -1})
    f.case("gather_smaller_index", "gather", lambda g: [U(g, 3, 4), T([[1], [3]], torch.int64)],
           lambda a, i: a.gather(1, i), {"dim": 1})
    f.case("scatter_permuted_self", "scatter",
           lambda g: [U(g, 5, 3), T([[0, 4], [2, 1], [3, 0]], torch.int64), U(g, 3, 2)],
           lambda a, i, s: a.scatter(1, i, s), {"dim": 1}, pre=[(0, (1, 0))])
    f.case("masked_fill_0d_mask", "masked_fill", lambda g: [U(g, 2, 3), T(True, torch.bool)],
           lambda a, m: a.masked_fill(m, 1.5), {"value": 1.5})
    f.case("masked_fill_nan", "masked_fill", lambda g: [U(g, 2, 3), T([True, False, True], torch.bool)],
           lambda a, m: a.masked_fill(m, nan), {"value": "nan"})
    f.case("masked_select_none", "masked_select", lambda g: [U(g, 2, 3), torch.zeros(2, 3, dtype=torch.bool)],
           torch.masked_select)
    f.case("masked_select_int", "masked_select", lambda g: [I(g, -5, 5, 2, 3), B(g, 2, 3)], torch.masked_select)
    f.case("index_long_2d_index", "index_long", lambda g: [U(g, 4, 3), T([[0, 1], [3, 3]], torch.int64)],
           lambda a, i: a[i])
    f.case("index_mask_permuted", "index_mask", lambda g: [U(g, 4, 3), B(g, 3, 4)], lambda a, m: a[m],
           pre=[(0, (1, 0))])
    f.case("index_spec_of_permuted", "index_spec", lambda g: [U(g, 4, 3, 2)], lambda a: a[1:, 0],
           {"spec": "1:, 0"}, pre=[(0, (2, 0, 1))])
    f.case("nonzero_0d", "nonzero", lambda g: [T(3.0)], torch.nonzero)
    f.case("nonzero_3d_int", "nonzero", lambda g: [I(g, 0, 2, 2, 2, 3)], torch.nonzero)
    return f


# ================================================================ einsum


def einsum_family():
    f = Family("einsum")
    shapes = {
        "ij->ji": [(3, 4)], "ij->": [(3, 4)], "ij->j": [(3, 4)], "ik,kj->ij": [(2, 3), (3, 4)],
        "bik,bkj->bij": [(2, 3, 4), (2, 4, 2)], "i,j->ij": [(3,), (4,)], "i,i->": [(5,), (5,)],
        "ii->i": [(4, 4)], "ii->": [(4, 4)], "bn,anm,bm->ba": [(2, 3), (4, 3, 5), (2, 5)],
        # implicit output (alphabetical free indices) and spaces, as torch.einsum accepts them
        "ik,kj": [(2, 3), (3, 4)], "ij, jk -> ik": [(2, 3), (3, 2)], "ij->i": [(3, 4)], "ijk->kji": [(2, 3, 2)],
        # ellipsis broadcasting
        "...ij,...jk->...ik": [(2, 3, 4), (4, 2)], "...i->...": [(2, 3, 4)],
        # repeated operand letters with broadcasting size-1 dims, a dim that is summed in one operand only
        "ij,kj->ik": [(2, 3), (1, 3)], "ij,jk->": [(2, 3), (3, 2)], "iij->j": [(3, 3, 2)], "i,i,i->i": [(4,), (4,), (4,)],
    }
    for eq, ss in shapes.items():
        name = "einsum_" + eq.replace(" ", "").replace(",", "_").replace("->", "_to_").replace("...", "etc")
        f.case(name, "einsum", lambda g, ss=ss: [U(g, *s) for s in ss],
               lambda *xs, eq=eq: torch.einsum(eq, *xs), {"equation": eq})
    return f


# ================================================================ convolution and pooling


def cnn_family():
    f = Family("cnn")

    def conv(name, n, c, h, w, oc, kh, kw, bias=True, **kw_args):
        groups = kw_args.get("groups", 1)

        def make(g):
            ins = [U(g, n, c, h, w, lo=-1, hi=1), U(g, oc, c // groups, kh, kw, lo=-0.5, hi=0.5)]
            if bias:
                ins.append(U(g, oc, lo=-0.5, hi=0.5))
            return ins
        args = {"stride": [1, 1], "padding": [0, 0], "dilation": [1, 1], "groups": 1}
        for k, v in kw_args.items():
            args[k] = list(v) if isinstance(v, tuple) else v
        f.case(name, "conv2d", make, lambda x, wt, b=None: F.conv2d(x, wt, b, **kw_args), args)

    conv("conv2d_basic", 2, 3, 5, 5, 4, 3, 3)
    conv("conv2d_stride2_pad1", 1, 2, 6, 5, 3, 3, 3, stride=(2, 2), padding=(1, 1))
    conv("conv2d_dilation2", 1, 2, 7, 6, 2, 3, 3, dilation=(2, 2), padding=(1, 1))
    conv("conv2d_groups2_no_bias", 1, 4, 5, 5, 4, 3, 3, bias=False, groups=2)
    conv("conv2d_depthwise", 1, 3, 5, 4, 3, 3, 3, groups=3, padding=(1, 1))
    conv("conv2d_rect", 2, 2, 6, 7, 3, 2, 3, stride=(2, 1), padding=(1, 0))
    conv("conv2d_1x1", 2, 3, 3, 3, 2, 1, 1)
    conv("conv2d_same_odd", 1, 2, 5, 6, 2, 3, 3, padding="same")
    conv("conv2d_same_even_kernel", 1, 2, 5, 5, 2, 4, 2, padding="same")
    conv("conv2d_same_dilated", 1, 2, 6, 6, 2, 3, 3, padding="same", dilation=(2, 1))

    def convt(name, n, c, h, w, oc, kh, kw, bias=True, **kw_args):
        groups = kw_args.get("groups", 1)

        def make(g):
            ins = [U(g, n, c, h, w, lo=-1, hi=1), U(g, c, oc // groups, kh, kw, lo=-0.5, hi=0.5)]
            if bias:
                ins.append(U(g, oc, lo=-0.5, hi=0.5))
            return ins
        args = {"stride": [1, 1], "padding": [0, 0], "output_padding": [0, 0], "dilation": [1, 1], "groups": 1}
        for k, v in kw_args.items():
            args[k] = list(v) if isinstance(v, tuple) else v
        f.case(name, "conv_transpose2d", make, lambda x, wt, b=None: F.conv_transpose2d(x, wt, b, **kw_args), args)

    convt("conv_transpose2d_basic", 2, 3, 3, 3, 2, 3, 3)
    convt("conv_transpose2d_stride2", 1, 2, 3, 4, 3, 3, 3, stride=(2, 2))
    convt("conv_transpose2d_pad_outpad", 1, 2, 3, 3, 2, 3, 3, stride=(2, 2), padding=(1, 1),
          output_padding=(1, 1))
    convt("conv_transpose2d_groups_dilation", 1, 4, 3, 3, 2, 2, 2, bias=False, groups=2, dilation=(2, 2))
    convt("conv_transpose2d_rect", 1, 2, 2, 3, 2, 2, 3, stride=(1, 2), padding=(0, 1))

    def mp(name, h, w, k, s=None, p=(0, 0), ceil=False, dil=(1, 1), indices=True):
        s = s or k
        f.case(name, "max_pool2d", lambda g: [D(g, 2, 2, h, w)],
               lambda x: F.max_pool2d(x, k, s, p, dil, ceil_mode=ceil, return_indices=indices),
               {"kernel": list(k), "stride": list(s), "padding": list(p), "dilation": list(dil), "ceil_mode": ceil,
                "return_indices": indices})

    mp("max_pool2d_k2", 4, 4, (2, 2), indices=False)
    mp("max_pool2d_k3_s2_p1", 5, 5, (3, 3), (2, 2), (1, 1))
    mp("max_pool2d_ceil_mode", 5, 6, (2, 2), (2, 2), ceil=True)
    mp("max_pool2d_ceil_mode_pad", 6, 5, (3, 3), (2, 2), (1, 1), ceil=True)
    mp("max_pool2d_rect_dilation", 6, 7, (2, 3), (1, 2), (1, 1), dil=(2, 1))
    mp("max_pool2d_negative_values_in_padding", 3, 3, (3, 3), (1, 1), (1, 1))

    def ap(name, h, w, k, s=None, p=(0, 0), ceil=False, include=True):
        s = s or k
        f.case(name, "avg_pool2d", lambda g: [U(g, 2, 2, h, w)],
               lambda x: F.avg_pool2d(x, k, s, p, ceil_mode=ceil, count_include_pad=include),
               {"kernel": list(k), "stride": list(s), "padding": list(p), "ceil_mode": ceil,
                "count_include_pad": include})

    ap("avg_pool2d_k2", 4, 4, (2, 2))
    ap("avg_pool2d_pad_include", 5, 5, (3, 3), (2, 2), (1, 1), include=True)
    ap("avg_pool2d_pad_exclude", 5, 5, (3, 3), (2, 2), (1, 1), include=False)
    ap("avg_pool2d_ceil_include", 5, 6, (3, 3), (2, 2), (1, 1), ceil=True, include=True)
    ap("avg_pool2d_ceil_exclude", 5, 6, (3, 3), (2, 2), (1, 1), ceil=True, include=False)
    ap("avg_pool2d_rect", 4, 6, (2, 3), (1, 3))

    for name, (h, w, oh, ow) in {"adaptive_avg_pool2d_nondivisible": (5, 7, 3, 2),
                                 "adaptive_avg_pool2d_up": (3, 3, 4, 5),
                                 "adaptive_avg_pool2d_global": (4, 5, 1, 1)}.items():
        f.case(name, "adaptive_avg_pool2d", lambda g, h=h, w=w: [U(g, 2, 2, h, w)],
               lambda x, oh=oh, ow=ow: F.adaptive_avg_pool2d(x, (oh, ow)), {"output_size": [oh, ow]})
    for name, (h, w, oh, ow) in {"adaptive_max_pool2d_nondivisible": (5, 7, 3, 4),
                                 "adaptive_max_pool2d_global": (4, 5, 1, 1)}.items():
        f.case(name, "adaptive_max_pool2d", lambda g, h=h, w=w: [D(g, 2, 2, h, w)],
               lambda x, oh=oh, ow=ow: F.adaptive_max_pool2d(x, (oh, ow), return_indices=True),
               {"output_size": [oh, ow], "return_indices": True})

    def interp(name, h, w, mode, size=None, scale=None, align=None):
        kw = {"mode": mode}
        args = {"mode": mode}
        if size:
            kw["size"] = size
            args["size"] = list(size)
        if scale:
            kw["scale_factor"] = scale
            args["scale_factor"] = list(scale) if isinstance(scale, tuple) else scale
        if align is not None:
            kw["align_corners"] = align
            args["align_corners"] = align
        f.case(name, "interpolate", lambda g: [U(g, 1, 2, h, w)], lambda x: F.interpolate(x, **kw), args)

    interp("interpolate_nearest_scale2", 3, 4, "nearest", scale=2.0)
    interp("interpolate_nearest_size", 3, 4, "nearest", size=(5, 7))
    interp("interpolate_nearest_down", 6, 5, "nearest", size=(4, 2))
    interp("interpolate_bilinear_up", 3, 4, "bilinear", size=(5, 7), align=False)
    interp("interpolate_bilinear_up_align", 3, 4, "bilinear", size=(5, 7), align=True)
    interp("interpolate_bilinear_down", 6, 5, "bilinear", size=(4, 3), align=False)
    interp("interpolate_bilinear_down_align", 6, 5, "bilinear", size=(4, 3), align=True)
    interp("interpolate_bilinear_scale2", 3, 3, "bilinear", scale=2.0, align=False)

    # ---- edge cases: odd scale factors, size-1 inputs/outputs, non-contiguous inputs, windows in the padding
    interp("interpolate_nearest_scale_1_5", 4, 3, "nearest", scale=1.5)
    interp("interpolate_nearest_scale_per_dim", 2, 3, "nearest", scale=(2.0, 3.0))
    interp("interpolate_bilinear_scale_half", 6, 4, "bilinear", scale=0.5, align=False)
    interp("interpolate_bilinear_scale_1_5", 4, 3, "bilinear", scale=1.5, align=False)
    interp("interpolate_bilinear_from_1x1", 1, 1, "bilinear", size=(3, 2), align=False)
    interp("interpolate_bilinear_to_1x1_align", 4, 5, "bilinear", size=(1, 1), align=True)
    interp("interpolate_bilinear_to_1x1", 4, 5, "bilinear", size=(1, 1), align=False)
    f.case("conv2d_unbatched", "conv2d", lambda g: [U(g, 2, 4, 4, lo=-1, hi=1), U(g, 3, 2, 3, 3, lo=-0.5, hi=0.5)],
           lambda x, w: F.conv2d(x.unsqueeze(0), w).squeeze(0),
           {"stride": [1, 1], "padding": [0, 0], "dilation": [1, 1], "groups": 1})
    conv("conv2d_stride_larger_than_kernel", 1, 2, 7, 7, 2, 2, 2, stride=(3, 3))
    conv("conv2d_padding_larger_than_kernel", 1, 1, 3, 3, 2, 2, 2, padding=(3, 2))
    conv("conv2d_all_options", 2, 4, 7, 6, 6, 3, 2, stride=(2, 1), padding=(2, 1), dilation=(1, 2), groups=2)
    conv("conv2d_1x1_input_padded", 1, 2, 1, 1, 3, 3, 3, padding=(1, 1))
    conv("conv2d_valid", 1, 2, 4, 5, 2, 3, 3, padding="valid")
    f.case("conv2d_permuted_input", "conv2d",
           lambda g: [U(g, 1, 2, 5, 4, lo=-1, hi=1), U(g, 3, 2, 3, 3, lo=-0.5, hi=0.5), U(g, 3, lo=-0.5, hi=0.5)],
           lambda x, w, b: F.conv2d(x, w, b, padding=1),
           {"stride": [1, 1], "padding": [1, 1], "dilation": [1, 1], "groups": 1}, pre=[(0, (0, 1, 3, 2))])
    convt("conv_transpose2d_outpad_dilation", 1, 2, 3, 3, 2, 2, 2, stride=(1, 1), dilation=(3, 3),
          output_padding=(2, 1))
    convt("conv_transpose2d_all_options", 2, 4, 3, 2, 6, 3, 2, stride=(2, 3), padding=(1, 0), output_padding=(1, 2),
          groups=2, dilation=(1, 2))
    mp("max_pool2d_ceil_drops_window_in_padding", 5, 5, (2, 2), (2, 2), (1, 1), ceil=True)
    mp("max_pool2d_ceil_dilation", 7, 6, (2, 2), (2, 2), (1, 0), ceil=True, dil=(2, 2))
    mp("max_pool2d_stride1_overlap", 4, 4, (3, 3), (1, 1), (1, 1))
    f.case("max_pool2d_permuted_input", "max_pool2d", lambda g: [D(g, 2, 2, 5, 4)],
           lambda x: F.max_pool2d(x, 2, 2, 0, 1, ceil_mode=True, return_indices=True),
           {"kernel": [2, 2], "stride": [2, 2], "padding": [0, 0], "dilation": [1, 1], "ceil_mode": True,
            "return_indices": True}, pre=[(0, (0, 1, 3, 2))])
    ap("avg_pool2d_ceil_drops_window_in_padding", 5, 5, (2, 2), (2, 2), (1, 1), ceil=True, include=True)
    ap("avg_pool2d_ceil_drops_window_exclude", 5, 5, (2, 2), (2, 2), (1, 1), ceil=True, include=False)
    ap("avg_pool2d_ceil_no_pad", 5, 7, (3, 2), (2, 3), ceil=True, include=True)
    f.case("adaptive_avg_pool2d_permuted", "adaptive_avg_pool2d", lambda g: [U(g, 1, 2, 5, 7)],
           lambda x: F.adaptive_avg_pool2d(x, (3, 4)), {"output_size": [3, 4]}, pre=[(0, (0, 1, 3, 2))])
    f.case("adaptive_max_pool2d_values_only", "adaptive_max_pool2d", lambda g: [D(g, 1, 2, 7, 5)],
           lambda x: F.adaptive_max_pool2d(x, (2, 3)), {"output_size": [2, 3], "return_indices": False})
    return f


FAMILIES = [shape_family, elementwise_family, reductions_family, linalg_family, indexing_family, einsum_family,
            cnn_family]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.normpath(os.path.join(here, "..", "..", "src", "test", "resources", "golden"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=default_out)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    total = 0
    for make in FAMILIES:
        path, n = make().write(a.out)
        size = os.path.getsize(path)
        total += size
        print(f"{path}: {n} cases, {size / 1024:.1f} KiB")
    print(f"torch {torch.__version__}; total {total / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
