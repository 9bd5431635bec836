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

from .assign import assign
from .lexicon import Lexicon
from .match import Trigger, find_triggers
from .modality import Modality, clause_irrealis, is_question, own_modality, verb_of
from .syntax import SUBJECT_DEPS, lemma, own_subjects, phrase_tokens, subjects, with_conjuncts

# Frames that fix the kind of the event; an intent frame inside one of them adds nothing ("urged Y to
# agree to hold talks" is an appeal for talks).
STRONG_FRAMES = frozenset({"appeal", "demand", "refuse", "threaten", "deny", "accuse", "stop"})
PASS_THROUGH = frozenset({"realis", "light"})
# Frames that say how real the act is themselves (the tense of the frame verb does not turn the act into an
# intent or a threat again).
MODAL_FRAMES = frozenset({"intent", "appeal", "demand", "refuse", "threaten", "deny", "accuse", "consider",
                          "negate", "speech"})
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
# Prepositions whose object is an event that took place: "at the meeting", "during talks", "after clashes".
EVENTIVE_PREPS = frozenset({"at", "during", "after", "before", "following", "since", "amid", "amidst", "ahead",
                            "despite", "throughout", "until", "in", "through", "for"})
# Heads of an amount: "announced $33 million in aid", "pledged a package of ...".
AMOUNT_WORDS = frozenset({"million", "billion", "package", "amount", "sum", "total", "ton", "tonne", "worth",
                          "tranche", "batch", "shipment", "consignment"})
CAUSAL_HEADS = frozenset({"because", "result", "wake", "course", "aftermath"})
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
    target_options: list[list[Token]] = field(default_factory=list)  # places to look for the target, in order
    deep: list[Token] = field(default_factory=list)  # last resort: tokens inside the predicate

    @property
    def outer(self) -> Trigger:
        return self.chain[0]

    @property
    def act(self) -> Trigger:
        return self.chain[-1]

    @property
    def rule(self) -> str:
        return " > ".join(t.entry.rule for t in self.chain)


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
    code = trigger.entry.code
    return bool(code) and code[:2] in ("18", "19", "20")


def specificity(code: str) -> int:
    """4-digit codes say most, residual x0 codes least: 1831 > 194 > 190."""
    return len(code) * 2 - (1 if code.endswith("0") else 0)


def _refers_back(token: Token) -> bool:
    """ "their countries", "both sides", "the two governments": the parties of the frame themselves (but
    "his successor" is someone else)."""
    if any(c.lower_ in ("both", "two", "each") for c in token.children):
        return True
    return lemma(token) in OWN_BODIES and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


