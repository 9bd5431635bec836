"""Quotation marks: where quoted passages start and end, in one linear pass over the text.

A quoted passage (``Region``) is one or more character spans that include their marks. A passage runs over
several paragraphs when each new paragraph opens with a mark and only the last one closes (the news
convention); an opening mark that is never closed is closed at the end of its paragraph, with a warning.

Straight marks (``"``) are told apart from closing ones by the characters around them; curly marks that
are typed the wrong way round are read from the same context. Single marks are nested quotes inside double
ones, except in texts that use no double marks at all (British style), where they quote at the top level.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENING = frozenset("“„«‟")
CLOSING = frozenset("”»")
STRAIGHT = '"'
SINGLE_OPENING = "‘"
SINGLE_CLOSING = "’"
SINGLE_STRAIGHT = "'"
# Typewriter texts write a double mark as two single ones: '' (either way) and `` (opening).
TWO_CHARACTER = {"''": STRAIGHT, "``": "“"}
DOUBLE_MARKS = re.compile(r"''|``|[\"“”„«»‟\n]")
DOUBLE_ONLY = re.compile(r"''|``|[\"“”„«»‟]")
SINGLE_MARKS = re.compile(r"['‘’\n]")
ALL_MARKS = "\"“”„«»‟'‘’`"
SPACED_CLOSING = frozenset(",.?!")  # punctuation a closing mark may stand a stray space after
# A text is hard-wrapped (a newline inside a paragraph is a line break, not a paragraph break) when most of
# its lines are shorter than this.
WRAP_WIDTH = 100
MAX_WARNINGS = 10  # unbalanced marks reported one by one; past that, counted


@dataclass
class Region:
    """A quoted passage: character spans (marks included), one per paragraph it runs over."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def is_hard_wrapped(text: str) -> bool:
    """True when single newlines are line wraps: most non-blank lines are short and there are many."""
    lengths = [len(line) for line in text.split("\n") if line.strip()]
    if len(lengths) < 5:
        return False
    short = sum(1 for n in lengths if n <= WRAP_WIDTH)
    return short >= 0.8 * len(lengths)


