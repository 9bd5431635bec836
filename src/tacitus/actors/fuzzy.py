"""Conservative spelling tolerance for country names, demonyms and capitals ("Ethopia", "Afganistan",
"Ghanians", "Quatar", "Phillippines", "Khatmandu").

Only a capitalised word that matched nothing else is tried, and only against single-word forms of the
country lexicon that start with the same letter: one edit for words of 6 to 8 letters, two for words of 9
or more (a transposition of neighbours counts as one edit). A word close to two forms of different
countries is left alone. Results are cached per word, so an article's repeated words cost one lookup.
"""
from __future__ import annotations

from functools import lru_cache

MIN_LENGTH = 6
LONG_WORD = 9


def max_edits(length: int) -> int:
    return 0 if length < MIN_LENGTH else (1 if length < LONG_WORD else 2)


def within(a: str, b: str, limit: int) -> bool:
    """Whether the optimal-string-alignment distance of ``a`` and ``b`` is at most ``limit`` (banded, so
    the cost is linear in the word length)."""
    if abs(len(a) - len(b)) > limit:
        return False
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [limit + 1] * len(b)
        lo, hi = max(1, i - limit), min(len(b), i + limit)
        for j in range(lo, hi + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, prev2[j - 2] + 1)
            row[j] = best
        if min(row[lo - 1:hi + 1]) > limit:
            return False
        prev2, prev = prev, row
    return prev[len(b)] <= limit


class FuzzyIndex:
    """Single-word forms by first letter; ``find(word)`` returns the value of the forms within reach when they
    all stand for one country, else None."""

    def __init__(self, forms: dict[str, object], country_of=lambda value: value) -> None:
        self.country_of = country_of  # what two matches must share to count as one
        self.by_letter: dict[str, list[tuple[str, object]]] = {}
        for form, value in forms.items():
            if len(form) >= MIN_LENGTH - 2 and form.isalpha():
                self.by_letter.setdefault(form[0], []).append((form, value))
        self.find = lru_cache(maxsize=4096)(self._find)

    def _find(self, word: str) -> object | None:
        key = word.lower()
        limit = max_edits(len(key))
        if not limit:
            return None
        found = [value for form, value in self.by_letter.get(key[0], ()) if within(key, form, limit)]
        return found[0] if found and len({self.country_of(v) for v in found}) == 1 else None
