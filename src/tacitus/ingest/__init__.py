"""Reading news into Articles: plain text, HTML, JSON Lines, JSON and CSV, from files, folders, globs or stdin.

Readers never raise on bad input: they yield an ``InputError`` naming the file (and line or field) in place
of the article they could not read, and go on with the rest.
"""
from __future__ import annotations

import csv
import glob
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..model import Article
from .language import looks_english

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
JSON_EXT = {".json"}
CSV_EXT = {".csv", ".tsv"}
KNOWN_EXT = TEXT_EXT | HTML_EXT | JSONL_EXT | JSON_EXT | CSV_EXT
FORMATS = ("text", "html", "jsonl", "json", "csv")
MAX_CHARS = 5_000_000  # about 800,000 words: larger inputs are refused rather than exhausting memory
TITLE_MAX = 200


@dataclass
class InputError:
    """Why one input (a file, or a line or row of it) could not be read."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass
class ReadOptions:
    """How to read inputs. ``date`` is the publication date for inputs that carry none; CSV column names
    say where each field is (``text_column`` must exist, the others are used when present)."""

    date: str | None = None
    format: str | None = None
    encoding: str | None = None
    source: str | None = None
    check_language: bool = True
    text_column: str = "text"
    title_column: str = "title"
    date_column: str = "date"
    url_column: str = "url"
    source_column: str = "source"
    delimiter: str | None = None
    extensions: frozenset[str] = field(default_factory=lambda: frozenset(KNOWN_EXT))


Item = Article | InputError


def read_paths(paths: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Articles from every path: '-' is stdin, a folder is walked recursively (known extensions only,
    hidden entries skipped, in sorted order), a pattern with * ? [ is expanded as a glob."""
    options = options or ReadOptions()
    for path in paths:
        if path == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", options)
        elif os.path.isdir(path):
            for file in walk(path, options.extensions):
                yield from read_file(file, options)
        elif not os.path.exists(path) and any(ch in path for ch in "*?["):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield InputError(path, "no file matches this pattern")
            for file in matches:
                if os.path.isfile(file):
                    yield from read_file(file, options)
        else:
            yield from read_file(path, options)


def walk(folder: str, extensions: Iterable[str]) -> Iterator[str]:
    exts = set(extensions)
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in exts:
                yield os.path.join(root, name)


