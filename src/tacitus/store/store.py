"""The store: one DuckDB file holding coded articles, merged events and the learned actor dictionary.

Each article is saved in one transaction with everything derived from it (its rows, the dictionary entries
learned from it, the merged events it changes), so after a crash the file holds whole articles only and a
re-run simply saves the ones that are missing.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import duckdb

from .. import __version__ as tacitus_version
from ..model import CodedArticle, DictionaryEntry
from . import merge, rows, schema

DEFAULT_PATH = "tacitus.duckdb"
INSERT_CHUNK = 200  # rows per INSERT statement: one statement with many rows is much faster than executemany
MERGE_WINDOW = 31  # days around a new mention fetched at once when merging; longer runs are fetched whole


class StoreError(Exception):
    """A store that cannot be opened or used, with a message meant for the user."""


class Store:
    """A Tacitus store in one DuckDB file. Use as a context manager, or call ``close()``.

    ``read_only`` opens an existing store for queries; DuckDB then lets other read-only processes in too.
    ``threads`` and ``memory_limit`` bound DuckDB's own use: a long-running writer (ingest) uses one thread,
    which keeps its memory flat however long the corpus.
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH, read_only: bool = False,
                 memory_limit: str | None = "1GB", threads: int | None = None) -> None:
        self.path = str(path)
        exists = Path(self.path).exists()
        if read_only and not exists:
            raise StoreError(f"{self.path}: no such store (create one with `tacitus ingest FILES --db {self.path}`)")
        self.con = _connect(self.path, read_only)
        if memory_limit:
            self.con.execute(f"SET memory_limit = '{memory_limit}'")
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        self.read_only = read_only
        if exists and self._is_empty():
            exists = False  # an empty DuckDB file (for example one created by a crash during creation)
        if exists:
            self._check_and_migrate()
        else:
            self._create()
        self._seq: int | None = None

    # ---- opening -------------------------------------------------------------------------------------------

    def _is_empty(self) -> bool:
        return not self.con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0]

    def _create(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: empty file, not a Tacitus store")
        with self.transaction():
            for statement in schema.create_statements():
                self.con.execute(statement)
            self.con.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("format", schema.FORMAT), ("schema_version", str(schema.SCHEMA_VERSION)),
                ("created", _now().isoformat()), ("created_by", f"tacitus {tacitus_version}")])

    def _check_and_migrate(self) -> None:
        version = self.schema_version()
        if version > schema.SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema version {version} is newer than this Tacitus supports "
                             f"({schema.SCHEMA_VERSION}); upgrade Tacitus to read it")
        if version < schema.SCHEMA_VERSION:
            if self.read_only:
                raise StoreError(f"{self.path}: store schema version {version} is older than this Tacitus "
                                 f"({schema.SCHEMA_VERSION}); open it once for writing (for example "
                                 f"`tacitus ingest --db {self.path}` with no files) to migrate it")
            self.migrate(version)

    def schema_version(self) -> int:
        tables = {r[0] for r in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if "meta" not in tables:
            raise StoreError(f"{self.path}: a DuckDB database but not a Tacitus store (no meta table)")
        meta = dict(self.con.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("format") != schema.FORMAT or "schema_version" not in meta:
            raise StoreError(f"{self.path}: a DuckDB database but not a Tacitus store")
        return int(meta["schema_version"])

    def migrate(self, version: int) -> None:
        """Bring the store from ``version`` to the current schema, one step per transaction."""
        while version < schema.SCHEMA_VERSION:
            step = schema.MIGRATIONS.get(version)
            if step is None:
                raise StoreError(f"{self.path}: no migration from schema version {version}; re-ingest the corpus "
                                 "into a new store")
            with self.transaction():
                step(self.con)
                version += 1
                self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transactions and SQL helpers ----------------------------------------------------------------------

    def transaction(self) -> _Transaction:
        return _Transaction(self.con)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def iter_rows(self, sql: str, params: Sequence[Any] = (), size: int = 1000) -> Iterator[dict[str, Any]]:
        """Rows fetched in chunks, so large results stream."""
        cur = self.con.cursor()
        cur.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        while chunk := cur.fetchmany(size):
            for r in chunk:
                yield dict(zip(names, r))
        cur.close()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.con.execute(sql, list(params)).fetchone()
        return None if row is None else row[0]

    def _insert(self, table: str, values: Sequence[tuple]) -> None:
        if not values:
            return
        columns = rows.ROW_COLUMNS[table]
        one = "(" + ", ".join("?" * len(columns)) + ")"
        for i in range(0, len(values), INSERT_CHUNK):
            chunk = values[i:i + INSERT_CHUNK]
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join([one] * len(chunk))
            self.con.execute(sql, [v for row in chunk for v in row])

    # ---- articles ------------------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ? LIMIT 1", [article_id]).fetchone() is not None

    def save(self, coded: CodedArticle, actor_entries: Iterable[DictionaryEntry] = ()) -> bool:
        """Save one coded article, the dictionary entries learned from it, and the merged events it changes,
        all in one transaction. Returns False (and changes nothing) when the article is already stored."""
        with self.transaction():
            if self.has_article(coded.article.id):
                return False
            seq = self._next_seq()
            values_of = rows.article_rows(coded, seq, _now())
            for table, values in values_of.items():
                self._insert(table, values)
            self._put_entries(actor_entries)
            self._merge_article(coded.article.id, values_of["events"])
        self._seq = seq
        return True

    def _next_seq(self) -> int:
        if self._seq is None:
            self._seq = self.scalar("SELECT coalesce(max(seq), 0) FROM articles")
        return self._seq + 1

    def article(self, article_id: str) -> CodedArticle:
        """The coded article as saved; KeyError when it is not in the store."""
        found = {table: self.rows(f"SELECT * FROM {table} WHERE {'id' if table == 'articles' else 'article'} = ?"
                                  + _ORDER[table], [article_id]) for table in schema.ARTICLE_TABLES}
        if not found["articles"]:
            raise KeyError(article_id)
        return rows.coded_from_rows(found)

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY seq").fetchall()]

    def articles(self) -> Iterator[CodedArticle]:
        """Every coded article, in the order they were saved, one at a time."""
        for row in self.iter_rows("SELECT id FROM articles ORDER BY seq"):
            yield self.article(row["id"])

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, actors, mentions, places, times, events (mentions of events), quotes,
        merged_events, merged_links, dictionary, dictionary_evidence."""
        return {t: self.scalar(f"SELECT count(*) FROM {t}") for t in schema.TABLES if t != "meta"}

    # ---- the actor dictionary ------------------------------------------------------------------------------

    def actor_entries(self) -> list[DictionaryEntry]:
        evidence: dict[str, list[dict[str, Any]]] = {}
        for ev in self.rows("SELECT * FROM dictionary_evidence ORDER BY name, idx"):
            evidence.setdefault(ev["name"], []).append(ev)
        return [rows.entry_from_rows(r, evidence.get(r["name"], []))
                for r in self.rows("SELECT * FROM dictionary ORDER BY name")]

    def put_actor_entries(self, entries: Iterable[DictionaryEntry]) -> None:
        """Add or replace entries (by name), each with its evidence, in one transaction."""
        with self.transaction():
            self._put_entries(entries)

    def delete_actor_entry(self, name: str) -> bool:
        """Remove an entry and its evidence; False when there is no entry of that name."""
        with self.transaction():
            found = self.scalar("SELECT count(*) FROM dictionary WHERE name = ?", [name])
            self.con.execute("DELETE FROM dictionary WHERE name = ?", [name])
            self.con.execute("DELETE FROM dictionary_evidence WHERE name = ?", [name])
        return bool(found)

    def _put_entries(self, entries: Iterable[DictionaryEntry]) -> None:
        latest = {e.name: e for e in entries}  # the last entry of a name wins
        if not latest:
            return
        names = list(latest)
        marks = ", ".join("?" * len(names))
        self.con.execute(f"DELETE FROM dictionary WHERE name IN ({marks})", names)
        self.con.execute(f"DELETE FROM dictionary_evidence WHERE name IN ({marks})", names)
        entry_rows, evidence_rows = [], []
        for entry in latest.values():
            row, evidence = rows.entry_rows(entry)
            entry_rows.append(row)
            evidence_rows.extend(evidence)
        self._insert("dictionary", entry_rows)
        self._insert("dictionary_evidence", evidence_rows)

    # ---- merged events -------------------------------------------------------------------------------------

    def _merge_article(self, article_id: str, events: list[tuple]) -> None:
        """Recompute the merged events that this article's event mentions fall into (see ``merge``): one
        query fetches the mentions of every group the article touches, near its days."""
        columns = rows.ROW_COLUMNS["events"]
        singles: list[tuple] = []
        groups: dict[tuple[str, str, str], set[date]] = {}
        for values in events:
            e = dict(zip(columns, values))
            if e["day"] is None or (e["source_key"] is None and e["target_key"] is None):
                singles.append((merge.single_id(article_id, e["id"]), e["source_key"], e["target_key"], e["root"],
                                e["day"], e["day"], e["cameo"], 1, 1, 1, e["confidence"], article_id, e["id"]))
            else:
                groups.setdefault((*merge.dyad_of(e["root"], e["source_key"], e["target_key"]), e["root"]),
                                  set()).add(e["day"])
        self._insert_plain("merged_events", singles)
        self._insert_plain("merged_links", [(row[0], article_id, row[-1]) for row in singles])
        if groups:
            self._recluster(article_id, groups)

    def _recluster(self, article_id: str, groups: dict[tuple[str, str, str], set[date]]) -> None:
        days = [d for ds in groups.values() for d in ds]
        lo, hi = min(days) - timedelta(days=MERGE_WINDOW), max(days) + timedelta(days=MERGE_WINDOW)
        fetched: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for r in self.rows(_MENTIONS_NEAR, [article_id, sorted(merge.symmetric_roots()), lo, hi]):
            fetched.setdefault((*merge.dyad_of(r["root"], r["source_key"], r["target_key"]), r["root"]), []).append(r)
        old: set[str] = set()
        merged_rows: list[tuple] = []
        link_rows: list[tuple] = []
        for group, new_days in sorted(groups.items()):
            mentions = fetched.get(group, [])
            runs = {merge.run_of({m["day"] for m in mentions}, d) for d in new_days}
            if any(first <= lo or last >= hi for first, last in runs):  # a run may go on past what was fetched
                mentions = self.rows(_MENTIONS_OF_GROUP, _group_params(group))
                runs = {merge.run_of({m["day"] for m in mentions}, d) for d in new_days}
            for first, last in sorted(runs):
                run = [m for m in mentions if first <= m["day"] <= last]
                old.update(m["merged"] for m in run if m["merged"])
                self._cluster_rows(group, run, merged_rows, link_rows)
        if old:
            marks = ", ".join("?" * len(old))
            self.con.execute(f"DELETE FROM merged_events WHERE id IN ({marks})", sorted(old))
            self.con.execute(f"DELETE FROM merged_links WHERE merged IN ({marks})", sorted(old))
        self._insert_plain("merged_events", merged_rows)
        self._insert_plain("merged_links", link_rows)

    @staticmethod
    def _cluster_rows(group: tuple[str, str, str], run: list[dict[str, Any]], merged_rows: list[tuple],
                      link_rows: list[tuple]) -> None:
        """Rows of the merged events (and their links) that one run of mentions clusters into."""
        mentions = [merge.MentionRef(
            article=r["article"], event=r["id"], day=r["day"], cameo=r["cameo"], confidence=r["confidence"] or 0.0,
            source=publisher(r["source"], r["url"]),
            place=merge.PlaceRef(r["pname"], r["pcountry"], r["lat"], r["lon"], r["geonames_id"], r["feature"]))
            for r in run]
        index: dict[date, int] = {}
        for c in merge.cluster(mentions):
            n = index[c.anchor] = index.get(c.anchor, -1) + 1
            mid = merge.merged_id(group, c, n)
            cameo = merge.pick_cameo(c.mentions)
            rep = next(m for m in c.mentions if m.cameo == cameo)
            merged_rows.append((mid, group[0], group[1], group[2], c.mentions[0].day, max(m.day for m in c.mentions),
                                cameo, len(c.mentions), len({m.article for m in c.mentions}),
                                merge.count_sources(c.mentions), max(m.confidence for m in c.mentions), rep.article,
                                rep.event))
            link_rows.extend((mid, m.article, m.event) for m in c.mentions)

    def _insert_plain(self, table: str, values: Sequence[tuple]) -> None:
        if not values:
            return
        one = "(" + ", ".join("?" * len(values[0])) + ")"
        for i in range(0, len(values), INSERT_CHUNK):
            chunk = values[i:i + INSERT_CHUNK]
            self.con.execute(f"INSERT INTO {table} VALUES " + ", ".join([one] * len(chunk)),
                             [v for row in chunk for v in row])

    def merged_event(self, merged_id: str) -> dict[str, Any]:
        """A merged event with its mentions (article, event id, evidence span and text), for tracing."""
        found = self.rows("SELECT * FROM merged_events WHERE id = ?", [merged_id])
        if not found:
            raise KeyError(merged_id)
        event = found[0]
        event["mentions"] = self.rows(
            "SELECT l.article, l.event, e.cameo, e.day, e.sentence, e.evidence_start, e.evidence_end, "
            "substring(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence, "
            "a.title, a.source, a.url FROM merged_links l JOIN events e ON e.article = l.article AND e.id = l.event "
            "JOIN articles a ON a.id = l.article WHERE l.merged = ? ORDER BY e.day, l.article, l.event", [merged_id])
        return event


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises (the exception goes on)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.con.execute("COMMIT")
        else:
            self.con.execute("ROLLBACK")


_ORDER = {"articles": "", "actors": " ORDER BY rowid", "mentions": " ORDER BY idx", "places": " ORDER BY rowid",
          "times": " ORDER BY rowid", "events": " ORDER BY idx", "quotes": " ORDER BY rowid"}

# The mentions of one merge group: its root, and its dyad in either order for symmetric roots.
_GROUP = ("e.root = ? AND ((coalesce(e.source_key, '') = ? AND coalesce(e.target_key, '') = ?) "
          "OR (? AND coalesce(e.source_key, '') = ? AND coalesce(e.target_key, '') = ?))")

_MENTION_COLUMNS = """
    SELECT DISTINCT e.article, e.id, e.day, e.cameo, e.confidence, e.root, e.source_key, e.target_key, a.source, a.url,
           p.name AS pname, p.country AS pcountry, p.lat, p.lon, p.geonames_id, p.feature, l.merged
    FROM events e JOIN articles a ON a.id = e.article
    LEFT JOIN places p ON p.article = e.article AND p.id = e.place
    LEFT JOIN merged_links l ON l.article = e.article AND l.event = e.id"""

# Mentions, between two days, of every merge group that one article's events belong to (DISTINCT above: a
# mention of a symmetric root matches the group both ways when the article has both directions).
_MENTIONS_NEAR = f"""
    WITH g AS (SELECT DISTINCT root, coalesce(source_key, '') AS s, coalesce(target_key, '') AS t FROM events
               WHERE article = ? AND day IS NOT NULL AND NOT (source_key IS NULL AND target_key IS NULL))
    {_MENTION_COLUMNS}
    JOIN g ON e.root = g.root AND (
        (coalesce(e.source_key, '') = g.s AND coalesce(e.target_key, '') = g.t)
        OR (list_contains(?, e.root) AND coalesce(e.source_key, '') = g.t AND coalesce(e.target_key, '') = g.s))
    WHERE e.day BETWEEN ? AND ? AND NOT (e.source_key IS NULL AND e.target_key IS NULL)"""

# Every dated mention of one merge group.
_MENTIONS_OF_GROUP = f"""{_MENTION_COLUMNS}
    WHERE {_GROUP} AND e.day IS NOT NULL AND NOT (e.source_key IS NULL AND e.target_key IS NULL)"""


def _group_params(group: tuple[str, str, str]) -> list[Any]:
    source, target, root = group
    symmetric = root in merge.symmetric_roots()
    return [root, source, target, symmetric, target, source]


def publisher(source: str | None, url: str | None) -> str | None:
    """Who published an article: its source name, else the host of its URL."""
    if source:
        return source.strip().casefold()
    host = urlparse(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreError(f"{path}: in use by another process (DuckDB allows one writer at a time)") from None
        raise StoreError(f"{path}: not a Tacitus store ({message.splitlines()[0]})") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open ({str(exc).splitlines()[0]})") from None


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
