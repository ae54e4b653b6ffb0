#!/usr/bin/env python3
"""PyTorch CPU twin of io.netwright.cli.bench.ConvBench: conv2d forward/backward GFLOP/s on the same layers.

Usage: python3 scripts/bench_torch_conv.py [--threads N]

Prints one line per layer in ConvBench's format, which `netwright bench conv` parses:
    <name> fwd_ms=... bwd_ms=... fwd_gflops=... bwd_gflops=... total_gflops=...
Flops: forward 2*N*OC*OH*OW*C*kH*kW, backward twice that. x, weight and bias require grad; each layer runs
warm-up passes, then the median of timed passes (same counts as ConvBench).
"""
import argparse
import statistics
import time

import torch
import torch.nn.functional as F

# name, N, C, H, W, OC, k, stride, padding, warmup, reps -- keep in sync with ConvBench's layers
LAYERS = [
    ("lenet-c3", 64, 6, 14, 14, 16, 5, 1, 0, 5, 20),
    ("vgg-3x3-64", 8, 64, 56, 56, 64, 3, 1, 1, 3, 10),
    ("convnet-c2", 64, 32, 28, 28, 32, 3, 1, 1, 3, 10),
    ("convnet-c4", 64, 64, 14, 14, 64, 3, 1, 1, 3, 10),
]


def run(name, n, c, h, w, oc, k, stride, pad, warmup, reps):
    g = torch.Generator().manual_seed(2026)
    x = torch.randn(n, c, h, w, generator=g, requires_grad=True)
    wt = (torch.randn(oc, c, k, k, generator=g) * 0.1).requires_grad_()
    b = torch.randn(oc, generator=g, requires_grad=True)
    oh = (h + 2 * pad - k) // stride + 1
    ow = (w + 2 * pad - k) // stride + 1
    g_out = torch.randn(n, oc, oh, ow, generator=g)
    fwd, bwd = [], []
    for i in range(-warmup, reps):
        x.grad = wt.grad = b.grad = None
        t0 = time.perf_counter()
        y = F.conv2d(x, wt, b, stride=stride, padding=pad)
        t1 = time.perf_counter()
        y.backward(g_out)
        t2 = time.perf_counter()
        if i >= 0:
            fwd.append((t1 - t0) * 1e3)
            bwd.append((t2 - t1) * 1e3)
    flops = 2.0 * n * oc * oh * ow * c * k * k
    f_ms, b_ms = statistics.median(fwd), statistics.median(bwd)
    print(f"{name:<12} fwd_ms={f_ms:.3f} bwd_ms={b_ms:.3f} fwd_gflops={flops / (f_ms * 1e6):.2f} "
          f"bwd_gflops={2 * flops / (b_ms * 1e6):.2f} total_gflops={3 * flops / ((f_ms + b_ms) * 1e6):.2f}",
          flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=0, help="intra-op threads (0 = torch default)")
    args = ap.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    print(f"pytorch {torch.__version__} conv2d, {torch.get_num_threads()} threads, "
          f"mkldnn={torch.backends.mkldnn.is_available()}", flush=True)
    for layer in LAYERS:
        run(*layer)


if __name__ == "__main__":
    main()
