"""Netwright's check of PyTorch exports (run by PyTorchCheck, not exported).

    python3 check_export.py EXPORT_DIR INPUT OUTPUT [EXPORT_DIR INPUT OUTPUT ...]

For each export: loads model.py and weights.safetensors (strict=False, reporting missing and unexpected keys),
runs the tensor 'input' of INPUT in eval mode and writes the tensor 'output' to OUTPUT. Prints one JSON line per
export: {"missing": [...], "unexpected": [...], "error": null or one line}.
"""
import importlib.util
import json
import sys

import torch


def load(folder, name):
    spec = importlib.util.spec_from_file_location(name, f'{folder}/{name}.py')
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def check(folder, input_path, output_path):
    for name in ('model', 'export_utils'):
        sys.modules.pop(name, None)
    sys.path.insert(0, folder)
    try:
        model_py = load(folder, 'model')
        utils = load(folder, 'export_utils')
        model = model_py.Model()
        result = model.load_state_dict(utils.load_file(f'{folder}/weights.safetensors'), strict=False)
        model.eval()
        x = utils.load_file(input_path)['input']
        with torch.no_grad():
            y = model(x)
        utils.save_file({'output': y.float().contiguous()}, output_path)
        return {'missing': result.missing_keys, 'unexpected': result.unexpected_keys, 'error': None}
    except Exception as e:  # reported as one line; the Java side turns it into the result
        text = (f'{type(e).__name__}: {e}'.strip().splitlines() or [type(e).__name__])[0]
        print(text, file=sys.stderr)
        return {'missing': [], 'unexpected': [], 'error': text}
    finally:
        sys.path.remove(folder)


def main():
    args = sys.argv[1:]
    for i in range(0, len(args) - 2, 3):
        print(json.dumps(check(*args[i:i + 3])), flush=True)


if __name__ == '__main__':
    main()
