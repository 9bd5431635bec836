"""The date words Tacitus knows (data/when/*.tsv), read once per process."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_table


@dataclass(frozen=True)
class Modifier:
    step: int
    direction: str  # past | future | "" (the clause's tense decides)


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]
    weekdays: dict[str, int]
    deictic: dict[str, int]
    modifiers: dict[str, Modifier]
    numbers: dict[str, int]
    future_aux: frozenset[str]
    future_lemmas: frozenset[str]


def _cased(words: dict[str, int]) -> dict[str, int]:
    """Each word as written (Title case) and in capitals, as datelines print them ("OCT 24")."""
    out = dict(words)
    out.update({w.upper(): v for w, v in words.items()})
    return out


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    future = read_table("when", "future.tsv")
    return DateWords(
        months=_cased({r["word"]: int(r["month"]) for r in read_table("when", "months.tsv")}),
        weekdays=_cased({r["word"]: int(r["weekday"]) for r in read_table("when", "weekdays.tsv")}),
        deictic={r["phrase"]: int(r["offset"]) for r in read_table("when", "deictic.tsv")},
        modifiers={r["modifier"]: Modifier(int(r["step"]), r["direction"])
                   for r in read_table("when", "modifiers.tsv")},
        numbers={r["word"]: int(r["value"]) for r in read_table("when", "numbers.tsv")},
        future_aux=frozenset(r["word"] for r in future if r["kind"] == "aux"),
        future_lemmas=frozenset(r["word"] for r in future if r["kind"] == "lemma"),
    )
