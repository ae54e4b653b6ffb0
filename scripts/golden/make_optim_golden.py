#!/usr/bin/python3
"""Writes the golden files the optim tests compare against, using PyTorch (Debian's python3-torch).

    /usr/bin/python3 scripts/golden/make_optim_golden.py

src/test/resources/golden/optim.json:
  params: the initial parameters ({shape, data}); grads[step][param]: the gradient fed at each step (null = none,
  so the optimizer must skip that parameter); cases: an optimizer (type, defaults, optional groups) and, after
  each step, every parameter and every state tensor; clip: clip_grad_norm_/clip_grad_value_ on the step-0 grads.
src/test/resources/golden/schedulers.json:
  cases: an optimizer with two groups, a scheduler config, the lr of each group after construction and after each
  step (and the momentum / beta1 for OneCycleLR), plus the keys of torch's scheduler.state_dict().
All optimizers run PyTorch's single-tensor code path (foreach=False).
"""
import json
import math
import os
import warnings

import torch

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test", "resources", "golden")
STEPS = 5


def flat(t):
    return [float(x) for x in t.detach().reshape(-1).tolist()]


def tensor_json(t):
    return {"shape": list(t.shape), "data": flat(t)}


# ---------------------------------------------------------------- optimizers

def make_params():
    g = torch.Generator().manual_seed(1234)
    shapes = [(2, 3), (4,), (3,)]
    return [torch.randn(s, generator=g) for s in shapes]


def make_grads():
    g = torch.Generator().manual_seed(5678)
    grads = []
    for step in range(STEPS):
        row = []
        for i, s in enumerate([(2, 3), (4,), (3,)]):
            if i == 2 and step in (1, 3):
                row.append(None)          # p2 has no gradient on these steps: must be skipped
            else:
                row.append(torch.randn(s, generator=g) * (0.5 + step))
        grads.append(row)
    return grads


OPTIMIZERS = {
    "SGD": torch.optim.SGD, "Adam": torch.optim.Adam, "AdamW": torch.optim.AdamW,
    "RMSprop": torch.optim.RMSprop, "Adagrad": torch.optim.Adagrad,
}

