"""Helpers shared by the command modules: input options, error lines, progress."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from ..ingest import ReadOptions, normalize_date

err = Console(stderr=True, highlight=False)
PIPED_WIDTH = 160


def out_console() -> Console:
    """Console for results on stdout; piped output is not cut to 80 columns, so tables stay readable."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else PIPED_WIDTH)
T = TypeVar("T")


def report(message: str, level: str = "error") -> None:
    """One line on stderr: ``error: file:line: what went wrong``."""
    style = "red" if level == "error" else "yellow"
    err.print(f"[{style}]{level}[/]: {escape(message)}", soft_wrap=True)


def check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return normalize_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--date") from None


def read_options(date: str | None, fmt: str | None, encoding: str | None, source: str | None = None,
                 text_column: str = "text", title_column: str = "title", date_column: str = "date",
                 url_column: str = "url", source_column: str = "source", delimiter: str | None = None,
                 check_language: bool = True) -> ReadOptions:
    return ReadOptions(date=check_date(date), format=fmt, encoding=encoding, source=source,
                       text_column=text_column, title_column=title_column, date_column=date_column,
                       url_column=url_column, source_column=source_column, delimiter=delimiter,
                       check_language=check_language)


def progress(items: Iterable[T], total: int | None, label: str, enabled: bool = True) -> Iterator[T]:
    """Iterate with a progress bar (count, rate-based ETA) on stderr when there is more than one item."""
    if not enabled or (total is not None and total <= 1):
        yield from items
        return
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn()]
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=total, rate="")
        for item in items:
            yield item
            bar.advance(task)
            speed = bar.tasks[0].speed
            bar.update(task, rate=f"{speed:.1f}/s" if speed else "")


FORMAT_HELP = "Input format (text, html, jsonl, json, csv); by default from the file name or its content."
