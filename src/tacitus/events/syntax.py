"""Reading grammatical roles off spaCy's dependency parse (ClearNLP labels of the English models).

Small functions over tokens: subjects (with coordination, control and relative clauses), objects (with
the passive), prepositional objects, clause heads and the words of a phrase. Nothing here knows about
events; ``match``, ``compose`` and ``roles`` build on it.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.tokens import Token

from ..nlp import token_view
from ..resources import read_table

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod", "poss", "nummod"})
PARTICLE_DEPS = frozenset({"prt", "advmod"})


@lru_cache(maxsize=None)
def verb_class(name: str) -> frozenset[str]:
    """Lemmas of a verb class of data/events/verb_classes.tsv ("object_control", "judged_object")."""
    return frozenset(r["lemma"] for r in read_table("events", "verb_classes.tsv") if r["class"] == name)


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """Each token followed by the tokens coordinated with it ("X and Y" -> X, Y; "X, Y and Z", which the
    parser often reads as X with the apposition "Y and Z", -> X, Y, Z)."""
    out: list[Token] = []
    for token in tokens:
        for t in (token, *token.conjuncts, *listed_appositions(token)):
            if t not in out and t.pos_ not in ("CCONJ", "PUNCT"):
                out.append(t)
    return out


LIST_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def listed_appositions(token: Token) -> list[Token]:
    """ "The US, Russia, and Switzerland": an apposition that is itself coordinated, with a name of the
    same kind as the head's, is the rest of a list, not another name for the head."""
    if token.ent_type_ not in LIST_ENTITIES:
        return []
    out: list[Token] = []
    for appos in token.children:
        if appos.dep_ != "appos" or appos.ent_type_ != token.ent_type_ or not appos.conjuncts:
            continue
        members = [appos, *appos.conjuncts]
        if all(m.ent_type_ == token.ent_type_ for m in members):
            out.extend(members)
    return out


def first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def own_subjects(verb: Token, passive_ok: bool = False) -> list[Token]:
    deps = SUBJECT_DEPS | (PASSIVE_SUBJECT_DEPS if passive_ok else frozenset())
    return [c for c in verb.children if c.dep_ in deps and c.dep_ != "expl"]


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The logical subject(s) of ``verb``: its own nsubj; a passive's agent ("by X"); for a coordinated
    verb the first conjunct's; for an infinitive the controller ("X agreed to meet" -> X, "X urged Y to
    meet" -> Y); for a relative clause or participle the noun it modifies."""
    if depth > 4:
        return []
    if is_passive(verb):
        agent = passive_agents(verb)
        if agent:
            return with_conjuncts(agent)
        if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
            return []
    own = own_subjects(verb)
    if own:
        return with_conjuncts(own)
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ == "conj":
        return subjects(first_conjunct(verb), depth + 1)
    if verb.dep_ in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
        if lemma(head) in verb_class("object_control"):
            objs = direct_objects(head)
            if objs:
                return objs
        return subjects(head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        rel = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")]
        if verb.dep_ == "acl" and is_passive_participle(verb):
            return []
        if rel or verb.dep_ == "acl" or not own_subjects(verb):
            return [head]
    if verb.dep_ in ("acomp", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        return subjects(head, depth + 1)  # "Norway is willing to ..."
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and lemma(head) in ("for", "of") \
            and lemma(head.head) in verb_class("judged_object"):
        objs = direct_objects(head.head)
        if objs:
            return objs
    if verb.dep_ in ("advcl", "pcomp") and head.pos_ in ("VERB", "AUX", "ADP"):
        target = head if head.pos_ != "ADP" else head.head
        return subjects(target, depth + 1)
    return []


def is_passive_participle(verb: Token) -> bool:
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)


def passive_agents(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def direct_objects(verb: Token) -> list[Token]:
    """The direct object(s); the subject of a passive counts as its object."""
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if not objs and is_passive(verb):
        objs = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if not objs and verb.dep_ == "conj":
        objs = []  # a coordinated verb does not borrow the first conjunct's object
    return with_conjuncts(objs)


def datives(verb: Token) -> list[Token]:
    return with_conjuncts(c for c in verb.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP")


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``token`` ("met with X" -> X)."""
    wanted = set(preps)
    out: list[Token] = []
    doc = token.doc
    view = token_view(doc)  # the words read from plain lists: a Token is made only for an object found
    dep, lemmas, ent, children = view.dep, view.lemma, view.ent, view.children
    for child in children[token.i]:
        if dep[child] in ("prep", "agent", "dative") and lemmas[child].lower() in wanted:
            out.extend(doc[c] for c in children[child] if dep[c] in ("pobj", "pcomp")
                       and ent[c] not in ("DATE", "TIME"))
        elif dep[child] == "prt" and lemmas[child].lower() in wanted:
            # "called on X": some parses hang X directly on the verb after the particle
            out.extend(doc[c] for c in children[token.i] if dep[c] == "dobj")
    return with_conjuncts(out)


def preposition_children(token: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs of ``token``: "talks with X in Minsk" -> ("with", X), ("in", Minsk).
    Dates and times are left out ("on Monday" is no "on" object)."""
    for child in token.children:
        if child.dep_ in ("prep", "agent"):
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp") and obj.ent_type_ not in ("DATE", "TIME"):
                    yield lemma(child), obj


def particles(verb: Token) -> set[str]:
    return {lemma(c) for c in verb.children if c.dep_ in PARTICLE_DEPS}


def modifiers(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in MODIFIER_DEPS]


def phrase_tokens(token: Token, skip: Iterable[Token] = ()) -> list[Token]:
    """Tokens of ``token``'s phrase without the subtrees in ``skip`` and without nested clauses."""
    skipped = {t.i for s in skip for t in s.subtree}
    out: list[Token] = []
    stack = [token]
    while stack:
        current = stack.pop()
        if current.i in skipped:
            continue
        out.append(current)
        for child in current.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return out


def clause_head(token: Token) -> Token:
    """The verb heading the clause ``token`` belongs to (itself when it is a verb)."""
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "aux" and current.dep_ != "auxpass":
            return current
        if current.head == current:
            return current
        current = current.head
    return current


def ancestors_until(token: Token, stop: Token | None = None) -> Iterator[Token]:
    for anc in token.ancestors:
        if anc == stop:
            return
        yield anc


def path_up(token: Token, ancestor: Token) -> list[Token]:
    """Tokens from ``token`` up to (not including) ``ancestor``."""
    out = [token]
    current = token
    while current.head != current and current.head != ancestor:
        current = current.head
        out.append(current)
    return out


def depth(token: Token) -> int:
    d = 0
    while token.head != token:
        token = token.head
        d += 1
    return d