OPT_CASES = [
    ("sgd_plain", "SGD", {"lr": 0.1}, None),
    ("sgd_momentum", "SGD", {"lr": 0.1, "momentum": 0.9}, None),
    ("sgd_momentum_dampening_wd", "SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}, None),
    ("sgd_nesterov", "SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True, "weight_decay": 1e-3}, None),
    ("sgd_maximize", "SGD", {"lr": 0.1, "momentum": 0.5, "maximize": True}, None),
    ("sgd_groups", "SGD", {"lr": 0.05, "momentum": 0.9},
     [{"params": [0], "lr": 0.2}, {"params": [1, 2], "weight_decay": 0.1}]),
    ("adam_default", "Adam", {"lr": 0.01}, None),
    ("adam_betas_eps_wd", "Adam", {"lr": 0.01, "betas": [0.8, 0.99], "eps": 1e-6, "weight_decay": 0.1}, None),
    ("adam_amsgrad", "Adam", {"lr": 0.01, "amsgrad": True}, None),
    ("adam_maximize", "Adam", {"lr": 0.01, "maximize": True}, None),
    ("adam_groups", "Adam", {"lr": 0.01},
     [{"params": [0, 2], "lr": 0.05, "amsgrad": True}, {"params": [1], "betas": [0.5, 0.9]}]),
    ("adamw_default", "AdamW", {"lr": 0.01}, None),
    ("adamw_amsgrad_wd", "AdamW", {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True, "betas": [0.85, 0.98]}, None),
    ("rmsprop_default", "RMSprop", {"lr": 0.01}, None),
    ("rmsprop_centered", "RMSprop", {"lr": 0.01, "centered": True, "eps": 1e-6}, None),
    ("rmsprop_momentum", "RMSprop", {"lr": 0.01, "momentum": 0.5}, None),
    ("rmsprop_momentum_centered_wd", "RMSprop",
     {"lr": 0.01, "momentum": 0.9, "centered": True, "alpha": 0.9, "weight_decay": 0.01, "maximize": True}, None),
    ("adagrad_default", "Adagrad", {"lr": 0.1}, None),
    ("adagrad_decay_wd_init", "Adagrad",
     {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.1, "initial_accumulator_value": 0.1, "eps": 1e-8}, None),
    ("adagrad_maximize", "Adagrad", {"lr": 0.05, "maximize": True}, None),
]


def run_optimizer_case(name, type_, defaults, groups, params0, grads):
    params = [p.clone().requires_grad_(True) for p in params0]
    kwargs = dict(defaults)
    kwargs["foreach"] = False
    if "betas" in kwargs:
        kwargs["betas"] = tuple(kwargs["betas"])
    if groups is None:
        opt = OPTIMIZERS[type_](params, **kwargs)
    else:
        pg = []
        for g in groups:
            d = {k: (tuple(v) if k == "betas" else v) for k, v in g.items() if k != "params"}
            d["params"] = [params[i] for i in g["params"]]
            pg.append(d)
        opt = OPTIMIZERS[type_](pg, **kwargs)
    order = [p for g in opt.param_groups for p in g["params"]]
    index = {id(p): i for i, p in enumerate(order)}
    steps = []
    for step in range(STEPS):
        for p, g in zip(params, grads[step]):
            p.grad = None if g is None else g.clone()
        opt.step()
        state = {}
        for p, s in opt.state.items():
            entry = {}
            for k, v in s.items():
                if v is None:
                    continue
                entry[k] = flat(v) if torch.is_tensor(v) else [float(v)]
            state[str(index[id(p)])] = entry
        steps.append({"params": [flat(p) for p in params], "state": state})
    return {"name": name, "optimizer": type_, "defaults": defaults, "groups": groups, "steps": steps}


def clip_cases(params0, grads):
    out = []
    for norm_type, max_norm in [(2.0, 1.0), (1.0, 2.0), (3.0, 0.5), (math.inf, 0.7), (2.0, 100.0)]:
        params = [p.clone().requires_grad_(True) for p in params0]
        for p, g in zip(params, grads[1]):      # step 1: p2 has no gradient
            p.grad = None if g is None else g.clone()
        total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type)
        out.append({"kind": "norm", "max_norm": max_norm, "norm_type": "inf" if norm_type == math.inf else norm_type,
                    "total_norm": float(total),
                    "grads": [None if p.grad is None else flat(p.grad) for p in params]})
    params = [p.clone().requires_grad_(True) for p in params0]
    for p, g in zip(params, grads[0]):
        p.grad = None if g is None else g.clone()
    torch.nn.utils.clip_grad_value_(params, 0.3)
    out.append({"kind": "value", "clip_value": 0.3, "grads": [flat(p.grad) for p in params]})
    return out


def optim_golden():
    params0 = make_params()
    grads = make_grads()
    cases = [run_optimizer_case(*c, params0, grads) for c in OPT_CASES]
    return {
        "torch_version": torch.__version__,
        "params": [tensor_json(p) for p in params0],
        "grads": [[None if g is None else flat(g) for g in row] for row in grads],
        "cases": cases,
        "clip": clip_cases(params0, grads),
    }


# ---------------------------------------------------------------- schedulers

LAMBDAS = {
    "pow095": lambda e: 0.95 ** e,
    "warmup5": lambda e: min(1.0, (e + 1) / 5),
}

METRICS_MIN = [1.0, 0.9, 0.85, 0.85, 0.86, 0.84, 0.84, 0.84, 0.84, 0.7, 0.7, 0.71, 0.69, 0.69, 0.69,
               0.69, 0.69, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.49999, 0.5, 0.5, 0.4, 0.4, 0.4, 0.4]

SCHED_CASES = [
    ("step_lr", "SGD", {"type": "StepLR", "step_size": 7, "gamma": 0.5}, 30),
    ("step_lr_default_gamma", "SGD", {"type": "StepLR", "step_size": 3}, 30),
    ("multistep_lr", "SGD", {"type": "MultiStepLR", "milestones": [5, 12, 12, 20], "gamma": 0.3}, 30),
    ("exponential_lr", "SGD", {"type": "ExponentialLR", "gamma": 0.9}, 30),
    ("cosine_tmax10_etamin", "SGD", {"type": "CosineAnnealingLR", "T_max": 10, "eta_min": 0.001}, 30),
    ("cosine_tmax30", "SGD", {"type": "CosineAnnealingLR", "T_max": 30}, 30),
    ("linear_warmup", "SGD", {"type": "LinearLR", "start_factor": 0.1, "end_factor": 1.0, "total_iters": 5}, 30),
    ("linear_decay", "SGD", {"type": "LinearLR", "start_factor": 1.0, "end_factor": 0.2, "total_iters": 20}, 30),
    ("linear_defaults", "SGD", {"type": "LinearLR"}, 30),
    ("lambda_pow", "SGD", {"type": "LambdaLR", "lambda": "pow095"}, 30),
    ("lambda_warmup", "SGD", {"type": "LambdaLR", "lambda": "warmup5"}, 30),
    ("onecycle_sgd_cos", "SGD", {"type": "OneCycleLR", "max_lr": [1.0, 0.5], "total_steps": 30}, 30),
    ("onecycle_adam_linear_three_phase", "Adam",
     {"type": "OneCycleLR", "max_lr": 0.01, "epochs": 3, "steps_per_epoch": 10, "pct_start": 0.25,
      "anneal_strategy": "linear", "three_phase": True, "div_factor": 10.0, "final_div_factor": 100.0,
      "base_momentum": 0.8, "max_momentum": 0.9}, 30),
    ("onecycle_no_momentum", "SGD",
     {"type": "OneCycleLR", "max_lr": 0.3, "total_steps": 40, "cycle_momentum": False, "pct_start": 0.4}, 30),
    ("sequential_warmup_cosine", "SGD",
     {"type": "SequentialLR", "milestones": [5],
      "schedulers": [{"type": "LinearLR", "start_factor": 0.1, "end_factor": 1.0, "total_iters": 5},
                     {"type": "CosineAnnealingLR", "T_max": 25}]}, 30),
    ("sequential_three", "SGD",
     {"type": "SequentialLR", "milestones": [6, 15],
      "schedulers": [{"type": "ExponentialLR", "gamma": 0.9},
                     {"type": "StepLR", "step_size": 4, "gamma": 0.5},
                     {"type": "MultiStepLR", "milestones": [3, 8], "gamma": 0.1}]}, 30),
    ("plateau_min_rel", "SGD", {"type": "ReduceLROnPlateau", "mode": "min", "patience": 2, "factor": 0.5}, 30),
    ("plateau_max_abs_cooldown", "SGD",
     {"type": "ReduceLROnPlateau", "mode": "max", "threshold_mode": "abs", "threshold": 0.01, "patience": 1,
      "cooldown": 2, "factor": 0.3, "min_lr": [0.001, 0.005]}, 30),
    ("plateau_eps_skip", "SGD",
     {"type": "ReduceLROnPlateau", "patience": 0, "factor": 0.5, "min_lr": 0.01, "eps": 0.004}, 30),
]


def make_sched_optimizer(type_):
    ps = [torch.zeros(2, requires_grad=True), torch.zeros(3, requires_grad=True)]
    groups = [{"params": [ps[0]], "lr": 0.1}, {"params": [ps[1]], "lr": 0.02}]
    if type_ == "SGD":
        return torch.optim.SGD(groups, lr=0.1, momentum=0.9)
    return torch.optim.Adam(groups, lr=0.1, betas=(0.9, 0.999))


def build_scheduler(opt, cfg):
    args = {k: v for k, v in cfg.items() if k != "type"}
    t = cfg["type"]
    if t == "LambdaLR":
        return torch.optim.lr_scheduler.LambdaLR(opt, LAMBDAS[args["lambda"]])
    if t == "SequentialLR":
        inner = [build_scheduler(opt, c) for c in args["schedulers"]]
        return torch.optim.lr_scheduler.SequentialLR(opt, inner, milestones=args["milestones"])
    return getattr(torch.optim.lr_scheduler, t)(opt, **args)


def momentum_of(group):
    return group["betas"][0] if "betas" in group else group["momentum"]


def sched_golden():
    cases = []
    for name, opt_type, cfg, steps in SCHED_CASES:
        opt = make_sched_optimizer(opt_type)
        sched = build_scheduler(opt, cfg)
        plateau = cfg["type"] == "ReduceLROnPlateau"
        metrics = None
        if plateau:
            metrics = METRICS_MIN if cfg.get("mode", "min") == "min" else [1 - m for m in METRICS_MIN]
        lrs = [[g["lr"] for g in opt.param_groups]]
        moms = [[momentum_of(g) for g in opt.param_groups]]
        for i in range(steps):
            opt.step()
            if plateau:
                sched.step(metrics[i])
            else:
                sched.step()
            lrs.append([g["lr"] for g in opt.param_groups])
            moms.append([momentum_of(g) for g in opt.param_groups])
            if not plateau:
                assert lrs[-1] == sched.get_last_lr(), name
        case = {"name": name, "optimizer": opt_type, "scheduler": cfg, "steps": steps, "lrs": lrs,
                "state_dict_keys": sorted(sched.state_dict().keys())}
        if metrics is not None:
            case["metrics"] = metrics
        if cfg["type"] == "OneCycleLR":
            case["momentums"] = moms
        cases.append(case)
    return {"torch_version": torch.__version__,
            "optimizer_groups": [{"lr": 0.1, "numel": 2}, {"lr": 0.02, "numel": 3}],
            "optimizer_defaults": {"SGD": {"lr": 0.1, "momentum": 0.9}, "Adam": {"lr": 0.1, "betas": [0.9, 0.999]}},
            "cases": cases}


def main():
    os.makedirs(OUT, exist_ok=True)
    for fname, data in (("optim.json", optim_golden()), ("schedulers.json", sched_golden())):
        path = os.path.normpath(os.path.join(OUT, fname))
        with open(path, "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")
        print("wrote", path)


if __name__ == "__main__":
    main()
