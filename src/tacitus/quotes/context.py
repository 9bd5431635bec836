"""What the quote finders share: the parsed text with fast character-to-token lookup, and the quote being
built (``Found``), kept in token ranges until the stage turns it into a ``Quote``."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .marks import is_hard_wrapped

TERMINALS = frozenset({".", "?", "!", "...", "…"})
FAR = 5000
NEWLINE = re.compile(r"\n\s*")  # a run of white space with a newline: one break
BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
TokenRange = tuple[int, int]  # [start, end) token indices


@dataclass
class Found:
    """A quote being built: content as character spans, cue and speaker as token ranges."""

    content: list[tuple[int, int]]
    direct: bool
    cue: TokenRange | None = None
    speaker: TokenRange | None = None
    speaker_head: int | None = None
    via: str = ""  # how it was attributed: after, before, continuation, reported, none

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


@dataclass
class DocContext:
    doc: Doc
    text: str
    starts: list[int] = field(default_factory=list)
    wrapped: bool = False

    @classmethod
    def of(cls, doc: Doc, text: str | None = None) -> DocContext:
        """``text``: the article's text, when the caller has it (Doc rebuilds its own on every access)."""
        starts = doc.to_array("IDX").tolist() if len(doc) else []
        if text is None or (len(doc) and starts[-1] + len(doc[-1].text_with_ws) != len(text)):
            text = doc.text
        return cls(doc=doc, text=text, starts=starts, wrapped=is_hard_wrapped(text))

    def token_at(self, char: int) -> int:
        """Index of the token holding character ``char`` (the one before it when it falls in white space)."""
        return max(bisect.bisect_right(self.starts, char) - 1, 0)

    def is_break(self, token: Token) -> bool:
        """A paragraph break: a newline (a blank line in hard-wrapped text)."""
        return token.is_space and self.is_break_text(token.text)

    def is_break_text(self, text: str) -> bool:
        """Whether a space token of this text is a paragraph break (``is_break``)."""
        return text.count("\n") >= (2 if self.wrapped else 1)

    def paragraph_breaks(self, start: int, end: int) -> int:
        """How many paragraph breaks lie between two character offsets."""
        if end - start > FAR:
            return FAR  # far apart: the exact count does not matter
        gap = self.text[start:end]
        return len((BLANK_LINE if self.wrapped else NEWLINE).findall(gap))
