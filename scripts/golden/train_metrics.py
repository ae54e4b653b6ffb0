#!/usr/bin/python3
"""Reference classification metrics for ClassificationMetricsTest, with scikit-learn's formulas written in NumPy
(scikit-learn itself is not needed): confusion matrix, per-class precision / recall / F1 / support with
zero_division=0, macro and weighted averages (macro over the labels present in y_true or y_pred, as
classification_report with labels=None), top-k accuracy, precision_recall_curve (scikit-learn >= 1.1 layout:
thresholds ascending, final point precision 1 / recall 0, no truncation at full recall) and
average_precision_score = -sum(diff(recall) * precision[:-1]).

The scores are multiples of 1/64 so they are exact in float32 and ties are frequent (ties share a threshold).
Class 4 never occurs and is never predicted (it must not count in the macro average).

Run:  /usr/bin/python3 scripts/golden/train_metrics.py
Writes src/test/resources/golden/train_metrics.json.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "src", "test", "resources", "golden", "train_metrics.json")

rng = np.random.default_rng(2026)
N, K, TOPK = 60, 5, 2
labels = rng.integers(0, 4, size=N)                      # classes 0..3 occur, class 4 does not
raw = rng.integers(0, 64, size=(N, K)).astype(np.float64)
raw[:, 4] = 0                                            # class 4 scores lowest: never predicted
raw[np.arange(N), labels] += rng.integers(0, 40, size=N)  # the true class tends to score higher
scores = raw / 64.0


def argmax_low(row):
    return int(np.flatnonzero(row == row.max())[0])


pred = np.array([argmax_low(r) for r in scores])
cm = np.zeros((K, K), dtype=int)
for t, p in zip(labels, pred):
    cm[t, p] += 1

tp = np.diag(cm).astype(float)
support = cm.sum(axis=1)
predicted = cm.sum(axis=0)
precision = np.divide(tp, predicted, out=np.zeros(K), where=predicted != 0)
recall = np.divide(tp, support, out=np.zeros(K), where=support != 0)
denom = precision + recall
f1 = np.divide(2 * precision * recall, denom, out=np.zeros(K), where=denom != 0)
present = (support > 0) | (predicted > 0)
macro = [precision[present].mean(), recall[present].mean(), f1[present].mean()]
weighted = [np.average(precision, weights=support), np.average(recall, weights=support),
            np.average(f1, weights=support)]


def in_topk(row, label, k):
    ahead = sum(1 for j in range(len(row)) if row[j] > row[label] or (row[j] == row[label] and j < label))
    return ahead < k


topk = np.mean([in_topk(scores[i], labels[i], TOPK) for i in range(N)])


def binary_clf_curve(y_true, y_score):
    order = np.argsort(y_score, kind="mergesort")[::-1]
    y_score = y_score[order]
    y_true = y_true[order]
    distinct = np.where(np.diff(y_score))[0]
    idx = np.r_[distinct, y_true.size - 1]
    tps = np.cumsum(y_true)[idx]
    fps = 1 + idx - tps
    return fps, tps, y_score[idx]


def precision_recall_curve(y_true, y_score):
    fps, tps, thresholds = binary_clf_curve(y_true, y_score)
    ps = tps + fps
    prec = np.zeros_like(tps, dtype=float)
    np.divide(tps, ps, out=prec, where=(ps != 0))
    rec = np.ones_like(tps, dtype=float) if tps[-1] == 0 else tps / tps[-1]
    sl = slice(None, None, -1)
    return np.hstack((prec[sl], 1)), np.hstack((rec[sl], 0)), thresholds[sl]


curves = []
for c in range(K):
    y = (labels == c).astype(int)
    p, r, t = precision_recall_curve(y, scores[:, c])
    ap = -np.sum(np.diff(r) * p[:-1])
    curves.append({"precision": p.tolist(), "recall": r.tolist(), "thresholds": t.tolist(), "ap": float(ap)})

out = {
    "num_classes": K, "top_k": TOPK,
    "labels": labels.tolist(), "scores": scores.tolist(), "predicted": pred.tolist(),
    "confusion": cm.tolist(),
    "precision": precision.tolist(), "recall": recall.tolist(), "f1": f1.tolist(), "support": support.tolist(),
    "macro": macro, "weighted": weighted, "accuracy": float(np.trace(cm) / N), "top_k_accuracy": float(topk),
    "curves": curves,
}
with open(OUT, "w") as f:
    json.dump(out, f)
print("wrote", OUT, "accuracy", out["accuracy"], "top-%d" % TOPK, topk, "macro", macro)