# What "their X" can be when X are the frame's own parties.
OWN_BODIES = frozenset({"country", "government", "nation", "state", "side", "party", "administration", "people",
                        "force", "troop", "army", "military", "delegation", "team", "representative", "official",
                        "negotiator", "leader", "minister", "ministry", "group", "member"})


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def obligation_kind(clause: Token) -> str | None:
    """demand for "must" / "has to", appeal for "should" / "ought to", in the clause headed by ``clause``."""
    words = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if words & {"must", "mustn't"}:
        return "demand"
    if words & {"should", "ought"}:
        return "appeal"
    if lemma(clause) in ("have", "need") and any(c.dep_ == "xcomp" for c in clause.children):
        return "demand"  # "Y has to leave"
    return None


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
        self.merged: dict[int, list[Trigger]] = {}  # parts of one violent incident, by the main act
        self.purposes: dict[int, list[Trigger]] = {}  # what a protest demands, by the protest
        self._link()

    # ---- structure ---------------------------------------------------------------------------------
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
            owner = self._adjunct_owner(trigger)
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
            if other is not None and other is not act and _violent(other) and self._free(token.i):
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
                counted = [o for c in start.children if c.dep_ == "prep" and lemma(c) == "of"
                           for o in c.children if o.dep_ == "pobj"]  # "a round of talks"
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
                if child.dep_ == "acl" and any(c.lower_ == "to" for c in child.children):
                    continue
                queue.append((child, depth + 1))
        return None

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

    def _other_directed(self, chain: list[Trigger]) -> Reading | None:
        """ "X hopes / expects / wants Y to ACT", "X agreed with Z that Y should ACT": an intent frame whose
        act has another actor as subject is no intent of X's. Agreement on it is an expression of accord
        (019); a hope or expectation a statement, optimistic or pessimistic by its words."""
        outer = chain[0]
        if outer.frame != "intent" or len(chain) < 2 or outer.is_noun:
            return None
        subject = self._complement_subject(outer.token, chain[1])
        if subject is None:
            return None
        if self._modality(outer) is None:
            return None
        content = [t for c in outer.token.children if c.dep_ in ("ccomp", "xcomp", "dobj") for t in c.subtree]
        if lemma(outer.token) in ("agree", "concur"):
            code = "019"
        else:
            tone = self.tone(content)
            code = "013" if tone > 0 else "012" if tone < 0 else "010"
        return Reading(code, [outer], subjects(outer.token), [], statement=True, content=content)

    def _complement_subject(self, frame: Token, inner: Trigger) -> Token | None:
        """The subject of the clause the frame governs when it is another actor: a noun or name that is
        not itself an event and not a pronoun ("their countries", "it" refer back)."""
        object_control = any(c.dep_ == "dobj" for c in frame.children)
        for clause in frame.children:
            if not (clause.dep_ == "ccomp" or (clause.dep_ == "xcomp" and object_control)):
                continue
            if inner.token.i not in {t.i for t in clause.subtree}:
                continue
            if clause.dep_ == "xcomp":
                subject = [c for c in frame.children if c.dep_ == "dobj"]
            else:
                subject = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            for token in subject:
                if token.i in self.at or token.pos_ == "PRON" or _refers_back(token):
                    return None
                if token.pos_ in ("PROPN", "NOUN"):
                    return token
        return None

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
        for part in self.merged.get(base.token.i, []):
            code = max(code, self.refine(part.entry.code, part), key=specificity)
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
        if frame.is_noun and outer_kinds & (STRONG_FRAMES | {"intent"}):
            return code  # "rejected calls for X", "accepted an offer to X": the verb's frame decides
        if kind == "negate":
            return None
        if kind == "attempt":
            return self.lex.derived(code, "attempt") or code
        if kind == "deny":
            return "016"
        if kind == "consider":
            return "014"  # "considering slashing aid": an option weighed, not an act
        if kind == "intent":
            if outer_kinds & STRONG_FRAMES:
                return code
            return self._intent(code)
        return self.lex.derived(code, kind) or frame.entry.code

    def _intent(self, code: str) -> str:
        if code[:2] in ("01", "02", "03", "10", "11", "12", "13"):
            return code  # "offered condolences" is the condolence
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
            for child in token.children:  # "war crimes" -> war-crime
                if child.dep_ == "compound":
                    found |= self.lex.contexts.get(f"{lemma(child)}-{lemma(token)}", frozenset())
        return found

    def _modality(self, outer: Trigger, allow_negated_future: bool = False) -> Modality | None:
        modality = own_modality(outer.token, self.lex.modality)
        if modality.irrealis or (modality.negated and not (allow_negated_future and modality.future)):
            return None
        stop = {t.token.i for t in self.triggers if t.frame == "speech"}
        if clause_irrealis(outer.token, self.lex.modality, stop):
            return None
        return modality

    # ---- statements --------------------------------------------------------------------------------
    def _statement(self, speech: Trigger) -> Reading | None:
        from .roles import verb_targets
        if self._modality(speech) is None:
            return None
        obliged = self._obligation(speech)
        if obliged is not None:
            return obliged
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

    def _obligation(self, speech: Trigger) -> Reading | None:
        """ "X said Y must / should ACT" is X demanding (appealing) that Y ACT."""
        from .roles import is_pronoun
        for clause in (c for c in speech.token.children if c.dep_ == "ccomp"):
            kind = obligation_kind(clause)
            subject = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            if kind is None or not subject or is_pronoun(subject[0]):
                continue
            inner = [g for g in self.governs.get(speech.token.i, []) if g.token.i in {t.i for t in clause.subtree}]
            code = None
            if inner:
                act_code = self._code(inner[:1])
                code = self.lex.derived(act_code, kind) if act_code else None
            code = code or ("100" if kind == "demand" else "020")
            return Reading(code, [speech, *inner[:1]], subjects(speech.token), with_conjuncts(subject))
        return None

    def tone(self, tokens: list[Token]) -> int:
        score = 0
        for token in tokens:
            polarity = self.lex.sentiment.get(lemma(token), 0)
            if polarity and any(c.dep_ == "neg" for c in verb_of(token).children):
                polarity = -polarity
            score += polarity
        return score
