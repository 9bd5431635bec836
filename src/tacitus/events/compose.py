"""Reading the events of one sentence from its triggers.

A trigger is an *act* (attack, meeting, sanctions) or a *frame* that governs another trigger: "promised to
[provide aid]" is an intent to provide aid (0331), "urged Y to [release prisoners]" an appeal for their
release (0253), "refused to [hold talks]" a rejection of talks (125), "held [talks]" the talks themselves.
Each trigger governs the nearest trigger in its complement; a chain from an ungoverned trigger down to an
act is one reading, and the code is the act's code (refined by context) passed through the frames from the
inside out (``derive.tsv``). Speech verbs are boundaries: what is said is read on its own ("X said Y
attacked Z" gives the attack and, since the speaker is someone else, the statement too).

The modality of the outermost trigger decides whether the reading is reported as real: negated,
possible, obliged, conditional, questioned or purposive readings are dropped; cooperative acts in the
future become intents (03x) and conflictual ones threats (13x), as the CAMEO manual prescribes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .match import Trigger, find_triggers
from .modality import Modality, clause_irrealis, is_question, own_modality, verb_of
from .syntax import SUBJECT_DEPS, direct_objects, lemma, phrase_tokens, subjects, with_conjuncts

# Frames that fix the kind of the event; an intent frame inside one of them adds nothing ("urged Y to
# agree to hold talks" is an appeal for talks).
STRONG_FRAMES = frozenset({"appeal", "demand", "refuse", "threaten", "deny", "accuse", "stop"})
PASS_THROUGH = frozenset({"realis", "light"})
# Prepositions that introduce what a frame governs: "called for talks", "accused of attacking".
COMPLEMENT_PREPS = frozenset({"for", "to", "on", "upon", "of", "about", "against", "from", "with", "into",
                              "over", "in"})
VERB_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "oprd", "attr", "acomp"})
NOUN_COMPLEMENT_DEPS = frozenset({"acl", "xcomp", "ccomp"})
# Branches the search for a governed trigger does not enter.
SEARCH_SKIP_DEPS = frozenset({"advcl", "relcl", "parataxis", "appos", "punct", "cc", "mark", "aux", "auxpass",
                              "neg", "det", "dep", "npadvmod", "predet", "case", "meta", "intj"})
SEARCH_DEPTH = 3
# Prepositions whose object is an event that took place: "at the meeting", "during talks", "after clashes".
EVENTIVE_PREPS = frozenset({"at", "during", "after", "before", "following", "since", "amid", "amidst", "ahead",
                            "despite", "throughout", "until", "in", "through"})
EVENTIVE_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT", "appos"})


@dataclass
class Reading:
    """One event read off a sentence, before its actors are resolved."""

    code: str
    chain: list[Trigger]  # outermost trigger first
    sources: list[Token]
    targets: list[Token]
    participants: list[Token] = field(default_factory=list)  # "between X and Y"
    recip: bool = False
    needtarget: bool = False
    swap: bool = False
    statement: bool = False
    content: list[Token] = field(default_factory=list)  # what a statement says
    future: bool = False

    @property
    def outer(self) -> Trigger:
        return self.chain[0]

    @property
    def act(self) -> Trigger:
        return self.chain[-1]

    @property
    def rule(self) -> str:
        return " > ".join(t.entry.rule for t in self.chain)


class SentenceReader:
    """Reads the events of one sentence. Built per sentence: it holds the sentence's triggers."""

    def __init__(self, sent: Span, lex: Lexicon) -> None:
        self.sent = sent
        self.lex = lex
        self.triggers = find_triggers(sent, lex)
        self.at = {t.token.i: t for t in self.triggers}
        self.governs: dict[int, list[Trigger]] = {}
        self.governor: dict[int, Trigger] = {}
        self.arguments: dict[int, Trigger] = {}  # event nouns that are an act verb's subject or object
        self._link()

    # ---- structure ---------------------------------------------------------------------------------
    def _link(self) -> None:
        for trigger in self.triggers:
            if trigger.frame:
                found = self._governed(trigger)
                if found is not None:
                    group = [found] + [self.at[c.i] for c in found.token.conjuncts if c.i in self.at]
                    self.governs[trigger.token.i] = group
                    for g in group:
                        self.governor.setdefault(g.token.i, trigger)
            elif not trigger.is_noun:
                self._link_arguments(trigger)

    def _link_arguments(self, act: Trigger) -> None:
        """An act verb's event-noun subject or object is its argument, not an event of its own
        ("air strikes killed ...", "condemned the attack")."""
        for child in act.token.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.i in self.at:
                noun = self.at[child.i]
                if noun.is_noun and not noun.frame and child.i not in self.governor:
                    self.governor[child.i] = act
                    self.arguments[child.i] = act

    def _complement_starts(self, trigger: Trigger) -> list[Token]:
        token = trigger.token
        parts = {p.i for p in trigger.parts}
        if trigger.frame == "light":
            starts = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
            starts += [o for c in token.children if c.dep_ == "prep" and lemma(c) in ("in", "on")
                       for o in c.children if o.dep_ in ("pobj", "pcomp")]
            return starts
        deps = NOUN_COMPLEMENT_DEPS if trigger.is_noun else VERB_COMPLEMENT_DEPS
        starts = [c for c in token.children if c.dep_ in deps and c.i not in parts]
        for child in token.children:
            if child.dep_ == "prep" and lemma(child) in COMPLEMENT_PREPS:
                starts.extend(o for o in child.children if o.dep_ in ("pobj", "pcomp"))
        if trigger.is_noun and not starts:
            starts = [c for c in token.children if c.dep_ == "relcl"]
        return starts

    def _governed(self, trigger: Trigger) -> Trigger | None:
        """The nearest trigger in the frame's complement (breadth first, a few levels deep)."""
        subject_ids = {t.i for s in trigger.token.children if s.dep_ in SUBJECT_DEPS for t in s.subtree}
        queue = [(t, 0) for t in self._complement_starts(trigger)]
        seen = {trigger.token.i}
        while queue:
            token, depth = queue.pop(0)
            if token.i in seen or token.i in subject_ids:
                continue
            seen.add(token.i)
            found = self.at.get(token.i)
            if found is not None:
                return found
            if depth >= SEARCH_DEPTH:
                continue
            for child in token.children:
                if child.dep_ in SEARCH_SKIP_DEPS:
                    continue
                if child.dep_ == "acl" and any(c.lower_ == "to" for c in child.children):
                    continue
                queue.append((child, depth + 1))
        return None

    def chains(self, trigger: Trigger, depth: int = 0) -> list[list[Trigger]]:
        governed = self.governs.get(trigger.token.i, [])
        if not trigger.frame or trigger.frame == "speech" or not governed or depth > 5:
            return [[trigger]]
        out: list[list[Trigger]] = []
        for inner in governed:
            if inner.frame == "speech":
                continue
            out.extend([trigger, *rest] for rest in self.chains(inner, depth + 1))
        return out or [[trigger]]

    def roots(self) -> list[Trigger]:
        out = []
        for trigger in self.triggers:
            governor = self.governor.get(trigger.token.i)
            if governor is None or governor.frame == "speech":
                out.append(trigger)
        return out

    # ---- readings ----------------------------------------------------------------------------------
    def readings(self) -> list[Reading]:
        if is_question(self.sent[0]):
            return []
        out: list[Reading] = []
        for root in self.roots():
            for chain in self.chains(root):
                reading = self.read(chain)
                if reading is not None:
                    out.append(reading)
        return out

    def read(self, chain: list[Trigger]) -> Reading | None:
        outer = chain[0]
        if outer.is_noun and len(chain) == 1 and not self._eventive(outer):
            return None
        if outer.frame == "speech" and len(chain) == 1:
            return self._statement(outer)
        code = self._code(chain)
        if code is None:
            return None
        modality = self._modality(outer, allow_negated_future=not any(t.frame for t in chain))
        if modality is None:
            return None
        future = modality.future and not any(t.frame for t in chain)
        if future:
            code = self._future(code, modality.negated)
            if code is None:
                return None
        reading = Reading(code, chain, [], [], future=future)
        self._roles(reading)
        return reading

    def _eventive(self, noun: Trigger) -> bool:
        """A bare event noun is coded only when the sentence reports it as having taken place: it names a
        participant and stands as a subject, the head of a headline, or the object of "at/during/after"."""
        if not noun.entry.standalone:
            return False
        token = noun.token
        if token.dep_ == "conj":
            token = token.head
        if token.dep_ == "pobj":
            prep = token.head
            if lemma(prep) not in EVENTIVE_PREPS:
                return False
            if lemma(prep) == "in" and prep.head.pos_ not in ("VERB", "AUX"):
                return False
        elif token.dep_ not in EVENTIVE_DEPS:
            return False
        from .roles import between, noun_sources, noun_targets
        return bool(noun_sources(noun.token, noun.entry) or noun_targets(noun.token, noun.entry)
                    or between(noun.token))

    def _code(self, chain: list[Trigger]) -> str | None:
        act = chain[-1] if not chain[-1].frame else None
        if act is not None:
            base_index = len(chain) - 1
        else:
            with_code = [i for i, t in enumerate(chain) if t.entry.code]
            if not with_code:
                return None
            base_index = with_code[-1]
        base = chain[base_index]
        code = self.refine(base.entry.code, base)
        if base_index > 0 and own_modality(base.token, self.lex.modality).negated:
            code = self.lex.derived(code, "stop")  # "promised not to attack": an intent to de-escalate
            if code is None:
                return None
        frames = chain[:base_index]
        for i in range(len(frames) - 1, -1, -1):
            code = self._through(code, frames[i], {f.frame for f in frames[:i]})
            if code is None:
                return None
        return code

    def _through(self, code: str, frame: Trigger, outer_kinds: set[str | None]) -> str | None:
        kind = frame.frame
        if kind in PASS_THROUGH or kind == "speech":
            return code
        if kind == "negate":
            return None
        if kind == "attempt":
            return self.lex.derived(code, "attempt") or code
        if kind == "deny":
            return "016"
        if kind == "intent":
            if outer_kinds & STRONG_FRAMES:
                return code
            return self._intent(code)
        return self.lex.derived(code, kind) or frame.entry.code

    def _intent(self, code: str) -> str:
        if code[:2] in ("01", "02", "03", "10", "11", "12", "13"):
            return code if code[:2] != "01" else "030"
        if int(code[:2]) >= 14:
            return self.lex.derived(code, "threaten") or "130"
        return self.lex.derived(code, "intent") or "030"

    def _future(self, code: str, negated: bool = False) -> str | None:
        """A cooperative act announced is an intent (03x), a conflictual one a threat (13x); announced as
        not going to happen, the first is a refusal ("will not release" 1243) and the second an intent to
        de-escalate ("will not attack" 0356)."""
        root = int(code[:2])
        if negated:
            if 4 <= root <= 8:
                return self.lex.derived(code, "refuse")
            stopped = self.lex.derived(code, "stop") if root >= 14 else None
            return self._future(stopped) if stopped else None
        if 4 <= root <= 8:
            return self.lex.derived(code, "intent") or "030"
        if root >= 14:
            return self.lex.derived(code, "threaten") or "130"
        return code

    def refine(self, code: str, trigger: Trigger) -> str:
        options = self.lex.refine.get(code)
        if not options:
            return code
        found = self.contexts(trigger)
        for context, refined in options:
            if context in found:
                return self.refine(refined, trigger) if refined != code else refined
        return code

    def contexts(self, trigger: Trigger) -> set[str]:
        skip = [c for c in trigger.token.children if c.dep_ in SUBJECT_DEPS]
        found: set[str] = set()
        for token in phrase_tokens(trigger.token, skip):
            found |= self.lex.contexts.get(lemma(token), frozenset())
            found |= self.lex.contexts.get(token.lower_, frozenset())
        return found

    def _modality(self, outer: Trigger, allow_negated_future: bool = False) -> Modality | None:
        modality = own_modality(outer.token, self.lex.modality)
        if modality.irrealis or (modality.negated and not (allow_negated_future and modality.future)):
            return None
        stop = {t.token.i for t in self.triggers if t.frame == "speech"}
        if clause_irrealis(outer.token, self.lex.modality, stop):
            return None
        return modality

    # ---- roles -------------------------------------------------------------------------------------
    def _roles(self, reading: Reading) -> None:
        from .roles import (addressees, between, clause_subject, noun_sources, noun_targets, verb_targets)

        outer, act = reading.outer, reading.act
        reading.recip = any(t.entry.roles.recip for t in reading.chain if not t.frame or t is act)
        reading.needtarget = act.entry.roles.needtarget
        reading.swap = act.entry.roles.swap
        sources: list[Token] = []
        if not outer.is_noun:
            sources = subjects(outer.token)
            sources = [self._argument_source(s) for s in sources]
            sources = [s for group in sources for s in group]
        if not sources:
            for trigger in reading.chain:
                if trigger.is_noun and not trigger.frame:
                    sources = noun_sources(trigger.token, trigger.entry)
                    break
                if not trigger.is_noun and trigger is not outer and trigger.frame in (None, "light"):
                    break
        if act.is_noun:
            reading.participants = between(act.token)
        targets: list[Token] = []
        strong = next((t for t in reading.chain if t.frame in ("appeal", "demand")), None)
        if strong is not None and strong.entry.roles.addressee:
            targets = addressees(strong.token, strong.entry)
            if not targets:
                inner = self.governs.get(strong.token.i, [])
                if inner and not inner[0].is_noun and inner[0].token.dep_ == "ccomp":
                    targets = clause_subject(inner[0].token)
        if not targets:
            targets = noun_targets(act.token, act.entry) if act.is_noun else verb_targets(act.token, act.entry)
            targets = [t for group in (self._argument_target(t) for t in targets) for t in group]
        if not targets and not act.is_noun:
            # "imposed sanctions on Iran", "launched an attack against X": the object's prepositions
            for obj in direct_objects(act.token):
                targets = noun_targets(obj, act.entry if act.entry.roles.target_preps else None)
                if targets:
                    break
        if not targets:
            for trigger in reading.chain[:-1]:
                if trigger.entry.roles.target_preps and not trigger.is_noun:
                    targets = verb_targets(trigger.token, trigger.entry)
                    if targets:
                        break
        if act.is_noun and not act.frame:
            # a frame over a cooperation noun: "expects cooperation between Belarus and Russia"
            reading.participants = reading.participants or self._noun_participants(act.token)
        reading.sources = [s for s in with_conjuncts(sources) if s.i not in self._trigger_ids(reading)]
        reading.targets = [t for t in with_conjuncts(targets) if t.i not in self._trigger_ids(reading)
                           and t not in reading.sources]

    def _noun_participants(self, noun: Token) -> list[Token]:
        from .roles import between
        found = between(noun)
        if found:
            return found
        return [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("PROPN", "ADJ")]

    def _trigger_ids(self, reading: Reading) -> set[int]:
        return {t.token.i for t in reading.chain}

    def _argument_source(self, token: Token) -> list[Token]:
        """An event noun as subject stands for its own source: "Israeli air strikes killed ..."."""
        from .roles import noun_sources
        noun = self.at.get(token.i)
        if noun is not None and noun.is_noun and not noun.frame:
            return noun_sources(noun.token, noun.entry)
        return [token]

    def _argument_target(self, token: Token) -> list[Token]:
        """An event noun as object stands for its source: "condemned Y's attack" is aimed at Y."""
        from .roles import noun_sources
        noun = self.at.get(token.i)
        if noun is not None and noun.is_noun:
            return noun_sources(noun.token, noun.entry)
        return [token]

    # ---- statements --------------------------------------------------------------------------------
    def _statement(self, speech: Trigger) -> Reading | None:
        from .roles import verb_targets
        if self._modality(speech) is None:
            return None
        content = [t for c in speech.token.children if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis")
                   for t in c.subtree]
        code = speech.entry.code or "010"
        if code == "010":
            tone = self.tone(content)
            code = "013" if tone > 0 else "012" if tone < 0 else "010"
        sources = subjects(speech.token)
        targets = verb_targets(speech.token, speech.entry) if speech.entry.roles.target_preps else []
        targets = [t for t in targets if t.i not in {c.i for c in content}]
        return Reading(code, [speech], sources, targets, statement=True, content=content)

    def tone(self, tokens: list[Token]) -> int:
        score = 0
        for token in tokens:
            polarity = self.lex.sentiment.get(lemma(token), 0)
            if polarity and any(c.dep_ == "neg" for c in verb_of(token).children):
                polarity = -polarity
            score += polarity
        return score
