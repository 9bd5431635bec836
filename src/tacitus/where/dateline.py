"""The dateline place: the town a report was filed from ("MINSK, Oct 24 (Agency) -", "SOCHI, Russia —")."""
from __future__ import annotations

import re

from ..model import CodedArticle, Place

HEAD_LINES = 4
# A dateline opens a line: a name in capitals (or Title Case followed by a comma and a date or agency),
# then a comma, a dash or an agency in parentheses.
DATELINE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Z.'\- ]{1,40}[A-Z]|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"(?:,[ \t]*[A-Z][A-Za-z. ]{1,30})?[ \t]*(?:,|\(|—|–|--| - )", re.M)


def dateline_span(text: str) -> tuple[int, int] | None:
    """Character span of the dateline's place name in the first lines of ``text``, or None."""
    seen = 0
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        seen += 1
        if seen > HEAD_LINES:
            break
        match = DATELINE.match(text, line.start(), line.end())
        if match and _looks_like_dateline(match, line.group()):
            return match.span("name")
    return None


def _looks_like_dateline(match: re.Match[str], line: str) -> bool:
    """Capitals ("MINSK,") are a dateline by themselves; a Title Case name needs a date or an agency in
    parentheses just after it ("Minsk, Oct 24 (BelTA) -")."""
    name = match.group("name")
    if name.isupper() and len(name) >= 3:
        return True
    rest = line[match.end("name"):match.end("name") + 40]
    return bool(re.match(r",?\s*(?:[A-Z][a-z]{2}\.? \d{1,2}|\d{1,2} [A-Z][a-z]+|\()", rest))


def dateline_place(coded: CodedArticle) -> Place | None:
    span = dateline_span(coded.article.text)
    if span is None:
        return None
    return next((p for p in coded.places if p.start >= span[0] and p.end <= span[1] and p.resolved), None)
