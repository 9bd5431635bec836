"""Import of PETRARCH/TABARI actor and agent dictionaries, so users keep their curated dictionaries.

Actor dictionaries hold one actor per block: a name line (words joined by ``_``, a trailing ``_`` marking
an exact word), optional synonym lines starting with ``+``, and one or more code blocks, on the name line
or indented below it::

    UNITED_STATES  [USA]
    +U.S.
    SOMEONE
        [USAGOV 890120-930120]     # valid in a date range (YYMMDD or YYYYMMDD)
        [USAELI >930120]           # from a date on; "<DATE" = until a date

Agent dictionaries hold generic role nouns: ``POLICE {} [~COP]`` (``{PLURAL}`` gives an irregular plural,
``[~XXX]`` a sector added to the actor, ``[XXX~]`` one placed before it); ``!NAME! = A, B`` lines define
word classes and are read but not expanded. ``#`` starts a comment; ``<!-- ... -->`` is a comment block.

``read_dictionary(path)`` returns ``(entries, errors)``: a malformed line is reported as
``file:line: message`` and skipped, and the rest of the file loads.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..model import DatedCode, DictionaryEntry
from .dictionary import split_code

_CODE = re.compile(r"^(?P<code>[~A-Za-z0-9+\-/#*]+)\s*(?P<when>.*)$")
_RANGE = re.compile(r"^(?P<start>\d{6}|\d{8})\s*-\s*(?P<end>\d{6}|\d{8})$")
_BOUND = re.compile(r"^(?P<op>[<>])\s*(?P<date>\d{6}|\d{8})$")


class DictionaryError(ValueError):
    pass


def _date(text: str) -> str:
    """YYMMDD (TABARI: 19YY from 30 on) or YYYYMMDD -> YYYY-MM-DD."""
    if len(text) == 6:
        year = int(text[:2])
        text = (f"19{text[:2]}" if year >= 30 else f"20{text[:2]}") + text[2:]
    month, day = int(text[4:6]), int(text[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise DictionaryError(f"bad date {text!r}")
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def parse_code_block(block: str) -> DatedCode:
    """The inside of ``[...]``: a code and an optional date restriction."""
    match = _CODE.match(block.strip())
    if not match:
        raise DictionaryError(f"bad code block [{block}]")
    code, when = match["code"], match["when"].strip()
    if not when:
        return DatedCode(code=code)
    if (rng := _RANGE.match(when)):
        return DatedCode(code=code, start=_date(rng["start"]), end=_date(rng["end"]))
    if (bound := _BOUND.match(when)):
        date = _date(bound["date"])
        return DatedCode(code=code, end=date) if bound["op"] == "<" else DatedCode(code=code, start=date)
    raise DictionaryError(f"bad date restriction {when!r} in [{block}]")


def _name(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def _strip_comments(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) with '#' comments and <!-- --> blocks removed; blank lines kept as ''."""
    out: list[tuple[int, str]] = []
    in_block = False
    for number, raw in enumerate(lines, 1):
        line = raw
        if in_block:
            if "-->" in line:
                in_block = False
                line = line.split("-->", 1)[1]
            else:
                out.append((number, ""))
                continue
        if line.lstrip().startswith("<!"):
            if "-->" not in line and not line.rstrip().endswith(">"):
                in_block = True
            out.append((number, ""))
            continue
        out.append((number, line.split("#", 1)[0].rstrip()))
    return out


def read_dictionary(path: str | Path) -> tuple[list[DictionaryEntry], list[str]]:
    """Entries and errors (``file:line: message``) of a PETRARCH/TABARI actor or agent dictionary."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return [], [f"{path}: cannot read: {exc.strerror or exc}"]
    reader = _Reader(str(path))
    for number, line in _strip_comments(text.splitlines()):
        reader.line(number, line)
    reader.flush()
    return reader.entries, reader.errors


class _Reader:
    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.entries: list[DictionaryEntry] = []
        self.errors: list[str] = []
        self.current: DictionaryEntry | None = None
        self.current_line = 0

    def error(self, number: int, message: str) -> None:
        self.errors.append(f"{self.origin}:{number}: {message}")

    def line(self, number: int, line: str) -> None:
        if not line.strip():
            return
        try:
            self._line(number, line)
        except DictionaryError as exc:
            self.error(number, str(exc))

    def _line(self, number: int, line: str) -> None:
        stripped = line.strip()
        if re.match(r"^!\w+!\s*=", stripped):
            return  # a word class definition (agents)
        if stripped.startswith("+"):
            if self.current is None:
                raise DictionaryError(f"synonym {stripped!r} before any actor")
            self.current.aliases.append(_name(stripped[1:]))
            return
        if stripped.startswith("["):
            if self.current is None:
                raise DictionaryError(f"code {stripped!r} before any actor")
            self._codes(stripped, self.current)
            return
        if line[:1].isspace() and self.current is not None and "[" not in stripped:
            raise DictionaryError(f"unexpected indented text {stripped!r}")
        self.flush()
        name, rest = (stripped.split("[", 1) + [""])[:2]
        name, plural = _plural(name)
        if not _name(name):
            raise DictionaryError(f"code block without a name: {stripped!r}")
        self.current = DictionaryEntry(name=_name(name), kind="actor", origin="imported",
                                       aliases=[_name(plural)] if plural else [])
        self.current_line = number
        if rest:
            self._codes("[" + rest, self.current)

    def _codes(self, text: str, entry: DictionaryEntry) -> None:
        blocks = re.findall(r"\[([^\[\]]*)\]", text)
        leftover = re.sub(r"\[[^\[\]]*\]", "", text).strip()
        if not blocks or leftover:
            raise DictionaryError(f"malformed code block {text!r}")
        for block in blocks:
            entry.codes.append(parse_code_block(block))

    def flush(self) -> None:
        entry = self.current
        self.current = None
        if entry is None:
            return
        if not entry.codes:
            self.error(self.current_line, f"actor {entry.name!r} has no code")
            return
        if any(c.code.startswith("~") or c.code.endswith("~") for c in entry.codes):
            entry.kind = "agent"
        current = _default_code(entry)
        entry.country, entry.sector = split_code(current.code) if current else (None, None)
        self.entries.append(entry)


def _plural(name: str) -> tuple[str, str | None]:
    """Agent names may carry ``{PLURAL}``; ``{}`` means the regular plural."""
    match = re.search(r"\{([^}]*)\}", name)
    if not match:
        return name, None
    return name[:match.start()] + name[match.end():], (match.group(1) or None)


def _default_code(entry: DictionaryEntry) -> DatedCode | None:
    undated = [c for c in entry.codes if c.start is None and c.end is None]
    return undated[0] if undated else (entry.codes[-1] if entry.codes else None)
