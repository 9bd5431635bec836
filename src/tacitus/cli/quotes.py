"""``tacitus quotes``: who said what, from articles or from a store."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..ingest import Article, InputError, read_paths
from ..model import CodedArticle
from .common import FORMAT_HELP, out_console, progress, read_options, report


class QuoteFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_command)


def quotes_command(
    files: Annotated[list[str] | None, typer.Argument(help="Files, folders or globs to read; '-' reads stdin.")] = None,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    output: Annotated[QuoteFormat, typer.Option("--format", "-f", help="Output format.")] = QuoteFormat.table,
    db: Annotated[Path | None, typer.Option("--db", help="Query this store instead of reading files.")] = None,
    speaker: Annotated[str | None, typer.Option(help="With --db: quotes by this actor (name or code).")] = None,
    about: Annotated[str | None, typer.Option(help="With --db: quotes about this actor or word.")] = None,
    limit: Annotated[int | None, typer.Option(help="With --db: at most this many quotes.")] = None,
    input_format: Annotated[str | None, typer.Option("--input-format", help=FORMAT_HELP)] = None,
    encoding: Annotated[str | None, typer.Option(help="Text encoding of the inputs (default: UTF-8).")] = None,
    any_language: Annotated[bool, typer.Option("--any-language", help="Skip the English-language check.")] = False,
) -> None:
    """Print who said what: speaker (name and actor code), direct or reported, cue and the quoted words.

    Reads articles (text, HTML, JSON Lines, ...) and codes them, or with --db asks a store for what a
    speaker said, optionally about someone or something."""
    if db is not None:
        if files:
            raise typer.BadParameter("give either FILE arguments or --db, not both", param_hint="--db")
        rows = list(from_store(db, speaker, about, limit))
    else:
        if not files:
            raise typer.BadParameter("give FILE arguments or --db", param_hint="FILE")
        if speaker or about:
            raise typer.BadParameter("--speaker and --about query a store: add --db", param_hint="--speaker/--about")
        rows = list(from_files(files, date, input_format, encoding, any_language))
    if output is QuoteFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        print_table(rows)


def from_files(files: list[str], date: str | None, input_format: str | None, encoding: str | None,
               any_language: bool) -> Iterator[dict[str, Any]]:
    from ..pipeline import Coder

    options = read_options(date, input_format, encoding, check_language=not any_language)
    articles: list[Article] = []
    for item in read_paths(files, options):
        if isinstance(item, InputError):
            report(str(item))
        else:
            articles.append(item)

    def on_error(article: Article, exc: Exception) -> None:
        report(f"{article.origin}: could not be coded ({type(exc).__name__}: {exc})")

    coded_articles = Coder().code_articles(progress(articles, len(articles), "coding", enabled=sys.stderr.isatty()),
                                           on_error=on_error)
    for coded in coded_articles:
        for warning in coded.warnings:
            if warning.startswith("quotes:"):
                report(f"{coded.article.origin or coded.article.id}: {warning}", "warning")
        yield from quote_rows(coded)


def quote_rows(coded: CodedArticle) -> Iterator[dict[str, Any]]:
    """One plain row per quote: article, speaker (span text, actor name and code), cue, content."""
    for q in coded.quotes:
        actor = coded.actor(q.speaker)
        yield {
            "article": coded.article.id, "origin": coded.article.origin, "date": coded.article.date,
            "quote": q.id, "direct": q.direct,
            "speaker": coded.span_text(q.speaker_span), "speaker_actor": actor.name if actor else None,
            "speaker_code": actor.code if actor and actor.code else None,
            "cue": q.cue_text, "content": " … ".join(coded.span_text(s) or "" for s in q.content),
            "spans": [list(s) for s in q.content], "sentence": q.sentence,
        }


def from_store(db: Path, speaker: str | None, about: str | None, limit: int | None) -> Iterator[dict[str, Any]]:
    if not db.exists():
        raise typer.BadParameter(f"{db}: no such store", param_hint="--db")
    from .. import analysis

    for row in analysis.quotes(str(db), speaker=speaker, about=about, limit=limit):
        yield store_row(row)


def store_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row of ``tacitus.analysis.quotes`` in the shape of ``quote_rows``."""
    return {
        "article": row.get("article"), "origin": row.get("url"), "date": row.get("date") or row.get("day"),
        "quote": row.get("id"), "direct": row.get("direct"),
        "speaker": row.get("speaker_text") or row.get("speaker_name"), "speaker_actor": row.get("speaker_name"),
        "speaker_code": row.get("speaker_code") or None, "cue": row.get("cue"), "content": row.get("text") or "",
        "spans": row.get("content"), "sentence": row.get("sentence"),
    }


def print_table(rows: list[dict[str, Any]]) -> None:
    console = out_console()
    if not rows:
        console.print("no quotes found")
        return
    table = Table(title="Who said what", title_justify="left")
    for col in ("date", "speaker", "actor", "kind", "cue", "content"):
        table.add_column(col, overflow="fold")
    for r in rows:
        actor = " ".join(x for x in (r.get("speaker_actor"), f"[{r['speaker_code']}]" if r.get("speaker_code") else None)
                         if x)
        table.add_row(r.get("date") or "-", r.get("speaker") or "?", actor or "-",
                      "direct" if r.get("direct") else "reported", r.get("cue") or "-", _short(r.get("content") or ""))
    console.print(table)


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
