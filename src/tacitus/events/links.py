"""How the triggers of a sentence hang together: which frame governs which act ("promised to [provide
aid]"), which event nouns are only an act's argument ("condemned [the attack]"), which words tell one
violent incident ("shelled the town, [killing] 20") or what a protest is for ("staged rallies [to demand]
..."). ``Linker`` holds these links for ``compose.SentenceReader``.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .match import Trigger, find_triggers
from .syntax import SUBJECT_DEPS, lemma, own_subjects, with_conjuncts

# Prepositions that introduce what a frame governs: "called for talks", "accused of attacking".
COMPLEMENT_PREPS = frozenset({"for", "to", "on", "upon", "of", "about", "against", "from", "with", "into",
                              "over", "in"})
VERB_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "oprd", "attr", "acomp"})
NOUN_COMPLEMENT_DEPS = frozenset({"acl", "xcomp", "ccomp"})
# Branches the search for a governed trigger does not enter.
SEARCH_SKIP_DEPS = frozenset({"advcl", "relcl", "parataxis", "appos", "punct", "cc", "mark", "aux", "auxpass",
                              "neg", "det", "dep", "npadvmod", "predet", "case", "meta", "intj", "compound",
                              "amod", "nmod"})
SEARCH_DEPTH = 3
# Tags of finite verbs, which cannot be coordinated with an infinitive.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def host_verb(noun: Token) -> Token | None:
    """The verb a noun hangs on through a preposition ("met for talks", "killed in clashes")."""
    if noun.dep_ != "pobj":
        return None
    verb = noun.head.head
    return verb if verb.pos_ in ("VERB", "AUX") and noun.head.dep_ == "prep" else None


def _protest(trigger: Trigger) -> bool:
    code = trigger.entry.code
    return bool(code) and code[:2] == "14" and not trigger.frame


def _violent(trigger: Trigger) -> bool:
    """Force used on people: attacks (18-20) and violent repression (175: "fired tear gas to disperse")."""
    code = trigger.entry.code
    return bool(code) and (code[:2] in ("18", "19", "20") or code[:3] == "175")


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


class Linker:
    """The triggers of one sentence and the links between them."""

    def __init__(self, sent: Span, lex: Lexicon) -> None:
        self.sent = sent
        self.lex = lex
        self.triggers = find_triggers(sent, lex)
        self.at = {t.token.i: t for t in self.triggers}
        self.governs: dict[int, list[Trigger]] = {}
        self.governor: dict[int, Trigger] = {}
        self.arguments: dict[int, Trigger] = {}  # event nouns that are an act verb's subject or object
        self.merged: dict[int, list[Trigger]] = {}  # parts of one violent incident, by the main act
        self.purposes: dict[int, list[Trigger]] = {}  # what a protest demands, by the protest
        self._link()

    def _link(self) -> None:
        for trigger in self.triggers:
            if trigger.frame:
                found = self._subject_event(trigger) or self._governed(trigger)
                if found is not None:
                    group = [found] + [self.at[c.i] for c in found.token.conjuncts if c.i in self.at]
                    self.governs[trigger.token.i] = group
                    for g in group:
                        self.governor.setdefault(g.token.i, trigger)
            if not trigger.is_noun:
                self._link_arguments(trigger)
        for trigger in self.triggers:
            owner = self._adjunct_owner(trigger) or self._manner_owner(trigger)
            if owner is not None:
                self.governor.setdefault(trigger.token.i, owner)
        for trigger in self.triggers:
            if _violent(trigger) and not trigger.frame and self._free(trigger.token.i):
                self._merge_incident(trigger)
            elif _protest(trigger) and self._free(trigger.token.i) and (
                    trigger.entry.standalone or not trigger.is_noun):
                self._merge_purpose(trigger)

    def _free(self, i: int) -> bool:
        """Not governed by another trigger, or only reported by a speech verb."""
        governor = self.governor.get(i)
        return governor is None or governor.frame == "speech"

    def _merge_purpose(self, act: Trigger) -> None:
        """ "started a hunger strike to protest X", "staged rallies to demand Y": the purpose says what the
        protest is about; it is not a second event."""
        for token in [act.token, act.token.head]:
            for child in token.children:
                if child.dep_ in ("advcl", "xcomp") and _infinitive(child) and child.i in self.at:
                    other = self.at[child.i]
                    if other is not act and (_protest(other) or other.frame in ("appeal", "demand")) \
                            and self._free(child.i):
                        self.governor[child.i] = act
                        self.purposes.setdefault(act.token.i, []).append(other)

    def _merge_incident(self, act: Trigger) -> None:
        """One violent incident told in several words is one event: "attacked the camp, killing 156",
        "killed three in a suicide car bombing", "aircraft using missiles killed ...", "killed 23 when they
        blew themselves up". The parts are not events of their own; the most specific code among them is
        the event's. A coordinated verb with a subject of its own is another incident."""
        stack = [c for c in act.token.children]
        while stack:
            token = stack.pop()
            if token.dep_ in ("ccomp", "parataxis", "relcl") or (token.dep_ == "conj" and own_subjects(token)):
                continue
            other = self.at.get(token.i)
            if other is not None and other.frame and other.frame != "light":
                continue  # another frame's business ("threatened to attack")
            # an event noun that is the act's own argument ("a roadside bombing killed ...") is part of it
            own = self.arguments.get(token.i) is act
            if other is not None and other is not act and _violent(other) and (self._free(token.i) or own):
                self.governor[token.i] = act
                self.merged.setdefault(act.token.i, []).append(other)
            stack.extend(token.children)

    def _adjunct_owner(self, trigger: Trigger) -> Trigger | None:
        """A participle adjunct that only says what an event was about is part of it, not an event:
        "demonstrated calling for independence", "blocked roads demanding that ...", "..., saying he
        must resign"."""
        token = trigger.token
        if trigger.frame not in ("appeal", "demand", "speech") or token.tag_ != "VBG":
            return None
        if token.dep_ not in ("advcl", "acl", "xcomp", "conj"):
            return None
        head = token.head
        owner = self.at.get(head.i)
        if owner is not None and owner is not trigger:
            return owner
        return None

    def _manner_owner(self, trigger: Trigger) -> Trigger | None:
        """ "accused X of violating the truce by shelling villages", "threatened to respond by bombing": how
        an alleged, denied or threatened act was done is alleged, denied or threatened with it, not an act of
        its own (nor the accuser's)."""
        token = trigger.token
        prep = token.head
        if token.dep_ != "pcomp" or prep.dep_ != "prep" or lemma(prep) != "by":
            return None
        owner = self.at.get(prep.head.i)
        if owner is None or owner is trigger:
            return None
        frame = self.governor.get(owner.token.i)
        if frame is None or frame.frame in (None, "speech", "realis", "light"):
            return None
        return owner

    def _subject_event(self, frame: Trigger) -> Trigger | None:
        """ "Riots are still continuing", "the talks resumed": an aspectual verb without an act of its own
        is about the event noun that is its subject."""
        if frame.frame != "realis" or frame.is_noun:
            return None
        for child in frame.token.children:
            noun = self.at.get(child.i) if child.dep_ in ("nsubj", "nsubjpass") else None
            if noun is not None and noun.is_noun and not noun.frame and noun.entry.standalone:
                return noun
        return None

    def _link_arguments(self, act: Trigger) -> None:
        """An act verb's event-noun subject or object is its argument, not an event of its own
        ("air strikes killed ...", "condemned the attack"); so is a frame verb's subject ("the summit
        failed to reach agreement")."""
        deps = ("nsubj", "nsubjpass") if act.frame else ("nsubj", "nsubjpass", "dobj")
        for child in act.token.children:
            if child.dep_ in deps and child.i in self.at:
                noun = self.at[child.i]
                if noun.is_noun and not noun.frame and child.i not in self.governor:
                    self.governor[child.i] = act
                    self.arguments[child.i] = act

    def _complement_starts(self, trigger: Trigger) -> list[Token]:
        token = trigger.token
        parts = {p.i for p in trigger.parts}
        if trigger.frame == "light":
            # the object ("held talks"), then "engaged in / took part in", then a passive's subject
            # ("talks were held")
            starts = [c for c in token.children if c.dep_ in ("dobj", "attr")]
            starts += [o for c in token.children if c.dep_ == "prep" and lemma(c) in ("in", "on", "with")
                       for o in c.children if o.dep_ in ("pobj", "pcomp")]
            starts += [c for c in token.children if c.dep_ == "nsubjpass"]
            return starts
        deps = NOUN_COMPLEMENT_DEPS if trigger.is_noun else VERB_COMPLEMENT_DEPS
        starts = [c for c in token.children if c.dep_ in deps and c.i not in parts]
        for child in token.children:
            if child.dep_ == "prep" and lemma(child) in COMPLEMENT_PREPS:
                starts.extend(o for o in child.children if o.dep_ in ("pobj", "pcomp"))
        if trigger.is_noun:
            if not starts and token.dep_ == "dobj":
                # "rejected appeals to release X", "reiterated its demand that Y ease ...": the parse often
                # hangs the noun's infinitive or that-clause on the verb
                starts = [c for c in token.head.children if (c.dep_ in ("advcl", "xcomp") and _infinitive(c))
                          or (c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children))]
            starts += [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
            if not starts:
                starts = [c for c in token.children if c.dep_ == "relcl"]
        return starts

    def _governed(self, trigger: Trigger) -> Trigger | None:
        """The nearest trigger in the frame's complement (breadth first, a few levels deep). A light verb
        governs only its object ("held talks") or what the object counts ("held a round of talks")."""
        if trigger.frame == "light":
            for start in with_conjuncts(self._complement_starts(trigger)):
                counted = [o for c in start.children if c.dep_ == "prep" and lemma(c) in ("of", "in")
                           for o in c.children if o.dep_ == "pobj"]  # "a round of talks", "$5m in aid"
                kinds = [c for c in start.children if c.dep_ == "compound"]  # "a mediation mission"
                for token in [start, *counted, *kinds]:
                    if token.i in self.at and token.i != trigger.token.i:
                        return self.at[token.i]
            return None
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
                if depth > 0 and token.pos_ in ("NOUN", "PROPN") and child.dep_ in ("acl", "ccomp"):
                    continue  # "an admission that forces murdered ...": what a noun says is not the act
                if child.dep_ == "acl" and any(c.lower_ == "to" for c in child.children):
                    continue
                if child.dep_ == "conj" and child.tag_ in FINITE_TAGS and _infinitive(token):
                    continue  # "called on X to show restraint and offered to ...": a misattached main verb
                queue.append((child, depth + 1))
        return None
