"""Which tokens are the source and the target of a reading.

The source is the subject of the outermost trigger (through passives, control, coordination and
relative clauses, see ``syntax.subjects``), or the owner of an event noun ("Israel's attack", "talks of
X", "Israeli air strikes"). The target is looked for in a fixed order of places, each a list of tokens;
the builder takes the first place that names an actor other than the source:

1. who is asked, for appeals and demands ("urged Y to", "demanded that Y ...");
2. who made the request or offer a frame answers ("rejected a U.S. request", "calls by X");
3. the act's own target slots (its entry's prepositions, else object, dative, against, on, with, to ...);
4. the prepositions of the act's object ("imposed sanctions on Iran");
5. the target slots of the frames above the act ("agreed with X to ...", "gave X a grant");
6. the parties of the act ("cooperation between Belarus and Russia"; used by the builder);
7. any actor further inside the predicate ("set up a center in Tokyo"), nearest first.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .match import Trigger
from .roles import (DEFAULT_VERB_TARGETS, addressees, between, clause_subject, noun_sources, noun_targets,
                    verb_targets)
from .syntax import SUBJECT_DEPS, direct_objects, subjects, with_conjuncts

if TYPE_CHECKING:
    from .compose import SentenceReader
    from .reading import Reading

# Acts that judge an event (praise, criticism, investigation, statements) are aimed at whoever did it.
JUDGING_ROOTS = frozenset({"01", "05", "09", "11", "12"})
# Branches the deep search for a target does not enter: other clauses and the subject.
DEEP_SKIP_DEPS = frozenset({"advcl", "relcl", "parataxis", "punct", "cc", "mark", "aux", "auxpass", "neg",
                            "det", "nsubj", "nsubjpass", "csubj", "expl", "appos", "npadvmod"})
DEEP_DEPTH = 5
# "a unilateral ceasefire" is declared by one side only
ONE_SIDED = frozenset({"unilateral", "unilaterally", "one-sided"})


def assign(reader: SentenceReader, reading: Reading) -> None:
    act = reading.act
    chain = reading.chain
    reading.recip = any(t.entry.roles.recip for t in chain) and not any(
        c.lower_ in ONE_SIDED for t in chain for c in t.token.children)
    reading.needtarget = act.entry.roles.needtarget and len(chain) == 1
    reading.swap = act.entry.roles.swap
    ids = {t.token.i for t in chain}
    sources = [s for s in with_conjuncts(_sources(reader, reading)) if s.i not in ids]
    reading.sources = sources
    if act.is_noun and not act.frame:
        reading.participants = between(act.token) or _modifier_parties(act.token)
    options = [
        _asked(reader, chain),
        _requesters(reader, chain),
        _act_targets(reader, act),
        _object_preps(act),
        *(_act_targets(reader, part) for part in reader.merged.get(act.token.i, [])),  # "..., killing 156"
        _frame_targets(chain),
        _conditioned(chain, reading.code),
    ]
    reading.target_options = [[t for t in with_conjuncts(opt) if t.i not in ids and t not in sources]
                              for opt in options if opt]
    purposes = reader.purposes.get(chain[-1].token.i, [])
    reading.deep = [t for t in _deep([*reversed(chain), *purposes], sources) if t.i not in ids]


def _sources(reader: SentenceReader, reading: Reading) -> list[Token]:
    outer = reading.outer
    if not outer.is_noun:
        found = [s for token in subjects(outer.token) for s in _argument_source(reader, token)]
        if not found and outer.frame == "light":
            # "Serb forces were engaged in ethnic cleansing", "X was involved in clashes": the subject of a
            # stative passive of a light verb is who acts (unless it is the event: "talks were held")
            found = [c for c in outer.token.children if c.dep_ == "nsubjpass" and c.i not in reader.at]
        if found:
            return found
        for obj in direct_objects(outer.token):  # "UN sanctions against Iran were lifted"
            noun = reader.at.get(obj.i)
            if noun is not None and noun.is_noun and not noun.frame:
                owners = [c for c in obj.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                          and c.pos_ in ("PROPN", "ADJ", "NOUN")]
                if owners:
                    return owners
    for trigger in reading.chain:
        if trigger.is_noun and not trigger.frame:
            found = noun_sources(trigger.token, trigger.entry)
            if not found and trigger is outer and not between(trigger.token):
                from .links import host_verb
                host = host_verb(trigger.token)
                found = subjects(host) if host is not None else []
            return found
        if not trigger.is_noun and trigger is not outer and trigger.frame in (None, "light"):
            break
    return []


def _argument_source(reader: SentenceReader, token: Token) -> list[Token]:
    """An event noun as subject stands for its own source: "Israeli air strikes killed ..."."""
    noun = reader.at.get(token.i)
    if noun is not None and noun.is_noun and not noun.frame and noun.entry.standalone:
        return noun_sources(noun.token, noun.entry) or between(noun.token)
    return [token]


def _argument_target(reader: SentenceReader, token: Token, code: str = "") -> list[Token]:
    """An event noun as object: judging it ("condemned Y's attack", "investigated the killing") is aimed at
    its source; acting on it ("lifted sanctions against Iran", "eased the curfew in X") at its target."""
    noun = reader.at.get(token.i)
    if noun is None or not noun.is_noun:
        return [token]
    if code[:2] in JUDGING_ROOTS:
        return noun_sources(noun.token, noun.entry) if (noun.entry.standalone or noun.frame) else [token]
    return noun_targets(noun.token, noun.entry) or [token]


def _asked(reader: SentenceReader, chain: list[Trigger]) -> list[Token]:
    for n, trigger in enumerate(chain[:-1]):
        if trigger.is_noun and trigger.frame in ("appeal", "demand"):
            inner = chain[n + 1].token  # "its demand that Israel ease ...": the clause's subject
            found = clause_subject(inner) if inner.pos_ in ("VERB", "AUX") else []
            if found:
                return found
    strong = next((t for t in chain if t.frame in ("appeal", "demand") and not t.is_noun), None)
    if strong is None or not strong.entry.roles.addressee:
        return []
    found = addressees(strong.token, strong.entry)
    if found:
        return found
    for clause in (c for c in strong.token.children if c.dep_ == "ccomp"):
        found = clause_subject(clause)  # "demanded that Y ..."
        if found:
            return found
    return []


def _requesters(reader: SentenceReader, chain: list[Trigger]) -> list[Token]:
    """The owner of a request, offer or plan a frame answers: "rejected a U.S. request", "calls by X",
    "an offer from Afghanistan"."""
    for trigger in chain[1:]:
        if trigger.is_noun and trigger.frame:
            found = noun_sources(trigger.token, trigger.entry)
            found += [o for o in _prep_objects(trigger.token, ("from",))]
            if found:
                return found
    return []


def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    from .syntax import prep_objects
    return prep_objects(token, preps)


def _act_targets(reader: SentenceReader, act: Trigger) -> list[Token]:
    found = noun_targets(act.token, act.entry) if act.is_noun else verb_targets(act.token, act.entry)
    # the object of a phrasal verb's own preposition first: "stood by us", "sided with X"
    own = [o for p in act.parts if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    found = own + [t for t in found if t not in own]
    return [t for token in found for t in _argument_target(reader, token, act.entry.code or "")]


def _object_preps(act: Trigger) -> list[Token]:
    """ "imposed sanctions on Iran", "launched an attack against X": the object's prepositions."""
    if act.is_noun:
        return []
    found: list[Token] = []
    for obj in direct_objects(act.token):
        found += noun_targets(obj, act.entry if act.entry.roles.target_preps else None)
    return found


