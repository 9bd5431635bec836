"""The CAMEO codebook table (``cameo-codes.csv``: code, name, Goldstein score, description, example).

One events item per code with an example sentence: ``events: [{"cameo": code}]``. The file is not valid
UTF-8 in places: its curly quotes went UTF-8 -> Mac Roman -> Windows-1252 ("’" became the bytes of "‚Äô"),
so each run of non-ASCII bytes is decoded as UTF-8 when it is, else undone along that chain, else read as
Windows-1252. Text from "Note:" on (remarks on how to code the example) is not part of the sentence.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ... import ontology
from .common import Conversion, ConvertError

_HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
_NOTE = re.compile(r"\s*\bNote:.*$", re.S)
MISSING = {"", "NA"}


def repair_run(raw: bytes) -> str:
    """Decode one run of non-ASCII bytes: UTF-8, else undo UTF-8 read as Mac Roman and saved as cp1252."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    as_cp1252 = raw.decode("cp1252", errors="replace")
    try:
        return as_cp1252.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return as_cp1252


def decode_robustly(raw: bytes) -> str:
    return _HIGH_BYTES.sub(lambda m: repair_run(m.group()).encode("utf-8"), raw).decode("utf-8")


def example_sentence(value: str) -> str:
    return " ".join(_NOTE.sub("", value).split())


def read(path: Path) -> Conversion:
    try:
        text = decode_robustly(Path(path).read_bytes())
    except OSError as exc:
        raise ConvertError(str(path), f"cannot read ({exc})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = {"code", "example"} - set(reader.fieldnames or [])
    if missing:
        raise ConvertError(f"{path}:1", f"missing column(s) {', '.join(sorted(missing))}")
    conv = Conversion("events")
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise ConvertError(f"{path}:{reader.line_num}", f"not valid CSV ({exc})") from None
    for number, row in enumerate(rows, 2):
        conv.counts["codes read"] += 1
        code = (row.get("code") or "").strip()
        example = (row.get("example") or "").strip()
        if example in MISSING:
            conv.counts["codes without an example"] += 1
            continue
        if not ontology.is_cameo(code):
            raise ConvertError(f"{path}", f"row {number}: unknown CAMEO code {code!r}")
        sentence = example_sentence(example)
        conv.counts["examples with a Note removed"] += sentence != " ".join(example.split())
        conv.items.append({"id": f"cameo-{code}", "text": sentence, "events": [{"cameo": code}]})
    return conv
