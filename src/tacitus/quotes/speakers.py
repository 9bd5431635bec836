"""Speakers: the source phrase of a cue, found from the syntax, and the actor it refers to.

The span is found here (subject of the cue verb, the name after an inverted "said", the object of
"according to", the possessor of a noun cue); the actor comes from the actor stage's mention on the span's
tokens (``Token._.mention``), never from a second resolution of our own.
"""
from __future__ import annotations

from spacy.tokens import Token

from .. import actors as actor_stage
from ..model import CodedArticle, Span
from .lexicon import lexicon

SUBJECTS = ("nsubj", "csubj")
# A participle or infinitive cue ("..., adding that", "wants to say") takes the subject of the verb it hangs on.
INHERITS_SUBJECT = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp"})
# Parts of a subject phrase that are incidental to who the speaker is.
NOMINALS = frozenset({"NOUN", "PROPN"})
INCIDENTAL = frozenset({"relcl", "acl", "advcl", "punct", "cc"})
RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
EMPTY_SUBJECTS = frozenset({"it", "there"})
MAX_HOPS = 3


def subject_of(verb: Token) -> Token | None:
    """The token heading the source of a verb cue: its subject (the nearest, when the parser gives it two:
    "which they say"), the agent of a passive ("it was said by X"), else the subject inherited from the
    verb it depends on. The subject of a passive cue is who was told, not who told ("X was told that
    ..."): no source."""
    for _ in range(MAX_HOPS):
        passive = False
        for child in reversed(list(verb.lefts)):  # the nearest subject: "which they say", not "which"
            if child.dep_ in SUBJECTS:
                return _real(child)
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return _real(child)
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
            passive = passive or child.dep_ in ("nsubjpass", "auxpass")
        # a bare past participle hanging on a clause or noun is a reduced passive ("..., expected to win")
        passive = passive or (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl")
                              and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))
        if passive or verb.dep_ not in INHERITS_SUBJECT or verb.head.i == verb.i:
            return None
        if verb.dep_ == "acl" and verb.head.pos_ in NOMINALS:
            if verb.tag_ != "VBG":
                return None  # "a state seen as critical": the noun is what is seen, by nobody named
            return _maker(verb.head)  # "a group backing Smith", "polls showing a tie": the noun does it
        verb = verb.head
        if verb.dep_ == "prep" and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "after saying ...", "began by talking about ...": the verb of the preposition
    return None


def _maker(noun: Token) -> Token:
    """The source of what a noun's participle says: the noun, or for a message someone issued ("the
    campaign issued a statement saying ...") whoever issued it (the guidelines prefer the sentient source)."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and lexicon().noun(noun) is not None:
        maker = subject_of(noun.head)
        if maker is not None:
            return maker
    return noun


def _real(subject: Token) -> Token | None:
    """None for the empty "it"/"there" of passives and extrapositions ("it is said that ...")."""
    return None if subject.lower_ in EMPTY_SUBJECTS and subject.dep_ == "expl" else subject


def is_relative(token: Token) -> bool:
    """A relative pronoun subject ("who", "which", "that" opening a relative clause)."""
    return token.tag_ in RELATIVE_TAGS and token.head.dep_ == "relcl"


def source_span(head: Token, lo: int = 0, hi: int | None = None) -> tuple[tuple[int, int], Token]:
    """The source's token range and the token whose actor it is. A relative pronoun is its own span (the
    guidelines resolve no coreference in spans: "Smith, who said ..." has the source "who"), but speaks
    for the noun its clause hangs on."""
    if is_relative(head):
        return (head.i, head.i + 1), head.head.head
    return phrase_span(head, lo, hi), head


def possessor_of(noun: Token) -> Token | None:
    """The source of a noun cue: "his claim", "Smith's view"; else the subject of the verb that governs it
    ("X made the claim that ...", "X issued a statement saying ...")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return subject_of(noun.head)
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("in", "through", "via") and prep.head.pos_ in ("VERB", "AUX"):
        return subject_of(prep.head)  # "said in a statement that ...": the one who made it
    return None


def predicated_of(adjective: Token) -> Token | None:
    """The source of an adjective cue: the subject of its copula ("they are critical of ..."), or of the
    verb it completes ("she seemed confident that ...")."""
    head = adjective.head
    return None if head.i == adjective.i else subject_of(head)


def phrase_span(head: Token, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``: its subtree without relative clauses
    and other incidental attachments after the head, kept inside [lo, hi)."""
    hi = len(head.doc) if hi is None else hi
    start = head.left_edge.i
    end = head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in INCIDENTAL and child.dep_ != "punct":
            end = min(end, child.left_edge.i)
    start, end = max(start, lo), min(end, hi)
    doc = head.doc
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if not start <= head.i < end:
        return head.i, head.i + 1
    return start, end


def char_span(doc, start: int, end: int) -> Span:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def actor_of(tokens, head: Token, coded: CodedArticle) -> str | None:
    """The actor id of the speaker: the actor of the head token's mention, else the one the actor stage
    says speaks for the whole span (a name before a country: "Ana Ruiz of Chile"), else the first found."""
    helper = getattr(actor_stage, "actor_of", None)
    in_span = getattr(actor_stage, "actors_in_span", None)
    if helper is not None:
        actor = helper(head, coded)
        if actor is None and in_span is not None and tokens:
            found = in_span(coded, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
            actor = found[0] if found else None
        if actor is not None:
            return getattr(actor, "id", actor)  # the helpers give the Actor
    for token in [head, *tokens]:
        index = token._.mention
        if index is not None and 0 <= index < len(coded.mentions):
            actor = coded.mentions[index].actor
            if actor is not None:
                return actor
    return None
