"""Plural phrases that count two actors the article has just named: "the two leaders", "both countries",
"the two sides". They refer back to the last two named persons (leaders, men, ministers), the last two
countries (countries, nations, governments) or whichever the article named two of last (sides, parties),
within the last few sentences; a phrase with nothing to refer back to stays a group of its own.

The actors are kept in ``doc.user_data[KEY]`` (head token index -> actor ids), which ``actors_of`` reads: a
mention has one actor, and these phrases have two.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..model import Actor, CodedArticle
from ..resources import read_table

KEY = "tacitus.actors.pairs"
# Words that count the noun as two.
TWO = frozenset({"two", "both"})
# How many sentences back the two actors may have been named.
WINDOW = 3
PERSON_KINDS = frozenset({"name", "title"})
# Tags of the plural nouns that may count two actors.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


@lru_cache(maxsize=1)
def back_references() -> dict[str, str]:
    return {r["lemma"]: r["kind"] for r in read_table("actors", "back_references.tsv")}


def pair_kind(token: Token) -> str | None:
    """The kind of actors a plural noun counted as two refers back to, or None."""
    if token.tag_ not in PLURAL_TAGS:
        return None
    kind = back_references().get(token.lemma_.lower())
    if kind is None:
        return None
    counted = any(c.lower_ in TWO and c.dep_ in ("nummod", "det", "predet", "quantmod") for c in token.children)
    return kind if counted else None


def last_two(coded: CodedArticle, kind: str, before: int, sentence: int, exclude: set[str] = frozenset()
             ) -> list[Actor]:
    """The last two distinct actors of ``kind`` named before character ``before`` within the window, other
    than those in ``exclude`` (the subject of the phrase's own clause: "Russia called on both sides")."""
    persons: list[Actor] = []
    states: list[Actor] = []
    for mention in reversed(coded.mentions):
        if mention.start >= before or mention.actor is None:
            continue
        if sentence - mention.sentence > WINDOW:
            break
        actor = coded.actor(mention.actor)
        if actor is None or actor.id in exclude:
            continue
        if actor.kind == "person" and mention.kind in PERSON_KINDS and actor not in persons:
            persons.append(actor)
        elif actor.kind == "state" and actor not in states:
            states.append(actor)
        if kind == "party" and (len(persons) >= 2 or len(states) >= 2):
            break
    if kind == "person":
        return persons[:2] if len(persons) >= 2 else []
    if kind == "state":
        return states[:2] if len(states) >= 2 else []
    found = states if len(states) >= 2 else persons
    return found[:2] if len(found) >= 2 else []


def pair_actors(token: Token) -> list[str]:
    """Actor ids a counted plural ("the two leaders") refers to, as the actor stage recorded them."""
    return token.doc.user_data.get(KEY, {}).get(token.i, [])
