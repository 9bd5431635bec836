"""From readings to ``Event`` records: actors resolved, reciprocal pairs expanded, CAMEO and PLOVER facts
from ``tacitus.ontology``, date and place from the when and where stages, evidence spans, confidence."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .. import ontology
from ..model import CodedArticle, Event
from .reading import Reading
from .lexicon import Lexicon
from .modality import verb_of
from .roles import FIRST_PERSON, Party, phrase_actors, resolved

# Roots whose target may well be of the source's own country (found by the deep search too).
DOMESTIC_ROOTS = frozenset({"09", "14", "17"})
# Pronouns that refer back to the subject: never a target of their own clause.
OWN_PRONOUNS = frozenset({"its", "their", "his", "her", "itself", "themselves", "himself", "herself", "our",
                          "ours", "my", "we", "us", "ourselves"})
# Confidence: a start for each kind of reading, raised by what supports it (see ``confidence``).
BASE_CONFIDENCE = 0.5
STATEMENT_CONFIDENCE = 0.25


def pairs(reading: Reading, coded: CodedArticle) -> list[tuple[Party | None, Party | None]]:
    """(source, target) pairs of a reading: coordinated sources each act on each target; a reciprocal act
    without a target ("X and Y agreed", "talks between X and Y") is coded in both directions."""
    sources = resolved(reading.sources, coded)
    known_sources = [p for p in sources if p.actor]
    source_ids = {p.actor for p in known_sources}
    participants = [p for p in resolved(reading.participants, coded) if p.actor]
    if not known_sources and reading.recip and len(participants) >= 2:
        return [(a, b) for a in participants for b in participants if a.actor != b.actor]
    countries = _countries(known_sources, coded)
    targets = explicit_targets(reading, coded, source_ids)
    foreign = [p for p in targets if _countries([p], coded).isdisjoint(countries)]
    if foreign and len(foreign) < len(targets) and reading.recip:
        targets = foreign  # "cooperation between Belarus and Russia" seen from Minsk is with Russia
    if not targets:
        # the other parties of "cooperation between Belarus and Russia" when Belarus's president speaks
        others = [p for p in participants if p.actor not in source_ids
                  and _countries([p], coded).isdisjoint(countries)]
        if others and (known_sources or len(others) == 1):
            targets = others
    # exercises held by forces of several countries together are joint, hence reciprocal (see ``joint``)
    together = reading.code in JOINT and len(countries) >= 2
    if not targets and (reading.recip or together):
        group = known_sources if len(known_sources) >= 2 else participants if not known_sources else []
        if len(group) >= 2:
            return [(a, b) for a in group for b in group if a.actor != b.actor]
    if not targets and known_sources:
        # protests, coercion and investigations are often aimed at the source's own government or people
        domestic = reading.code[:2] in DOMESTIC_ROOTS
        targets = deep_target(reading, coded, source_ids, set() if domestic else countries)
    if reading.swap:
        known_sources, targets = targets, known_sources
        sources = known_sources
    source_side: list[Party | None] = list(known_sources) or sources[:1] or [None]
    target_side: list[Party | None] = list(targets) or [None]
    return [(s, t) for s in source_side for t in target_side
            if not (s and t and s.actor and s.actor == t.actor)]


def owned_by_pronoun(token: Token) -> bool:
    """ "its borders", "their troops": a thing of the subject's, which names no target by itself."""
    if token._.mention is not None or not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return False
    # "its European Community partners" names someone else through its other modifiers
    return not any(c._.mention is not None for c in token.children if c.dep_ != "poss")


def own_pronoun(token: Token) -> bool:
    """ "its", "themselves", "our" of the subject's own; inside a quote "us" and "our" are the speaker, who
    may well be the target ("'Finland stood by us,' Tamm said")."""
    if token.pos_ != "PRON" or token.lower_ not in OWN_PRONOUNS:
        return False
    return not (token.lower_ in FIRST_PERSON and token._.quote is not None)


def _countries(parties: list[Party], coded: CodedArticle) -> set[str]:
    out = set()
    for party in parties:
        actor = coded.actor(party.actor)
        if actor is not None and actor.country:
            out.add(actor.country)
    return out


def explicit_targets(reading: Reading, coded: CodedArticle, source_ids: set[str]) -> list[Party]:
    """The first place (``Reading.target_options``) that names an actor other than the source. A possessive
    or reflexive pronoun is never the target ("withdraw its troops")."""
    options = reading.target_options or ([reading.targets] if reading.targets else [])
    for option in options:
        option = [t for t in option if not own_pronoun(t) and not owned_by_pronoun(t)]
        found = [p for p in resolved(option, coded) if p.actor and p.actor not in source_ids]
        if not found:
            # "protested against the policies of the United States", "against violations by the army":
            # a target that is a thing someone did or owns stands for its owner
            owners = [o for t in option if t.pos_ == "NOUN" for o in _owners(t)]
            found = [p for p in resolved(owners, coded) if p.actor and p.actor not in source_ids]
        if found:
            return found
    return []


