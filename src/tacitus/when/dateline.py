"""The publication date from the top of the text when the input gave none: a date line ("24 October
2012", "Published: 2012-10-24") or a dateline ("MINSK, Oct 24 (Agency) -")."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from .finder import find_dates
from .resolve import parse_iso, resolve

HEAD_LINES = 4  # non-blank lines looked at
HEAD_CHARS = 100  # characters of each line looked at: a dateline opens its line
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def dateline_date(text: str) -> str | None:
    """ISO date named at the top of ``text``, or None. A day and month without a year take the year the
    article names most often (never the current year: archives would be misdated)."""
    for line in _head(text):
        found = _date_in(line, text)
        if found:
            return found
    return None


def _head(text: str) -> list[str]:
    return [ln.strip()[:HEAD_CHARS] for ln in text.splitlines() if ln.strip()][:HEAD_LINES]


def _date_in(line: str, text: str) -> str | None:
    for found in find_dates(line):
        if found.kind != "date":
            continue
        if found.year is None:
            found.year = _usual_year(text)
            if found.year is None:
                continue
        value, resolution = resolve(found, None)
        if resolution == "day":
            return value
    return _fallback(line) if _looks_dated(line) else None


def _usual_year(text: str) -> int | None:
    years = Counter(int(y) for y in _YEAR.findall(text))
    return max(years, key=lambda y: (years[y], y)) if years else None


def _looks_dated(line: str) -> bool:
    """Short lines with a year are worth dateparser's time; others are not."""
    return len(line) <= 60 and bool(_YEAR.search(line))


@lru_cache(maxsize=1024)
def _fallback(line: str) -> str | None:
    """dateparser for the rarer formats the rules miss (slow: only short dated head lines, cached)."""
    import dateparser  # noqa: PLC0415 - imported only when needed: it takes a second to load

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    first_digit = next((i for i, ch in enumerate(line) if ch.isdigit()), 0)
    for text in dict.fromkeys([line, line[first_digit:]]):  # "Posted 2012/10/24": without the label too
        found = dateparser.parse(text, languages=["en"], settings=settings)
        if found:
            return found.date().isoformat()
    return None


def valid_date(text: str | None) -> date | None:
    return parse_iso(text)
