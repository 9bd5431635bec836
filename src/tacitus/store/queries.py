"""The SQL behind ``tacitus.analysis``: filtered events, dyad series, networks, top actors, quotes, summary
and table exports. Functions take a ``Store`` and return plain rows (dicts); analysis shapes them.

Actor specs: a value of capital letters ("BLR", "RUSGOV", "IGO") matches an actor's country or CAMEO code;
anything else matches the actor's identity key ("person:dmitry rogozin") or, as whole words, its name
("Rogozin", "dmitry rogozin").
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .store import Store

# One row per merged event, described by its representative mention (the first in merge order with the
# merged code): actors, place and evidence come from it; counts from the merge.
MERGED = """
    SELECT m.id, m.day, m.last_day, m.cameo, e.name AS event, e.goldstein, e.quad_class, e.plover, e.plover_mode,
           m.num_mentions, m.num_articles, m.num_sources, m.confidence, e.source_key, e.target_key,
           sa.name AS source_name, sa.country AS source_country, sa.sector AS source_sector, sa.code AS source_code,
           sa.kind AS source_kind, ta.name AS target_name, ta.country AS target_country, ta.sector AS target_sector,
           ta.code AS target_code, ta.kind AS target_kind, p.name AS place, p.country AS place_country,
           p.admin1 AS place_admin1, p.lat, p.lon, p.geonames_id, p.feature AS place_feature,
           e.article, e.id AS event_id, e.sentence, a.title, a.source AS publisher, a.url, a.added,
           substring(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence
    FROM merged_events m
    JOIN events e ON e.article = m.first_article AND e.id = m.first_event
    JOIN articles a ON a.id = e.article
    LEFT JOIN actors sa ON sa.article = e.article AND sa.id = e.source
    LEFT JOIN actors ta ON ta.article = e.article AND ta.id = e.target
    LEFT JOIN places p ON p.article = e.article AND p.id = e.place"""

# One row per event mention (as coded in one article), with the merged event it belongs to.
MENTIONS = """
    SELECT l.merged AS id, e.day, e.day AS last_day, e.cameo, e.name AS event, e.goldstein, e.quad_class, e.plover,
           e.plover_mode, 1 AS num_mentions, 1 AS num_articles, 1 AS num_sources, e.confidence, e.source_key,
           e.target_key, sa.name AS source_name, sa.country AS source_country, sa.sector AS source_sector,
           sa.code AS source_code, sa.kind AS source_kind, ta.name AS target_name, ta.country AS target_country,
           ta.sector AS target_sector, ta.code AS target_code, ta.kind AS target_kind, p.name AS place,
           p.country AS place_country, p.admin1 AS place_admin1, p.lat, p.lon, p.geonames_id,
           p.feature AS place_feature, e.article, e.id AS event_id, e.sentence, a.title, a.source AS publisher,
           a.url, a.added, substring(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence,
           e.evidence_start, e.evidence_end, e.rule, e.date, e.date_source
    FROM events e
    JOIN articles a ON a.id = e.article
    LEFT JOIN merged_links l ON l.article = e.article AND l.event = e.id
    LEFT JOIN actors sa ON sa.article = e.article AND sa.id = e.source
    LEFT JOIN actors ta ON ta.article = e.article AND ta.id = e.target
    LEFT JOIN places p ON p.article = e.article AND p.id = e.place"""

_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")


def actor_match(prefix: str, value: str) -> tuple[str, list[Any]]:
    """SQL matching the actor whose columns start with ``prefix`` ("source_", "target_", or "x." for the
    actors table) against an actor spec (see the module doc)."""
    def col(name: str) -> str:
        return f"{prefix}{name}"

    if _CODE.match(value):
        return f"({col('country')} = ? OR {col('code')} = ?)", [value, value]
    pattern = r"\b" + re.escape(value.casefold()) + r"\b"
    return f"(lower({col('key')}) = ? OR regexp_matches(lower({col('name')}), ?))", [value.casefold(), pattern]


@dataclass
class EventFilter:
    """Which events: any field left None does not filter. ``type`` is a CAMEO code prefix ("04", "042") or
    a PLOVER type ("CONSULT"); ``place`` a place name or the ISO3 country of the place."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    sector: str | None = None
    type: str | None = None
    quad: int | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        parts: list[str] = []
        params: list[Any] = []

        def add(sql: str, values: Sequence[Any]) -> None:
            parts.append(sql)
            params.extend(values)

        if self.actor:
            s, sp = actor_match("source_", self.actor)
            t, tp = actor_match("target_", self.actor)
            add(f"({s} OR {t})", sp + tp)
        for role, value in (("source_", self.source), ("target_", self.target)):
            if value:
                add(*actor_match(role, value))
        if self.country:
            add("(source_country = ? OR target_country = ?)", [self.country.upper()] * 2)
        if self.sector:
            add("(source_sector = ? OR target_sector = ?)", [self.sector.upper()] * 2)
        if self.type:
            if self.type.isdigit():
                add("cameo LIKE ?", [self.type + "%"])
            else:
                add("plover = ?", [self.type.upper()])
        if self.quad:
            add("quad_class = ?", [self.quad])
        if self.start:
            add("last_day >= CAST(? AS DATE)", [self.start])
        if self.end:
            add("day <= CAST(? AS DATE)", [self.end])
        if self.place:
            add("(lower(place) = ? OR place_country = ?)", [self.place.casefold(), self.place.upper()])
        return (" WHERE " + " AND ".join(parts)) if parts else "", params


def events(store: Store, where: EventFilter, merged: bool = True, limit: int | None = None) -> Iterator[dict]:
    clause, params = where.where()
    order = " ORDER BY day NULLS LAST, id" + ("" if merged else ", article, event_id")
    sql = f"SELECT * FROM ({MERGED if merged else MENTIONS}){clause}{order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.iter_rows(sql, params)


def dyad_series(store: Store, a: str, b: str, by: str, directed: bool, where: EventFilter) -> tuple[list, list]:
    """(rows per period with counts by quad class and mean Goldstein, rows per period and PLOVER type)."""
    clause, params = _dyad_clause(a, b, directed, where)
    unit = {"day": "day", "week": "week", "month": "month", "year": "year"}[by]
    base = f"SELECT date_trunc('{unit}', day) AS period, * FROM ({MERGED}){clause}"
    totals = store.rows(
        f"SELECT period, count(*) AS events, sum(num_mentions) AS mentions, "
        f"count(*) FILTER (quad_class = 1) AS verbal_coop, count(*) FILTER (quad_class = 2) AS material_coop, "
        f"count(*) FILTER (quad_class = 3) AS verbal_conflict, count(*) FILTER (quad_class = 4) AS material_conflict, "
        f"avg(goldstein) AS goldstein FROM ({base}) GROUP BY period ORDER BY period", params)
    types = store.rows(f"SELECT period, coalesce(plover, 'none') AS plover, count(*) AS events FROM ({base}) "
                       f"GROUP BY ALL ORDER BY period, plover", params)
    return totals, types


def _dyad_clause(a: str, b: str, directed: bool, where: EventFilter) -> tuple[str, list[Any]]:
    clause, params = where.where()
    sa, spa = actor_match("source_", a)
    tb, tpb = actor_match("target_", b)
    pair, pair_params = f"({sa} AND {tb})", spa + tpb
    if not directed:
        sb, spb = actor_match("source_", b)
        ta, tpa = actor_match("target_", a)
        pair, pair_params = f"({pair} OR ({sb} AND {ta}))", pair_params + spb + tpa
    clause = (clause + " AND " if clause else " WHERE ") + pair + " AND day IS NOT NULL"
    return clause, params + pair_params


_NODE = {  # how actors become network nodes
    "actor": ("{r}_key", "any_value({r}_name)"),
    "code": ("{r}_code", "{r}_code"),
    "country": ("{r}_country", "{r}_country"),
}


def network_edges(store: Store, level: str, where: EventFilter) -> list[dict]:
    clause, params = where.where()
    s_id, s_label = (x.format(r="source") for x in _NODE[level])
    t_id, t_label = (x.format(r="target") for x in _NODE[level])
    label_s = "any_value(source_name)" if level == "actor" else s_label
    label_t = "any_value(target_name)" if level == "actor" else t_label
    return store.rows(
        f"SELECT {s_id} AS source, {label_s} AS source_label, {t_id} AS target, {label_t} AS target_label, "
        f"count(*) AS events, sum(num_mentions) AS mentions, avg(goldstein) AS goldstein, "
        f"count(*) FILTER (quad_class IN (1, 2)) AS cooperation, count(*) FILTER (quad_class IN (3, 4)) AS conflict "
        f"FROM ({MERGED}){clause}{' AND' if clause else ' WHERE'} {s_id} IS NOT NULL AND {t_id} IS NOT NULL "
        f"GROUP BY {s_id}, {t_id}{'' if level == 'actor' else ', ' + s_label + ', ' + t_label} "
        f"ORDER BY events DESC, source, target", params)


def top_actors(store: Store, n: int, where: EventFilter) -> list[dict]:
    clause, params = where.where()
    sides = " UNION ALL ".join(
        f"SELECT id, num_mentions, goldstein, '{r}' AS role, {r}_key AS key, {r}_name AS name, {r}_code AS code, "
        f"{r}_country AS country, {r}_sector AS sector, {r}_kind AS kind FROM ({MERGED}){clause}"
        for r in ("source", "target"))
    return store.rows(
        f"SELECT key, mode(name) AS name, mode(code) AS code, mode(country) AS country, mode(sector) AS sector, "
        f"mode(kind) AS kind, count(DISTINCT id) AS events, count(*) FILTER (role = 'source') AS as_source, "
        f"count(*) FILTER (role = 'target') AS as_target, sum(num_mentions) AS mentions, avg(goldstein) AS goldstein "
        f"FROM ({sides}) WHERE key IS NOT NULL GROUP BY key ORDER BY events DESC, mentions DESC, key LIMIT {int(n)}",
        params + params)


# ---- quotes ---------------------------------------------------------------------------------------------

_QUOTES = """
    SELECT q.article, q.id, q.text, q.direct, q.cue_text AS cue, q.events, q.sentence, q.content,
           x.name AS speaker_name, x.code AS speaker_code, x.country AS speaker_country, x.sector AS speaker_sector,
           x.kind AS speaker_kind, x.key AS speaker_key,
           substring(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start) AS speaker_text,
           a.title, a.date, a.day, a.source AS publisher, a.url
    FROM quotes q JOIN articles a ON a.id = q.article
    LEFT JOIN actors x ON x.article = q.article AND x.id = q.speaker"""

# Actors named inside a quote's content, or taking part in an event coded from it.
_ABOUT = """(
    EXISTS (SELECT 1 FROM (SELECT article, id, content[i] AS s, content[i + 1] AS e
                           FROM (SELECT article, id, content, unnest(generate_series(1, len(content), 2)) AS i
                                 FROM quotes WHERE article = qq.article AND id = qq.id)) sp
            JOIN mentions mn ON mn.article = sp.article AND mn.start_char >= sp.s AND mn.end_char <= sp.e
            JOIN actors x ON x.article = mn.article AND x.id = mn.actor
            WHERE {match})
    OR EXISTS (SELECT 1 FROM events ev JOIN actors x ON x.article = ev.article AND x.id IN (ev.source, ev.target)
               WHERE ev.article = qq.article AND list_contains(qq.events, ev.id) AND {match})
    OR regexp_matches(lower(qq.text), ?))"""


def quotes(store: Store, speaker: str | None, about: str | None, start: str | None, end: str | None,
           limit: int | None) -> list[dict]:
    parts, params = [], []
    if speaker:
        sql, p = actor_match("speaker_", speaker)
        parts.append(sql)
        params += p
    if about:
        match, p = actor_match("x.", about)
        parts.append(_ABOUT.format(match=match))
        params += p + p + [r"\b" + re.escape(about.casefold()) + r"\b"]
    if start:
        parts.append("day >= CAST(? AS DATE)")
        params.append(start)
    if end:
        parts.append("day <= CAST(? AS DATE)")
        params.append(end)
    where = (" WHERE " + " AND ".join(parts)) if parts else ""
    sql = f"SELECT * FROM ({_QUOTES}) qq{where} ORDER BY day NULLS LAST, article, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.rows(sql, params)


# ---- summary and exports --------------------------------------------------------------------------------

def summary(store: Store) -> dict[str, Any]:
    counts = store.counts()
    return {
        "counts": counts,
        "dates": store.rows("SELECT min(day) AS first, max(day) AS last FROM articles")[0],
        "sources": store.scalar("SELECT count(DISTINCT source) FROM articles"),
        "actors": store.scalar("SELECT count(DISTINCT key) FROM actors"),
        "events_by_plover": store.rows(f"SELECT coalesce(plover, '-') AS type, count(*) AS events, "
                                       f"sum(num_mentions) AS mentions FROM ({MERGED}) GROUP BY ALL ORDER BY 2 DESC, 1"),
        "events_by_root": store.rows(f"SELECT substr(cameo, 1, 2) AS root, count(*) AS events FROM ({MERGED}) "
                                     f"GROUP BY ALL ORDER BY 2 DESC, 1"),
        "places": store.rows("SELECT name, mode(country) AS country, count(*) AS mentions FROM places "
                             "GROUP BY name ORDER BY 3 DESC, 1 LIMIT 10"),
        "speakers": store.rows("SELECT x.name, count(*) AS quotes FROM quotes q JOIN actors x ON x.article = q.article "
                               "AND x.id = q.speaker GROUP BY x.name ORDER BY 2 DESC, 1 LIMIT 10"),
    }


EXPORT_TABLES = {
    "events": f"SELECT * EXCLUDE (added) FROM ({MERGED}) ORDER BY day NULLS LAST, id",
    "mentions": f"SELECT * EXCLUDE (added) FROM ({MENTIONS}) ORDER BY day NULLS LAST, article, event_id",
    "articles": "SELECT id, title, date, source, url, date_source, origin, text FROM articles ORDER BY seq",
    "actors": "SELECT article, id, name, country, sector, kind, code, key, aliases, source FROM actors "
              "ORDER BY article, id",
    "quotes": "SELECT article, id, text, direct, speaker_name, speaker_code, speaker_text, cue, events, title, date, "
              f"url FROM ({_QUOTES}) ORDER BY day NULLS LAST, article, id",
    "places": "SELECT * FROM places ORDER BY article, id",
    "dictionary": "SELECT * FROM dictionary ORDER BY name",
}


def copy_table(store: Store, table: str, path: str, fmt: str) -> int:
    """Write one export table with DuckDB's COPY (csv, parquet or json lines); returns the row count."""
    options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet", "jsonl": "FORMAT json"}[fmt]
    query = EXPORT_TABLES[table]
    target = path.replace("'", "''")
    store.con.execute(f"COPY ({query}) TO '{target}' ({options})")
    return store.scalar(f"SELECT count(*) FROM ({query})")
