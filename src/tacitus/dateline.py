"""The dateline that opens a wire report ("HELSINKI, 14 March 2024 - ", "BRUSSELS - ", "Minsk, Oct 24
(BelTA) -") is no part of its first sentence's grammar: the parser takes the town for the subject and the
real subject for its apposition. ``dateline(text)`` gives its character span, so the actor
stage makes no actor of the town, titles do not reach back over the date, the events stage looks past it
for the subject and the date stage does not date events by it (the publication date stands in anyway);
``dateline_name(text)`` gives the span of its place name, which the places stage resolves as the report's
place. One detector for every stage, so that they agree on what the dateline is.
"""
from __future__ import annotations

import re
from functools import lru_cache

HEAD_LINES = 4
# A line opens with a place name (capitals, or Title Case followed by a date or an agency in brackets), an
# optional region or date after commas, an optional agency in brackets, then a dash. A colon is no dateline
# separator: "PENCE: Well, ..." is a transcript's speaker, "Pence: Trump was ..." a headline.
_DATELINE = re.compile(
    r"[ \t]*(?P<name>[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+){0,3}|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
    r"(?P<rest>(?:,[ \t]*[^,\n\-\u2013\u2014()]{1,30}){0,2}[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?)"
    r"(?:--|-|\u2013|\u2014)[ \t]*")
# Words that may stand in the part between the name and the dash without a digit: months, regions.
_MIN_CAPS = 3


def dateline(text: str) -> tuple[int, int] | None:
    """Character span of the dateline that opens ``text`` (with its dash), or None."""
    found = _find(text)
    return (found[0], found[2]) if found else None


def dateline_name(text: str) -> tuple[int, int] | None:
    """Character span of the dateline's place name ("MINSK" of "MINSK, Oct 24 (Agency) -"), or None."""
    found = _find(text)
    return (found[0], found[1]) if found else None


@lru_cache(maxsize=64)
def _find(text: str) -> tuple[int, int, int] | None:
    """(name start, name end, dateline end) of the dateline opening ``text``, or None."""
    seen = 0
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        seen += 1
        if seen > HEAD_LINES:
            break
        match = _DATELINE.match(text, line.start(), line.end())
        if match and _is_dateline(match) and match.end() < line.end():
            return match.start("name"), match.end("name"), match.end()
    return None


def _is_dateline(match: re.Match[str]) -> bool:
    """Capitals ("MINSK, ...") are a dateline by themselves; a Title Case name needs a date or an agency in
    brackets before the dash ("Minsk, Oct 24 (BelTA) -"), else it is a headline ("Armenia - a view")."""
    name, rest = match.group("name"), match.group("rest")
    if name.isupper() and len(name.replace(".", "")) >= _MIN_CAPS:
        return True
    return "(" in rest or any(ch.isdigit() for ch in rest)
