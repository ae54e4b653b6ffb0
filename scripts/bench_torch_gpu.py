#!/usr/bin/env python3
"""PyTorch twin of io.netwright.backend.cuda.CudaCheckBench, run by the GPU check (scripts/gpu-check-run.sh) on the
same GPU: FP32 SGEMM (TF32 off, as our kernels compute in FP32) and LeNet-5 training steps on a fixed synthetic
batch of 64 28x28 images with SGD(lr=0.05, momentum=0.9). Prints table rows in CudaCheckBench's format:

    | sgemm 1024x1024x1024 | pytorch cuda | 12345.6 GFLOP/s |
    | lenet5 train step b64 | pytorch cuda | 0.812 ms/step | 78800 images/s |
"""
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
dev = torch.device("cuda")


def sgemm(n, reps=20):
    a = torch.randn(n, n, device=dev)
    b = torch.randn(n, n, device=dev)
    for _ in range(3):
        a @ b
    torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(reps):
        a @ b
    torch.cuda.synchronize()
    s = (time.perf_counter() - t) / reps
    print(f"| sgemm {n}x{n}x{n} | pytorch cuda | {2 * n ** 3 / s / 1e9:.1f} GFLOP/s |")


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 6, 5, padding=2)
        self.c2 = nn.Conv2d(6, 16, 5)
        self.f1 = nn.Linear(400, 120)
        self.f2 = nn.Linear(120, 84)
        self.f3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c2(x)), 2)
        x = x.flatten(1)
        return self.f3(F.relu(self.f2(F.relu(self.f1(x)))))


def lenet(steps=200, batch=64):
    torch.manual_seed(1)
    m = LeNet5().to(dev)
    opt = torch.optim.SGD(m.parameters(), lr=0.05, momentum=0.9)
    x = torch.randn(batch, 1, 28, 28, device=dev)
    y = torch.randint(0, 10, (batch,), device=dev)
    for i in range(steps + 20):
        if i == 20:
            torch.cuda.synchronize()
            t = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(m(x), y)
        loss.backward()
        opt.step()
    torch.cuda.synchronize()
    s = (time.perf_counter() - t) / steps
    print(f"| lenet5 train step b{batch} | pytorch cuda | {s * 1e3:.3f} ms/step | {batch / s:.0f} images/s |")


if __name__ == "__main__":
    print(f"# torch {torch.__version__}, {torch.cuda.get_device_name(0)}")
    for n in (1024, 2048, 4096):
        sgemm(n)
    lenet()
