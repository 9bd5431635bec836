"""Place-name candidates in a parsed article: spaCy's GPE/LOC entities, plus gazetteer names the model
missed or mislabelled (a town tagged PERSON, a country in no entity at all).

Names found only through the gazetteer must be prominent (a country, a division, a region or a town of
``STRONG_CITY_POPULATION`` people) and must not be one of the common words in data/where/not_places.tsv.
Demonyms ("Belarusian", "Russians") are never places.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..nlp import token_view
from ..resources import read_table
from .gazetteer import Entry, Gazetteer, normalise

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Entities of these labels may hide a place the model mislabelled; the whole entity must be a known place.
RELABEL_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
STRONG_FEATURES = frozenset({"country", "admin1", "region", "sea", "continent"})
STRONG_CITY_POPULATION = 100_000
MAX_NAME_TOKENS = 5
LEADING_NOISE = frozenset({"the", "The"})


@dataclass
class Candidate:
    span: Span
    source: str  # ner | gazetteer | dateline | facility


EMBED_LABELS = frozenset({"ORG", "FAC"})  # names that often open with a place ("U.S. Army", "Minsk airport")
MAX_PREFIX_TOKENS = 3
# Words the tagger may leave off a name: proper nouns before it, proper nouns and joining words after it
# ("of the Congo", "of the Grenadines", "do Sul").
MAX_GROW_BEFORE = 2
MAX_GROW_AFTER = 4
NAME_LINKS = frozenset({"of", "the", "and", "do", "da", "de", "del", "dos", "das", "di", "du", "el", "al", "-"})


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("where", "not_places.tsv"))


@lru_cache(maxsize=1)
def thing_heads() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("where", "thing_heads.tsv"))


@lru_cache(maxsize=1)
def locative_cues() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("where", "locative_cues.tsv"))


def find_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    found: list[Candidate] = []
    covered: set[int] = set()
    for ent in doc.ents:
        span = _trim(ent)
        if span is None:
            continue
        if ent.label_ in PLACE_LABELS:
            if not _is_demonym(span, gaz) and not any(ch.isdigit() for ch in span.text):
                found.extend(Candidate(piece, "ner") for piece in _split_list(span, gaz))
        elif ent.label_ in RELABEL_LABELS and (_strong(span.text, gaz) or _cued_town(span, gaz)):
            found.append(Candidate(span, "gazetteer"))
        elif ent.label_ == "FAC" and _own_name(span.text, gaz):
            # a facility named like a town may be that suburb or park ("Centennial Park"); the stage keeps
            # it only near the article's places (the White House is no town in Tennessee)
            found.append(Candidate(span, "facility"))
        elif ent.label_ in EMBED_LABELS:
            found.extend(Candidate(piece, "gazetteer") for piece in _embedded(span, gaz))
        covered.update(range(ent.start, ent.end))
    found.extend(_unlabelled(doc, gaz, covered))
    found = [c for c in found if not _names_a_thing(c.span)]
    found.sort(key=lambda c: c.span.start)
    return _repaired(found, gaz)


def _repaired(found: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Names mended from the words around them: the tagger cut a name short ("Beni" | "Suef", "Goz" |
    "Beida", "Rio Grande" | "do Sul", "Democratic Republic" | "of the Congo"), or took in words that are not
    part of it ("Santa Ana City Council", "Indian Ocean coast", "North-Western Sydney", "Central and South
    America")."""
    out: list[Candidate] = []
    for cand in found:
        if out and cand.span.start < out[-1].span.end:
            continue  # swallowed by the previous name's extension
        span = _grown(cand.span, gaz, out[-1].span.end if out else 0)
        if span is None and not gaz.lookup_loose(cand.span.text)[0]:
            span = _known_part(cand.span, gaz)
        if span is not None:
            cand = Candidate(span, cand.source)
        out.append(cand)
    return out


def _grown(span: Span, gaz: Gazetteer, floor: int) -> Span | None:
    """The longest known name that the span begins, ends or sits inside once the proper nouns next to it
    are added (up to ``MAX_GROW_BEFORE`` before it, ``MAX_GROW_AFTER`` words after it, with the small words
    that join names inside them: "of the", "do", "de"), not reaching back into the name before it (which
    ends at ``floor``). A name after it that the longer one takes in is dropped by the caller."""
    doc = span.doc
    view = token_view(doc)
    starts = [span.start]
    while len(starts) <= MAX_GROW_BEFORE and starts[-1] - 1 >= floor and _name_like_at(view, starts[-1] - 1):
        starts.append(starts[-1] - 1)
    ends, end = [span.end], span.end
    while end < min(len(doc), span.end + MAX_GROW_AFTER) and (
            _name_like_at(view, end) or view.lower[end] in NAME_LINKS):
        end += 1
        if _name_like_at(view, end - 1):
            ends.append(end)
    grown = sorted(((s, e) for s in starts for e in ends if (s, e) != (span.start, span.end)),
                   key=lambda pair: pair[1] - pair[0], reverse=True)
    for start, end in grown:
        longer = doc[start:end]
        if longer.text not in not_places() and gaz.lookup(longer.text):
            return longer
    return None


def _known_part(span: Span, gaz: Gazetteer) -> Span | None:
    """The longest opening or closing part of the name that is a prominent place by its own name."""
    for size in range(len(span) - 1, 0, -1):
        for part in (span[:size], span[len(span) - size:]):
            if part[0].is_alpha and part[-1].is_alpha and part[0].text[:1].isupper() and _part_known(part, gaz):
                return part
    return None


