"""ConfliBERT's CAMEO benchmark: ``cameo_class`` (sentence TAB 5-way label) and ``cameo_ner`` (BIO tags).

cameo_class -> events items with ``pentaclass`` only (0 statement, 1 verbal cooperation, 2 material
cooperation, 3 verbal conflict, 4 material conflict; the meaning is inferred, not documented upstream).

cameo_ner -> events items whose events carry only source/target ``text``. The tokens are joined back into
a sentence (no space before closing punctuation, none around hyphens and clitics such as "’ s"). S spans
are sources, T spans targets, R spans (reciprocal, "A and B agreed") both. Each source-target pair is one
event (a missing side is ``null``); the scorer compares the distinct texts of each side, so the pairing
itself is not scored. A sentence with no span gives one event with neither side named.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .common import Conversion, ConvertError

ROLES = {"S": ("source",), "T": ("target",), "R": ("source", "target")}
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "”", "''", "n't", "...", "…"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "``", "£", "€"}
JOINERS = {"-", "/", "–"}
APOSTROPHES = {"’", "'"}
CLITICS = {"s", "t", "re", "ve", "ll", "d", "m"}


def _lines(path: Path) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConvertError(str(path), f"cannot read ({exc})") from None


def read_class(path: Path) -> Conversion:
    conv = Conversion("events")
    for number, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        sentence, tab, label = line.rstrip("\r").rpartition("\t")
        if not tab or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise ConvertError(f"{path}:{number}", "expected 'sentence<TAB>label' with a label 0-4")
        conv.counts[f"pentaclass {label.strip()}"] += 1
        conv.items.append({"id": _item_id(path, number), "text": sentence.strip(),
                           "pentaclass": int(label)})
    return conv


def read_bio(path: Path) -> list[tuple[int, list[tuple[str, str]]]]:
    """Sentences as (first line number, [(token, tag)]); tags are O, B-X or I-X with X in S, T, R."""
    sentences: list[tuple[int, list[tuple[str, str]]]] = []
    current: list[tuple[str, str]] = []
    start = 1
    for number, line in enumerate(_lines(path), 1):
        line = line.rstrip("\r")
        if not line.strip():
            if current:
                sentences.append((start, current))
            current = []
            continue
        if not current:
            start = number
        token, _, tag = line.rpartition(" ")
        if not token or not (tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in ROLES)):
            raise ConvertError(f"{path}:{number}", f"expected 'token TAG' with TAG O, B-S/T/R or I-S/T/R, got {line!r}")
        current.append((token, tag))
    if current:
        sentences.append((start, current))
    return sentences


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A readable sentence from tokens, with each token's (start, end) in it."""
    text = ""
    spans = []
    quote_open = False
    glue_next = True
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        glue = glue_next or token in NO_SPACE_BEFORE or token in JOINERS or token.startswith("'") and len(token) > 1
        if token in APOSTROPHES and nxt.lower() in CLITICS:
            glue = True
        if token == '"':
            glue = glue or quote_open
        if text and not glue:
            text += " "
        spans.append((len(text), len(text) + len(token)))
        text += token
        glue_next = token in NO_SPACE_AFTER or token in JOINERS or (token == '"' and not quote_open) \
            or (token in APOSTROPHES and nxt.lower() in CLITICS)
        if token == '"':
            quote_open = not quote_open
    return text, spans


def spans_of(tags: list[str]) -> list[tuple[str, int, int]]:
    """(role, first token, last token + 1) for each tagged span; an I- tag after another role starts one."""
    out: list[list[Any]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        role = tag[2:]
        if tag.startswith("I-") and out and out[-1][0] == role and out[-1][2] == i:
            out[-1][2] = i + 1
        else:
            out.append([role, i, i + 1])
    return [(r, s, e) for r, s, e in out]


def read_ner(path: Path) -> Conversion:
    conv = Conversion("events")
    for number, pairs in read_bio(path):
        tokens = [t for t, _ in pairs]
        text, offsets = detokenize(tokens)
        sides: dict[str, list[dict[str, str]]] = {"source": [], "target": []}
        for role, first, last in spans_of([tag for _, tag in pairs]):
            conv.counts[f"{role} spans"] += 1
            phrase = text[offsets[first][0]:offsets[last - 1][1]]
            for side in ROLES[role]:
                sides[side].append({"text": phrase})
        events = [{"source": s, "target": t} for s in sides["source"] or [None] for t in sides["target"] or [None]]
        conv.counts["sentences without any span"] += not (sides["source"] or sides["target"])
        conv.items.append({"id": _item_id(path, number), "text": text, "events": events})
    return conv


def _item_id(path: Path, line: int) -> str:
    """``cameo_ner-test-17``: folder, file and the line the sentence starts on."""
    path = Path(path)
    return f"{path.parent.name}-{path.stem}-{line}"