def _owners(noun: Token) -> list[Token]:
    from .syntax import prep_objects
    return [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"] + prep_objects(noun, ("of", "by"))


def deep_target(reading: Reading, coded: CodedArticle, source_ids: set[str], countries: set[str]
                ) -> list[Party]:
    """The nearest actor inside the predicate that is not of the source's country ("set up a center in
    Tokyo")."""
    for token in reading.deep:
        if own_pronoun(token):
            continue
        for party in resolved([token], coded):
            actor = coded.actor(party.actor)
            if actor is not None and party.actor not in source_ids and actor.country not in countries:
                return [party]
    return []


def statement_pairs(reading: Reading, coded: CodedArticle) -> list[tuple[Party | None, Party | None]]:
    found = resolved(reading.sources, coded)
    sources = [p for p in found if p.actor] or found[:1]
    if not sources:
        return []
    source_ids = {p.actor for p in sources}
    targets = [p for p in resolved(reading.targets, coded) if p.actor and p.actor not in source_ids]
    if not targets and reading.code in ("012", "013") and reading.content:
        heads = [t for t in reading.content if t.head not in reading.content or t.head == t]
        for head in heads[:1]:
            targets = [p for p in phrase_actors(head, coded, limit=4) if p.actor not in source_ids][:1]
    return [(s, t) for s in sources for t in (targets or [None])]


# Military exercises held by forces of several countries together are military cooperation (062).
JOINT = {"150": "062"}


def joint(reading: Reading, coded: CodedArticle) -> str:
    if reading.code in JOINT and len(_countries(resolved(reading.sources, coded), coded)) >= 2:
        return JOINT[reading.code]
    return reading.code


def confidence(reading: Reading, source: Party | None, target: Party | None) -> float:
    value = STATEMENT_CONFIDENCE if reading.statement else BASE_CONFIDENCE
    if any(t.entry.conditions for t in reading.chain):
        value += 0.1
    if len(reading.code) == 4:
        value += 0.05
    if source is not None and source.actor:
        value += 0.15
    if target is not None and target.actor:
        value += 0.1
    if reading.outer.is_noun:
        value -= 0.1
    if reading.future:
        value -= 0.05
    value += MAIN_CLAUSE_BONUS.get(clause_level(reading.outer.token), 0.0)
    return round(min(max(value, 0.05), 0.95), 3)


# What the sentence is mainly about ranks above what it mentions on the way.
MAIN_CLAUSE_BONUS = {"main": 0.1, "reported": 0.05, "subordinate": -0.05}
SUBORDINATE_DEPS = frozenset({"relcl", "advcl", "acl", "csubj", "csubjpass", "pcomp", "amod", "npadvmod"})


def clause_level(token: Token) -> str:
    """main: the sentence's own predicate (or coordinated with it); reported: the content of a main
    speech verb; subordinate: anything else."""
    current = verb_of(token)
    reported = False
    for _ in range(20):
        dep = current.dep_
        if dep == "ROOT":
            return "reported" if reported else "main"
        if dep in SUBORDINATE_DEPS:
            return "subordinate"
        if dep in ("ccomp", "parataxis") or (dep == "xcomp" and not reported):
            reported = reported or dep != "xcomp"
        current = current.head
    return "subordinate"


class EventBuilder:
    """Turns the readings of one article into events; holds the article-level helpers."""

    def __init__(self, doc: Doc, coded: CodedArticle, lex: Lexicon) -> None:
        self.doc = doc
        self.coded = coded
        self.lex = lex
        self._event_date = _optional("tacitus.when", "event_date")
        self._event_place = _optional("tacitus.where", "event_place")

    def events(self, reading: Reading) -> list[Event]:
        found = statement_pairs(reading, self.coded) if reading.statement else pairs(reading, self.coded)
        out = []
        for source, target in found:
            if reading.needtarget and not (target and target.actor) and not any(reading.target_options):
                continue  # "talked about the economy": a consultation needs someone to consult
            if not ((source and source.actor) or (target and target.actor)):
                continue  # every event names an actor (docs/events.md): no one acting on no one is no event
            out.append(self.event(reading, source, target))
        return out

    def event(self, reading: Reading, source: Party | None, target: Party | None) -> Event:
        code = joint(reading, self.coded)
        entry = ontology.cameo_codes().get(code)
        plover, mode, context = self.plover(code)
        trigger = reading.outer.span()
        sentence = self.coded.sentence_at(trigger[0])
        sent = self.coded.sentences[sentence] if self.coded.sentences else None
        evidence = (sent.start, sent.end) if sent is not None else trigger
        anchor = self.anchor(reading)
        date, resolution, date_source, _ = self.date(anchor)
        place = self._event_place(self.doc, self.coded, anchor) if self._event_place else None
        return Event(
            id="", source=source.actor if source else None, target=target.actor if target else None,
            cameo=code, name=entry.name if entry else "", goldstein=entry.goldstein if entry else None,
            quad_class=entry.quad if entry else None, plover=plover, plover_mode=mode,
            plover_context=list(context), date=date, date_resolution=resolution, date_source=date_source,
            place=place.id if place is not None else None, sentence=sentence, evidence=evidence,
            trigger=trigger, source_span=source.span if source else None,
            target_span=target.span if target else None,
            confidence=confidence(reading, source, target), rule=reading.rule)

    def plover(self, code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
        entry = ontology.cameo_codes().get(code)
        if entry is not None and entry.plover:
            return entry.plover, entry.plover_mode, entry.plover_context
        if code in self.lex.plover:
            return self.lex.plover[code]
        return None, None, ()

    def anchor(self, reading: Reading) -> Token:
        """The token whose clause dates and places the event: the act under a light or aspectual verb
        ("held talks in Minsk on Monday"), else the outermost trigger."""
        outer = reading.outer
        if outer.frame in ("light", "realis") and len(reading.chain) > 1:
            return reading.act.token
        return outer.token

    def date(self, token: Token) -> tuple[str | None, str | None, str | None, str | None]:
        if self._event_date is not None:
            return self._event_date(self.doc, self.coded, token)
        pub = self.coded.article.date
        return (pub, "day", "publication", None) if pub else (None, None, "unknown", None)


def _optional(module: str, name: str):
    """A helper of an earlier stage, or None while that stage does not offer it."""
    try:
        mod = __import__(module, fromlist=[name])
    except ImportError:
        return None
    return getattr(mod, name, None)
