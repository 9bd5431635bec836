"""Well-known political figures as a built-in layer of the actor dictionary (origin "builtin").

``figures.tsv`` holds one row per office or role a person held: name, aliases, country, sector and the
date range (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; an empty end is still in office). Rows of one name make
one ``DictionaryEntry`` whose dated codes give the reading on an article's date; outside every range the
person is an elite (ELI) of the country most of the rows name, except before the first role, which is read
as that role. An article without a date is read as of today (in office if the last range is open). The actor stage consults this layer after the user's own dictionary, for names the article does not
define itself and for titled persons whose phrase names no country ("President Reagan").
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..model import DatedCode, DictionaryEntry
from ..resources import read_table
from .dictionary import ActorDictionary, name_key, split_code
from .fuzzy import max_edits, within

OUT_OF_OFFICE = "ELI"
TODAY = "9999-12-31"  # the date an undated article is read on: open ranges cover it
FILE = "figures.tsv"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Z]{3}$")


class FiguresError(ValueError):
    """A malformed row of figures.tsv (the message names the file and the row)."""


def full_date(text: str, end: bool) -> str | None:
    """"1999" -> "1999-01-01" (or "1999-12-31" as an end); "1999-08" -> "1999-08-01" / "1999-08-28"."""
    if not text:
        return None
    if len(text) == 4:
        return f"{text}-12-31" if end else f"{text}-01-01"
    if len(text) == 7:
        return f"{text}-28" if end else f"{text}-01"
    return text


def _check(row: dict[str, str], number: int) -> None:
    where = f"{FILE}: data row {number} ({row.get('name') or '?'})"
    if not row["name"].strip():
        raise FiguresError(f"{where}: empty name")
    for field in ("country", "sector"):
        if not _CODE.match(row[field]):
            raise FiguresError(f"{where}: {field} must be a three-letter code, not {row[field]!r}")
    for field in ("start", "end"):
        if row[field] and not _DATE.match(row[field]):
            raise FiguresError(f"{where}: {field} must be YYYY, YYYY-MM or YYYY-MM-DD, not {row[field]!r}")


def entries_from_rows(rows: list[dict[str, str]]) -> list[DictionaryEntry]:
    """One entry per name, its rows as dated codes in file order plus an undated out-of-office code."""
    by_name: dict[str, list[dict[str, str]]] = {}
    for number, row in enumerate(rows, 1):
        _check(row, number)
        by_name.setdefault(row["name"].strip(), []).append(row)
    return [_entry(name, group) for name, group in by_name.items()]


def _entry(name: str, rows: list[dict[str, str]]) -> DictionaryEntry:
    countries = Counter(r["country"] for r in rows)
    home = max(countries, key=lambda c: (countries[c], -[r["country"] for r in rows].index(c)))
    aliases = list(dict.fromkeys(a.strip() for r in rows for a in r["aliases"].split("|") if a.strip()))
    codes = [DatedCode(r["country"] + r["sector"], full_date(r["start"], False), full_date(r["end"], True))
             for r in rows]
    return DictionaryEntry(name=name, country=home, sector=OUT_OF_OFFICE, kind="person",
                           aliases=aliases, origin="builtin",
                           codes=codes + [DatedCode(home + OUT_OF_OFFICE)])


class Figures(ActorDictionary):
    """The built-in dictionary: an undated article is read as of today. ``near`` also finds a misspelt
    name ("President Francois Mitterand", "President Laurent Gbago") for a person a title vouches for."""

    def __init__(self, entries: list[DictionaryEntry]) -> None:
        super().__init__(entries)
        self._near = lru_cache(maxsize=2048)(self._near_uncached)
        self._read = lru_cache(maxsize=8192)(self._read_uncached)  # the table never changes: cache readings

    def lookup(self, name: str, date: str | None = None) -> DictionaryEntry | None:
        """As ``ActorDictionary.lookup``; a date before a person's first role reads that role (a text that
        names the person so early more likely carries a placeholder date than a report on the unknown)."""
        return self._read(name_key(name), date if (date or "").strip() else TODAY)

    def _read_uncached(self, name: str, day: str) -> DictionaryEntry | None:
        found = super().lookup(name, day)
        if found is None or found.sector != OUT_OF_OFFICE:
            return found
        base = self.get(found.name)
        starts = [c for c in (base.codes if base else []) if c.start]
        first = min(starts, key=lambda c: c.start, default=None)
        if first is None or day >= first.start:
            return found
        country, sector = split_code(first.code)
        return DictionaryEntry(**{**found.__dict__, "country": country, "sector": sector})

    def near(self, name: str, date: str | None = None) -> DictionaryEntry | None:
        """The one entry whose full name (for a name of several words) or surname (for one word) is within
        the fuzzy-matching reach of ``name`` (see ``fuzzy.max_edits``), read on ``date``."""
        key = self._near(name_key(name))
        return self.lookup(key, date) if key else None

    def _near_uncached(self, key: str) -> str | None:
        """The key of the one entry near ``key`` (a normalised name), or None."""
        if not key:
            return None
        limit = max_edits(len(key.replace(" ", "")))
        several = " " in key
        owners: set[str] = set()
        if several:  # full names and aliases of several words
            for form, owner in self._index.items():
                if " " in form and form[:1] == key[:1] and within(key, form, limit):
                    owners.add(owner)
        else:
            for surname, keys in self._surnames.items():
                if surname[:1] == key[:1] and within(key, surname, limit):
                    owners |= keys
        return owners.pop() if len(owners) == 1 else None


@lru_cache(maxsize=1)
def figures() -> Figures:
    """The built-in figures, loaded once per process."""
    return Figures(entries_from_rows(read_table("actors", FILE)))
