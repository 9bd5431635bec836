"""`tacitus actors ...`: list, show, edit, delete, export and import the store's actor dictionary."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..model import DictionaryEntry
from ..store import DEFAULT_PATH, Store, StoreError
from .common import out_console, report

DB = Annotated[str, typer.Option("--db", help="The store (a DuckDB file).")]
actors_app = typer.Typer(no_args_is_help=True, help="The actor dictionary: learned, imported and edited actors.")


def register(app: typer.Typer) -> None:
    app.add_typer(actors_app, name="actors")


def _open(db: str, read_only: bool = False) -> Store:
    try:
        return Store(db, read_only=read_only)
    except StoreError as exc:
        report(str(exc))
        raise typer.Exit(2) from None


def _find(entries: list[DictionaryEntry], name: str) -> DictionaryEntry | None:
    key = name.casefold()
    return next((e for e in entries if e.name.casefold() == key or key in (a.casefold() for a in e.aliases)), None)


@actors_app.command("list")
def list_command(db: DB = DEFAULT_PATH,
                 country: Annotated[str | None, typer.Option(help="Only this country (ISO3).")] = None,
                 origin: Annotated[str | None, typer.Option(help="learned, imported or user.")] = None,
                 as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False) -> None:
    """List the dictionary's entries."""
    with _open(db, read_only=Path(db).exists()) as store:
        entries = [e for e in store.actor_entries() if (not country or e.country == country.upper())
                   and (not origin or e.origin == origin)]
    if as_json:
        for entry in entries:
            typer.echo(json.dumps(entry.to_dict(), ensure_ascii=False))
        return
    table = Table("name", "country", "sector", "kind", "origin", "seen", "articles")
    for e in entries:
        seen = f"{e.first_seen or ''}..{e.last_seen or ''}" if (e.first_seen or e.last_seen) else ""
        table.add_row(e.name, e.country or "", e.sector or "", e.kind, e.origin, seen, str(e.count))
    out_console().print(table)


@actors_app.command("show")
def show_command(name: Annotated[str, typer.Argument(help="Name or alias.")], db: DB = DEFAULT_PATH) -> None:
    """Show one entry with its evidence and dated codes."""
    with _open(db, read_only=Path(db).exists()) as store:
        entry = _find(store.actor_entries(), name)
    if entry is None:
        report(f"no actor named {name!r} in {db}")
        raise typer.Exit(1)
    typer.echo(f"{entry.name}: {entry.country or '-'} {entry.sector or '-'} ({entry.kind}, {entry.origin})")
    if entry.aliases:
        typer.echo("aliases: " + ", ".join(entry.aliases))
    if entry.first_seen or entry.last_seen:
        typer.echo(f"seen: {entry.first_seen} .. {entry.last_seen} in {entry.count} article(s)")
    for code in entry.codes:
        typer.echo(f"code: {code.code} {code.start or ''}..{code.end or ''}")
    for ev in entry.evidence:
        typer.echo(f"evidence: {ev.article}[{ev.start}:{ev.end}] {ev.date or ''} {ev.country or '-'} "
                   f"{ev.sector or '-'}: {ev.text}")


@actors_app.command("edit")
def edit_command(name: Annotated[str, typer.Argument(help="Name of the entry (created if absent).")],
                 db: DB = DEFAULT_PATH,
                 country: Annotated[str | None, typer.Option(help="ISO3 country, or IGO/NGO.")] = None,
                 sector: Annotated[str | None, typer.Option(help="Sector code (GOV, MIL, ...).")] = None,
                 kind: Annotated[str | None, typer.Option(help="person, organization, group, state.")] = None,
                 alias: Annotated[list[str] | None, typer.Option(help="Add an alias (repeatable).")] = None) -> None:
    """Set an entry's country, sector, kind or aliases; the entry becomes the user's (learning no longer
    changes it)."""
    with _open(db) as store:
        entry = _find(store.actor_entries(), name) or DictionaryEntry(name=name)
        if country is not None:
            entry.country = country.upper() or None
        if sector is not None:
            entry.sector = sector.upper() or None
        if kind is not None:
            entry.kind = kind
        entry.aliases.extend(a for a in alias or [] if a not in entry.aliases)
        entry.origin = "user"
        store.put_actor_entries([entry])
    typer.echo(f"{entry.name}: {entry.country or '-'} {entry.sector or '-'} ({entry.kind}, user)")


@actors_app.command("delete")
def delete_command(name: Annotated[str, typer.Argument(help="Name of the entry.")], db: DB = DEFAULT_PATH) -> None:
    """Delete an entry and its evidence."""
    with _open(db) as store:
        entry = _find(store.actor_entries(), name)
        if entry is None or not store.delete_actor_entry(entry.name):
            report(f"no actor named {name!r} in {db}")
            raise typer.Exit(1)
    typer.echo(f"deleted {entry.name}")


@actors_app.command("export")
def export_command(out: Annotated[str, typer.Argument(help="Output file (JSON Lines); '-' for stdout.")] = "-",
                   db: DB = DEFAULT_PATH) -> None:
    """Export the dictionary as JSON Lines (one entry a line, with evidence and dated codes)."""
    with _open(db, read_only=Path(db).exists()) as store:
        entries = store.actor_entries()
    lines = [json.dumps(e.to_dict(), ensure_ascii=False) for e in entries]
    if out == "-":
        for line in lines:
            typer.echo(line)
    else:
        Path(out).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        typer.echo(f"{len(lines)} entries written to {out}", err=True)


@actors_app.command("import")
def import_command(paths: Annotated[list[str], typer.Argument(help="PETRARCH/TABARI actor or agent dictionaries, "
                                                              "or JSON Lines written by `actors export`.")],
                   db: DB = DEFAULT_PATH) -> None:
    """Import dictionaries. Malformed lines are reported (file:line) and skipped; the rest loads."""
    from ..actors.petrarch import read_dictionary

    entries: list[DictionaryEntry] = []
    errors: list[str] = []
    for path in paths:
        found, bad = _read_jsonl(path) if path.endswith((".jsonl", ".json")) else read_dictionary(path)
        entries.extend(found)
        errors.extend(bad)
    for error in errors:
        report(error)
    with _open(db) as store:
        store.put_actor_entries(entries)
    typer.echo(f"{len(entries)} entries imported, {len(errors)} line(s) skipped", err=True)
    if errors and not entries:
        raise typer.Exit(1)


def _read_jsonl(path: str) -> tuple[list[DictionaryEntry], list[str]]:
    entries, errors = [], []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        return [], [f"{path}: cannot read: {exc.strerror or exc}"]
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict) or not data.get("name"):
                raise ValueError("an entry needs a name")
            entries.append(DictionaryEntry.from_dict(data))
        except (ValueError, TypeError) as exc:
            errors.append(f"{path}:{number}: {exc}")
    return entries, errors
