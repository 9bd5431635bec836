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

from ..resources import read_table
from .lexicon import Entry, Hit, Lexicon, norm

JOINERS = frozenset({"of", "for", "the", "and", "&", "-", "'s"})
COMPLEMENT = frozenset({"of", "for"})
# Sectors a marker word overrides: kinds of body an armed group also calls itself.
MARKED = frozenset({"REB", "MIL", "OPP", "NGO"})
MAX_TOKENS = 12


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


def org_name_hits(doc: Doc, lexicon: Lexicon, hit_at: dict[int, Hit], person_tokens: set[int],
                  context_country: Callable[[int], str | None]) -> list[Hit]:
    """Organisation hits for the capitalised names that carry an organisation head word and that no lexicon
    organisation covers; ``context_country(token_i)`` places a national body its name does not place."""
    kinds = org_kinds()
    out: list[Hit] = []
    acronyms: dict[str, Entry] = {}
    for start, end in _name_runs(doc, person_tokens):
        if _gloss(doc, start, hit_at, out):
            continue  # "Hizbollah (Party of God)": a translation of the name before it
        found = _organisation(doc, start, end, kinds, lexicon, hit_at, context_country)
        if found is None:
            continue
        hit, acronym = found
        out.append(hit)
        if acronym is not None:
            acronyms[doc[acronym].text] = hit.entry
            out.append(Hit(acronym, acronym + 1, hit.entry))
    covered = {i for h in out for i in range(h.start, h.end)}
    for token in doc:
        entry = acronyms.get(token.text)
        if entry is not None and token.i not in covered and token.i not in hit_at:
            out.append(Hit(token.i, token.i + 1, entry))
    return sorted(out, key=lambda h: h.start)


def _gloss(doc: Doc, start: int, hit_at: dict[int, Hit], found: list[Hit]) -> bool:
    """Whether a name opens a bracket right after an organisation's name."""
    if start < 2 or doc[start - 1].text != "(":
        return False
    before = start - 2
    return (before in hit_at and hit_at[before].entry.kind == "org") or any(h.end == before + 1 for h in found)


def _capitalised(doc: Doc, i: int) -> bool:
    token = doc[i]
    if not token.text[:1].isupper() or not token.is_alpha and "-" not in token.text:
        return False
    return token.pos_ == "PROPN" or (token.pos_ in ("ADJ", "NOUN") and not token.is_sent_start)


def _name_runs(doc: Doc, person_tokens: set[int]) -> list[tuple[int, int]]:
    """Token ranges of runs of capitalised words joined by "of", "for", "the" (and "and" after "of": "Department
    of Health and Human Services", but not "USDA and the Illinois Department")."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        if not _capitalised(doc, i) or i in person_tokens:
            i += 1
            continue
        end = j = i + 1
        complement = False
        while j < n and j - i < MAX_TOKENS:
            if _capitalised(doc, j) and j not in person_tokens:
                end = j = j + 1
            elif doc[j].lower_ in JOINERS and (doc[j].lower_ != "and" or complement):
                complement = complement or doc[j].lower_ in COMPLEMENT
                j += 1
            else:
                break
        runs.append((i, end))
        i = end
    return runs


def _head(doc: Doc, start: int, end: int, kinds: OrgKinds, hit_at: dict[int, Hit]) -> int | None:
    """The head word of a name: the first head word followed by "of"/"for", else the last head word (not
    one inside a country's name: "Russian Federation")."""
    heads = [i for i in range(start, end) if doc[i].lower_ in kinds.heads and doc[i].text[:1].isupper()
             and not (i in hit_at and hit_at[i].entry.is_country)]
    for i in heads:
        if i + 1 < end and doc[i + 1].lower_ in COMPLEMENT:
            return i
    return heads[-1] if heads else None


def _organisation(doc: Doc, start: int, end: int, kinds: OrgKinds, lexicon: Lexicon, hit_at: dict[int, Hit],
                  context_country: Callable[[int], str | None]) -> tuple[Hit, int | None] | None:
    if any(hit_at[i].entry.kind == "org" for i in range(start, end) if i in hit_at):
        return None
    if any(i in hit_at and hit_at[i].entry.kind == "title" and not hit_at[i].entry.plural for i in (start, end - 1)):
        return None  # "Deputy Prime Minister of the Russian Federation", "Press Secretary": a person's title
    head = _head(doc, start, end, kinds, hit_at)
    if head is None:
        return None
    inside = [hit_at[i] for i in range(start, end) if i in hit_at]
    countries = [h for h in inside if h.entry.is_country and h.entry.country]
    placed = {i for h in countries for i in range(h.start, h.end)}
    others = [i for i in range(start, end) if i != head and i not in placed and doc[i].lower_ not in JOINERS]
    if not others and (norm(doc[head].text) in lexicon.entries or not countries):
        return None  # "the Syrian Parliament": the sector noun and its country say it all; "Office" alone
    kind = kinds.heads[doc[head].lower_]
    sector = _sector(doc, start, end, head, kind, kinds, inside)
    country = countries[0].entry.country if countries else None
    if country is None:
        country = "NGO" if kind.scope == "ngo" else context_country(start)
    if kind.scope == "ngo" and country == "NGO" and sector == "NGO":
        sector = None
    name = doc[start:end].text
    entry = Entry(name, "org", country, sector, name=name)
    return Hit(start, end, entry), _acronym_after(doc, end)


def _sector(doc: Doc, start: int, end: int, head: int, kind: Kind, kinds: OrgKinds, inside: list[Hit]) -> str:
    """Sector from a marker word, else from a sector noun after "<head> of", else (for a government body) from
    a sector noun before the head, else the head's own."""
    if kind.sector in MARKED:
        for i in range(start, end):
            marker = kinds.markers.get(doc[i].lower_)
            if marker is not None:
                return marker.sector
    for hit in inside:
        if hit.start > head and hit.entry.is_sector and hit.entry.sector and doc[head + 1].lower_ in COMPLEMENT:
            return hit.entry.sector
    if kind.sector == "GOV":  # "Police Department", "Intelligence Agency": the modifier's sector
        for hit in inside:
            if hit.end <= head and hit.entry.is_sector and hit.entry.sector not in (None, "GOV"):
                return hit.entry.sector
    return kind.sector


def _acronym_after(doc: Doc, end: int) -> int | None:
    """Token index of an all-capital acronym in brackets right after a name: "... Front (RUF)"."""
    if end + 1 < len(doc) and doc[end].text == "(" and doc[end + 1].text.isupper() and doc[end + 1].is_alpha:
        return end + 1
    return None
