"""Choosing the gazetteer record a place name means, from the article's context.

Each record of a name gets a score: its prominence (countries and regions first, then divisions, then towns
by population, national capitals favoured), plus a bonus when it lies in a country the article is about
(countries named in it, actors' countries, other places' countries), when it lies near the article's other
places, and when the text puts it inside a container ("Pandi, Bulacan", "Santa Ana, California").
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .gazetteer import Entry, distance_km

FEATURE_BASE = {"country": 13.0, "continent": 12.0, "region": 12.0, "sea": 12.0, "admin1": 9.0, "admin2": 4.0}
CITY_SCALE = 1.5  # a town ten times bigger is 1.5 points likelier
CAPITAL_BONUS = 1.5
COUNTRY_CONTEXT_BONUS = 4.0
NEAR_CONTEXT_BONUS = 2.0
NEAR_KM = 400.0
CONTAINER_BONUS = 6.0
ALTERNATE_PENALTY = 2.5  # "Mexico" is another name of Mexico City, but first of all the country
EXPLICIT_COUNTRY_WEIGHT = 2  # a country named outright says more about the article than a town in it


@dataclass
class Context:
    """What the article says about where it is: country weights (ISO2) and points of confident places."""

    countries: Counter
    points: list[tuple[float, float]]


def prominence(entry: Entry) -> float:
    if entry.feature == "city":
        return CITY_SCALE * math.log10(max(entry.population, 10)) + (CAPITAL_BONUS if entry.capital else 0.0)
    base = FEATURE_BASE.get(entry.feature, 2.0)
    if entry.feature in ("admin1", "admin2"):
        base += min(entry.population / 200.0, 1.0)  # population holds the number of towns for divisions
    return base


def score(entry: Entry, context: Context, container: Entry | None = None, penalised: bool = False) -> float:
    """``penalised``: the text used another name of the record while it is the own name of a country or
    region ("Mexico" is also an old name of Mexico City)."""
    value = prominence(entry) - (ALTERNATE_PENALTY if penalised else 0.0)
    weight = context.countries[entry.cc] if entry.cc else 0
    if weight > 0:
        # the more of the article is about the country, the stronger the pull
        value += COUNTRY_CONTEXT_BONUS * (0.5 + 0.5 * weight / sum(context.countries.values()))
    if entry.feature in ("city", "admin2", "admin1") and any(
            distance_km(entry.lat, entry.lon, lat, lon) < NEAR_KM for lat, lon in context.points):
        value += NEAR_CONTEXT_BONUS
    if container is not None and _inside(entry, container):
        value += CONTAINER_BONUS
    return value


def best(entries: list[Entry], context: Context, container: Entry | None = None,
         primary: set[int] | None = None) -> Entry | None:
    """The best-scoring record; ``primary`` holds the ids (``id()``) of records named by their own name."""
    if not entries:
        return None
    primary = primary if primary is not None else {id(e) for e in entries}
    wide = any(id(e) in primary and e.feature != "city" for e in entries)
    return max(entries, key=lambda e: (score(e, context, container, wide and id(e) not in primary),
                                       e.population))


def _inside(entry: Entry, container: Entry) -> bool:
    if container.feature == "country":
        return entry.cc == container.cc
    if container.feature == "admin1" and entry.admin1:
        return entry.cc == container.cc and entry.admin1 == container.admin1
    return entry.cc == container.cc and distance_km(entry.lat, entry.lon, container.lat, container.lon) < NEAR_KM
