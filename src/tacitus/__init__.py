"""Tacitus: political event data from news, offline.

    >>> import tacitus
    >>> coded = tacitus.code("President Alpha of Freedonia met Sylvanian Prime Minister Beta.", date="2024-05-02")
    >>> coded.events, coded.actors, coded.quotes

``code`` returns a ``CodedArticle`` (see ``tacitus.model``); everything else is internal.
"""
from __future__ import annotations

from .model import Actor, Article, CodedArticle, Event, Place, Quote, TimeRef

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "CodedArticle", "Event", "Place", "Quote", "TimeRef", "code", "__version__"]


def code(text: str, date: str | None = None, *, title: str | None = None, source: str | None = None,
         url: str | None = None) -> CodedArticle:
    """Code one news text. ``date`` (YYYY-MM-DD) is its publication date, the base for relative dates."""
    from .pipeline import code as _code  # deferred: loading spaCy takes a second

    return _code(text, date=date, title=title, source=source, url=url)
