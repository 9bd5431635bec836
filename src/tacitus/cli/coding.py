"""``tacitus code``: code articles and print what was found."""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..ingest import Article, InputError, read_paths
from ..model import CodedArticle
from .common import FORMAT_HELP, out_console, progress, read_options, report


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def register(app: typer.Typer) -> None:
    app.command("code")(code_command)


def code_command(
    files: Annotated[list[str], typer.Argument(help="Files, folders or globs to code; '-' reads stdin.")],
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    input_format: Annotated[str | None, typer.Option("--input-format", help=FORMAT_HELP)] = None,
    encoding: Annotated[str | None, typer.Option(help="Text encoding of the inputs (default: UTF-8).")] = None,
    any_language: Annotated[bool, typer.Option("--any-language", help="Skip the English-language check.")] = False,
) -> None:
    """Code news articles (text, HTML, JSON Lines) and print actors, events, quotes, dates and places."""
    from ..pipeline import Coder

    options = read_options(date, input_format, encoding, check_language=not any_language)
    articles: list[Article] = []
    failures = 0
    for item in read_paths(files, options):
        if isinstance(item, InputError):
            report(str(item))
            failures += 1
        else:
            articles.append(item)
    coded_count = 0

    def on_error(article: Article, exc: Exception) -> None:
        report(f"{article.origin}: could not be coded ({type(exc).__name__}: {exc})")

    coder = Coder()
    results = coder.code_articles(progress(articles, len(articles), "coding", enabled=sys.stderr.isatty()),
                                  on_error=on_error)
    if output is OutputFormat.json:
        items = [c.to_dict() for c in results]
        coded_count = len(items)
        if items:
            json.dump(items[0] if len(items) == 1 else items, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
    else:
        # piped output is not cut to 80 columns: tables stay readable in a file or a pager
        console = out_console()
        for coded in results:
            coded_count += 1
            if output is OutputFormat.jsonl:
                sys.stdout.write(json.dumps(coded.to_dict(), ensure_ascii=False) + "\n")
            else:
                print_tables(coded, console)
    if coded_count == 0:
        raise typer.Exit(1 if (failures or articles) else 2)


def print_tables(coded: CodedArticle, console: Console) -> None:
    a = coded.article
    console.rule(f"[bold]{a.title or a.origin or a.id}[/]  ({a.date or 'no date'}, id {a.id})")
    names = {actor.id: actor.name for actor in coded.actors}

    if coded.actors:
        t = Table(title="Actors", title_justify="left")
        for col in ("id", "name", "code", "kind", "mentions"):
            t.add_column(col)
        for actor in coded.actors:
            t.add_row(actor.id, actor.name, actor.code or "-", actor.kind, str(len(actor.mentions)))
        console.print(t)
    if coded.events:
        t = Table(title="Events", title_justify="left")
        for col in ("date", "source", "event", "target", "plover", "place", "conf."):
            t.add_column(col, no_wrap=col in ("date", "plover", "conf."), overflow="ellipsis")
        t.add_column("trigger", overflow="fold", max_width=30)
        for e in coded.events:
            place = coded.place(e.place)
            t.add_row(e.date or "-", names.get(e.source, "-"), f"{e.cameo} {e.name}", names.get(e.target, "-"),
                      e.plover or "-", place.name if place else "-", f"{e.confidence:.2f}",
                      _short(coded.span_text(e.trigger) or "", 30))
        console.print(t)
    if coded.quotes:
        t = Table(title="Quotes", title_justify="left")
        for col in ("speaker", "kind", "cue"):
            t.add_column(col, overflow="ellipsis")
        t.add_column("content", overflow="fold", ratio=1)
        for q in coded.quotes:
            content = " … ".join(coded.span_text(s) or "" for s in q.content)
            t.add_row(names.get(q.speaker, coded.span_text(q.speaker_span) or "?"), "direct" if q.direct else "indirect",
                      q.cue_text or "-", _short(content))
        console.print(t)
    if coded.places:
        t = Table(title="Places", title_justify="left")
        for col in ("name", "country", "lat", "lon", "geonames"):
            t.add_column(col)
        for p in coded.places:
            t.add_row(p.name, p.country or "-", _num(p.lat), _num(p.lon), str(p.geonames_id or p.reason or "-"))
        console.print(t)
    if coded.times:
        t = Table(title="Dates", title_justify="left")
        for col in ("text", "value", "resolution"):
            t.add_column(col)
        for d in coded.times:
            t.add_row(d.text, d.value or "-", d.resolution or "-")
        console.print(t)
    for warning in coded.warnings:
        report(f"{a.origin or a.id}: {warning}", "warning")


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
