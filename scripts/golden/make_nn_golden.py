#!/usr/bin/python3
"""Golden values for the nn layers and losses, computed with PyTorch.

Writes src/test/resources/golden/nn_layers.json and nn_losses.json (run from the repository root):

    /usr/bin/python3 scripts/golden/make_nn_golden.py

Needs Debian's python3-torch (`apt-get install -y python3-torch`). For every layer case it exports the
PyTorch-initialised state dict (the Java test loads it with loadStateDict), the input, the printed repr and the
state-dict keys, and for train and eval mode: the output, the gradient of the input and of every parameter for the
loss sum(output * lw) with a fixed random lw, and the buffers after the step (BatchNorm running statistics).
For every loss case it exports input, target, output and the gradients of input and (float) target.
"""
import copy
import json
import os
import sys

import torch
import torch.nn as nn

torch.manual_seed(1234)
torch.set_default_dtype(torch.float32)


def enc(t):
    t = t.detach().cpu()
    if t.dtype in (torch.int64, torch.int32):
        return {"dtype": "int64", "shape": list(t.shape), "data": [int(v) for v in t.reshape(-1).tolist()]}
    return {"dtype": "float32", "shape": list(t.shape), "data": [float("%.9g" % v) for v in t.reshape(-1).tolist()]}


def tup(v):
    return tuple(v) if isinstance(v, list) else v