def read_file(path: str, options: ReadOptions) -> Iterator[Item]:
    """Articles from one file. JSON Lines and CSV files are streamed record by record, so a file of any
    size is read in constant memory; other formats hold one article and are read whole."""
    fmt = options.format or _format_from_name(path)
    try:
        if fmt in ("jsonl", "csv") and not options.encoding:
            yield from _stream_records(path, fmt, options)
            return
        data = Path(path).read_bytes()
    except OSError as exc:
        yield InputError(path, f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_bytes(data, path, options)


STREAM_HEAD = 65_536


def _stream_records(path: str, fmt: str, options: ReadOptions) -> Iterator[Item]:
    with open(path, "rb") as raw:
        head = raw.read(STREAM_HEAD)
        if not head.strip() or is_binary(head) or head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield from read_bytes(head + raw.read(), path, options)  # the whole-file path reports or decodes it
            return
        raw.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        lines = _decoded_lines(raw)
        try:
            if fmt == "jsonl":
                yield from _jsonl_records((line.rstrip("\r\n") for line in lines), path, options)
            else:
                sample = head[:4096].decode("utf-8", errors="ignore")
                yield from _csv_records(lines, path, options, sample)
        except _BadLine as bad:
            yield InputError(f"{path}:{bad.number}", f"not UTF-8 text (byte 0x{bad.byte:02x}); records after it "
                                                      "are not read; give the encoding with --encoding, e.g. cp1252")


class _BadLine(Exception):
    def __init__(self, number: int, byte: int) -> None:
        super().__init__(number, byte)
        self.number, self.byte = number, byte


def _decoded_lines(raw: Iterable[bytes]) -> Iterator[str]:
    """Lines of a binary stream decoded one by one, so a bad byte is reported with its line number."""
    for number, line in enumerate(raw, start=1):
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _BadLine(number, line[exc.start]) from None


def read_bytes(data: bytes, origin: str, options: ReadOptions) -> Iterator[Item]:
    """Articles from the bytes of one input; the format comes from the options, the file name or a sniff."""
    if not data.strip():
        yield InputError(origin, "empty input")
        return
    if is_binary(data):
        yield InputError(origin, "binary data, not text")
        return
    text = decode(data, options.encoding)
    if isinstance(text, str):
        fmt = options.format or guess_format(origin, text)
        reader = {"text": _read_text, "html": _read_html, "jsonl": _read_jsonl, "json": _read_json,
                  "csv": _read_csv}[fmt]
        yield from reader(text, origin, options)
    else:
        yield InputError(origin, text.message)


def is_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text carries NULs legitimately
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def decode(data: bytes, encoding: str | None = None) -> str | InputError:
    if encoding:
        try:
            return _newlines(data.decode(encoding))
        except (UnicodeDecodeError, LookupError) as exc:
            return InputError("", f"cannot decode as {encoding} ({exc})")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return _newlines(data.decode(codec))
            except UnicodeDecodeError as exc:
                return InputError("", f"not valid {codec} text ({exc.reason} at byte {exc.start})")
    try:
        return _newlines(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return InputError("", f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                              "give its encoding with --encoding, for example cp1252")


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _format_from_name(origin: str) -> str | None:
    ext = Path(origin).suffix.lower()
    for exts, fmt in ((HTML_EXT, "html"), (JSONL_EXT, "jsonl"), (JSON_EXT, "json"), (CSV_EXT, "csv"),
                      (TEXT_EXT, "text")):
        if ext in exts:
            return fmt
    return None


def guess_format(origin: str, text: str) -> str:
    by_name = _format_from_name(origin)
    if by_name:
        return by_name
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("[") and text.rstrip().endswith("]"):
        return "json"
    if head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<article", "<div", "<p")):
        return "html"
    return "text"


def make_article(text: str, origin: str, options: ReadOptions, *, title: str | None = None,
                 date_value: object = None, url: str | None = None, source: str | None = None,
                 date_source: str | None = None) -> Item:
    """An Article after the checks every input gets: not empty, not too large, English, a valid date."""
    if not isinstance(text, str) or not text.strip():
        return InputError(origin, "no text")
    if len(text) > MAX_CHARS:
        return InputError(origin, f"text too large ({len(text):,} characters; the limit is {MAX_CHARS:,})")
    if options.check_language and not looks_english(text):
        return InputError(origin, "text does not look like English (Tacitus codes English news only)")
    try:
        pub = normalize_date(date_value) if date_value not in (None, "") else None
    except ValueError as exc:
        return InputError(origin, f"field 'date': {exc}")
    if pub is None and options.date:
        pub, date_source = normalize_date(options.date), "argument"
    if title is None:
        title = headline(text)
    return Article(text=text, title=title, date=pub, url=url or None, source=source or options.source,
                   date_source=date_source if pub else None, origin=origin)


def normalize_date(value: object) -> str:
    """ISO date (YYYY-MM-DD) from a date, a datetime or an ISO-like string; ValueError otherwise."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    for candidate in (text, text[:10]):
        try:
            return date.fromisoformat(candidate).isoformat()
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise ValueError(f"not a date: {text[:40]!r} (use YYYY-MM-DD)") from None


def headline(text: str) -> str | None:
    """The first paragraph when it reads as a headline: one short line, no final stop, more text after it."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n\n")
    first = first.strip()
    if sep and rest.strip() and "\n" not in first and len(first) <= TITLE_MAX and first[-1:] not in ".!?\"”:":
        return first
    return None


def _read_text(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    yield make_article(text, origin, options)


def _read_html(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, favor_recall=True)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises assorted parser errors on broken markup
        yield InputError(origin, f"cannot parse HTML ({type(exc).__name__}: {exc})")
        return
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        yield InputError(origin, "no article text found in the HTML")
        return
    # trafilatura puts one paragraph a line; a blank line between them keeps paragraph boundaries visible.
    body = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    yield make_article(body, origin, options, title=getattr(doc, "title", None), date_value=getattr(doc, "date", None),
                       url=getattr(doc, "url", None), source=getattr(doc, "sitename", None), date_source="metadata")


def _from_record(record: object, origin: str, options: ReadOptions) -> Item:
    if not isinstance(record, dict):
        return InputError(origin, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(origin, "no 'text' field" if "text" not in record else "field 'text' is empty or not a string")
    return make_article(_newlines(text), origin, options, title=record.get("title"), date_value=record.get("date"),
                        url=record.get("url"), source=record.get("source"), date_source="field")


def _read_jsonl(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    yield from _jsonl_records(text.split("\n"), origin, options)


def _jsonl_records(lines: Iterable[str], origin: str, options: ReadOptions) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _from_record(record, where, options)


def _read_json(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(f"{origin}:{exc.lineno}", f"not valid JSON ({exc.msg} at column {exc.colno})")
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        yield _from_record(record, f"{origin}[{index}]" if isinstance(data, list) else origin, options)


def _read_csv(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    yield from _csv_records(io.StringIO(text, newline=""), origin, options, text[:4096])


def _csv_records(stream: Iterable[str], origin: str, options: ReadOptions, sample: str) -> Iterator[Item]:
    csv.field_size_limit(MAX_CHARS + 1)
    delimiter = options.delimiter or ("\t" if origin.lower().endswith(".tsv") else _sniff_delimiter(sample))
    reader = csv.DictReader(stream, delimiter=delimiter)
    try:
        columns = reader.fieldnames or []
    except csv.Error as exc:
        yield InputError(f"{origin}:1", f"malformed CSV header ({exc})")
        return
    if options.text_column not in columns:
        yield InputError(origin, f"no column {options.text_column!r} (columns: {', '.join(columns) or 'none'}); "
                                 "name the text column with --text-column")
        return
    try:
        for row in reader:
            where = f"{origin}:{reader.line_num}"
            yield make_article(_newlines(row.get(options.text_column) or ""), where, options,
                               title=row.get(options.title_column) or None, date_value=row.get(options.date_column),
                               url=row.get(options.url_column), source=row.get(options.source_column),
                               date_source="field")
    except csv.Error as exc:
        yield InputError(f"{origin}:{reader.line_num}", f"malformed CSV ({exc})")


def _sniff_delimiter(text: str) -> str:
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","
