"""Sector nouns that name no participant: the office rather than a holder ("campaigning for president"),
what someone is said to be ("Trump is a leader who ...", "admires Putin as a strong leader"), a modifier of
an abstract thing (``abstract_heads.tsv``: "the government program", "a draft media law") or a mass noun's
("business interests", "intelligence briefings"), what someone has or needs
("we have virtually a common army") and a mass noun used for an activity ("force will be used", "share
intelligence"). Such phrases give no mention and no actor, so no event takes them for its source or target.
A phrase that names a country or a person ("the Russian government program", "U.S. intelligence") is kept.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..resources import read_table
from .phrases import RolePhrase

# Verbs whose indefinite object is a thing had, not a participant.
POSSESSION_VERBS = frozenset({"have", "need", "want", "lack", "build", "create", "get"})
INDEFINITE = frozenset({"a", "an", "any", "some", "no", "another"})
ATTRIBUTE_DEPS = frozenset({"attr", "oprd"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Sectors of titles that are offices ("for president", "as minister"); "rebel" alone is no office.
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})


@lru_cache(maxsize=1)
def abstract_heads() -> frozenset[str]:
    return frozenset(r["lemma"] for r in read_table("actors", "abstract_heads.tsv"))


def generic_reason(doc: Doc, phrase: RolePhrase, sector_heads: set[int]) -> str | None:
    """Why the phrase names no participant ("office", "attribute", "modifier", "possessed", "mass"), or None
    when it may. ``sector_heads`` are the tokens of sector nouns (a modifier of one is part of a group)."""
    if phrase.name or any(h.entry.country for h in phrase.carriers):
        return None
    root = phrase.root
    before = doc[phrase.left:phrase.hit.start]
    determiners = [t for t in before if t.dep_ in ("det", "poss", "predet") or t.pos_ == "DET"]
    if phrase.person and phrase.entry.sector in OFFICE_SECTORS and not phrase.entry.plural and not determiners \
            and not phrase.carriers and doc[phrase.hit.start].text[:1].islower():
        return "office"  # "as president", "campaigning for president"
    if root.dep_ in ATTRIBUTE_DEPS or (root.dep_ == "pobj" and root.head.lower_ == "as"):
        return "attribute"
    if root.dep_ in MODIFIER_DEPS and root.head.i >= phrase.hit.end and root.head.i not in sector_heads and (
            phrase.entry.mass or root.head.lemma_.lower() in abstract_heads()):
        return "modifier"
    indefinite = not determiners or any(t.lower_ in INDEFINITE for t in determiners)
    if root.dep_ == "dobj" and root.head.lemma_ in POSSESSION_VERBS and indefinite:
        return "possessed"
    if phrase.entry.mass and not determiners and not phrase.carriers and root.tag_ in ("NN", "NNP"):
        return "mass"
    return None
