"""Organisations the lexicon does not know, read off their names ("Moro Islamic Liberation Front", "Homeland
Union", "Association of African Jurists", "Kenya Anti-Corruption Commission", "La Prensa").

A name is a run of capitalised proper nouns (with "of", "for", "the", "and" between them) that holds a head
word of ``org_kinds.tsv``: the head gives the sector ("Front" REB, "Union" PTY, "Association" NGO,
"Court" JUD, "Times" MED), a marker word anywhere in the name makes an armed group of a front, army,
movement or council ("Liberation"), and "<head> of <sector noun>" takes that noun's sector ("Union of
Teachers" EDU). A country or people named inside gives the country; otherwise a national body takes its
sentence's or article's country and a non-governmental one is coded NGO. An acronym in brackets right
after the name ("(RUF)") names the same organisation for the rest of the article.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..nlp import TokenView
from ..resources import read_table
from .lexicon import Entry, Hit, Lexicon, norm

JOINERS = frozenset({"of", "for", "the", "and", "&", "-", "'s", "\u2019s"})
POSSESSIVES = frozenset({"'s", "\u2019s"})
COMPLEMENT = frozenset({"of", "for"})
# Sectors a marker word overrides: kinds of body an armed group also calls itself.
MARKED = frozenset({"REB", "MIL", "OPP", "NGO"})
MAX_TOKENS = 12
# The smallest town whose name opening an organisation's name places it ("Chicago Police Department").
MIN_TOWN_IN_NAME = 100_000


@dataclass(frozen=True)
class Kind:
    sector: str
    scope: str  # national | ngo


@dataclass(frozen=True)
class OrgKinds:
    heads: dict[str, Kind]
    markers: dict[str, Kind]


@lru_cache(maxsize=1)
def org_kinds() -> OrgKinds:
    heads, markers = {}, {}
    for row in read_table("actors", "org_kinds.tsv"):
        (markers if row["kind"] == "marker" else heads)[row["word"]] = Kind(row["sector"], row["scope"])
    return OrgKinds(heads, markers)


def org_name_hits(doc: Doc, view: TokenView, lexicon: Lexicon, hit_at: dict[int, Hit], person_tokens: set[int],
                  context_country: Callable[[int], str | None]) -> list[Hit]:
    """Organisation hits for the capitalised names that carry an organisation head word and that no lexicon
    organisation covers; ``context_country(token_i)`` places a national body its name does not place."""
    kinds = org_kinds()
    if not any(w in kinds.heads for w in view.lower):
        return []
    out: list[Hit] = []
    acronyms: dict[str, Entry] = {}
    for start, end in _name_runs(view, person_tokens, kinds.heads):
        glossed = _glossed(view, start, hit_at, out)
        if glossed is not None:  # "Hizbollah (Party of God)": a translation names the same body
            out.append(Hit(start, end, glossed))
            continue
        found = _organisation(doc, view, start, end, kinds, lexicon, hit_at, context_country)
        if found is None:
            continue
        hit, acronym = found
        out.append(hit)
        if acronym is not None:
            acronyms[view.text[acronym]] = hit.entry
            out.append(Hit(acronym, acronym + 1, hit.entry))
    covered = {i for h in out for i in range(h.start, h.end)}
    for i, word in enumerate(view.text):
        entry = acronyms.get(word)
        if entry is not None and i not in covered and i not in hit_at:
            out.append(Hit(i, i + 1, entry))
    return sorted(out, key=lambda h: h.start)


def _glossed(view: TokenView, start: int, hit_at: dict[int, Hit], found: list[Hit]) -> Entry | None:
    """The organisation whose name a name in brackets right after it translates, or None."""
    if start < 2 or view.text[start - 1] != "(":
        return None
    before = start - 2
    if before in hit_at and hit_at[before].entry.kind == "org":
        return hit_at[before].entry
    return next((h.entry for h in found if h.end == before + 1), None)


def _capitalised(view: TokenView, i: int) -> bool:
    if not view.caps[i] or not view.alpha[i] and "-" not in view.text[i]:
        return False
    return view.pos[i] == "PROPN" or (view.pos[i] in ("ADJ", "NOUN") and not view.sent_start[i])


def _name_runs(view: TokenView, person_tokens: set[int], heads: dict[str, Kind]) -> list[tuple[int, int]]:
    """Token ranges of runs of capitalised words joined by "of", "for", "the" (and "and" after "of": "Department
    of Health and Human Services", but not "USDA and the Illinois Department")."""
    runs, i, n = [], 0, len(view)
    while i < n:
        if not _capitalised(view, i) or i in person_tokens:
            i += 1
            continue
        end = j = i + 1
        complement = False
        while j < n and j - i < MAX_TOKENS:
            if _capitalised(view, j) and j not in person_tokens:
                end = j = j + 1
            elif view.text[j] in POSSESSIVES and any(view.lower[k] in heads for k in range(i, j)):
                break  # "the Supreme Court's ruling": a complete name owns what follows
            elif view.lower[j] in JOINERS and (view.lower[j] != "and" or complement):
                complement = complement or view.lower[j] in COMPLEMENT
                j += 1
            else:
                break
        runs.append((i, end))
        i = end
    return runs


def _head(view: TokenView, start: int, end: int, kinds: OrgKinds, hit_at: dict[int, Hit]) -> int | None:
    """The head word of a name: the first head word followed by "of"/"for", else the last head word (not
    one inside a country's name: "Russian Federation")."""
    heads = [i for i in range(start, end) if view.lower[i] in kinds.heads and view.caps[i]
             and not (i in hit_at and hit_at[i].entry.is_country)]
    for i in heads:
        if i + 1 < end and view.lower[i + 1] in COMPLEMENT:
            return i
    return heads[-1] if heads else None


def _organisation(doc: Doc, view: TokenView, start: int, end: int, kinds: OrgKinds, lexicon: Lexicon,
                  hit_at: dict[int, Hit], context_country: Callable[[int], str | None]) -> tuple[Hit, int | None] | None:
    if any(hit_at[i].entry.kind == "org" for i in range(start, end) if i in hit_at):
        return None
    if any(i in hit_at and hit_at[i].entry.kind == "title" and not hit_at[i].entry.plural for i in (start, end - 1)):
        return None  # "Deputy Prime Minister of the Russian Federation", "Press Secretary": a person's title
    head = _head(view, start, end, kinds, hit_at)
    if head is None:
        return None
    inside = [hit_at[i] for i in range(start, end) if i in hit_at]
    countries = [h for h in inside if h.entry.is_country and h.entry.country]
    placed = {i for h in countries for i in range(h.start, h.end)}
    others = [i for i in range(start, end) if i != head and i not in placed and view.lower[i] not in JOINERS]
    if not others and (norm(view.text[head]) in lexicon.entries or not countries):
        return None  # "the Syrian Parliament": the sector noun and its country say it all; "Office" alone
    kind = _marked(view, start, end, kinds, kinds.heads[view.lower[head]])
    sector = _sector(view, head, kind, inside)
    country = countries[0].entry.country if countries else _town_in_name(doc, view, start, head, lexicon)
    if country is None:
        country = "NGO" if kind.scope == "ngo" else context_country(start)
    if kind.scope == "ngo" and country == "NGO" and sector == "NGO":
        sector = None
    name = doc[start:end].text
    entry = Entry(name, "org", country, sector, name=name)
    return Hit(start, end, entry), _acronym_after(view, end)


def _marked(view: TokenView, start: int, end: int, kinds: OrgKinds, kind: Kind) -> Kind:
    """The kind a marker word makes of a front, army, movement, committee or council ("Senate Intelligence
    Committee" LEG, "Moro Islamic Liberation Front" REB), else the head's own."""
    if kind.sector not in MARKED:
        return kind
    words = set(view.lower[start:end])
    for word, marker in kinds.markers.items():  # in table order: the first marker wins
        if word in words:
            return marker
    return kind


def _sector(view: TokenView, head: int, kind: Kind, inside: list[Hit]) -> str:
    """Sector from a sector noun after "<head> of" ("Union of Teachers"), else (for a government body) from a
    sector noun before the head ("Police Department"), else the kind's own."""
    for hit in inside:
        if hit.start > head and hit.entry.is_sector and hit.entry.sector and view.lower[head + 1] in COMPLEMENT:
            return hit.entry.sector
    if kind.sector == "GOV":
        for hit in inside:
            if hit.end <= head and hit.entry.is_sector and hit.entry.sector not in (None, "GOV"):
                return hit.entry.sector
    return kind.sector


def _town_in_name(doc: Doc, view: TokenView, start: int, head: int, lexicon: Lexicon) -> str | None:
    """The country of a large town or a division that opens the name ("Chicago Police Department"), which the
    recogniser tags as part of the organisation rather than as a place."""
    for end in range(min(head, start + 3), start, -1):
        places = lexicon.places.lookup(doc[start:end].text)
        if places and (places[0].kind == "region" or places[0].population >= MIN_TOWN_IN_NAME):
            return places[0].country
    return None


def _acronym_after(view: TokenView, end: int) -> int | None:
    """Token index of an all-capital acronym in brackets right after a name: "... Front (RUF)"."""
    if end + 1 < len(view) and view.text[end] == "(" and view.text[end + 1].isupper() and view.alpha[end + 1]:
        return end + 1
    return None
