"""True/false positive counts and the precision, recall and F1 made from them.

Empty cases are defined so that a document with nothing to find and nothing
found scores perfectly, and an empty side never divides by zero:

* precision = TP / (TP + FP), and 1.0 when nothing was predicted;
* recall = TP / (TP + FN), and 1.0 when nothing was expected;
* F1 = 2PR / (P + R), and 0.0 when P + R is 0.

So predicting nothing where facts were expected gives P 1.0, R 0.0, F1 0.0;
predicting something where nothing was expected gives P 0.0, R 1.0, F1 0.0.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Counts"]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        expected = self.tp + self.fn
        return self.tp / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }
