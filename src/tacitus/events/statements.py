"""Statements and what counts as one: a speech verb whose words code nothing of the speaker's own (010, or
013/012 by tone), "X said Y must / should ACT" (a demand or an appeal), and intent verbs whose act has
another actor as subject ("X hopes Y will ...": a statement; "X agreed that Y should ...": 019; "X wants Y to ...": an appeal).
``StatementReader`` is mixed into ``compose.SentenceReader``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .match import Trigger
from .modality import verb_of
from .reading import Reading
from .syntax import lemma, subjects, with_conjuncts

# What "their X" can be when X are the frame's own parties.
OWN_BODIES = frozenset({"country", "government", "nation", "state", "side", "party", "administration", "people",
                        "force", "troop", "army", "military", "delegation", "team", "representative", "official",
                        "negotiator", "leader", "minister", "ministry", "group", "member"})


# Intent verbs that, with another actor as the subject of the act, ask it of that actor.
WANTING = frozenset({"want", "wish", "like"})


def _refers_back(token: Token) -> bool:
    """ "their countries", "both sides", "the two governments": the parties of the frame themselves (but
    "his successor" is someone else)."""
    if any(c.lower_ in ("both", "two", "each") for c in token.children):
        return True
    return lemma(token) in OWN_BODIES and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


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


class StatementReader:
    """Needs ``self.lex``, ``self.at``, ``self.governs``, ``self._modality`` and ``self._code``."""

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
        if lemma(outer.token) in WANTING:
            # "X wants Y to pay compensation": X asks it of Y (an appeal for the act)
            act_code = self._code(chain[1:])
            code = (self.lex.derived(act_code, "appeal") if act_code else None) or "020"
            return Reading(code, chain, subjects(outer.token), with_conjuncts([subject]))
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
