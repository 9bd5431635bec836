"""Whether a clause speaks of the future, from the parse: "will meet on Monday" is next Monday."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import date_words

CLAUSE_POS = frozenset({"VERB", "AUX"})


def governing_verb(token: Token) -> Token:
    """The nearest verb above ``token`` (itself if it is one), else the sentence root."""
    current = token
    for _ in range(64):  # the parse is a tree; the bound guards against malformed input
        if current.pos_ in CLAUSE_POS or current.head.i == current.i:
            return current
        current = current.head
    return current


def is_future(span: Span) -> bool:
    words = date_words()
    verb = governing_verb(span.root)
    chain = [verb] + [t for t in verb.ancestors][:2]
    for head in chain:
        if head.lemma_.lower() in words.future_lemmas:
            return True
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in words.future_aux for c in head.children):
            return True
        if head.dep_ not in ("xcomp", "ccomp", "advcl", "conj"):
            break
    return False
