"""Dates: date expressions resolved against the publication date, and the date of each event.

``TimeStage`` fills ``CodedArticle.times`` (and ``Article.date`` from a dateline when missing);
``event_date(doc, coded, trigger)`` gives the events stage the date of the event a trigger token names.
"""
from __future__ import annotations

from .attach import event_date
from .resolve import parse_iso, resolve
from .stage import TimeStage, fill_publication_date

__all__ = ["TimeStage", "event_date", "fill_publication_date", "parse_iso", "resolve"]
