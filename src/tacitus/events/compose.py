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

from .assign import assign
from .codes import CodeComposer
from .links import Linker, host_verb
from .match import Trigger
from .modality import Modality, clause_irrealis, is_question, own_modality
from .reading import Reading
from .statements import StatementReader
from .syntax import lemma, subjects

__all__ = ["Reading", "SentenceReader"]

# Frames that say how real the act is themselves (the tense of the frame verb does not turn the act into an
# intent or a threat again).
MODAL_FRAMES = frozenset({"intent", "appeal", "demand", "refuse", "threaten", "deny", "accuse", "consider",
                          "negate", "speech"})
# Prepositions whose object is an event that took place: "at the meeting", "during talks", "after clashes".
# ("since" is left out: "holed up since last month's invasion" names an earlier event as a time.)
EVENTIVE_PREPS = frozenset({"at", "during", "after", "before", "following", "amid", "amidst", "ahead",
                            "despite", "throughout", "until", "in", "through", "for"})
# Heads of an amount: "announced $33 million in aid", "pledged a package of ...".
AMOUNT_WORDS = frozenset({"million", "billion", "package", "amount", "sum", "total", "ton", "tonne", "worth",
                          "tranche", "batch", "shipment", "consignment"})
CAUSAL_HEADS = frozenset({"because", "result", "wake", "course", "aftermath"})
EVENTIVE_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT", "appos"})


class SentenceReader(Linker, CodeComposer, StatementReader):
    """Reads the events of one sentence. Built per sentence: it holds the sentence's triggers and their
    links (``links.Linker``); codes come from ``codes.CodeComposer``, statements from
    ``statements.StatementReader``."""

    # ---- chains ------------------------------------------------------------------------------------

    def chains(self, trigger: Trigger, depth: int = 0) -> list[list[Trigger]]:
        governed = self.governs.get(trigger.token.i, [])
        if trigger.frame == "speech":
            said = [g for g in self.triggers if self._said_event(trigger, g)]
            return [[trigger, *rest] for g in said for rest in self.chains(g, depth + 1)] or [[trigger]]
        if not trigger.frame or not governed or depth > 5:
            return [[trigger]]
        out: list[list[Trigger]] = []
        for inner in governed:
            if inner.frame == "speech":
                out.append([trigger, inner])  # "declined to comment": the statement is the act (011)
                continue
            out.extend([trigger, *rest] for rest in self.chains(inner, depth + 1))
        return out or [[trigger]]

    def _said_event(self, speech: Trigger, noun: Trigger) -> bool:
        """An event noun that is the object of a speech verb is the speaker's act: "declared a ceasefire",
        "announced sanctions against X"."""
        if not noun.is_noun or noun.frame in ("speech", "light"):
            return False
        token = noun.token
        if token.head == speech.token:
            return token.dep_ in ("dobj", "nsubjpass")
        head = token.head
        if token.dep_ == "nsubj" and head.dep_ == "ccomp" and head.head == speech.token:
            # "declared a state of siege to begin at midnight"
            clause = self.at.get(head.i)
            eventive = noun.entry.standalone or (noun.entry.code or "")[:2] in ("16", "17")
            return clause is not None and clause.frame == "realis" and eventive
        # "announced $33 million in aid": the act inside an amount the speaker names
        head = token.head.head if token.dep_ == "pobj" else None
        return (head is not None and head.head == speech.token and head.dep_ == "dobj"
                and (lemma(head) in AMOUNT_WORDS or any(c.pos_ == "NUM" for c in head.children)))

    def roots(self) -> list[Trigger]:
        out = []
        for trigger in self.triggers:
            governor = self.governor.get(trigger.token.i)
            if governor is None or (governor.frame == "speech" and not self._said_event(governor, trigger)):
                out.append(trigger)
        return out

    # ---- readings ----------------------------------------------------------------------------------
    def readings(self) -> list[Reading]:
        if is_question(self.sent):
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
        if outer.is_noun and not self._eventive(outer):
            return None
        if outer.frame == "speech" and len(chain) == 1:
            return self._statement(outer)
        other = self._other_directed(chain)
        if other is not None:
            return other
        code = self._code(chain)
        if code is None:
            return None
        # a modal frame that governs an act speaks for it ("promised to ..."); a frame alone ("will accept
        # refugees") or an action frame ("will halt talks") is read like an act
        framed = len(chain) > 1 and any(t.frame in MODAL_FRAMES for t in chain[:-1])
        modality = own_modality(outer.token, self.lex.modality)
        reason = modality.irrealis or self._irrealis(outer)
        conflict = int(code[:2]) >= 14
        if reason == "purpose" and code[:2] == "14":
            reason = None  # "shunned work to protest ...": the purpose is the protest
        if reason == "possible" and conflict and not modality.negated:
            reason, modality.future = None, True  # "may halt mediation": a conflictual act held out is a threat
        if reason or (modality.negated and not modality.future):
            return None
        future = modality.future and not framed
        if future or (modality.negated and framed):
            # "will not end the strike": a refusal of what the frame says (1242)
            code = self._future(code, modality.negated)
            if code is None:
                return None
        reading = Reading(code, chain, [], [], future=future)
        assign(self, reading)
        return reading

    def _irrealis(self, outer: Trigger) -> str | None:
        stop = {t.token.i for t in self.triggers if t.frame == "speech"}
        return clause_irrealis(outer.token, self.lex.modality, stop)

    def _eventive(self, noun: Trigger) -> bool:
        """A bare event noun is coded only when the sentence reports it as having taken place: it names a
        participant and stands as a subject, the head of a headline, or the object of "at/during/after"."""
        if not noun.entry.standalone and noun.frame != "attempt":
            return False  # ("an attempt to assassinate X was thwarted" is an event)
        token = noun.token
        if token.dep_ == "conj":
            token = token.head
        if token.dep_ == "pobj":
            prep = token.head
            word = lemma(prep)
            if word == "of" and lemma(prep.head) in CAUSAL_HEADS:
                pass  # "because of fighting between X and Y"
            elif word not in EVENTIVE_PREPS:
                return False
            elif word in ("in", "for") and prep.head.pos_ not in ("VERB", "AUX"):
                return False
        elif token.dep_ not in EVENTIVE_DEPS:
            return False
        from .roles import between, noun_sources, noun_targets
        if noun_sources(noun.token, noun.entry) or noun_targets(noun.token, noun.entry) or between(noun.token):
            return True
        if noun.frame == "attempt" and self.governs.get(noun.token.i):
            return True  # the attempted act names its own participants
        host = host_verb(noun.token)  # "negotiators return to Geneva for talks"
        return host is not None and bool(subjects(host))

    def _modality(self, outer: Trigger, allow_negated_future: bool = False) -> Modality | None:
        modality = own_modality(outer.token, self.lex.modality)
        if modality.irrealis or (modality.negated and not (allow_negated_future and modality.future)):
            return None
        stop = {t.token.i for t in self.triggers if t.frame == "speech"}
        if clause_irrealis(outer.token, self.lex.modality, stop):
            return None
        return modality
