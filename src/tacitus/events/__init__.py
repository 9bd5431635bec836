"""Events: who did what to whom, coded in CAMEO (full codes) and PLOVER, with evidence and confidence.

``EventStage()`` reads every sentence of the parsed article (``stage(doc, coded)``) and appends
``Event`` records to ``coded.events``:

1. triggers: verbs and nouns of the lexicon (``tacitus/data/events/``), each with the most specific entry
   whose conditions hold (``match``);
2. readings: chains from a governing frame down to an act ("promised to provide aid" -> 0331), with the
   act's code refined by context (060 + military -> 062) and checked for negation, the future,
   conditions, questions and purposes (``compose``, ``modality``);
3. roles: sources and targets from the parse (active, passive, control, coordination, "talks between X
   and Y", light verbs), resolved to actors through the actor stage; first-person pronouns in a quote are
   its speaker (``roles``);
4. records: CAMEO name, Goldstein score and quad class, PLOVER type, mode and context (appeals, which the
   official map leaves out, are PLOVER REQUEST), date and place from the when and where stages, the
   sentence as evidence, trigger/source/target spans, a confidence and the lexicon entries that fired
   (``build``).

Statements (01x) are coded only when the speaker's words code nothing more specific of the speaker's own,
and they carry the lowest confidence, so the top event of a sentence is its most specific one.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import CodedArticle, Event
from ..nlp import token_view
from .build import EventBuilder
from .compose import Reading, SentenceReader
from .lexicon import Lexicon, lexicon

__all__ = ["EventStage"]


class EventStage:
    """The events stage. ``lexicon`` replaces the packaged lexicon (for instance one extended with an
    imported PETRARCH verb dictionary, see ``tacitus.events.petrarch``)."""

    def __init__(self, lexicon: Lexicon | None = None, **_: object) -> None:
        self.lexicon = lexicon if lexicon is not None else _default_lexicon()

    def __call__(self, doc: Doc, coded: CodedArticle) -> None:
        builder = EventBuilder(doc, coded, self.lexicon)
        found: list[Event] = []
        view = token_view(doc)
        for start, end in view.sents:
            if not view.span_text(start, end).strip():
                continue
            sent = doc[start:end]
            readings = SentenceReader(sent, self.lexicon).readings()
            found.extend(sentence_events(readings, builder))
        start = len(coded.events)
        for n, event in enumerate(found, start + 1):
            event.id = f"e{n}"
        coded.events.extend(found)


def _default_lexicon() -> Lexicon:
    return lexicon()


def sentence_events(readings: list[Reading], builder: EventBuilder) -> list[Event]:
    """Events of one sentence, the most confident first, without duplicates. A statement is left out when
    what it says is coded as an event of the same speaker (CAMEO codes statements only as a residual)."""
    events: list[Event] = []
    acts = [r for r in readings if not r.statement]
    act_events = [(r, e) for r in acts for e in builder.events(r)]
    for reading in readings:
        if reading.statement:
            content = {t.i for t in reading.content}
            for event in builder.events(reading):
                inner = [e for r, e in act_events if r.outer.token.i in content]
                if any(e.source == event.source or e.source is None for e in inner):
                    continue
                events.append(event)
    events.extend(e for _, e in act_events)
    unique: dict[tuple, Event] = {}
    for event in events:
        key = (event.source, event.target, event.cameo, event.trigger)
        if key not in unique or unique[key].confidence < event.confidence:
            unique[key] = event
    return sorted(unique.values(), key=lambda e: (-e.confidence, e.trigger[0]))
