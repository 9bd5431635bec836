"""The dateline place: the town a report was filed from ("MINSK, Oct 24 (Agency) -", "SOCHI, Russia —")."""
from __future__ import annotations

from ..dateline import dateline_name
from ..model import CodedArticle, Place


def dateline_place(coded: CodedArticle) -> Place | None:
    span = dateline_name(coded.article.text)
    if span is None:
        return None
    return next((p for p in coded.places if p.start >= span[0] and p.end <= span[1] and p.resolved), None)
