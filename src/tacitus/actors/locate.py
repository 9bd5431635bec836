"""Finding towns and regions the country lexicon lacks ("Samarra", "Cizre", "West Darfur State", "Sindh
province") and choosing the country of a name several places share ("Tripoli").

A run of capitalised words is read as a place when the gazetteer knows it and the text says it is one: the
named-entity recogniser tags it as a place, a place noun stands next to it ("the town of", "province"), or a
locative preposition comes before it, the recogniser does not call it a person, a date or a number, and it
is a region, a large town or a name of several words ("in God" is no town). A lone compass word or common
noun (``place_stopwords.tsv``) and a word the article uses in a person's name ("Clinton") are never places.
Of several places with the name, the one in a country the sentence names wins, then one the article names,
then the first of the gazetteer's order (a division before a town elsewhere, then the largest).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from spacy.tokens import Doc

from ..nlp import TokenView
from ..resources import read_table
from .lexicon import Entry, Hit, person_words
from .places import Gazetteer, Place

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels a place name after a bare preposition may carry (not a person, a date or a number: "in March").
NAME_LABELS = frozenset({"", "GPE", "LOC", "FAC", "ORG", "NORP"})
LOCATIVE_PREPS = frozenset({"in", "near", "at", "outside", "around", "inside", "across", "into", "from"})
MAX_TOKENS = 4
# The smallest town a capitalised word after a bare preposition is taken for.
BARE_MIN_POPULATION = 100_000
# Words that may stand inside a place name without a capital ("Bosnia and Herzegovina", "Deir ez-Zor").
NAME_JOINERS = frozenset({"-", "and", "de", "del", "al", "el", "ez", "es", "ad", "as", "an", "of", "la"})


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("actors", "place_words.tsv"))


@lru_cache(maxsize=1)
def place_stopwords() -> frozenset[str]:
    return frozenset(r["word"] for r in read_table("actors", "place_stopwords.tsv"))



def place_hits(doc: Doc, view: TokenView, gazetteer: Gazetteer, taken: set[int], person_tokens: set[int],
               country_in: Callable[[int, Iterable[str]], str | None]) -> list[Hit]:
    """Place names outside ``taken`` tokens, as city/region hits. ``country_in(token_i, countries)``
    chooses among candidate countries by context (None: no preference)."""
    out: list[Hit] = []
    i, n = 0, len(view)
    people = person_words(doc)
    while i < n:
        skip = i in taken or i in person_tokens or not view.caps[i] or not view.alpha[i]
        found = None if skip else _place_at(doc, view, i, gazetteer, taken, people)
        if found is None:
            i += 1
            continue
        end, places = found
        chosen = country_in(i, [p.country for p in places]) or places[0].country
        place = next(p for p in places if p.country == chosen)
        kind = "city" if place.kind == "town" else "region"
        out.append(Hit(i, end, Entry(doc[i:end].text, kind, place.country, name=doc[i:end].text)))
        i = end
    return out


def _place_at(doc: Doc, view: TokenView, i: int, gazetteer: Gazetteer, taken: set[int],
              people: frozenset[str]) -> tuple[int, list[Place]] | None:
    """The longest place name starting at token i that the context confirms: (end, places)."""
    last = i
    while (last + 1 < len(view) and last + 1 - i < MAX_TOKENS and last + 1 not in taken
           and (view.caps[last + 1] or view.lower[last + 1] in NAME_JOINERS)):
        last += 1
    for end in range(last + 1, i, -1):
        if not view.alpha[end - 1] or view.lower[end - 1] in NAME_JOINERS:
            continue
        if end - i == 1 and (view.lower[i] in place_stopwords() or view.text[i] in people):
            continue
        places = gazetteer.lookup(doc[i:end].text if end - i > 1 else view.text[i])
        if places and _said_to_be_place(doc, view, i, end, places):
            return end, places
    return None


def _said_to_be_place(doc: Doc, view: TokenView, start: int, end: int, places: list[Place]) -> bool:
    labels = set(view.ent[start:end])
    if labels <= PLACE_LABELS and "" not in labels:
        return True
    words = place_words()
    before = view.lower[start - 1] if start > 0 else ""
    before2 = doc[start - 2].lemma_.lower() if start > 1 and before == "of" else ""
    after = view.lower[end] if end < len(view) else ""
    if before in words or after in words or (before == "of" and before2 in words):
        return True
    # after a bare preposition only a name of several words, a region or a large town ("in God" is no town)
    known = end - start > 1 or places[0].kind == "region" or places[0].population >= BARE_MIN_POPULATION
    return before in LOCATIVE_PREPS and labels <= NAME_LABELS and known
