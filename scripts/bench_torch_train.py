#!/usr/bin/env python3
"""PyTorch twin of io.netwright.cli.bench.TrainBench: one epoch of training on Fashion-MNIST, same model,
same hyperparameters, same thread count, same data handling (whole set as one tensor, batches sliced from a
per-epoch random permutation). Prints one line per net in TrainBench's format:

    <net> images_per_s=... train_s=... test_acc=... final_loss=...

Usage: bench_torch_train.py --data /usr/share/datasets/fashion-mnist [--threads N] [--nets lenet5,convnet]
       [--limit N] [--batch 64] [--lr 0.05] [--momentum 0.9] [--seed 1]
"""
import argparse
import gzip
import struct
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

MEAN, STD = 0.2860, 0.3530


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    ndim = data[3]
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    t = torch.frombuffer(bytearray(data[4 + 4 * ndim:]), dtype=torch.uint8)
    return t.reshape(dims)


def load(root, split):
    prefix = "train" if split == "train" else "t10k"
    x = read_idx(f"{root}/{prefix}-images-idx3-ubyte.gz").float().div_(255).sub_(MEAN).div_(STD).unsqueeze(1)
    y = read_idx(f"{root}/{prefix}-labels-idx1-ubyte.gz").long()
    return x, y


def lenet5():
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def convnet():
    return nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(),
                         nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))


NETS = {"lenet5": lenet5, "convnet": convnet}


def run(name, xtr, ytr, xte, yte, args):
    torch.manual_seed(args.seed)
    model = NETS[name]()
    opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)
    n = xtr.shape[0]
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(args.seed))
    model.train()
    t0 = time.perf_counter()
    loss = None
    for i in range(0, n, args.batch):
        idx = perm[i:i + args.batch]
        xb, yb = xtr[idx], ytr[idx]
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
    final = loss.item()
    secs = time.perf_counter() - t0
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, xte.shape[0], 1000):
            correct += (model(xte[i:i + 1000]).argmax(1) == yte[i:i + 1000]).sum().item()
    print(f"{name} images_per_s={n / secs:.1f} train_s={secs:.2f} test_acc={correct / xte.shape[0]:.4f} "
          f"final_loss={final:.4f}", flush=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--nets", default="lenet5,convnet")
    p.add_argument("--limit", type=int, default=0)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    xtr, ytr = load(args.data, "train")
    xte, yte = load(args.data, "test")
    if args.limit > 0:
        xtr, ytr = xtr[:args.limit], ytr[:args.limit]
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} threads", flush=True)
    for name in args.nets.split(","):
        run(name, xtr, ytr, xte, yte, args)


if __name__ == "__main__":
    main()
