#!/usr/bin/python3
"""Reference numbers for the sample designs in samples/designs/, computed by PyTorch.

Each sample is written here by hand as a torch.nn.Module whose attribute names are the design's node ids (what
the PyTorch exporter produces), independently of the design files. For each we record: the parameter count (total
and trainable), the buffer elements, the output shape, the state-dict keys and shapes, the MACs of the conv and
linear layers (counted from the shapes seen in a forward pass), and the eval-mode output for deterministic
weights and input (see fill() and sample_input(); SampleDesignsTest does the same in Java).

Run:  /usr/bin/python3 scripts/golden/design_params.py   (Debian python3-torch)
Writes src/test/resources/golden/design_params.json and prints the counts.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "src", "test", "resources", "golden", "design_params.json")


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d(2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(400, 120)
        self.relu3 = nn.ReLU()
        self.fc2 = nn.Linear(120, 84)
        self.relu4 = nn.ReLU()
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool1(self.relu1(self.conv1(x)))
        x = self.pool2(self.relu2(self.conv2(x)))
        x = self.relu3(self.fc1(self.flatten(x)))
        return self.fc3(self.relu4(self.fc2(x)))


class CifarTutorial(nn.Module):
    """https://pytorch.org/tutorials/beginner/blitz/cifar10_tutorial.html (the shared pool is two nodes)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool1 = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.pool2 = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool1(F.relu(self.conv1(x)))
        x = self.pool2(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


class SimpleCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 5)
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(8, 16, 5)
        self.pool2 = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(16 * 5 * 5, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = self.pool1(F.relu(self.conv1(x)))
        x = self.pool2(F.relu(self.conv2(x)))
        return self.fc2(F.relu(self.fc1(torch.flatten(x, 1))))


class SmallVGG(nn.Module):
    def __init__(self):
        super().__init__()
        cin = 3
        self.blocks = []
        for b, c in enumerate([32, 64, 128], 1):
            for k in (1, 2):
                setattr(self, f"b{b}_conv{k}", nn.Conv2d(cin, c, 3, padding=1, bias=False))
                setattr(self, f"b{b}_bn{k}", nn.BatchNorm2d(c))
                cin = c
            setattr(self, f"b{b}_pool", nn.MaxPool2d(2))
            setattr(self, f"b{b}_drop", nn.Dropout2d(0.1 * b))
        self.fc1 = nn.Linear(128 * 4 * 4, 256)
        self.drop = nn.Dropout(0.5)
        self.fc2 = nn.Linear(256, 10)

    def forward(self, x):
        for b in (1, 2, 3):
            for k in (1, 2):
                x = F.relu(getattr(self, f"b{b}_bn{k}")(getattr(self, f"b{b}_conv{k}")(x)))
            x = getattr(self, f"b{b}_drop")(getattr(self, f"b{b}_pool")(x))
        return self.fc2(self.drop(F.relu(self.fc1(torch.flatten(x, 1)))))


class SmallResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem_conv = nn.Conv2d(3, 16, 3, padding=1, bias=False)
        self.stem_bn = nn.BatchNorm2d(16)
        self.plan = []
        cin = 16
        for s, c in enumerate([16, 32, 64], 1):
            for k in (1, 2):
                p = f"s{s}b{k}_"
                stride = 2 if (k == 1 and s > 1) else 1
                setattr(self, p + "conv1", nn.Conv2d(cin, c, 3, stride=stride, padding=1, bias=False))
                setattr(self, p + "bn1", nn.BatchNorm2d(c))
                setattr(self, p + "conv2", nn.Conv2d(c, c, 3, padding=1, bias=False))
                setattr(self, p + "bn2", nn.BatchNorm2d(c))
                down = stride != 1 or cin != c
                if down:
                    setattr(self, p + "down_conv", nn.Conv2d(cin, c, 1, stride=stride, bias=False))
                    setattr(self, p + "down_bn", nn.BatchNorm2d(c))
                self.plan.append((p, down))
                cin = c
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(64, 10)

    def forward(self, x):
        x = F.relu(self.stem_bn(self.stem_conv(x)))
        for p, down in self.plan:
            y = F.relu(getattr(self, p + "bn1")(getattr(self, p + "conv1")(x)))
            y = getattr(self, p + "bn2")(getattr(self, p + "conv2")(y))
            short = getattr(self, p + "down_bn")(getattr(self, p + "down_conv")(x)) if down else x
            x = F.relu(y + short)
        return self.fc(torch.flatten(self.pool(x), 1))


class InceptionBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem_conv = nn.Conv2d(3, 32, 3, padding=1, bias=False)
        self.stem_bn = nn.BatchNorm2d(32)
        self.stem_pool = nn.MaxPool2d(2)
        self.b1_conv = nn.Conv2d(32, 16, 1)
        self.b2_reduce = nn.Conv2d(32, 16, 1)
        self.b2_conv = nn.Conv2d(16, 24, 3, padding=1)
        self.b3_reduce = nn.Conv2d(32, 8, 1)
        self.b3_conv = nn.Conv2d(8, 8, 5, padding=2)
        self.b4_pool = nn.MaxPool2d(3, stride=1, padding=1)
        self.b4_conv = nn.Conv2d(32, 8, 1)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(56, 10)

    def forward(self, x):
        x = self.stem_pool(F.relu(self.stem_bn(self.stem_conv(x))))
        b1 = F.relu(self.b1_conv(x))
        b2 = F.relu(self.b2_conv(F.relu(self.b2_reduce(x))))
        b3 = F.relu(self.b3_conv(F.relu(self.b3_reduce(x))))
        b4 = F.relu(self.b4_conv(self.b4_pool(x)))
        x = torch.cat([b1, b2, b3, b4], dim=1)
        return self.fc(torch.flatten(self.pool(x), 1))


SAMPLES = {
    "lenet5.json": (LeNet5, [1, 28, 28]),
    "cifar10_tutorial.json": (CifarTutorial, [3, 32, 32]),
    "simple_cnn.json": (SimpleCNN, [3, 32, 32]),
    "vgg_small.json": (SmallVGG, [3, 32, 32]),
    "resnet_small.json": (SmallResNet, [3, 32, 32]),
    "inception_block.json": (InceptionBlock, [3, 32, 32]),
}


def key_seed(key):
    """A number from a state-dict key, the same in Java (sum of the characters mod 1000)."""
    return sum(ord(c) for c in key) % 1000


def fill(model):
    """Every parameter p of key k gets p.flatten()[j] = 0.1 * sin(0.37 * j + 0.11 * key_seed(k)); buffers keep
    their initial values (running mean 0, variance 1)."""
    with torch.no_grad():
        for k, p in model.named_parameters():
            j = torch.arange(p.numel(), dtype=torch.float64)
            p.copy_((0.1 * torch.sin(0.37 * j + 0.11 * key_seed(k))).reshape(p.shape).float())


def sample_input(shape):
    """x.flatten()[j] = sin(0.05 * j) for a batch of 2."""
    n = 2 * math.prod(shape)
    return torch.sin(0.05 * torch.arange(n, dtype=torch.float64)).float().reshape([2] + shape)


def macs(model, x):
    total = [0]

    def hook(m, inp, out):
        per_sample = out.numel() // out.shape[0]
        if isinstance(m, nn.Conv2d):
            total[0] += per_sample * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
        elif isinstance(m, nn.Linear):
            total[0] += per_sample * m.in_features

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    model(x)
    for h in handles:
        h.remove()
    return total[0]


def main():
    out = {"_about": "written by scripts/golden/design_params.py with torch " + torch.__version__}
    for name, (cls, shape) in SAMPLES.items():
        torch.manual_seed(0)
        model = cls().eval()
        fill(model)
        x = sample_input(shape)
        with torch.no_grad():
            y = model(x)
            n_macs = macs(model, x)
        params = sum(p.numel() for p in model.parameters())
        trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
        buffers = sum(b.numel() for b in model.buffers())
        out[name] = {
            "params": params,
            "trainable_params": trainable,
            "buffers": buffers,
            "macs": n_macs,
            "output_shape": list(y.shape[1:]),
            "state_dict": {k: list(v.shape) for k, v in model.state_dict().items()},
            "output": [round(float(v), 7) for v in y.flatten()],
        }
        print(f"{name:24s} {params:>9,d} parameters  {buffers:>6,d} buffer elements  {n_macs:>12,d} MACs")
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
