"""An events stage that codes with an imported PETRARCH verb dictionary instead of Tacitus's lexicon."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ... import ontology
from ...model import CodedArticle, Event
from ..roles import parties
from ..syntax import direct_objects, subjects, with_conjuncts
from .dictionary import NULL_CODE, PetrarchVerbs
from .matching import Match, match_verb

class PetrarchEventStage:
    """An events stage that codes with an imported PETRARCH verb dictionary instead of Tacitus's lexicon."""

    def __init__(self, verbs: PetrarchVerbs, discards: list[str] | None = None, require_dyad: bool = True
                 ) -> None:
        self.verbs = verbs
        self.discards = [d.lower() for d in (discards or [])]
        self.require_dyad = require_dyad  # PETRARCH's default: code only events with source and target

    def __call__(self, doc: Doc, coded: CodedArticle) -> None:
        if any(d in doc.text.lower() for d in self.discards):
            return
        found: list[Event] = []
        for token in doc:
            if not token.tag_.startswith("VB") or token.dep_ in ("aux", "auxpass"):
                continue
            match = match_verb(self.verbs, token)
            if match is None or match.code == NULL_CODE:
                continue
            found.extend(self._events(token, match, coded))
        for n, event in enumerate(found, len(coded.events) + 1):
            event.id = f"e{n}"
        coded.events.extend(found)

    def _events(self, verb: Token, match: Match, coded: CodedArticle) -> list[Event]:
        compound = match.slots.get("compound")
        sources = [match.slots["source"]] if "source" in match.slots else (subjects(verb) or _upper_subject(verb))
        if compound is not None:
            sources = with_conjuncts([compound])
        targets = [match.slots["target"]] if "target" in match.slots else _first_actor_after(verb, coded)
        src = [p for t in sources for p in parties(t, coded) if p.actor or not self.require_dyad]
        tgt = [p for t in targets for p in parties(t, coded) if p.actor or not self.require_dyad]
        forward, _, back = match.code.partition(":")
        out: list[Event] = []
        if compound is not None and len(src) >= 2 and not tgt:
            pairs = [(a, b) for a in src for b in src if a.actor != b.actor]
        else:
            pairs = [(s, t) for s in (src or [None]) for t in (tgt or [None])]
        for s, t in pairs:
            if s is None or t is None:
                continue  # PETRARCH codes complete dyads only
            out.append(_event(coded, verb, forward, s, t))
            if back:
                out.append(_event(coded, verb, back, t, s))
        return out


def _upper_subject(verb: Token) -> list[Token]:
    """The subject of the nearest clause above ("Arnor is about to restore ...": PETRARCH reads the
    sentence's noun phrase before the verb phrase)."""
    for head in verb.ancestors:
        found = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            return with_conjuncts(found)
    return []


def _first_actor_after(verb: Token, coded: CodedArticle) -> list[Token]:
    """PETRARCH's target: the object if it is an actor, else the first actor in the verb phrase after it."""
    objects = [o for o in direct_objects(verb) if o._.mention is not None]
    if objects:
        return objects
    for token in verb.subtree:
        if token.i > verb.i and token._.mention is not None and token.dep_ not in ("nsubj", "nsubjpass"):
            return [token]
    # no actor: the first proper noun after the verb stands in (for scoring the verb dictionary alone)
    return [t for t in verb.subtree if t.i > verb.i and t.pos_ == "PROPN" and t.dep_ in ("pobj", "dobj")
            and t.ent_type_ not in ("DATE", "TIME")][:1]


def _event(coded: CodedArticle, verb: Token, code: str, source, target) -> Event:
    entry = ontology.cameo_codes().get(code)
    start, end = verb.idx, verb.idx + len(verb.text)
    sentence = coded.sentence_at(start)
    sent = coded.sentences[sentence] if coded.sentences else None
    return Event(id="", source=source.actor if source else None, target=target.actor if target else None,
                 cameo=code,
                 name=entry.name if entry else "", goldstein=entry.goldstein if entry else None,
                 quad_class=entry.quad if entry else None, plover=entry.plover if entry else None,
                 plover_mode=entry.plover_mode if entry else None,
                 plover_context=list(entry.plover_context) if entry else [],
                 date=coded.article.date, date_resolution="day" if coded.article.date else None,
                 date_source="publication" if coded.article.date else "unknown", sentence=sentence,
                 evidence=(sent.start, sent.end) if sent else (start, end), trigger=(start, end),
                 source_span=source.span if source else None, target_span=target.span if target else None,
                 confidence=0.5, rule="petrarch")
