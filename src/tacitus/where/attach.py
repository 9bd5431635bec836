"""The place of one event, for the events stage.

``event_place(doc, coded, trigger)`` returns the ``Place`` where the event happened:

1. a place attached to the trigger's own phrase or clause by a locative preposition ("the meeting ... in
   Sochi", "clashes at the border near Kharkiv", "met in Minsk"), nearest first;
2. else the article's dateline place ("MINSK, Oct 24 (Agency) -"), where the reporter filed from;
3. else None. A place named elsewhere in the sentence for something else ("the envoy of Russia", "talks
   about Syria") is never used: only locative attachment counts.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import CodedArticle, Place
from ..nlp import CLAUSE_POS, governing_verb
from .dateline import dateline_place

# Prepositions that say where something happened (not "of Russia", "about Syria", "with Belarus").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around", "on",
                            "within", "along", "off", "over", "into", "onto", "outskirts", "nearby"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})


def event_place(doc: Doc, coded: CodedArticle, trigger: Token) -> Place | None:
    sent = trigger.sent
    best: tuple[int, int, Place] | None = None
    for place in coded.places:
        if not sent.start_char <= place.start < sent.end_char:
            continue
        span = doc.char_span(place.start, min(place.end, sent.end_char), alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root  # the head token of the place name stands for it
        rank = _locative_rank(trigger, token)
        if rank is not None:
            key = (rank, abs(token.i - trigger.i), place)
            if best is None or key[:2] < best[:2]:
                best = key
    if best is not None:
        return best[2]
    return dateline_place(coded)


def _locative_rank(trigger: Token, place: Token) -> int | None:
    """0: in a locative phrase of the trigger itself; 1: of the trigger's clause; None otherwise."""
    prep = _locative_prep(place)
    if prep is None:
        return None
    attached = prep.head
    if attached == trigger:
        return 0
    if trigger in attached.ancestors and not _crosses_clause(attached, trigger):
        return 0  # "meeting with the President of Russia in Sochi": the phrase hangs inside the trigger's
    clause = governing_verb(trigger)
    if governing_verb(attached) == clause:
        return 1
    return None


def _locative_prep(place: Token) -> Token | None:
    """The locative preposition governing a place name ("in" of "in Sochi", "at" of "at the Minsk
    airport"), climbing through compounds and appositions ("in Pandi, Bulacan")."""
    current = place
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ == "pobj" and head.dep_ == "prep":
            return head if head.lower_ in LOCATIVE_PREPS else None
        if current.dep_ in ("compound", "appos", "conj", "amod", "nmod", "npadvmod", "pobj", "dobj", "nsubj",
                            "poss") and head.pos_ not in CLAUSE_POS:
            current = head
            continue
        return None
    return None


def _crosses_clause(upper: Token, lower: Token) -> bool:
    current = upper
    while current != lower and current.head.i != current.i:
        if current.dep_ in CLAUSE_DEPS:
            return True
        current = current.head
    return False


