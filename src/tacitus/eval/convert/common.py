"""What every converter returns, and its error type."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


class ConvertError(ValueError):
    """A source file the converter cannot read: ``origin`` is ``file`` or ``file:line``."""

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


@dataclass
class Conversion:
    """Items in a generic gold format, with counts of what was read, kept and left out (and why)."""

    task: str
    items: list[dict[str, Any]] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{len(self.items)} {self.task} items"]
        parts += [f"{k}: {v}" for k, v in sorted(self.counts.items())]
        return "; ".join(parts)


def unique_id(name: str, seen: set[str], conv: Conversion) -> str:
    """The record's id, with ``-2``, ``-3``... added when the source repeats it (counted)."""
    candidate, n = name, 1
    while candidate in seen:
        n += 1
        candidate = f"{name}-{n}"
    if n > 1:
        conv.counts["repeated record ids made unique"] += 1
    seen.add(candidate)
    return candidate
