#!/usr/bin/python3
"""Write the small Fashion-MNIST sample that ships with Netwright (samples/data/fashion-mnist-small/).

Takes a class-balanced, seeded subset of the full Fashion-MNIST IDX files -- 200 training and 50 test images per
class (3,000 + 1,000) -- and writes it as standard gzip-compressed IDX files with the usual names, so any
Fashion-MNIST/MNIST reader loads it unchanged. Standard library only; the same inputs and seed give byte-identical
output (gzip mtime is fixed to 0).

    apt-get install -y dataset-fashion-mnist      # gives /usr/share/datasets/fashion-mnist/
    python3 scripts/make_sample_data.py           # [--source DIR] [--out DIR] [--seed N]
"""
import argparse
import gzip
import os
import random
import struct
import sys

CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
           "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
SPLITS = [("train", 300), ("t10k", 100)]  # (IDX file prefix, images per class)
IMAGE_MAGIC, LABEL_MAGIC = 0x00000803, 0x00000801


def read_idx(path, magic):
    """Returns (dims, payload bytes) of an IDX file whose element type is unsigned byte."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    found, = struct.unpack(">I", data[:4])
    if found != magic:
        sys.exit(f"{path}: IDX magic {found:#010x}, expected {magic:#010x} -- is this a Fashion-MNIST file?")
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    payload = data[4 + 4 * ndim:]
    size = 1
    for d in dims:
        size *= d
    if len(payload) != size:
        sys.exit(f"{path}: header says {size} bytes of data, file has {len(payload)}")
    return dims, payload


def write_idx(path, magic, dims, payload):
    header = struct.pack(">I", magic) + struct.pack(">" + "I" * len(dims), *dims)
    with open(path, "wb") as raw:
        # mtime=0 and no file name in the header keep the output reproducible byte for byte.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
            f.write(header + payload)


def subset(source, out, prefix, per_class, rng):
    (n, rows, cols), images = read_idx(os.path.join(source, f"{prefix}-images-idx3-ubyte.gz"), IMAGE_MAGIC)
    (n_labels,), labels = read_idx(os.path.join(source, f"{prefix}-labels-idx1-ubyte.gz"), LABEL_MAGIC)
    if n != n_labels:
        sys.exit(f"{prefix}: {n} images but {n_labels} labels")
    by_class = {c: [] for c in range(len(CLASSES))}
    for i, label in enumerate(labels):
        by_class[label].append(i)
    chosen = []
    for c, indices in sorted(by_class.items()):
        if len(indices) < per_class:
            sys.exit(f"{prefix}: class {c} has {len(indices)} images, need {per_class}")
        chosen.extend(rng.sample(indices, per_class))
    rng.shuffle(chosen)  # interleave classes, as in the original files
    pixels = rows * cols
    image_bytes = b"".join(images[i * pixels:(i + 1) * pixels] for i in chosen)
    label_bytes = bytes(labels[i] for i in chosen)
    write_idx(os.path.join(out, f"{prefix}-images-idx3-ubyte.gz"), IMAGE_MAGIC, (len(chosen), rows, cols), image_bytes)
    write_idx(os.path.join(out, f"{prefix}-labels-idx1-ubyte.gz"), LABEL_MAGIC, (len(chosen),), label_bytes)
    print(f"{prefix}: {len(chosen)} of {n} images ({per_class} per class), {rows}x{cols}")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--source", default="/usr/share/datasets/fashion-mnist",
                   help="folder with the full Fashion-MNIST .gz IDX files (default: %(default)s)")
    p.add_argument("--out", default=os.path.join(root, "samples", "data", "fashion-mnist-small"),
                   help="output folder (default: samples/data/fashion-mnist-small)")
    p.add_argument("--seed", type=int, default=20240101, help="sampling seed (default: %(default)s)")
    args = p.parse_args()
    if not os.path.isdir(args.source):
        sys.exit(f"{args.source}: not found -- install it with 'apt-get install dataset-fashion-mnist' "
                 "or pass --source DIR")
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    for prefix, per_class in SPLITS:
        subset(args.source, args.out, prefix, per_class, rng)


if __name__ == "__main__":
    main()
