"""Whether a clause speaks of the future, from the parse: "will meet on Monday" is next Monday."""
from __future__ import annotations

from spacy.tokens import Span

from ..nlp import governing_verb
from .lexicon import date_words


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