# ====================================================================== layers
# (id, type, kwargs, input shape or tensor, randomize-state)
LAYERS = [
    ("linear", "Linear", {"in_features": 4, "out_features": 3}, [2, 4], False),
    ("linear_nobias", "Linear", {"in_features": 4, "out_features": 3, "bias": False}, [5, 4], False),
    ("conv_basic", "Conv2d", {"in_channels": 3, "out_channels": 4, "kernel_size": 3}, [2, 3, 6, 6], False),
    ("conv_stride_pad", "Conv2d", {"in_channels": 3, "out_channels": 6, "kernel_size": 5, "stride": 2,
                                   "padding": 1}, [2, 3, 9, 8], False),
    ("conv_same_dil_groups", "Conv2d", {"in_channels": 4, "out_channels": 4, "kernel_size": 3, "padding": "same",
                                        "dilation": 2, "groups": 2, "bias": False}, [2, 4, 7, 7], False),
    ("conv_same_even", "Conv2d", {"in_channels": 3, "out_channels": 2, "kernel_size": 4, "padding": "same"},
     [1, 3, 6, 5], False),
    ("conv_valid_rect", "Conv2d", {"in_channels": 2, "out_channels": 3, "kernel_size": [2, 3],
                                   "padding": "valid"}, [2, 2, 5, 6], False),
    ("conv_asym", "Conv2d", {"in_channels": 2, "out_channels": 4, "kernel_size": 3, "stride": [2, 1],
                             "padding": [1, 0]}, [2, 2, 7, 6], False),
    ("conv_unbatched", "Conv2d", {"in_channels": 2, "out_channels": 3, "kernel_size": 3, "padding": 1},
     [2, 5, 5], False),
    ("convT_basic", "ConvTranspose2d", {"in_channels": 3, "out_channels": 2, "kernel_size": 3, "stride": 2,
                                        "padding": 1, "output_padding": 1}, [2, 3, 4, 4], False),
    ("convT_groups", "ConvTranspose2d", {"in_channels": 4, "out_channels": 2, "kernel_size": 2, "stride": 2,
                                         "groups": 2, "bias": False}, [2, 4, 3, 3], False),
    ("convT_dilation", "ConvTranspose2d", {"in_channels": 2, "out_channels": 3, "kernel_size": 3,
                                           "dilation": 2}, [1, 2, 4, 5], False),
    ("maxpool_2", "MaxPool2d", {"kernel_size": 2}, [2, 3, 6, 6], False),
    ("maxpool_3s2p1", "MaxPool2d", {"kernel_size": 3, "stride": 2, "padding": 1}, [2, 2, 7, 7], False),
    ("maxpool_ceil", "MaxPool2d", {"kernel_size": 2, "ceil_mode": True}, [1, 2, 5, 7], False),
    ("maxpool_dil", "MaxPool2d", {"kernel_size": 3, "stride": 1, "dilation": 2}, [1, 2, 7, 7], False),
    ("maxpool_rect", "MaxPool2d", {"kernel_size": [2, 3]}, [2, 1, 6, 6], False),
    ("avgpool_2", "AvgPool2d", {"kernel_size": 2}, [2, 3, 6, 6], False),
    ("avgpool_3s2p1", "AvgPool2d", {"kernel_size": 3, "stride": 2, "padding": 1}, [2, 2, 7, 7], False),
    ("avgpool_nopadcount", "AvgPool2d", {"kernel_size": 3, "stride": 2, "padding": 1,
                                         "count_include_pad": False}, [1, 2, 7, 6], False),
    ("avgpool_ceil", "AvgPool2d", {"kernel_size": 2, "ceil_mode": True}, [1, 2, 5, 7], False),
    ("avgpool_divisor", "AvgPool2d", {"kernel_size": 2, "divisor_override": 3}, [1, 2, 4, 4], False),
    ("adaptive_avg_1", "AdaptiveAvgPool2d", {"output_size": 1}, [2, 3, 5, 5], False),
    ("adaptive_avg_3x2", "AdaptiveAvgPool2d", {"output_size": [3, 2]}, [2, 2, 7, 5], False),
    ("adaptive_max_2", "AdaptiveMaxPool2d", {"output_size": 2}, [2, 3, 5, 5], False),
    ("adaptive_max_3x4", "AdaptiveMaxPool2d", {"output_size": [3, 4]}, [1, 2, 7, 9], False),
    ("bn1d_2d", "BatchNorm1d", {"num_features": 4}, [6, 4], True),
    ("bn1d_3d", "BatchNorm1d", {"num_features": 3}, [4, 3, 5], True),
    ("bn2d", "BatchNorm2d", {"num_features": 3}, [4, 3, 5, 5], True),
    ("bn2d_default_init", "BatchNorm2d", {"num_features": 3}, [2, 3, 4, 4], False),
    ("bn2d_cumulative", "BatchNorm2d", {"num_features": 3, "momentum": None}, [4, 3, 3, 3], True),
    ("bn2d_noaffine", "BatchNorm2d", {"num_features": 3, "affine": False}, [4, 3, 3, 3], True),
    ("bn2d_notrack", "BatchNorm2d", {"num_features": 3, "track_running_stats": False}, [4, 3, 3, 3], True),
    ("bn2d_eps_mom", "BatchNorm2d", {"num_features": 3, "eps": 1e-3, "momentum": 0.3}, [4, 3, 3, 3], True),
    ("layernorm_1", "LayerNorm", {"normalized_shape": [5]}, [3, 4, 5], True),
    ("layernorm_2", "LayerNorm", {"normalized_shape": [4, 5]}, [3, 4, 5], True),
    ("layernorm_noaffine", "LayerNorm", {"normalized_shape": [6], "elementwise_affine": False}, [4, 6], False),
    ("dropout", "Dropout", {"p": 0.5}, [4, 8], False),
    ("dropout_p02", "Dropout", {"p": 0.2}, [4, 8], False),
    ("dropout2d", "Dropout2d", {"p": 0.3}, [2, 6, 3, 3], False),
    ("flatten", "Flatten", {}, [2, 3, 4, 2], False),
    ("flatten_2_3", "Flatten", {"start_dim": 2, "end_dim": 3}, [2, 3, 4, 2], False),
    ("identity", "Identity", {}, [3, 4], False),
    ("upsample_nearest2", "Upsample", {"scale_factor": 2.0, "mode": "nearest"}, [2, 2, 3, 4], False),
    ("upsample_nearest_size", "Upsample", {"size": [5, 7], "mode": "nearest"}, [1, 2, 3, 4], False),
    ("upsample_bilinear2", "Upsample", {"scale_factor": 2.0, "mode": "bilinear"}, [2, 2, 3, 4], False),
    ("upsample_bilinear_align", "Upsample", {"scale_factor": 2.0, "mode": "bilinear", "align_corners": True},
     [1, 2, 3, 4], False),
    ("upsample_bilinear_down", "Upsample", {"size": [3, 5], "mode": "bilinear"}, [1, 2, 5, 8], False),
    ("zeropad_1", "ZeroPad2d", {"padding": 1}, [2, 2, 3, 3], False),
    ("zeropad_asym", "ZeroPad2d", {"padding": [1, 0, 2, 3]}, [1, 2, 3, 4], False),
    ("zeropad_negative", "ZeroPad2d", {"padding": [-1, 2, 0, -1]}, [1, 2, 4, 4], False),
    ("embedding", "Embedding", {"num_embeddings": 10, "embedding_dim": 3}, "idx", False),
    ("embedding_pad", "Embedding", {"num_embeddings": 10, "embedding_dim": 3, "padding_idx": 0}, "idx", False),
    ("relu", "ReLU", {}, [3, 5], False),
    ("leaky_relu", "LeakyReLU", {}, [3, 5], False),
    ("leaky_relu_02", "LeakyReLU", {"negative_slope": 0.2}, [3, 5], False),
    ("elu", "ELU", {}, [3, 5], False),
    ("elu_05", "ELU", {"alpha": 0.5}, [3, 5], False),
    ("gelu", "GELU", {}, [3, 5], False),
    ("gelu_tanh", "GELU", {"approximate": "tanh"}, [3, 5], False),
    ("silu", "SiLU", {}, [3, 5], False),
    ("sigmoid", "Sigmoid", {}, [3, 5], False),
    ("tanh", "Tanh", {}, [3, 5], False),
    ("softmax", "Softmax", {"dim": 1}, [3, 5], False),
    ("softmax_last", "Softmax", {"dim": -1}, [2, 3, 4], False),
    ("log_softmax", "LogSoftmax", {"dim": 1}, [3, 5], False),
    ("prelu", "PReLU", {}, [3, 5], False),
    ("prelu_channels", "PReLU", {"num_parameters": 3, "init": 0.1}, [2, 3, 4, 4], True),
]


