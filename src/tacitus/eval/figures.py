"""Figures with the counts behind them: precision/recall/F1 from (tp, fp, fn), accuracy from (correct, n).

A figure whose denominator is zero has value ``None`` (nothing to measure), never a made-up 0 or 1.
Values are rounded to 4 decimals (FORMATS.md).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

DECIMALS = 4


@dataclass
class Figure:
    """One measured value. ``key`` is stable for machines (``type.plover.micro.f1``); ``label`` is for
    people; ``n`` is the number of items the value is computed over; ``counts`` are the raw numbers."""

    key: str
    label: str
    value: float | None
    n: int
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Scores:
    """What a scorer returns: the task, how many gold items were scored, the figures and notes."""

    task: str
    items: int
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"task": self.task, "items": self.items, "figures": [f.to_dict() for f in self.figures],
                "notes": list(self.notes)}

    def get(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


def ratio(num: float, den: float) -> float | None:
    return round(num / den, DECIMALS) if den else None


def prf(key: str, label: str, tp: int, fp: int, fn: int) -> list[Figure]:
    """Precision (over predictions), recall (over gold) and F1 (= 2tp / (2tp + fp + fn))."""
    counts = {"tp": tp, "fp": fp, "fn": fn}
    return [
        Figure(f"{key}.precision", f"{label} precision", ratio(tp, tp + fp), tp + fp, counts),
        Figure(f"{key}.recall", f"{label} recall", ratio(tp, tp + fn), tp + fn, counts),
        Figure(f"{key}.f1", f"{label} F1", ratio(2 * tp, 2 * tp + fp + fn), tp + fn, counts),
    ]


def accuracy(key: str, label: str, correct: int, total: int) -> Figure:
    return Figure(key, label, ratio(correct, total), total, {"correct": correct, "total": total})


@dataclass
class LabelCounts:
    """Per-label tp/fp/fn for micro and macro averages."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    extra_fp: int = 0  # predictions without a label that still count as false positives (micro only)

    def add(self, gold: list[str], pred: list[str]) -> None:
        """Add one text's gold and predicted labels, matched one-to-one as multisets."""
        g, p = Counter(gold), Counter(pred)
        both = g & p
        self.tp.update(both)
        self.fn.update(g - both)
        self.fp.update(p - both)

    def micro(self, key: str, label: str) -> list[Figure]:
        return prf(key, label, sum(self.tp.values()), sum(self.fp.values()) + self.extra_fp,
                   sum(self.fn.values()))

    def macro(self, key: str, label: str) -> list[Figure]:
        """Unweighted means over every label seen in gold or predictions (a label never predicted has
        precision 0, one never in gold recall 0)."""
        labels = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        if not labels:
            return [Figure(f"{key}.{m}", f"{label} {m}", None, 0, {"labels": 0})
                    for m in ("precision", "recall", "f1")]
        ps, rs, fs = [], [], []
        for name in labels:
            tp, fp, fn = self.tp[name], self.fp[name], self.fn[name]
            ps.append(tp / (tp + fp) if tp + fp else 0.0)
            rs.append(tp / (tp + fn) if tp + fn else 0.0)
            fs.append(2 * tp / (2 * tp + fp + fn))
        counts = {"labels": len(labels)}
        return [Figure(f"{key}.precision", f"{label} precision", round(sum(ps) / len(ps), DECIMALS), len(labels), counts),
                Figure(f"{key}.recall", f"{label} recall", round(sum(rs) / len(rs), DECIMALS), len(labels), counts),
                Figure(f"{key}.f1", f"{label} F1", round(sum(fs) / len(fs), DECIMALS), len(labels), counts)]


def missing_note(gold: list[dict[str, Any]], preds: dict[str, Any]) -> list[str]:
    """A note when some gold items have no prediction (they are scored as predicting nothing)."""
    missing = sum(1 for g in gold if g["id"] not in preds)
    return [f"{missing} gold items have no prediction (scored as predicting nothing)"] if missing else []
