"""The date of one event, for the events stage.

``event_date(doc, coded, trigger)`` returns ``(value, resolution, date_source, time_id)``:

1. a date expression of the trigger's own clause: inside the trigger's phrase ("the meeting on Monday"),
   or attached to the same clause head as the trigger ("was discussed at the meeting ... on 23 October");
2. else a date expression elsewhere in the sentence that does not belong to another clause (a relative
   clause, an adverbial clause or a complement that does not hold the trigger);
3. else, when the text marks the event as earlier than the report ("his latest meeting", "the previous
   talks", "had met"), ``(None, None, "unknown", None)``: the event happened before the publication day but
   the text does not say when, so the publication date would be wrong;
4. else the publication date with source ``"publication"`` (``"unknown"`` when there is none).

date_source is ``"text"`` for 1-2, ``"publication"`` for 4 and ``"unknown"`` for 3 (and for 4 without a
publication date).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..dateline import dateline
from ..model import CodedArticle, TimeRef
from ..nlp import governing_verb, token_view
from .resolve import parse_iso

EventDate = tuple[str | None, str | None, str, str | None]

# Dependencies that open a clause of its own: a date under one of them belongs to that clause ("agreed to
# hold exercises next year": next year is the exercises', not the agreement's).
OTHER_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
# Inside a trigger's own phrase a participle still describes the trigger ("the meeting held on Monday").
OWN_CLAUSE_DEPS = OTHER_CLAUSE_DEPS - {"acl"}
# Prepositions that put an event inside another one: it shares that one's time.
TIME_SHARING_PREPS = frozenset({"during", "at", "on", "amid"})
# Modifiers saying that an event happened before the one being reported.
EARLIER_WORDS = frozenset({"latest", "last", "previous", "prior", "earlier", "past", "former", "recent",
                           "preceding"})


def event_date(doc: Doc, coded: CodedArticle, trigger: Token) -> EventDate:
    candidates = _sentence_times(trigger, coded)
    best = _best_time(trigger, candidates)
    if best is not None:
        return best.value, best.resolution, "text", best.id
    if _marked_earlier(trigger):
        return None, None, "unknown", None
    pub = parse_iso(coded.article.date)
    if pub is None:
        return None, None, "unknown", None
    return pub.isoformat(), "day", "publication", None


def _sentence_times(trigger: Token, coded: CodedArticle) -> list[tuple[TimeRef, Token]]:
    """Resolved TimeRefs of the trigger's sentence with a token of each (its syntactic root). Reads the
    TimeRef records by offset rather than every token's extension: this runs once per event. The date of an
    opening dateline ("HELSINKI, 14 March 2024 -") is the report's, not an event's."""
    sent = trigger.sent
    doc = trigger.doc
    head = dateline(coded.article.text)
    heads = token_view(doc).head

    def depth(i: int) -> int:  # steps from token i up to its sentence root, read from the token view
        d = 0
        while heads[i] != i and d < 64:
            i = heads[i]
            d += 1
        return d

    out = []
    for ref in coded.times:
        if ref.value is None or not sent.start_char <= ref.start < sent.end_char:
            continue
        if head is not None and head[0] <= ref.start < head[1]:
            continue
        span = doc.char_span(ref.start, min(ref.end, sent.end_char), alignment_mode="expand")
        if span is not None and len(span):
            out.append((ref, doc[min(range(span.start, span.end), key=depth)]))
    return out


def _best_time(trigger: Token, candidates: list[tuple[TimeRef, Token]]) -> TimeRef | None:
    if not candidates:
        return None
    clause = governing_verb(trigger)
    scored = []
    for ref, token in candidates:
        rank = _attachment_rank(trigger, clause, token)
        if rank is not None:
            scored.append((rank, abs(token.i - trigger.i), ref))
    return min(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _attachment_rank(trigger: Token, clause: Token, time: Token) -> int | None:
    """0: in the trigger's phrase; 1: in the trigger's clause; 2: elsewhere in the sentence but in no other
    clause; None: in another clause (a date of something else)."""
    if trigger in time.ancestors:
        # "the meeting on Monday" is the trigger's; "the envoy, who arrived on Monday, said" is not "said"'s
        return None if _opens_clause_between(trigger, time, OWN_CLAUSE_DEPS) else 0
    time_clause = governing_verb(time)
    if time_clause == clause:
        return 1
    if clause in time_clause.ancestors or time_clause in clause.ancestors:
        # one clause holds the other: the date of a main clause covers its complements ("said on Monday
        # that talks had failed" dates "said", not the talks), so only a date above the trigger counts
        return 2 if time_clause in clause.ancestors and not _opens_clause_between(time_clause, clause) else None
    return None


def _opens_clause_between(upper: Token, lower: Token, deps: frozenset[str] = OTHER_CLAUSE_DEPS) -> bool:
    """True when the path from ``lower`` up to ``upper`` passes a clause of one of ``deps``."""
    current = lower
    while current != upper and current.head.i != current.i:
        if current.dep_ in deps:
            return True
        current = current.head
    return False


def _marked_earlier(trigger: Token) -> bool:
    """"his latest meeting", "the previous talks", "had met", or an event inside one of them ("discussed
    these matters during his latest meeting"): the event precedes what is being reported."""
    if _earlier_word(trigger):
        return True
    if trigger.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in trigger.children):
        return True
    return any(_earlier_word(pobj) for pobj in _during_objects(trigger))


def _earlier_word(token: Token) -> bool:
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in EARLIER_WORDS for c in token.children)


def _during_objects(trigger: Token) -> list[Token]:
    """Objects of "during"/"at" phrases of the trigger and of the verbs it depends on within its clause
    ("time was spent discussing these matters during his latest meeting")."""
    out = []
    current = trigger
    for _ in range(4):
        for prep in current.children:
            if prep.dep_ == "prep" and prep.lower_ in TIME_SHARING_PREPS:
                out.extend(c for c in prep.children if c.dep_ == "pobj")
        if current.dep_ in OTHER_CLAUSE_DEPS or current.head.i == current.i:
            break
        current = current.head
    return out
