"""Whether an act is reported as having happened: negation ("did not attack"), the future ("will
attack"), possibility and obligation ("may attack", "should not just sell"), conditions ("if they
attack"), questions ("whether they would meet") and purposes ("resigned to allow elections").

Only the clause of the act and the clauses above it up to the verb that governs it (a frame such as
"promise" or "say") are read: a frame decides for what it governs.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..nlp import token_view
from .syntax import first_conjunct, lemma, own_subjects

# Verbs after which an infinitive reports what happened: "was forced to resign", "led them to withdraw".
CAUSATIVE = frozenset({"force", "compel", "oblige", "pressure", "pressurize", "persuade", "convince", "get",
                       "lead", "cause", "make", "prompt"})
IRREALIS = frozenset({"possible", "obligation", "condition", "question", "purpose", "hypothetical",
                      "background", "prospective", "generic", "prospect"})
# Prepositions by which a noun of possibility governs the act: "the chances of talks", "a risk for war".
PROSPECT_PREPS = frozenset({"of", "for"})


@dataclass
class Modality:
    negated: bool = False
    future: bool = False
    irrealis: str | None = None  # why the act is not reported as real, if it is not

    @property
    def real(self) -> bool:
        return self.irrealis is None and not self.negated


def verb_of(token: Token) -> Token:
    """The verb whose auxiliaries and negation speak for ``token``: the token itself for a verb; for a noun,
    the verb it is the subject or object of ("no talks were held", "talks will begin")."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    current = token
    for _ in range(3):
        head = current.head
        if head == current:
            break
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.pos_ != "ADP":
            break
        current = head
    return token


def aux_kinds(verb: Token, words: dict[str, str]) -> list[str]:
    kinds = []
    head = verb.head
    if verb.dep_ == "xcomp" and lemma(head) in ("have", "need") and not any(
            c.dep_ == "dobj" for c in head.children):
        kinds.append("obligation")  # "Y has to leave", "Y needs to release ..."
        kinds += aux_kinds(head, words)
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg") or (child.dep_ == "advmod" and lemma(child) in words):
            kind = words.get(child.lower_) or words.get(lemma(child))
            if kind:
                kinds.append(kind)
    return kinds


def own_modality(token: Token, words: dict[str, str]) -> Modality:
    """Negation and auxiliaries of the token's clause (a coordinated verb without a subject of its own
    shares them: "should not just sell and buy")."""
    mod = Modality()
    verbs = [verb_of(token)]
    first = first_conjunct(verbs[0])
    if first != verbs[0] and not own_subjects(verbs[0]):
        verbs.append(first)
    kinds: list[str] = []
    for verb in verbs:
        kinds += aux_kinds(verb, words)
        if _going_to(verb):
            kinds.append("future")
    if token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        kinds.append("negation")
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "dobj" and any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in token.children):
        kinds.append("negation")  # "offered no proof", "made no comment"
    if token.pos_ in ("NOUN", "PROPN") and _under_without(token):
        kinds.append("negation")
    mod.negated = "negation" in kinds
    mod.future = "future" in kinds
    for kind in ("possible", "obligation"):
        if kind in kinds:
            mod.irrealis = kind
    return mod


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and lemma(head) == "go" and head.tag_ == "VBG"


def _under_without(token: Token) -> bool:
    head = token.head
    return token.dep_ in ("pobj", "pcomp") and head.lower_ == "without"


def clause_irrealis(token: Token, words: dict[str, str], stop: set[int]) -> str | None:
    """Condition, question, purpose or hypothetical read off the clauses from ``token`` upward, up to a
    governing frame (token indices in ``stop``)."""
    current = verb_of(token)
    for _ in range(12):
        if current.i in stop and current != token:
            return None
        reason = _clause_marker(current, words) or _prospect(current, words)
        if reason:
            return reason
        head = current.head
        if head == current:
            return None
        if current.dep_ == "conj" and current.tag_ in FINITE_TAGS and _has_to(head) and head.head != head:
            head = head.head  # "called on X to show restraint and offered ...": no part of the infinitive
        current = head
    return None


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _prospect(token: Token, words: dict[str, str]) -> str | None:
    """ "the chances of resuming talks", "the possibility of sanctions": an act named as what may happen."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep" or lemma(prep) not in PROSPECT_PREPS:
        return None
    noun = prep.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return "prospect" if words.get(lemma(noun)) == "prospect" else None


def _has_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _clause_marker(verb: Token, words: dict[str, str]) -> str | None:
    dep = verb.dep_
    if dep not in ("advcl", "ccomp", "acl", "relcl", "xcomp", "conj", "pcomp"):
        return None
    if dep == "conj" and verb.tag_ in FINITE_TAGS and _has_to(verb.head):
        return None  # a main verb the parser hung on an infinitive's conjunction
    for child in verb.children:
        if child.dep_ == "mark":
            kind = words.get(child.lower_)
            if kind in ("condition", "question"):
                return kind
            if child.lower_ in ("so", "lest") and dep == "advcl":
                return "purpose"
            if (child.lower_ in ("until", "till") and verb.tag_ != "VBD") or (
                    child.lower_ == "before" and verb.tag_ in ("VB", "VBP", "VBZ")):
                return "prospective"  # "... before they demobilize", "until their demands have been met"
            if child.lower_ in ("when", "whenever") and dep == "advcl" and verb.tag_ in ("VBP", "VBZ"):
                return "generic"  # "America is strongest when people work together"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if dep == "advcl" and infinitive:
        return "purpose"
    if dep == "xcomp" and infinitive and lemma(verb.head) not in CAUSATIVE:
        return "purpose"  # an infinitive under a verb that is no frame: "cooperate to encourage ..."
    if dep in ("acl", "relcl") and infinitive:
        return "hypothetical"
    if dep == "relcl" and any(c.tag_ == "WRB" for c in verb.children):
        return "background"  # "Montenegro, where 28 people have been killed": what the place is known for
    if dep == "relcl" and any(c.dep_ == "prep" and any(o.tag_ == "WDT" for o in c.children)
                              for c in verb.children):
        return "background"  # "two air raids in which 20 people were killed": what the raids are known for
    if dep in ("relcl", "advcl") and _past_perfect(verb):
        return "background"  # "the ministers, whom they had taken hostage", "after the army had shelled it"
    return None


def _past_perfect(verb: Token) -> bool:
    """ "had taken", "had been shelled": an act before the time the sentence reports."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def is_question(sentence) -> bool:
    """The sentence (a Span) ends with a question mark, closing quotes and brackets aside."""
    text = token_view(sentence.doc).span_text(sentence.start, sentence.end).rstrip(" \"'”’)»\n")
    return text.endswith("?")