class _Scanner:
    """State of one pass: the passage being read, if any, and what has been found."""

    def __init__(self, text: str, single: bool) -> None:
        self.text = text
        self.single = single
        self.wrapped = is_hard_wrapped(text)
        self.open_at: int | None = None
        self.spans: list[tuple[int, int]] = []
        self.resume_at: int | None = None  # opening mark of the next paragraph that continues the passage
        self.regions: list[Region] = []
        self.warnings: list[str] = []
        self.unbalanced_count = 0
        self.width = 1  # characters in the mark being read ('' and `` are marks of two)

    # -- character context ------------------------------------------------------------------------------
    def before(self, i: int) -> str:
        return self.text[i - 1] if i > 0 else " "

    def after(self, i: int) -> str:
        j = i + self.width
        return self.text[j] if j < len(self.text) else " "

    def looks_opening(self, i: int) -> bool:
        """Space or an opening bracket before the mark, a word after it."""
        b, a = self.before(i), self.after(i)
        return (b.isspace() or b in "([{—–-/:") and not a.isspace()

    def looks_closing(self, i: int) -> bool:
        """A word or punctuation before the mark, then space, punctuation or the end."""
        b, a = self.before(i), self.after(i)
        if b.isspace() and a.isspace():  # a stray space before the mark ("coalitions, '' said X"): a mark
            return self.before(i - 1) in SPACED_CLOSING  # with space after it opens nothing
        return not b.isspace() and (a.isspace() or not a.isalnum())

    # -- passages ---------------------------------------------------------------------------------------
    def open(self, i: int) -> None:
        self.open_at = i

    def close(self, end: int, closed: bool = True) -> None:
        if self.open_at is not None and end > self.open_at:
            self.spans.append((self.open_at, end))
        if self.spans:
            self.regions.append(Region(spans=self.spans, closed=closed))
        self.open_at, self.spans, self.resume_at = None, [], None

    def trimmed_end(self, i: int) -> int:
        while i > 0 and self.text[i - 1].isspace():
            i -= 1
        return i

    def unbalanced(self, at: int) -> None:
        self.unbalanced_count += 1
        if self.unbalanced_count > MAX_WARNINGS:
            return
        self.warnings.append(f"unbalanced quotation mark at character {at}: the quote is closed where the next "
                             "one opens or its paragraph ends")

    # -- events -----------------------------------------------------------------------------------------
    def newline(self, i: int) -> None:
        if self.open_at is None:
            return
        line_end = self.text.find("\n", i + 1)
        blank = not self.text[i + 1:line_end if line_end >= 0 else len(self.text)].strip()
        if self.wrapped and not blank:
            return  # a wrapped line inside the paragraph
        j = i + 1
        n = len(self.text)
        while j < n and self.text[j].isspace():
            j += 1
        if j < n and (self.is_opening_char(self.text[j]) or
                      (not self.single and self.text.startswith(tuple(TWO_CHARACTER), j))):
            # the next paragraph opens with a mark: the passage goes on there
            self.spans.append((self.open_at, self.trimmed_end(i)))
            self.open_at = None
            self.resume_at = j
            return
        start = self.open_at
        self.close(self.trimmed_end(i), closed=False)
        self.unbalanced(start)

    def is_opening_char(self, ch: str) -> bool:
        if self.single:
            return ch in (SINGLE_OPENING, SINGLE_STRAIGHT)
        return ch in OPENING or ch == STRAIGHT

    def mark(self, i: int, ch: str) -> None:
        self.width = len(ch)
        ch = TWO_CHARACTER.get(ch, ch)
        if self.resume_at == i:
            self.open_at, self.resume_at = i, None
            return
        if self.resume_at is not None:
            self.close(self.trimmed_end(self.resume_at), closed=False)
        opening, closing, straight = (
            (ch == SINGLE_OPENING, ch == SINGLE_CLOSING, ch == SINGLE_STRAIGHT) if self.single else
            (ch in OPENING, ch in CLOSING, ch == STRAIGHT))
        if self.open_at is None:
            self.mark_outside(i, opening, closing, straight)
        else:
            self.mark_inside(i, opening, closing, straight)

    def mark_outside(self, i: int, opening: bool, closing: bool, straight: bool) -> None:
        at_paragraph_start = i == 0 or self.text[i - 1] == "\n"
        if opening or ((straight or closing) and (self.looks_opening(i) or at_paragraph_start)):
            if self.single and not self.after(i).isalpha():
                return  # an apostrophe ('90s), not a quote
            self.open(i)

    def mark_inside(self, i: int, opening: bool, closing: bool, straight: bool) -> None:
        if self.single and self.after(i).isalpha():
            return  # an apostrophe inside a word (don't)
        if closing or ((straight or opening) and self.looks_closing(i)):
            self.close(i + self.width)
        elif opening or straight:
            # a new opening mark while one is open: the earlier passage lost its closing mark
            start = self.open_at or 0
            self.close(self.trimmed_end(i), closed=False)
            self.unbalanced(start)
            self.open(i)

    def finish(self) -> None:
        self.finish_passage()
        if self.unbalanced_count > MAX_WARNINGS:
            self.warnings.append(f"{self.unbalanced_count - MAX_WARNINGS} more unbalanced quotation marks")

    def finish_passage(self) -> None:
        if self.resume_at is not None:
            self.close(self.trimmed_end(len(self.text)), closed=False)
        elif self.open_at is not None:
            start = self.open_at
            self.close(self.trimmed_end(len(self.text)), closed=False)
            self.unbalanced(start)


def scan(text: str) -> tuple[list[Region], list[str]]:
    """Quoted passages of ``text`` in order, and warnings about unbalanced marks."""
    single = DOUBLE_ONLY.search(text) is None
    scanner = _Scanner(text, single)
    for match in (SINGLE_MARKS if single else DOUBLE_MARKS).finditer(text):
        i = match.start()
        if match.group() == "\n":
            scanner.newline(i)
        else:
            scanner.mark(i, match.group())
    scanner.finish()
    return scanner.regions, scanner.warnings
