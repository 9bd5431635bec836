"""Questions across a store: which events, how a dyad's relations move, who interacts with whom, who is
most active, who said what about whom. Every function takes a ``Store`` or the path of one and returns
plain Python data (dicts and lists, dates as ISO strings), ready for JSON.

Events are merged events (one per real-world event, with ``num_mentions`` / ``num_articles`` /
``num_sources``) unless ``merged=False`` asks for every mention. Actor specs are described in
``tacitus.store.queries``: "BLR" or "RUSGOV" match codes, "Rogozin" matches names.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from ..store import Store
from ..store import queries as q
from ..store.queries import EventFilter

PERIODS = ("day", "week", "month", "year")
QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


@contextmanager
def opened(store_or_path: Store | str) -> Iterator[Store]:
    """The store itself, or the store at a path opened read-only for the duration."""
    if isinstance(store_or_path, Store):
        yield store_or_path
    else:
        with Store(store_or_path, read_only=True) as store:
            yield store


def plain(row: dict[str, Any]) -> dict[str, Any]:
    """Dates as ISO strings and numbers rounded, so rows print and serialise cleanly."""
    out = {}
    for key, value in row.items():
        if isinstance(value, datetime):
            value = value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, float):
            value = round(value, 4)
        out[key] = value
    return out


def events(store_or_path: Store | str, *, actor: str | None = None, source: str | None = None,
           target: str | None = None, country: str | None = None, sector: str | None = None, type: str | None = None,
           quad: int | None = None, start: str | None = None, end: str | None = None, place: str | None = None,
           merged: bool = True, limit: int | None = None) -> list[dict[str, Any]]:
    """Events matching every filter given (see ``EventFilter``), oldest first."""
    where = EventFilter(actor, source, target, country, sector, type, quad, start, end, place)
    with opened(store_or_path) as store:
        return [plain(r) for r in q.events(store, where, merged=merged, limit=limit)]


def iter_events(store: Store, where: EventFilter | None = None, merged: bool = True) -> Iterator[dict[str, Any]]:
    """Events one at a time (for exports of any size)."""
    for row in q.events(store, where or EventFilter(), merged=merged):
        yield plain(row)


def dyad(store_or_path: Store | str, a: str, b: str, by: str = "month", *, directed: bool = False,
         start: str | None = None, end: str | None = None) -> list[dict[str, Any]]:
    """Events between ``a`` and ``b`` per period (day, week, month, year): counts, counts by quad class and
    by PLOVER type, and the mean Goldstein score. Both directions unless ``directed``."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    with opened(store_or_path) as store:
        totals, types = q.dyad_series(store, a, b, by, directed, EventFilter(start=start, end=end))
    by_period: dict[Any, dict[str, int]] = {}
    for row in types:
        by_period.setdefault(row["period"], {})[row["plover"]] = row["events"]
    return [plain({**row, "plover": by_period.get(row["period"], {})}) for row in totals]


def network(store_or_path: Store | str, *, start: str | None = None, end: str | None = None, level: str = "actor",
            **filters: Any) -> dict[str, list[dict[str, Any]]]:
    """The directed, weighted actor network of a period: nodes (actors, codes or countries, by ``level``)
    and edges source -> target weighted by merged events (with mentions, cooperation and conflict counts
    and mean Goldstein)."""
    if level not in ("actor", "code", "country"):
        raise ValueError(f"level must be actor, code or country, not {level!r}")
    with opened(store_or_path) as store:
        edges = [plain(e) for e in q.network_edges(store, level, EventFilter(start=start, end=end, **filters))]
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for role, other in (("source", "out"), ("target", "in")):
            node = nodes.setdefault(e[role], {"id": e[role], "label": e[f"{role}_label"] or e[role], "out": 0, "in": 0})
            node[other] += e["events"]
    return {"nodes": sorted(nodes.values(), key=lambda n: (-(n["out"] + n["in"]), n["id"])), "edges": edges}


def top_actors(store_or_path: Store | str, n: int = 10, **filters: Any) -> list[dict[str, Any]]:
    """The actors taking part in most merged events (as source or target)."""
    with opened(store_or_path) as store:
        return [plain(r) for r in q.top_actors(store, n, EventFilter(**filters))]


def quotes(store_or_path: Store | str, speaker: str | None = None, about: str | None = None, *,
           start: str | None = None, end: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Quotes by ``speaker`` and/or about ``about``: an actor named inside the quoted words, taking part in
    an event coded from them, or the words themselves containing it. Each row has the quote text, speaker
    (name, code, the span's text), cue, direct or not, article (id, title, date, url) and the content spans."""
    with opened(store_or_path) as store:
        rows = q.quotes(store, speaker, about, start, end, limit)
    return [plain({**r, "content": [list(p) for p in zip(r["content"][::2], r["content"][1::2])]}) for r in rows]


def summary(store_or_path: Store | str) -> dict[str, Any]:
    """What a store holds: counts, date range, events by type, top actors, places and speakers."""
    with opened(store_or_path) as store:
        out = q.summary(store)
        out["top_actors"] = [plain(r) for r in q.top_actors(store, 10, EventFilter())]
    out["dates"] = plain(out["dates"])
    return out


__all__ = ["EventFilter", "dyad", "events", "iter_events", "network", "opened", "quotes", "summary", "top_actors"]
