"""The actor lexicon: every word or phrase that names a country, a seat of government, an organisation or a
sector, read once per process from ``tacitus/data/actors/*.tsv``, and a matcher that finds them in a Doc.

The matcher is tokenisation-agnostic: it grows a lower-cased string token by token (with the text's own
white space) and looks it up in a set of all phrase prefixes, so "Belarusian-Russian" (three tokens) finds
both demonyms and "U.S." matches whatever way spaCy splits it. Work is linear in tokens. A capitalised word
that matches nothing may still be a misspelt country, demonym or capital ("Ethopia"): ``fuzzy.py`` decides,
for words that are not themselves known places (``places.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..nlp import TokenView, token_view
from ..resources import read_table
from .fuzzy import MIN_LENGTH, FuzzyIndex
from .places import Gazetteer, gazetteer

# Entry kinds. country: a country name; demonym: an adjective or people noun; seat: a capital or a seat of
# government; city, region: a town or a province (found through the gazetteer, locate.py); prefix: a
# combining form before a hyphen; org: an organisation; title: a sector noun that a person holds; group: a
# sector noun for a body or collective.
COUNTRY_KINDS = frozenset({"country", "demonym", "seat", "city", "region", "prefix"})
SECTOR_KINDS = frozenset({"title", "group"})
# How many tokens a lexicon phrase may span (longest names, "the Former Yugoslav Republic of Macedonia").
MAX_TOKENS = 12


@dataclass(frozen=True)
class Entry:
    """One lexicon phrase and what it stands for."""

    form: str
    kind: str
    country: str | None = None
    sector: str | None = None
    name: str = ""          # canonical name (country or organisation name, sector term)
    role: str | None = None  # office key shared by synonymous titles
    plural: bool = False
    weak: bool = False      # sector noun that yields to a sector noun modifying it
    mass: bool = False      # also a mass noun for an activity ("use force", "share intelligence")
    code: str | None = None  # organisation code
    caps_only: bool = False  # all-capital forms (US, UN) match only in capitals
    cased: bool = True      # proper names must start with a capital in the text
    reach: str = ""         # titles: "abroad" (held in another country: ambassador), "international" (heads of
                            # state, foreign ministers: often named with their counterparts' countries), "" domestic
    people: bool = False    # a people or community rather than a nation (peoples.tsv): its leaders are elites

    @property
    def is_country(self) -> bool:
        return self.kind in COUNTRY_KINDS

    @property
    def is_sector(self) -> bool:
        return self.kind in SECTOR_KINDS


@dataclass
class Hit:
    """A lexicon match: tokens ``start``..``end`` (exclusive) of the Doc."""

    start: int
    end: int
    entry: Entry


@lru_cache(maxsize=1 << 16)  # the same words recur from article to article
def norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").lower().split())


def _forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


def _is_caps(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _plurals(term: str) -> list[str]:
    head, _, last = term.rpartition(" ")
    prefix = head + " " if head else ""
    if last.endswith("man"):
        return [prefix + last[:-3] + "men"]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return [prefix + last[:-1] + "ies"]
    if last.endswith(("s", "sh", "ch", "x")):
        return [prefix + last + "es"]
    return [prefix + last + "s"]


def _country_entries() -> list[Entry]:
    names = {r["iso3"]: r["name"] for r in read_table("actors", "countries.tsv")}
    out = []
    for row in read_table("actors", "countries.tsv"):
        out.append(Entry(row["name"], "country", row["iso3"], name=row["name"]))
        if row["capital"]:
            out.append(Entry(row["capital"], "seat", row["iso3"], name=row["capital"]))
    for row in read_table("actors", "country_words.tsv"):
        iso3 = row["iso3"]
        name = names.get(iso3, iso3)
        for form in _forms(row["names"]):
            form = form[4:] if form.lower().startswith("the ") else form
            out.append(Entry(form, "country", iso3, name=name))
        for form in _forms(row["demonyms"]):
            out.append(Entry(form, "demonym", iso3, name=name, plural=form.endswith("s") and form != "Swiss"))
        for form in _forms(row["seats"]):
            out.append(Entry(form, "seat", iso3, sector="GOV", name=form))
        for form in _forms(row["prefixes"]):
            out.append(Entry(form + "-", "prefix", iso3, name=name))
    for row in read_table("actors", "peoples.tsv"):
        for form in _forms(row["names"]):
            out.append(Entry(form, "demonym", row["iso3"] or None, name=form, plural=form.endswith("s"),
                             people=True))
    return out


def _org_entries() -> list[Entry]:
    out = []
    for row in read_table("actors", "organizations.tsv"):
        forms = _forms(row["names"])
        for form in forms:
            out.append(Entry(form, "org", row["country"] or None, row["sector"] or None, name=forms[0],
                             code=row["code"] or None))
    return out


def _sector_entries() -> list[Entry]:
    out = []
    for row in read_table("actors", "sectors.tsv"):
        kind = "title" if row["kind"] == "person" else "group"
        common = dict(kind=kind, sector=row["sector"], name=row["term"], role=row["role"] or None,
                      weak=row["weak"] == "1", cased=False, reach=row["reach"],
                      mass=row.get("mass") == "1")
        out.append(Entry(row["term"], **common))
        plural = row["plural"]
        forms = [] if plural == "-" else (_forms(plural) or _plurals(row["term"]))
        out.extend(Entry(form, plural=True, **common) for form in forms)
    return out


# Kinds that win when two tables hold the same phrase (an organisation over a sector noun, and so on).
_PRIORITY = {"org": 0, "seat": 1, "country": 2, "demonym": 3, "prefix": 4, "title": 5, "group": 6, "city": 7,
             "region": 8}
# Lexicon kinds a misspelt word may stand for (not other cities: too many near-homographs).
FUZZY_KINDS = frozenset({"country", "demonym", "seat"})
# Parts of speech a misspelt country word is tagged with.
FUZZY_POS = frozenset({"PROPN", "NOUN", "ADJ"})


class Lexicon:
    """All actor phrases, indexed for the matcher."""

    def __init__(self, entries: list[Entry], places: Gazetteer | None = None) -> None:
        self.places = places if places is not None else Gazetteer([])
        self.entries: dict[str, list[Entry]] = {}
        self.prefixes: set[str] = set()
        for entry in entries:
            entry = _with_case(entry)
            key = norm(entry.form)
            self.entries.setdefault(key, []).append(entry)
            for i in range(1, len(key) + 1):
                self.prefixes.add(key[:i])
        for key in self.entries:
            self.entries[key].sort(key=lambda e: _PRIORITY[e.kind])
        self.sector_modifiers = {r["word"]: r["sector"] for r in read_table("actors", "sector_modifiers.tsv")}
        self.transnational = {r["word"]: r["country"] for r in read_table("actors", "transnational_words.tsv")}
        self.country_names = {e.country: e.name for es in self.entries.values() for e in es
                              if e.kind == "country" and e.country}
        self.fuzzy = FuzzyIndex({key: es[0] for key, es in self.entries.items()
                                 if es[0].kind in FUZZY_KINDS and es[0].country and not es[0].caps_only},
                                country_of=lambda entry: entry.country)

    def match(self, doc: Doc) -> list[Hit]:
        """Longest lexicon matches, left to right, not overlapping."""
        hits: list[Hit] = []
        view = token_view(doc)
        normed = [norm(word) for word in view.text]
        i, n = 0, len(view)
        people = person_words(doc)
        while i < n:
            best = self._longest_at(view, normed, i, n) if normed[i] in self.prefixes else None
            best = best or self._misspelt_at(view, normed, i, people)
            if best is None:
                i += 1
                continue
            hits.append(best)
            i = best.end
        return hits

    def _longest_at(self, view: TokenView, normed: list[str], i: int, n: int) -> Hit | None:
        text = ""
        best: Hit | None = None
        for j in range(i, min(n, i + MAX_TOKENS)):
            gap = " " if j > i and view.whitespace[j - 1] else ""
            text = text + gap + normed[j]
            if text not in self.prefixes:
                break
            for entry in self.entries.get(text, ()):
                if self._case_ok(entry, view.span_text(i, j + 1)):
                    best = Hit(i, j + 1, entry)
                    break
        return best

    def _misspelt_at(self, view: TokenView, normed: list[str], i: int, people: frozenset[str]) -> Hit | None:
        """A capitalised word a letter or two away from the words of one country, and no place elsewhere."""
        text = view.text[i]
        if (len(text) < MIN_LENGTH or not view.caps[i] or not text.isalpha() or text.isupper()
                or view.pos[i] not in FUZZY_POS or normed[i] in self.prefixes or _in_name(view, i)
                or text in people):
            return None
        entry = self.fuzzy.find(text)
        if not isinstance(entry, Entry):
            return None
        places = self.places.lookup(text)  # a real place elsewhere is no misspelling ("Indiana")
        if places and entry.country not in {p.country for p in places}:
            return None
        return Hit(i, i + 1, entry)

    @staticmethod
    def _case_ok(entry: Entry, surface: str) -> bool:
        if entry.caps_only:
            return norm(surface) == norm(entry.form) and surface.replace("\u2019", "'") == entry.form
        if entry.cased:  # "al-Qaeda" is written as its form starts
            return surface[:1].isupper() or entry.form[:1].islower()
        return True


def person_words(doc: Doc) -> frozenset[str]:
    """Words of the article's PERSON entities: "Clinton", "Chelsea" or "Brazile" named as a person anywhere in
    the article is no town and no misspelt country there."""
    view = token_view(doc)
    return frozenset(w for e in view.ents if e.label_ == "PERSON" for w in view.text[e.start:e.end])


def _in_name(view: TokenView, i: int) -> bool:
    """Whether token i belongs to a person's name: tagged as one, or next to another capitalised proper noun
    ("Angela Merkel", "Donna Brazile")."""
    if view.ent[i] == "PERSON":
        return True
    for j in (i - 1, i + 1):
        if 0 <= j < len(view) and view.pos[j] == "PROPN" and view.caps[j] and not view.sent_start[j]:
            return True
    return False


def _with_case(entry: Entry) -> Entry:
    from dataclasses import replace

    if entry.kind in SECTOR_KINDS:
        return replace(entry, caps_only=_is_caps(entry.form) and entry.form != entry.form.lower())
    return replace(entry, caps_only=_is_caps(entry.form))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, built once per process."""
    return Lexicon(_country_entries() + _org_entries() + _sector_entries(), gazetteer())
