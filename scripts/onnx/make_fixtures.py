#!/usr/bin/python3
"""Writes the PyTorch-exported ONNX fixtures of the import tests (src/test/resources/onnx/).

Each fixture is <name>.onnx exported by torch.onnx.export (eval mode, batch dim dynamic) and <name>.safetensors
holding a fixed input ('input') and PyTorch's output for it ('output'), so the Java test needs no Python.

    /usr/bin/python3 scripts/onnx/make_fixtures.py   # torch >= 1.13; no onnx package needed
"""
import json
import os
import struct

import torch
from torch import nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "onnx")


class SmallCnn(nn.Module):
    """Conv/BN/ReLU/MaxPool, then x.view(x.size(0), -1): the Shape→Gather→Unsqueeze→Concat→Reshape pattern."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(4)
        self.conv2 = nn.Conv2d(4, 6, 3, stride=2)
        self.fc1 = nn.Linear(6 * 2 * 2, 16)
        self.drop = nn.Dropout(0.25)
        self.fc2 = nn.Linear(16, 5)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.leaky_relu(self.conv2(x), 0.1)
        x = x.view(x.size(0), -1)
        x = self.drop(torch.tanh(self.fc1(x)))
        return F.log_softmax(self.fc2(x), dim=1)


class Blocks(nn.Module):
    """Erf GELU, nearest and bilinear Upsample, a residual Add, AvgPool, GlobalAvgPool, Concat, Softmax."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Conv2d(3, 4, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(4)
        self.gelu = nn.GELU()
        self.conv = nn.Conv2d(4, 4, 3, padding=1)
        self.prelu = nn.PReLU(4)
        self.up = nn.Upsample(scale_factor=2, mode="nearest")
        self.up2 = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)
        self.pool = nn.AvgPool2d(2)
        self.head = nn.Linear(8, 3)

    def forward(self, x):
        y = self.gelu(self.bn(self.stem(x)))
        y = y + self.prelu(self.conv(y))
        a = self.pool(self.up(y))
        b = self.pool(self.up2(y))
        z = torch.cat([a, b], dim=1)
        z = F.adaptive_avg_pool2d(z, 1)
        z = torch.flatten(z, 1)
        return torch.softmax(self.head(z), dim=-1)


def safetensors(path, tensors):
    header = {}
    data = b""
    for name, t in tensors.items():
        raw = t.detach().contiguous().float().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data)


def export(name, model, shape, opset):
    torch.manual_seed(1)
    model.eval()
    for m in model.modules():  # non-trivial running statistics
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.uniform_(-0.3, 0.3)
            m.running_var.uniform_(0.5, 1.5)
    x = torch.randn(2, *shape)
    path = os.path.join(OUT, name + ".onnx")
    torch.onnx.export(model, x, path, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "N"}, "output": {0: "N"}}, opset_version=opset)
    with torch.no_grad():
        safetensors(os.path.join(OUT, name + ".safetensors"), {"input": x, "output": model(x)})
    print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(0)
    export("torch_small_cnn", SmallCnn(), (1, 10, 10), 13)
    torch.manual_seed(0)
    export("torch_blocks", Blocks(), (3, 6, 6), 13)
