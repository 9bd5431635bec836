"""Finding date expressions in text with one compiled regular expression (one pass per article).

Each match is a ``DateMatch``: its character span (the date words only, without a leading "on" or "in")
and the parts it names (day, month, year, weekday, relative unit and step). Turning the parts into an ISO
value against the publication date is ``resolve``'s job.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import DateWords, date_words

UNITS = ("day", "week", "month", "year", "weekend")


@dataclass
class DateMatch:
    start: int
    end: int
    kind: str  # date | weekday | deictic | shift | ago | month | year
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    unit: str | None = None  # for shift / ago: day | week | month | year | weekend | weekday | month-name
    step: int = 0
    direction: str = ""  # past | future | "" (decided by the clause)
    parts: dict[str, str] = field(default_factory=dict)


def _words(words: dict[str, int]) -> str:
    """Full names, or abbreviations with an optional stop ("Oct." but not the full stop after "October.")."""
    full = [x for x in words if len(x) > 4 or x.upper() in ("MAY", "JUNE", "JULY")]
    short = [x for x in words if x not in full]
    return rf"(?:(?:{_alternation(full)})|(?:{_alternation(short)})\.?)(?![A-Za-z])"


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def date_pattern() -> re.Pattern[str]:
    w = date_words()
    month = _words(w.months)
    weekday = _words(w.weekdays)
    # A weekday standing alone must be spelled out: "Sun", "Sat", "Wed" alone are mostly other words.
    weekday_alone = _alternation(x for x in w.weekdays if len(x) > 5) + r"(?![A-Za-z])"
    ordinal = r"(?:st|nd|rd|th)?"
    year = r"(?:1[89]\d\d|20\d\d)(?![\d])"
    mods = _alternation(w.modifiers)
    numbers = _alternation(w.numbers)
    deictic = _alternation(w.deictic)
    units = "|".join(UNITS)
    alternatives = [
        rf"(?P<iso>{year}-[01]\d-[0-3]\d)(?!\d)",
        rf"(?P<num>(?<![\d/.])[0-3]?\d(?P<sep>[/.])[0-3]?\d(?P=sep){year})",
        rf"(?P<dmy>(?P<d1>[0-3]?\d){ordinal}(?:\s+of)?\s+(?P<m1>{month})(?:,?\s+(?P<y1>{year}))?)",
        rf"(?P<mdy>(?P<m2>{month})\s+(?P<d2>[0-3]?\d){ordinal}(?![\d:])(?:,?\s+(?P<y2>{year}))?)",
        rf"(?P<my>(?P<m3>{month}),?\s+(?P<y3>{year}))",
        rf"(?P<shift>(?i:(?P<mod>{mods}))\s+(?:(?P<unit>(?i:{units}))s?\b|(?P<wd1>{weekday})|(?P<m5>{month})))",
        rf"(?P<ago>(?i:(?P<n>\d+|{numbers}))\s+(?P<agounit>(?i:{units}))s?\s+(?i:ago|earlier|before))",
        rf"(?P<deictic>(?i:{deictic}))(?![A-Za-z])",
        rf"(?P<wd>{weekday_alone})",
        rf"(?i:in|since|until|till|by|during|from|before|after|early|late|mid-?|end\s+of|beginning\s+of)\s+"
        rf"(?P<m4>{month})(?!,?\s*\d)",
        rf"(?i:in|since|until|till|by|during|from|before|after|of|early|late|mid-?)\s+(?P<y4>{year})(?!s|')",
    ]
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + ")")


def find_dates(text: str) -> Iterator[DateMatch]:
    """Every date expression in ``text``, in order."""
    w = date_words()
    for m in date_pattern().finditer(text):
        found = _to_match(m, w)
        if found is not None:
            yield found


def _to_match(m: re.Match[str], w: DateWords) -> DateMatch | None:
    g = m.groupdict()
    if g["iso"]:
        y, mo, d = (int(x) for x in g["iso"].split("-"))
        return _checked(DateMatch(*m.span("iso"), "date", day=d, month=mo, year=y))
    if g["num"]:
        return _numeric(m, g)
    if g["dmy"]:
        return _checked(DateMatch(*m.span("dmy"), "date", day=int(g["d1"]), month=_month(g["m1"], w),
                                  year=_int(g["y1"])))
    if g["mdy"]:
        return _checked(DateMatch(*m.span("mdy"), "date", day=int(g["d2"]), month=_month(g["m2"], w),
                                  year=_int(g["y2"])))
    if g["my"]:
        return DateMatch(*m.span("my"), "month", month=_month(g["m3"], w), year=int(g["y3"]))
    if g["shift"]:
        return _shift(m, g, w)
    if g["ago"]:
        n = g["n"].lower()
        count = int(n) if n.isdigit() else w.numbers[n]
        return DateMatch(*m.span("ago"), "ago", unit=g["agounit"].lower(), step=-count, direction="past")
    if g["deictic"]:
        return DateMatch(*m.span("deictic"), "deictic", step=w.deictic[g["deictic"].lower()])
    if g["wd"]:
        return DateMatch(*m.span("wd"), "weekday", weekday=w.weekdays[g["wd"].rstrip(".")])
    if g["m4"]:
        return DateMatch(*m.span("m4"), "month", month=_month(g["m4"], w))
    if g["y4"]:
        return DateMatch(*m.span("y4"), "year", year=int(g["y4"]))
    return None


def _shift(m: re.Match[str], g: dict[str, str], w: DateWords) -> DateMatch:
    modifier = w.modifiers[" ".join(g["mod"].lower().split())]
    found = DateMatch(*m.span("shift"), "shift", step=modifier.step, direction=modifier.direction)
    if g["unit"]:
        found.unit = g["unit"].lower()
    elif g["wd1"]:
        found.unit, found.weekday = "weekday", w.weekdays[g["wd1"].rstrip(".")]
    else:
        found.unit, found.month = "month-name", _month(g["m5"], w)
    return found


def _numeric(m: re.Match[str], g: dict[str, str]) -> DateMatch | None:
    """12/31/2012 (US, slashes) or 31.12.2012 (dots); a first number over 12 means day first either way."""
    a, b, y = (int(x) for x in re.split(r"[/.]", g["num"]))
    day_first = g["sep"] == "." or a > 12
    day, month = (a, b) if day_first else (b, a)
    return _checked(DateMatch(*m.span("num"), "date", day=day, month=month, year=y))


def _checked(found: DateMatch) -> DateMatch | None:
    if found.month is None or not 1 <= found.month <= 12 or not 1 <= (found.day or 1) <= 31:
        return None
    return found


def _month(word: str, w: DateWords) -> int:
    return w.months[word.rstrip(".").strip()]


def _int(text: str | None) -> int | None:
    return int(text) if text else None