def randomize(m):
    with torch.no_grad():
        for name, p in m.named_parameters():
            p.copy_(torch.randn_like(p) * 0.5 + (1.0 if name.endswith("weight") else 0.0))
        for name, b in m.named_buffers():
            if name.endswith("running_mean"):
                b.copy_(torch.randn_like(b) * 0.3)
            elif name.endswith("running_var"):
                b.copy_(torch.rand_like(b) + 0.5)
            elif name.endswith("num_batches_tracked"):
                b.fill_(3)


def run_layer(case):
    cid, typ, kwargs, shape, rand_state = case
    module = getattr(nn, typ)(**{k: tup(v) for k, v in kwargs.items()})
    if rand_state:
        randomize(module)
    if shape == "idx":
        x0 = torch.tensor([[1, 0, 3, 9], [0, 5, 5, 2]], dtype=torch.int64)
    else:
        x0 = torch.randn(*shape)
    out = {
        "id": cid, "type": typ, "kwargs": kwargs, "repr": repr(module),
        "state_keys": list(module.state_dict().keys()),
        "state": {k: enc(v) for k, v in module.state_dict().items()},
        "input": enc(x0), "modes": {},
    }
    lw = None
    for mode in ("train", "eval"):
        m = copy.deepcopy(module)
        m.train(mode == "train")
        x = x0.clone()
        if x.dtype.is_floating_point:
            x.requires_grad_(True)
        y = m(x)
        if lw is None:
            lw = torch.randn(y.shape)
            out["loss_weight"] = enc(lw)
        (y * lw).sum().backward()
        res = {"output": enc(y),
               "random": mode == "train" and typ.startswith("Dropout"),
               "grad_params": {n: enc(p.grad) for n, p in m.named_parameters()},
               "buffers_after": {n: enc(b) for n, b in m.named_buffers()}}
        if x.requires_grad:
            res["grad_input"] = enc(x.grad)
        out["modes"][mode] = res
    return out


# ====================================================================== losses
def cls_case(cid, typ, kwargs, inp, tgt):
    return (cid, typ, kwargs, inp, tgt)


