"""Store commands: ingest a corpus, then ask it questions (summary, events, dyad, network, top, trace) and
export it."""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..store import DEFAULT_PATH, Store, StoreError
from .common import FORMAT_HELP, check_date, out_console, progress, read_options, report

DB = Annotated[str, typer.Option("--db", help="The store (a DuckDB file).")]
START = Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD).")]
WRITER_MEMORY = "256MB"  # DuckDB's share of the ingest process (coding takes the rest)
END = Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD).")]


class Output(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("summary")(summary_command)
    app.command("events")(events_command)
    app.command("dyad")(dyad_command)
    app.command("network")(network_command)
    app.command("top")(top_command)
    app.command("trace")(trace_command)
    app.command("export")(export_command)


def _fail(message: str, code: int = 2) -> typer.Exit:
    report(message)
    return typer.Exit(code)


# ---- ingest ---------------------------------------------------------------------------------------------

def ingest_command(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders (recursive), globs; '-' reads stdin.")] = None,
    db: DB = DEFAULT_PATH,
    workers: Annotated[int, typer.Option(min=1, help="Processes that code articles (one process writes).")] = 1,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    input_format: Annotated[str | None, typer.Option("--input-format", help=FORMAT_HELP)] = None,
    encoding: Annotated[str | None, typer.Option(help="Text encoding of the inputs (default: UTF-8).")] = None,
    source: Annotated[str | None, typer.Option(help="Source (publisher) for inputs that name none.")] = None,
    text_column: Annotated[str, typer.Option(help="CSV column holding the article text.")] = "text",
    title_column: Annotated[str, typer.Option(help="CSV column holding the title.")] = "title",
    date_column: Annotated[str, typer.Option(help="CSV column holding the publication date.")] = "date",
    url_column: Annotated[str, typer.Option(help="CSV column holding the URL.")] = "url",
    source_column: Annotated[str, typer.Option(help="CSV column holding the source.")] = "source",
    delimiter: Annotated[str | None, typer.Option(help="CSV delimiter (default: sniffed; tab for .tsv).")] = None,
    any_language: Annotated[bool, typer.Option("--any-language", help="Skip the English-language check.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no final line.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="One line per input on stdout: stored, skipped "
                                                                  "or failed, article id, origin.")] = False,
) -> None:
    """Code articles into a store (crash-safe; re-runs skip what is stored).

    Each article is saved whole or not at all, so an interrupted run is finished by running it again."""
    from ..store.ingest import Ingest, estimate_items

    options = read_options(date, input_format, encoding, source, text_column, title_column, date_column,
                           url_column, source_column, delimiter, check_language=not any_language)
    paths = paths or []
    try:
        store = Store(db, memory_limit=WRITER_MEMORY, threads=1)  # one writer thread: flat memory on any corpus
    except StoreError as exc:
        raise _fail(str(exc)) from None
    with store:
        run = Ingest(store, options, workers=workers, report=report)
        total = estimate_items(paths, options) if paths else 0
        for outcome in progress(run.run(paths), total, "ingest", enabled=not quiet and sys.stderr.isatty()):
            if verbose:
                print(f"{outcome.kind}\t{outcome.article or '-'}\t{outcome.where or '-'}", flush=True)
        counts = store.counts()
    c = run.counts
    if not quiet:
        Console(stderr=True, highlight=False).print(
            f"{c.stored} stored, {c.skipped} already there, {c.failed} failed; {db} now holds "
            f"{counts['articles']} articles, {counts['merged_events']} events ({counts['events']} mentions), "
            f"{counts['quotes']} quotes")
    if c.failed and not (c.stored or c.skipped):
        raise typer.Exit(1)


# ---- questions ------------------------------------------------------------------------------------------

def _open(db: str) -> Store:
    try:
        return Store(db, read_only=True)
    except StoreError as exc:
        raise _fail(str(exc)) from None


def summary_command(db: DB = DEFAULT_PATH,
                    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """What a store holds: articles, actors, events by type, quotes, places."""
    from ..analysis import summary

    with _open(db) as store:
        data = summary(store)
    if as_json:
        _print_json(data)
        return
    console = out_console()
    n = data["counts"]
    dates = data["dates"]
    console.print(f"[bold]{db}[/]: {n['articles']} articles from {data['sources']} sources"
                  + (f", {dates['first']} to {dates['last']}" if dates.get("first") else ""))
    console.print(f"{data['actors']} actors ({n['actors']} in articles, {n['dictionary']} in the learned dictionary), "
                  f"{n['merged_events']} events from {n['events']} mentions, {n['quotes']} quotes, "
                  f"{n['places']} place mentions, {n['times']} dates")
    _table(console, "Events by PLOVER type", data["events_by_plover"])
    _table(console, "Top actors", [{k: r[k] for k in ("name", "code", "kind", "events", "mentions")}
                                   for r in data["top_actors"]])
    _table(console, "Top places", data["places"])
    _table(console, "Top speakers", data["speakers"])


EVENT_COLUMNS = ("day", "source_name", "source_code", "cameo", "event", "target_name", "target_code", "plover",
                 "place", "num_mentions", "num_articles", "id")


def events_command(
    db: DB = DEFAULT_PATH,
    actor: Annotated[str | None, typer.Option(help="Either side: a code (BLR, RUSGOV) or a name.")] = None,
    source: Annotated[str | None, typer.Option(help="The source actor (code or name).")] = None,
    target: Annotated[str | None, typer.Option(help="The target actor (code or name).")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 country of either actor.")] = None,
    sector: Annotated[str | None, typer.Option(help="CAMEO sector of either actor (GOV, MIL, OPP...).")] = None,
    type: Annotated[str | None, typer.Option("--type", help="CAMEO code prefix (04, 042) or PLOVER type.")] = None,
    quad: Annotated[int | None, typer.Option(min=1, max=4, help="Quad class 1-4.")] = None,
    start: START = None,
    end: END = None,
    place: Annotated[str | None, typer.Option(help="Place name or ISO3 country of the place.")] = None,
    mentions: Annotated[bool, typer.Option("--mentions", help="Every mention instead of merged events.")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    output: Annotated[Output, typer.Option("--format", "-f")] = Output.table,
) -> None:
    """Events matching the filters (merged across articles unless --mentions)."""
    from ..analysis import events

    with _open(db) as store:
        rows = events(store, actor=actor, source=source, target=target, country=country, sector=sector, type=type,
                      quad=quad, start=check_date(start), end=check_date(end), place=place, merged=not mentions,
                      limit=limit)
    _emit(rows, output, EVENT_COLUMNS, "Events")


def dyad_command(
    a: Annotated[str, typer.Argument(help="One side: a code (BLR, RUSGOV) or a name.")],
    b: Annotated[str, typer.Argument(help="The other side.")],
    db: DB = DEFAULT_PATH,
    by: Annotated[str, typer.Option(help="Period: day, week, month or year.")] = "month",
    directed: Annotated[bool, typer.Option("--directed", help="Only events from A to B.")] = False,
    start: START = None,
    end: END = None,
    plot: Annotated[str | None, typer.Option(help="Draw the series to this image file (PNG, SVG, PDF).")] = None,
    output: Annotated[Output, typer.Option("--format", "-f")] = Output.table,
) -> None:
    """How relations between two actors moved, per day, week, month or year.

    Events per period by quad class and PLOVER type, and the mean Goldstein score; --plot draws them."""
    from ..analysis import PERIODS, dyad

    if by not in PERIODS:
        raise typer.BadParameter(f"use one of {', '.join(PERIODS)}", param_hint="--by")
    with _open(db) as store:
        series = dyad(store, a, b, by, directed=directed, start=check_date(start), end=check_date(end))
    if plot:
        from ..analysis.plot import plot_dyad

        plot_dyad(series, plot, a, b, by)
        report(f"series drawn to {plot}", "info")
    rows = [{**r, "plover": ", ".join(f"{k} {v}" for k, v in r["plover"].items())} if output in (Output.table, Output.csv)
            else r for r in series]
    _emit(rows, output, ("period", "events", "mentions", "verbal_coop", "material_coop", "verbal_conflict",
                         "material_conflict", "goldstein", "plover"), f"{a} – {b} per {by}")


def network_command(
    db: DB = DEFAULT_PATH,
    start: START = None,
    end: END = None,
    level: Annotated[str, typer.Option(help="Nodes are actors, codes or countries.")] = "actor",
    output: Annotated[Output, typer.Option("--format", "-f", help="json (nodes and edges) or csv (edges).")] = Output.json,
    out: Annotated[str | None, typer.Option(help="Write to this file instead of stdout.")] = None,
) -> None:
    """The directed actor network of a period, weighted by merged events."""
    from ..analysis import network

    if level not in ("actor", "code", "country"):
        raise typer.BadParameter("use actor, code or country", param_hint="--level")
    with _open(db) as store:
        graph = network(store, start=check_date(start), end=check_date(end), level=level)
    handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if output is Output.csv:
            _write_csv(handle, graph["edges"])
        elif output is Output.table:
            _table(out_console(), "Network edges", graph["edges"])
        else:
            json.dump(graph, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
    finally:
        if out:
            handle.close()


def top_command(
    db: DB = DEFAULT_PATH,
    n: Annotated[int, typer.Option("-n", min=1, help="How many.")] = 10,
    start: START = None,
    end: END = None,
    country: Annotated[str | None, typer.Option(help="Only events with an actor of this country.")] = None,
    output: Annotated[Output, typer.Option("--format", "-f")] = Output.table,
) -> None:
    """The actors taking part in most events."""
    from ..analysis import top_actors

    with _open(db) as store:
        rows = top_actors(store, n, start=check_date(start), end=check_date(end), country=country)
    _emit(rows, output, ("name", "code", "kind", "events", "as_source", "as_target", "mentions", "goldstein", "key"),
          "Top actors")


def trace_command(
    event_id: Annotated[str, typer.Argument(help="A merged event id (the id column of `tacitus events`).")],
    db: DB = DEFAULT_PATH,
) -> None:
    """A merged event and every mention of it: article, sentence and evidence text."""
    with _open(db) as store:
        try:
            event = store.merged_event(event_id)
        except KeyError:
            raise _fail(f"no event {event_id} in {db}", 1) from None
    from ..analysis import plain

    _print_json({**plain(event), "mentions": [plain(m) for m in event["mentions"]]})


def export_command(
    db: DB = DEFAULT_PATH,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet, gdelt or plover.")] = "jsonl",
    out: Annotated[str, typer.Option(help="Output file ('-' for stdout, not for parquet).")] = "-",
    table: Annotated[str, typer.Option(help="For jsonl/csv/parquet: events (merged), mentions, articles, actors, "
                                            "quotes, places or dictionary.")] = "events",
) -> None:
    """Export tables (JSON Lines, CSV, Parquet) or events (GDELT 2.0 table, PLOVER JSON)."""
    from ..analysis.export import FORMATS, TABLES, export

    if fmt not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    if table not in TABLES:
        raise typer.BadParameter(f"use one of {', '.join(TABLES)}", param_hint="--table")
    if out == "-" and fmt in ("parquet", "csv") or out == "-" and fmt == "jsonl" and table != "articles":
        raise typer.BadParameter(f"{fmt} export of {table} needs a file", param_hint="--out")
    with _open(db) as store:
        count = export(store, fmt, out, table)
    if out != "-":
        report(f"{count} records written to {out}", "info")


# ---- output helpers -------------------------------------------------------------------------------------

def _emit(rows: list[dict[str, Any]], output: Output, columns: tuple[str, ...], title: str) -> None:
    if output is Output.json:
        _print_json(rows)
    elif output is Output.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif output is Output.csv:
        _write_csv(sys.stdout, rows)
    else:
        _table(out_console(), title, [{c: r.get(c) for c in columns} for r in rows])


def _table(console: Console, title: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        console.print(f"{title}: none")
        return
    table = Table(title=title, title_justify="left")
    for column in rows[0]:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("-" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v) for v in row.values()))
    console.print(table)


def _write_csv(handle, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    writer = csv.DictWriter(handle, fieldnames=list(rows[0]), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v) if isinstance(v, (dict, list)) else v for k, v in row.items()})


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
