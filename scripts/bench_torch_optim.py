#!/usr/bin/env python3
"""PyTorch twin of io.netwright.cli.bench.OptimBench: optimizer.step() time on the same parameter shapes with
fixed gradients and the same hyperparameters, median over rounds. Prints one line per set and optimizer:

    optim set=<set> opt=<opt> impl=torch us=<median microseconds per step>

Usage: bench_torch_optim.py [--sets lenet5,large] [--optimizers sgd,adam,adamw,rmsprop] [--rounds 5] [--threads N]
"""
import argparse
import statistics
import time

import torch

LENET5 = [(6, 1, 5, 5), (6,), (16, 6, 5, 5), (16,), (120, 400), (120,), (84, 120), (84,), (10, 84), (10,)]
LARGE = [s for _ in range(8) for s in ((1024, 1024), (1024,))]
SETS = {"lenet5": LENET5, "large": LARGE}


def optimizer(name, params):
    if name == "sgd":
        return torch.optim.SGD(params, lr=0.05, momentum=0.9, weight_decay=5e-4)
    if name == "adam":
        return torch.optim.Adam(params, lr=1e-3)
    if name == "adamw":
        return torch.optim.AdamW(params, lr=1e-3, weight_decay=1e-2)
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=1e-2, momentum=0.9)
    raise SystemExit(f"unknown optimizer {name}")


def arm(shapes, name, steps):
    g = torch.Generator().manual_seed(1)
    params = []
    for s in shapes:
        p = torch.randn(s, generator=g).requires_grad_()
        p.grad = torch.randn(s, generator=g) * 0.01
        params.append(p)
    opt = optimizer(name, params)
    opt.step()
    t0 = time.perf_counter()
    for _ in range(steps):
        opt.step()
    return (time.perf_counter() - t0) * 1e6 / steps


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="lenet5,large")
    ap.add_argument("--optimizers", default="sgd,adam,adamw,rmsprop")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--threads", type=int, default=0)
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} threads")
    for set_name in a.sets.split(","):
        shapes = SETS[set_name]
        count = sum(torch.Size(s).numel() for s in shapes)
        steps = 10 if count > 1_000_000 else 300
        for name in a.optimizers.split(","):
            arm(shapes, name, steps)
            times = [arm(shapes, name, steps) for _ in range(a.rounds)]
            print(f"optim set={set_name} opt={name} impl=torch us={statistics.median(times):.1f}", flush=True)


if __name__ == "__main__":
    main()