def _part_known(part: Span, gaz: Gazetteer) -> bool:
    if _strong(part.text, gaz):
        return True
    # a county named in full ("Orange County Sanitation District")
    return part[-1].text in ("County", "Province") and any(
        e.feature in ("admin1", "admin2") for e in gaz.lookup(part.text))


def _own_name(text: str, gaz: Gazetteer) -> bool:
    return text not in not_places() and any(gaz.is_primary(text, e, short=False) for e in gaz.lookup(text))


def _names_a_thing(span: Span) -> bool:
    """"West Nile virus", "Marburg fever": the place name is part of the name of a disease or strain."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.lower_ in thing_heads()


def _cued_town(span: Span, gaz: Gazetteer) -> bool:
    """A name right after "in", "at", "near" ... that the gazetteer knows by its own name, whatever its size."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in locative_cues() or span.text in not_places():
        return False
    return any(gaz.is_primary(span.text, e, short=False) for e in gaz.lookup(span.text))


def _embedded(span: Span, gaz: Gazetteer) -> list[Span]:
    """Places inside an organisation or facility name: its opening words ("U.S. Food and Drug
    Administration", "California Department of Health") or the words after its last "of" ("Department of
    Health of the United States")."""
    doc = span.doc
    for k in range(min(MAX_PREFIX_TOKENS, len(span) - 1), 0, -1):
        head = doc[span.start:span.start + k]
        if head[-1].pos_ == "PROPN" and _strong(head.text, gaz):
            return [head]
    ofs = [t.i for t in span if t.lower_ == "of"]
    if ofs:
        tail = _trim(doc[ofs[-1] + 1:span.end])
        if tail is not None and _strong(tail.text, gaz):
            return [tail]
    return []


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    view = token_view(ent.doc)
    text, punct, tag = view.text, view.punct, view.tag
    while start < end and (text[start] in LEADING_NOISE or punct[start]):
        start += 1
    while end > start and (punct[end - 1] or tag[end - 1] == "POS"):
        end -= 1
    if start >= end or not any(view.caps[start:end]):
        return None
    return ent.doc[start:end]


def _is_demonym(span: Span, gaz: Gazetteer) -> bool:
    key = normalise(span.text)
    if key in gaz.demonyms or key.rstrip("s") in gaz.demonyms:
        return not any(e.feature == "country" for e in gaz.lookup(span.text))
    return span.root.tag_ in ("JJ", "NNPS") and not gaz.lookup(span.text)


def _split_list(span: Span, gaz: Gazetteer) -> list[Span]:
    """"Pandi, Bulacan" tagged as one entity is two places; a name with a comma in it stays whole."""
    if not any(t.text == "," for t in span) or gaz.lookup(span.text):
        return [span]
    pieces, start = [], span.start
    for token in span:
        if token.text == ",":
            if token.i > start:
                pieces.append(span.doc[start:token.i])
            start = token.i + 1
    if start < span.end:
        pieces.append(span.doc[start:span.end])
    return pieces


def _strong(text: str, gaz: Gazetteer) -> bool:
    """A prominent place known by this very name (an alternate spelling of a town does not count)."""
    if text in not_places() or not text[:1].isupper() or len(text) < 2:
        return False
    found = gaz.lookup(text)
    if normalise(text) in gaz.demonyms and not any(e.feature == "country" for e in found):
        return False  # "Somali" is also a region of Ethiopia, but in news it is the demonym
    return any(_prominent(e) and gaz.is_primary(text, e, short=False) for e in found)


def _prominent(entry: Entry) -> bool:
    return entry.feature in STRONG_FEATURES or (entry.feature == "city" and
                                                 entry.population >= STRONG_CITY_POPULATION)


def _unlabelled(doc: Doc, gaz: Gazetteer, covered: set[int]) -> list[Candidate]:
    """Prominent gazetteer names among capitalised proper nouns outside any entity, longest first."""
    out: list[Candidate] = []
    view = token_view(doc)
    i = 0
    while i < len(doc):
        if i in covered or not _name_like_at(view, i):
            i += 1
            continue
        match = _longest_match(doc, i, gaz, covered)
        if match is None:
            i += 1
            continue
        out.append(Candidate(match, "gazetteer"))
        i = match.end
    return out


def _name_like_at(view, i: int) -> bool:
    """Token ``i`` may be part of a name: a capitalised proper noun of letters."""
    return view.pos[i] == "PROPN" and view.caps[i] and view.alpha[i]


def _longest_match(doc: Doc, i: int, gaz: Gazetteer, covered: set[int]) -> Span | None:
    view = token_view(doc)
    end = i
    while end < len(doc) and end - i < MAX_NAME_TOKENS and end not in covered and (
            _name_like_at(view, end) or (end > i and view.lower[end] in ("of", "and", "-"))):
        end += 1
    for stop in range(end, i, -1):
        if view.pos[stop - 1] != "PROPN":
            continue
        span = doc[i:stop]
        # a prominent place opening a longer name counts ("NSW Primary Industries Minister"), as in
        # organisation names; a small town needs a locative cue and must stand alone
        if _strong(view.span_text(i, stop), gaz) or (_cued_town(span, gaz) and not _part_of_longer_name(doc, i, stop)):
            return span
    return None


def _part_of_longer_name(doc: Doc, start: int, end: int) -> bool:
    """"Kenya" in "Kenya Airways": a proper noun right after the match continues another name."""
    return end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
