"""PolNeAR attribution relations (brat standoff) -> quotes items, one per article.

``SRC`` is a split folder holding ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann``.
``T`` lines are spans (``Tn<TAB>Label start end[;start end]<TAB>text``), ``E`` lines relations
(``En<TAB>Attribution:Tk Content:Tx Cue:Ty Source:Tz``, extra parts as ``Content2``...). Each relation with
a Content becomes a quote: content = all Content parts, speaker = Source spans (``null`` for
"Attribution-no-source"), cue = Cue spans. Other lines (annotator notes, text that spilled over a line
break) are skipped. An article annotated by several annotators is taken from the annotator whose id sorts
first, so the choice is deterministic. ``direct`` is true when the content stands inside
quotation marks: its parts, with the parts that follow one another across nothing but spaces, marks and
punctuation joined into one passage (a quotation the annotator cut at sentence or paragraph ends), are each
opened at or just before their start and closed at or just after their end. A paragraph may also open with
a closing mark (the backwards opening some agencies print).
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from .common import Conversion, ConvertError

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ANN_NAME = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9A-Za-z]+)\.ann$")
OPENING = "“\"«„‘'"
CLOSING = "”\"»’'"
TRAILING = ".,;:!?…—– "


def annotation_files(folder: Path) -> dict[str, list[tuple[str, Path]]]:
    """Article name -> [(annotator id, .ann path)], sorted by annotator id."""
    found: dict[str, list[tuple[str, Path]]] = defaultdict(list)
    for path in sorted((folder / "attributions").glob("*.ann")):
        match = _ANN_NAME.match(path.name)
        if match:
            found[match["article"]].append((match["annotator"], path))
    return {k: sorted(v) for k, v in sorted(found.items())}


def parse_ann(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """Relations of one .ann file as role -> spans (roles Content, Source, Cue; parts merged)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations: list[dict[str, str]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConvertError(str(path), f"cannot read ({exc})") from None
    for line in lines:
        if match := _T_LINE.match(line):
            spans[match[1]] = [tuple(map(int, part.split())) for part in match[3].split(";")]
        elif match := _E_LINE.match(line):
            relations.append(dict(arg.split(":", 1) for arg in match[2].split() if ":" in arg))
    out = []
    for relation in relations:
        roles: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for role, ref in relation.items():
            roles[re.sub(r"\d+$", "", role)].extend(spans.get(ref, []))
        out.append({k: sorted(v) for k, v in roles.items()})
    return out


def is_direct(text: str, content: list[tuple[int, int]]) -> bool:
    return bool(content) and all(_quoted(text, start, end) for start, end in _passages(text, content))


def _passages(text: str, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content parts joined where only spaces, marks and punctuation stand between them."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(content):
        if joined and not text[joined[-1][1]:start].strip(TRAILING + OPENING + CLOSING + "\n\r\t"):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _opens(text: str, at: int, mark: str) -> bool:
    """``mark`` at ``at`` opens a quotation: an opening mark, or a closing one first in its paragraph."""
    if mark in OPENING:
        return True
    return mark in CLOSING and text[:at].rstrip(" \t")[-1:] in ("", "\n")


def _quoted(text: str, start: int, end: int) -> bool:
    piece = text[start:end].strip()
    lead = start + len(text[start:end]) - len(text[start:end].lstrip())
    before_at = len(text[:start].rstrip()) - 1
    before = text[before_at] if before_at >= 0 else ""
    after = text[end:].lstrip(TRAILING)[:1]
    opened = (piece != "" and _opens(text, lead, piece[0])) or (before != "" and _opens(text, before_at, before))
    closed = piece.rstrip(TRAILING)[-1:] in CLOSING or (after != "" and after in CLOSING)
    return bool(piece) and opened and closed


def quote(text: str, roles: dict[str, list[tuple[int, int]]]) -> dict[str, Any]:
    def as_lists(spans):
        return [list(s) for s in spans] if spans else None

    return {"content": as_lists(roles["Content"]), "speaker": as_lists(roles.get("Source")),
            "cue": as_lists(roles.get("Cue")), "direct": is_direct(text, roles["Content"])}


def read(folder: Path) -> Conversion:
    folder = Path(folder)
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise ConvertError(str(folder), "expected a PolNeAR split folder with text/ and attributions/")
    conv = Conversion("quotes")
    for article, annotated in annotation_files(folder).items():
        annotator, ann = annotated[0]
        conv.counts["articles annotated by several annotators (first id kept)"] += len(annotated) > 1
        txt = folder / "text" / f"{article}.txt"
        try:
            with txt.open(encoding="utf-8", newline="") as handle:  # offsets count "\r\n" as two characters
                text = handle.read()
        except OSError as exc:
            raise ConvertError(str(txt), f"cannot read the text of {ann.name} ({exc.strerror})") from None
        quotes = []
        for roles in parse_ann(ann):
            if not roles.get("Content"):
                conv.counts["relations without content (left out)"] += 1
                continue
            if max(e for _, e in roles["Content"]) > len(text):
                raise ConvertError(str(ann), f"offsets beyond the end of {txt.name}")
            quotes.append(quote(text, roles))
        conv.counts["quotes"] += len(quotes)
        conv.counts["direct quotes"] += sum(q["direct"] for q in quotes)
        conv.items.append({"id": article, "text": text, "annotator": annotator, "quotes": quotes})
    conv.counts["articles"] = len(conv.items)
    return conv
