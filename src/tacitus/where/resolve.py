"""Choosing the gazetteer record a place name means, from the article's context.

Each record of a name gets a score:

- its prominence: countries and regions first, then divisions, then towns by population, national capitals
  favoured;
- a pull towards the countries the article is about (countries named in it, actors' countries, other
  places' countries), and for towns and counties towards the states or provinces it names;
- coherence: a bonus that shrinks with the distance to the nearest place the article names with confidence
  (full at ``NEAR_FULL_KM``, none from ``NEAR_NONE_KM``, on a log scale), so that "Centennial Park" in an
  article about Sydney is the Sydney park and "Georgia" among Alabama and Texas is the US state;
- the text's hints (``Hints``): a container named right after it ("Pandi, Bulacan", "Santa Ana,
  California", "Eastern Creek in New South Wales"), a name before it that it would contain ("Blakely,
  Georgia": the Georgia holding a Blakely), a cue word saying what kind of place it is ("Washington state",
  "the city of X", "Dallas County"), and the kinds and countries of the names listed with it ("Utah,
  Washington and Wisconsin" are US states).

Minor towns (under 1,000 people) are candidates only within ``MINOR_TOWN_KM`` of a confident place or
inside the named container: such names repeat across the world.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import MINOR_TOWN_POPULATION, Entry

FEATURE_BASE = {"country": 13.0, "continent": 12.0, "region": 12.0, "sea": 12.0, "admin1": 9.0, "admin2": 4.0}
CITY_SCALE = 1.5  # a town ten times bigger is 1.5 points likelier
CAPITAL_BONUS = 1.5
COUNTRY_CONTEXT_BONUS = 4.0
DIVISION_CONTEXT_BONUS = 2.0  # a town or county in a state the article names ("Fairfield" in a Texas story)
NEAR_BONUS = 3.0
NEAR_FULL_KM = 50.0
NEAR_NONE_KM = 2000.0
CONTAINER_BONUS = 6.0
HOLDS_BONUS = 3.0
CUE_BONUS = 4.0
SIBLING_BONUS = 2.0
ALTERNATE_PENALTY = 4.0  # "Mexico" is another name of Mexico City, but first of all the country
EXPLICIT_COUNTRY_WEIGHT = 2  # a country named outright says more about the article than a town in it
MINOR_TOWN_KM = 300.0
# A small town in a country the article never mentions, far from all its places, is a namesake of
# something the gazetteer lacks (a London street called Piccadilly is no Australian village).
REMOTE_TOWN_POPULATION = 20_000
CONTAINED_KM = 400.0  # a town "in" a town or region lies this near it
# Kinds of records, as cue words and lists see them ("division" covers both levels).
KIND = {"country": "country", "admin1": "admin1", "admin2": "admin2", "city": "city", "region": "area",
        "sea": "area", "continent": "area"}
LOCAL_FEATURES = frozenset({"city", "admin1", "admin2", "country"})
EARTH_KM = 6371.0


@dataclass
class Context:
    """What the article says about where it is: country weights (ISO2) and points of confident places."""

    countries: Counter
    points: list[tuple[float, float]]
    divisions: frozenset[tuple[str, str]] = frozenset()  # (ISO2, admin1) of the divisions it names


@dataclass
class Hints:
    """What the text around one name says about it (see the module docstring)."""

    container: Entry | None = None
    held: list[Entry] = field(default_factory=list)
    kind: str | None = None  # country | admin1 | admin2 | division | city | area
    siblings: Counter = field(default_factory=Counter)  # kinds of the confident names listed with it
    sibling_countries: Counter = field(default_factory=Counter)  # and their countries (ISO2)


NO_HINTS = Hints()


def prominence(entry: Entry) -> float:
    if entry.feature == "city":
        return CITY_SCALE * math.log10(max(entry.population, 10)) + (CAPITAL_BONUS if entry.capital else 0.0)
    base = FEATURE_BASE.get(entry.feature, 2.0)
    if entry.feature in ("admin1", "admin2"):
        base += min(entry.population / 200.0, 1.0)  # population holds the number of towns for divisions
    return base


def is_minor(entry: Entry) -> bool:
    return entry.feature == "city" and entry.population < MINOR_TOWN_POPULATION


def near_km(entry: Entry, points: list[tuple[float, float]]) -> float:
    """Distance to the nearest of ``points`` (equirectangular: exact enough under 2,000 km, and cheap)."""
    if not points:
        return math.inf
    scale = math.cos(math.radians(entry.lat))
    best = min((entry.lat - lat) ** 2 + (scale * (((entry.lon - lon) + 180.0) % 360.0 - 180.0)) ** 2
               for lat, lon in points)
    return EARTH_KM * math.radians(math.sqrt(best))


def coherence(km: float) -> float:
    """1 at ``NEAR_FULL_KM`` or nearer, 0 from ``NEAR_NONE_KM``, log-linear between."""
    if km <= NEAR_FULL_KM:
        return 1.0
    if km >= NEAR_NONE_KM:
        return 0.0
    return math.log(NEAR_NONE_KM / km) / math.log(NEAR_NONE_KM / NEAR_FULL_KM)


def score(entry: Entry, context: Context, hints: Hints = NO_HINTS, penalised: bool = False) -> float:
    """``penalised``: the text used another name of the record while it is the own name of a country or
    region ("Mexico" is also an old name of Mexico City)."""
    value = prominence(entry) - (ALTERNATE_PENALTY if penalised else 0.0)
    weight = context.countries[entry.cc] if entry.cc else 0
    if weight > 0:
        # the more of the article is about the country, the stronger the pull
        value += COUNTRY_CONTEXT_BONUS * (0.5 + 0.5 * weight / sum(context.countries.values()))
    if entry.feature in LOCAL_FEATURES:
        # being in a state the article names and being near its places are one kind of evidence: the
        # stronger counts, they do not add up
        near = NEAR_BONUS * coherence(near_km(entry, context.points)) if context.points else 0.0
        named = DIVISION_CONTEXT_BONUS if entry.feature in ("city", "admin2") and \
            (entry.cc, entry.admin1) in context.divisions else 0.0
        value += max(near, named)
    if hints.container is not None and inside(entry, hints.container):
        value += CONTAINER_BONUS
    if hints.held and any(inside(h, entry) for h in hints.held):
        value += HOLDS_BONUS
    if hints.kind is not None and _kind_matches(entry, hints.kind):
        value += CUE_BONUS
    if hints.siblings:
        value += SIBLING_BONUS * hints.siblings[KIND.get(entry.feature)] / sum(hints.siblings.values())
    if hints.sibling_countries:
        value += SIBLING_BONUS * hints.sibling_countries[entry.cc] / sum(hints.sibling_countries.values())
    return value


def _kind_matches(entry: Entry, kind: str) -> bool:
    return KIND.get(entry.feature) == kind or (kind == "division" and entry.feature in ("admin1", "admin2"))


def readable(entries: list[Entry], context: Context, hints: Hints = NO_HINTS) -> list[Entry]:
    """The records worth choosing from: a minor town only near the article's places or in its container;
    a small town in a country foreign to the article only near its places."""
    return [e for e in entries if e.feature != "city" or _plausible_town(e, context, hints)]


def _plausible_town(entry: Entry, context: Context, hints: Hints) -> bool:
    if hints.container is not None and inside(entry, hints.container):
        return True
    if is_minor(entry):
        return near_km(entry, context.points) <= MINOR_TOWN_KM
    if entry.population >= REMOTE_TOWN_POPULATION or not context.points or context.countries[entry.cc] > 0:
        return True
    return near_km(entry, context.points) < NEAR_NONE_KM


def ranked(entries: list[Entry], context: Context, hints: Hints = NO_HINTS,
           primary: set[int] | None = None) -> list[tuple[float, Entry]]:
    """Readable records with their scores, best first; ``primary`` holds the ids (``id()``) of records
    named by their own name."""
    entries = readable(entries, context, hints)
    primary = primary if primary is not None else {id(e) for e in entries}
    # another name of a record counts less when the name is some record's own ("Mexico" is an old name of
    # Mexico City but the country's own; "Pittsburgh" is also an old name of Pittsburg, California)
    others_named = any(id(e) in primary for e in entries)
    scored = [(score(e, context, hints, others_named and id(e) not in primary), e) for e in entries]
    scored.sort(key=lambda pair: (pair[0], pair[1].population), reverse=True)
    return scored


def best(entries: list[Entry], context: Context, hints: Hints = NO_HINTS,
         primary: set[int] | None = None) -> Entry | None:
    found = ranked(entries, context, hints, primary)
    return found[0][1] if found else None


def inside(entry: Entry, container: Entry) -> bool:
    """Whether ``entry`` lies in ``container`` (a country, a division, or near a town or region)."""
    if entry is container:
        return True  # "Washington, D.C.": the same place named twice
    if container.feature == "country":
        return entry.cc == container.cc and entry.feature != "country"
    if container.feature in ("admin1", "admin2") and entry.feature in ("city", "admin2"):
        same_division = entry.admin1 == container.admin1 if container.feature == "admin1" else \
            near_km(entry, [(container.lat, container.lon)]) < CONTAINED_KM / 4
        return entry.cc == container.cc and same_division
    if container.feature in ("continent", "region", "sea"):
        # a region inside one country ("Darfur") holds that country's places near it
        return container.cc is not None and entry.cc == container.cc and \
            near_km(entry, [(container.lat, container.lon)]) < 2 * CONTAINED_KM
    return entry.feature == "city" and entry.cc == container.cc and \
        near_km(entry, [(container.lat, container.lon)]) < CONTAINED_KM
