#!/usr/bin/python3
"""PyTorch's shape rules for Conv2d, MaxPool2d and AvgPool2d on random hyperparameters, including windows larger
than the input, padding="same"/"valid", dilation, ceil_mode and count_include_pad.

For each case: the layer's arguments, the input height/width, and what PyTorch does with a 1×C×H×W input: the
output shape, or "error" with the first words of its message. ShapeRulesGoldenTest checks that our design
analysis and our engine agree on every case (same shape, or both refuse).

Run:  /usr/bin/python3 scripts/golden/shape_rules.py   (Debian python3-torch)
Writes src/test/resources/golden/shape_rules.json.
"""
import json
import os
import random

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "src", "test", "resources", "golden", "shape_rules.json")


def case(rnd, kind):
    h, w = rnd.randint(1, 12), rnd.randint(1, 12)
    k = [rnd.randint(1, 6), rnd.randint(1, 6)]
    s = [rnd.randint(1, 3), rnd.randint(1, 3)]
    d = [rnd.choice([1, 1, 2, 3]), rnd.choice([1, 1, 2])]
    # mostly paddings PyTorch accepts (at most half the kernel), sometimes one more
    p = [rnd.randint(0, k[0] // 2 + (rnd.random() < 0.2)), rnd.randint(0, k[1] // 2 + (rnd.random() < 0.2))]
    c = {"kind": kind, "h": h, "w": w, "kernel_size": k, "stride": s}
    if kind == "Conv2d":
        c["dilation"] = d
        c["padding"] = rnd.choice([p, p, "same", "valid"])
        if c["padding"] == "same":
            c["stride"] = [1, 1]
    elif kind == "MaxPool2d":
        c["dilation"] = d
        c["padding"] = p
        c["ceil_mode"] = rnd.random() < 0.5
    else:
        c["padding"] = p
        c["ceil_mode"] = rnd.random() < 0.5
        c["count_include_pad"] = rnd.random() < 0.5
    return c


def run(c):
    x = torch.zeros(1, 2, c["h"], c["w"])
    a = dict(kernel_size=c["kernel_size"], stride=c["stride"], padding=c["padding"])
    try:
        if c["kind"] == "Conv2d":
            m = nn.Conv2d(2, 3, dilation=c["dilation"], **a)
        elif c["kind"] == "MaxPool2d":
            m = nn.MaxPool2d(dilation=c["dilation"], ceil_mode=c["ceil_mode"], **a)
        else:
            m = nn.AvgPool2d(ceil_mode=c["ceil_mode"], count_include_pad=c["count_include_pad"], **a)
        y = m(x)
        return {"out": list(y.shape[1:])}
    except (RuntimeError, ValueError) as e:
        return {"error": str(e).split("\n")[0][:100]}


def main():
    rnd = random.Random(20261208)
    cases = []
    for kind in ["Conv2d", "MaxPool2d", "AvgPool2d"]:
        for _ in range(120):
            c = case(rnd, kind)
            c.update(run(c))
            cases.append(c)
    # the three cases of issue 20
    for c in [{"kind": "Conv2d", "h": 4, "w": 4, "kernel_size": [5, 5], "stride": [1, 1], "dilation": [1, 1],
               "padding": "same"},
              {"kind": "Conv2d", "h": 8, "w": 8, "kernel_size": [5, 5], "stride": [1, 1], "dilation": [2, 2],
               "padding": "same"},
              {"kind": "MaxPool2d", "h": 2, "w": 2, "kernel_size": [3, 3], "stride": [2, 2], "dilation": [1, 1],
               "padding": [0, 0], "ceil_mode": True},
              {"kind": "AvgPool2d", "h": 7, "w": 1, "kernel_size": [4, 4], "stride": [4, 4], "padding": [1, 1],
               "ceil_mode": True, "count_include_pad": True},
              {"kind": "MaxPool2d", "h": 8, "w": 8, "kernel_size": [3, 3], "stride": [1, 1], "dilation": [2, 2],
               "padding": [2, 2], "ceil_mode": False}]:
        c.update(run(c))
        cases.append(c)
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=0)
    errors = sum(1 for c in cases if "error" in c)
    print(f"{len(cases)} cases, {errors} refused by PyTorch -> {OUT}")


if __name__ == "__main__":
    main()
