"""Matching helpers shared by the scorers: one-to-one matching, character spans, and actor-text comparison.

- ``max_matching`` pairs gold and predicted items one-to-one so that as many pairs as possible are
  compatible (maximum bipartite matching by augmenting paths; exact, and tiny inputs per text).
- Spans are lists of ``(start, end)`` pairs (a quote's content may be discontinuous). Their overlap is the
  number of characters they share after merging; ``greedy_overlap`` pairs items whose spans overlap by at
  least half the shorter one, largest overlap first, one-to-one (the rule of FORMATS.md).
- ``trimmed`` removes white space and quotation marks at both ends of every piece, so that ``"Yes,"`` and
  ``Yes,`` count as the same span for exact matching.
- Actor texts (events' ``source.text``/``target.text``) are plain strings: they match exactly when their
  case-folded words are equal, and by token overlap when they share more than half the shorter's words.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")
Spans = tuple[tuple[int, int], ...]

QUOTE_MARKS = "\"'“”„‟«»‘’‚‛‹›`´"
_TRIM = set(QUOTE_MARKS) | set(" \t\n\r\f\v\u00a0\u2009\u200a\u202f")
_WORD = re.compile(r"\w+")


def max_matching(golds: Sequence[G], preds: Sequence[P], compatible: Callable[[G, P], bool]) -> list[tuple[int, int]]:
    """Largest set of one-to-one (gold index, predicted index) pairs with ``compatible(gold, pred)``."""
    options = [[j for j, p in enumerate(preds) if compatible(g, p)] for g in golds]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(golds)):
        if options[i]:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def as_spans(value: Sequence[Sequence[int]] | None) -> Spans:
    """Spans as a sorted tuple of merged (start, end) pairs; overlapping or touching pieces are joined."""
    if not value:
        return ()
    pieces = sorted((int(s), int(e)) for s, e in value if int(e) > int(s))
    merged: list[list[int]] = []
    for start, end in pieces:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def overlap(a: Spans, b: Spans) -> int:
    """Characters shared by two merged span lists."""
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            total += max(0, min(e1, e2) - max(s1, s2))
    return total


def trimmed(spans: Spans, text: str) -> Spans:
    """Each piece without white space and quotation marks at its ends (empty pieces dropped), re-merged;
    pieces separated only by such characters are joined."""
    pieces = []
    for start, end in spans:
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        if end > start:
            pieces.append((start, end))
    joined: list[list[int]] = []
    for start, end in pieces:
        if joined and all(c in _TRIM for c in text[joined[-1][1]:start]):
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return tuple((s, e) for s, e in joined)


def greedy_overlap(golds: Sequence[Spans], preds: Sequence[Spans]) -> list[tuple[int, int]]:
    """One-to-one pairs of items whose spans overlap by at least half the shorter one, largest overlap
    first (ties by position, so the result is deterministic)."""
    candidates = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            shared = overlap(g, p)
            if shared > 0 and 2 * shared >= min(length(g), length(p)):
                candidates.append((-shared, i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def norm_text(text: str) -> str:
    """Actor text for exact comparison: case-folded words joined by single spaces (punctuation dropped)."""
    return " ".join(_WORD.findall(text.casefold()))


def tokens_overlap(a: str, b: str) -> bool:
    """Two actor texts match by token overlap when they share more than half the words of the shorter one
    (strictly more, so that "the government" and "the rebels" do not match on "the")."""
    wa, wb = norm_text(a).split(), norm_text(b).split()
    if not wa or not wb:
        return False
    shared = sum(min(wa.count(w), wb.count(w)) for w in set(wa))
    return 2 * shared > min(len(wa), len(wb))