def _frame_targets(chain: list[Trigger]) -> list[Token]:
    found: list[Token] = []
    for trigger in reversed(chain[:-1]):
        if trigger.is_noun:
            found += noun_targets(trigger.token, trigger.entry)
        else:
            found += verb_targets(trigger.token, trigger.entry)
    return found


CONDITION_MARKS = frozenset({"if", "unless"})


def _conditioned(chain: list[Trigger], code: str) -> list[Token]:
    """A threat or an ultimatum is aimed at whoever must meet its condition: "threatened to halt talks if
    the United States deploys ...", "will boycott the vote unless the president resigns"."""
    if code[:2] != "13":
        return []
    found: list[Token] = []
    for trigger in chain:
        for clause in trigger.token.children:
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                              for m in clause.children):
                found += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found


def _modifier_parties(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("PROPN", "ADJ")]


def _deep(triggers: list[Trigger], sources: list[Token]) -> list[Token]:
    """Tokens inside the predicate, breadth first from each trigger in turn (the act first, then the
    frames above it, then what a protest demands)."""
    skip = {t.i for s in sources for t in s.subtree}
    out: list[Token] = []
    seen: set[int] = set()
    for trigger in triggers:
        queue = [(c, 1) for c in trigger.token.children if c.dep_ not in DEEP_SKIP_DEPS
                 and c.dep_ not in SUBJECT_DEPS]
        while queue:
            token, depth = queue.pop(0)
            if token.i in seen or token.i in skip:
                continue
            seen.add(token.i)
            if token.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
                out.append(token)
            if depth < DEEP_DEPTH:
                queue.extend((c, depth + 1) for c in token.children if c.dep_ not in DEEP_SKIP_DEPS)
    return out


__all__ = ["assign", "DEFAULT_VERB_TARGETS"]
