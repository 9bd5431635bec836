"""Headlines in title case ("Senate Leader Endorses Jones For Governor").

The small parser reads the capitalised verb of such a line as part of a name, so the syntax finds no cue.
Here the cue is found by its form instead: a word of the line that is a verb of the lexicon with an -s, -es,
-ed or -d ending (or none); the words before it are the source, the words after it the content. One pass over
the tokens; only lines whose longer words are mostly capitalised, and short enough to be a headline.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..nlp import token_view
from .context import DocContext, TokenRange
from .lexicon import CueLexicon

TITLE_SHARE = 0.7  # share of the line's longer words that start with a capital
MIN_TITLE_WORDS = 3
MAX_HEADLINE = 25  # tokens
SOURCE_POS = frozenset({"PROPN", "NOUN", "PRON"})
# Endings a verb takes in a headline, with what is put back to reach the lemma: "Praises" -> "praise".
ENDINGS = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("", ""))


def lines(ctx: DocContext) -> Iterator[TokenRange]:
    """Token ranges of the text's lines (paragraphs), without the breaks."""
    start = 0
    view = token_view(ctx.doc)
    for i, (space, text) in enumerate(zip(view.space, view.text)):
        if space and ctx.is_break_text(text):
            if i > start:
                yield start, i
            start = i + 1
    if start < len(ctx.doc):
        yield start, len(ctx.doc)


def is_title(ctx: DocContext, lo: int, hi: int) -> bool:
    if hi - lo > MAX_HEADLINE:
        return False
    words = [t for t in ctx.doc[lo:hi] if t.is_alpha and len(t) > 3]
    capitals = sum(1 for t in words if t.text[0].isupper())
    return len(words) >= MIN_TITLE_WORDS and capitals >= TITLE_SHARE * len(words)


def verb_cue(token: Token, lexicon: CueLexicon) -> bool:
    """A capitalised word whose form is a verb cue of the lexicon taking a clause or an object."""
    word = token.lower_
    if not token.is_alpha or not token.text[0].isupper():
        return False
    for ending, back in ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            cue = lexicon.verbs.get(word[:len(word) - len(ending)] + back)
            if cue is not None and ("clause" in cue.takes or "object" in cue.takes):
                return True
    return False


def frames(ctx: DocContext, lexicon: CueLexicon) -> Iterator[tuple[int, TokenRange, TokenRange]]:
    """(cue token, source range, content range) for each title-case line with a verb cue after a name."""
    doc = ctx.doc
    for lo, hi in lines(ctx):
        if not is_title(ctx, lo, hi):
            continue
        for k in range(lo + 1, hi - 1):
            if doc[k - 1].pos_ in SOURCE_POS and verb_cue(doc[k], lexicon):
                yield k, (lo, k), (k + 1, hi)
                break