def make_losses():
    cases = []
    n, c = 6, 5
    logits = torch.randn(n, c) * 2
    labels = torch.randint(0, c, (n,))
    labels_ign = labels.clone()
    labels_ign[1] = 2
    labels_ign[4] = 2
    labels_m100 = labels.clone()
    labels_m100[0] = -100
    labels_m100[3] = -100
    w = torch.rand(c) + 0.2
    img_logits = torch.randn(2, c, 3, 2)
    img_labels = torch.randint(0, c, (2, 3, 2))
    img_labels[0, 1, 1] = 1
    img_labels[1, 0, 0] = 1
    probs_t = torch.softmax(torch.randn(n, c), 1)
    for red in ("none", "mean", "sum"):
        r = {"reduction": red}
        cases += [
            ("ce_plain_" + red, "CrossEntropyLoss", dict(r), logits, labels),
            ("ce_weight_" + red, "CrossEntropyLoss", dict(r, weight=w), logits, labels),
            ("ce_ignore_" + red, "CrossEntropyLoss", dict(r, ignore_index=2), logits, labels_ign),
            ("ce_ignore_default_" + red, "CrossEntropyLoss", dict(r), logits, labels_m100),
            ("ce_smooth_" + red, "CrossEntropyLoss", dict(r, label_smoothing=0.1), logits, labels),
            ("ce_smooth_ignore_" + red, "CrossEntropyLoss", dict(r, label_smoothing=0.2), logits, labels_m100),
            ("ce_all_" + red, "CrossEntropyLoss", dict(r, weight=w, ignore_index=2, label_smoothing=0.15),
             logits, labels_ign),
            ("ce_kdim_" + red, "CrossEntropyLoss", dict(r, weight=w, ignore_index=1, label_smoothing=0.1),
             img_logits, img_labels),
            ("ce_unbatched_" + red, "CrossEntropyLoss", dict(r), logits[0], labels[0]),
            ("ce_probs_" + red, "CrossEntropyLoss", dict(r), logits, probs_t),
            ("ce_probs_all_" + red, "CrossEntropyLoss", dict(r, weight=w, label_smoothing=0.1), logits, probs_t),
            ("nll_plain_" + red, "NLLLoss", dict(r), torch.log_softmax(logits, 1), labels),
            ("nll_weight_ignore_" + red, "NLLLoss", dict(r, weight=w, ignore_index=2),
             torch.log_softmax(logits, 1), labels_ign),
            ("nll_kdim_" + red, "NLLLoss", dict(r, weight=w), torch.log_softmax(img_logits, 1), img_labels),
        ]
        x = torch.randn(4, 3)
        y = torch.randn(4, 3)
        cases += [
            ("mse_" + red, "MSELoss", dict(r), x, y),
            ("l1_" + red, "L1Loss", dict(r), x, y),
            ("smoothl1_" + red, "SmoothL1Loss", dict(r), x * 2, y),
            ("smoothl1_beta05_" + red, "SmoothL1Loss", dict(r, beta=0.5), x, y),
            ("smoothl1_beta0_" + red, "SmoothL1Loss", dict(r, beta=0.0), x, y),
        ]
        p = torch.rand(4, 3) * 0.98 + 0.01
        t = (torch.rand(4, 3) > 0.5).float()
        t_soft = torch.rand(4, 3)
        p_edge = torch.tensor([[0.0, 1.0, 0.5], [1.0, 0.0, 1e-30]])
        t_edge = torch.tensor([[1.0, 0.0, 1.0], [1.0, 1.0, 0.0]])
        bw = torch.rand(4, 3) + 0.5
        cases += [
            ("bce_" + red, "BCELoss", dict(r), p, t),
            ("bce_soft_weight_" + red, "BCELoss", dict(r, weight=bw), p, t_soft),
            ("bce_edge_" + red, "BCELoss", dict(r), p_edge, t_edge),
        ]
        z = torch.randn(4, 3) * 3
        z_big = torch.tensor([[50.0, -50.0, 100.0], [-100.0, 0.0, 20.0]])
        pw = torch.tensor([0.5, 2.0, 3.0])
        cases += [
            ("bcel_" + red, "BCEWithLogitsLoss", dict(r), z, t),
            ("bcel_weight_" + red, "BCEWithLogitsLoss", dict(r, weight=bw), z, t_soft),
            ("bcel_posweight_" + red, "BCEWithLogitsLoss", dict(r, pos_weight=pw), z, t_soft),
            ("bcel_big_" + red, "BCEWithLogitsLoss", dict(r, pos_weight=pw), z_big, t_edge),
        ]
    return cases


def run_loss(case):
    cid, typ, kwargs, inp, tgt = case
    tensor_kwargs = {k: v for k, v in kwargs.items() if isinstance(v, torch.Tensor)}
    loss = getattr(nn, typ)(**kwargs)
    x = inp.clone().requires_grad_(True)
    t = tgt.clone()
    target_grad = t.dtype.is_floating_point and typ != "CrossEntropyLoss"
    if target_grad:
        t.requires_grad_(True)
    y = loss(x, t)
    lw = torch.randn(y.shape) if y.dim() > 0 else torch.tensor(1.0)
    (y * lw).sum().backward()
    out = {"id": cid, "type": typ, "repr": repr(loss),
           "kwargs": {k: (enc(v) if isinstance(v, torch.Tensor) else v) for k, v in kwargs.items()},
           "tensor_kwargs": sorted(tensor_kwargs), "input": enc(inp), "target": enc(tgt),
           "loss_weight": enc(lw), "output": enc(y), "grad_input": enc(x.grad),
           "state_keys": list(loss.state_dict().keys())}
    if target_grad:
        out["grad_target"] = enc(t.grad)
    return out


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    dest = os.path.join(root, "src", "test", "resources", "golden")
    os.makedirs(dest, exist_ok=True)
    layers = [run_layer(c) for c in LAYERS]
    losses = [run_loss(c) for c in make_losses()]
    meta = {"torch_version": torch.__version__, "generator": "scripts/golden/make_nn_golden.py"}
    for name, cases in (("nn_layers.json", layers), ("nn_losses.json", losses)):
        with open(os.path.join(dest, name), "w") as f:
            json.dump(dict(meta, cases=cases), f, separators=(",", ":"))
            f.write("\n")
        print(name, len(cases), "cases", file=sys.stderr)


if __name__ == "__main__":
    main()
