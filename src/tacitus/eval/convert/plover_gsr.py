"""PLOVER gold standard records (PLOVER_GSR_CAMEO, a JSON array, PLOVER 0.5b1 labels).

Events: one item per coded sentence. The 0.5b1 label is mapped to PLOVER 2.0 with
``ontology.plover_legacy_map()``; a record whose label does not map is left out and counted. Source and
target are lists of actors (compound actors); each source-target pair becomes one event, as CAMEO codes
compound actors. When the markup marks actors ``SRC/TAR`` (reciprocal, "A and B agreed") and no target
is given, each ordered pair of distinct sources is an event. A side the record does not give is ``null``.

Actors: ``country`` is the record's ``code`` (ISO3, or IGO/NGO...; the few non-ISO codes that plainly stand
for an ISO3 one, such as JAP, are normalised through data/eval/country_code_fixes.tsv), ``sector`` the first three letters of
its ``sector`` (``CVLalb`` -> ``CVL``; the ethnic or religious suffix is kept in ``code``). The records
include only non-null fields, so an actor without a sector asserts none (``null``); ``***`` (unknown) is
left unscored (key absent).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ... import ontology
from ...resources import read_table
from .common import Conversion, ConvertError, unique_id

UNKNOWN_SECTOR = "***"


def load_records(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConvertError(f"{path}:{exc.lineno}", f"not valid JSON ({exc.msg})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConvertError(str(path), f"cannot read ({exc})") from None
    if not isinstance(data, list):
        raise ConvertError(str(path), "expected a JSON array of records")
    return [r for r in data if isinstance(r, dict) and isinstance(r.get("text"), str) and r["text"].strip()]


def actor_list(value: Any) -> list[dict[str, Any]]:
    """The record's actors on one side; a non-list value ('' or a stray word) means none."""
    if not isinstance(value, list):
        return []
    return [a for a in value if isinstance(a, dict) and a.get("code")]


_CODE_FIXES: dict[str, str] = {}


def iso3(code: str) -> str:
    """The ISO3 code a gold country code stands for (data/eval/country_code_fixes.tsv), else the code."""
    if not _CODE_FIXES:
        _CODE_FIXES.update({r["gold"]: r["iso3"] for r in read_table("eval", "country_code_fixes.tsv")})
    return _CODE_FIXES.get(code, code)


def actor(record_actor: dict[str, Any]) -> dict[str, Any]:
    code = iso3(str(record_actor["code"]).strip().upper())
    raw = str(record_actor.get("sector") or "").strip()
    out: dict[str, Any] = {"country": code}
    if raw != UNKNOWN_SECTOR:
        out["sector"] = raw[:3].upper() or None
    out["code"] = code + ("" if raw == UNKNOWN_SECTOR else raw.upper())
    out["text"] = record_actor.get("actorText")
    return out


def reciprocal(record: dict[str, Any]) -> bool:
    markup = (record.get("textInfo") or {}).get("markup", "") if isinstance(record.get("textInfo"), dict) else ""
    return "SRC/TAR" in markup


def pairs(record: dict[str, Any]) -> list[tuple[dict | None, dict | None]]:
    sources, targets = actor_list(record.get("source")), actor_list(record.get("target"))
    if not targets and len(sources) > 1 and reciprocal(record):
        return [(a, b) for a in sources for b in sources if a is not b]
    return [(s, t) for s in (sources or [None]) for t in (targets or [None])]


def load_unique(path: Path, conv: Conversion) -> list[dict[str, Any]]:
    """The coded sentences, each with a unique ``id`` (the file repeats one)."""
    seen: set[str] = set()
    records = load_records(path)
    for record in records:
        record["id"] = unique_id(str(record.get("id") or "record"), seen, conv)
    return records


def read_events(path: Path) -> Conversion:
    conv = Conversion("events")
    legacy = ontology.plover_legacy_map()
    for record in load_unique(path, conv):
        conv.counts["records read"] += 1
        label = str(record.get("event", ""))
        plover = legacy.get(label) or (label if label in ontology.plover_types() else None)
        if plover is None:
            conv.counts[f"left out: 0.5b1 label {label} has no PLOVER 2.0 type"] += 1
            continue
        events = []
        for source, target in pairs(record):
            event: dict[str, Any] = {"plover": plover, "source": actor(source) if source else None,
                                     "target": actor(target) if target else None}
            place = record.get("eventLoc")
            if isinstance(place, dict) and place.get("name"):
                event["place"] = {"name": place["name"]}
            events.append(event)
        conv.counts["events"] += len(events)
        conv.counts["records with several events (compound actors)"] += len(events) > 1
        conv.items.append({"id": record["id"], "text": record["text"], "date": record.get("date"),
                           "events": events})
    return conv


def read_actors(path: Path) -> Conversion:
    conv = Conversion("actors")
    for record in load_unique(path, conv):
        conv.counts["records read"] += 1
        seen = set()
        for side in ("source", "target"):
            for a in actor_list(record.get(side)):
                coded = actor(a)
                key = (coded["text"], coded["code"])
                if not coded["text"] or key in seen:
                    continue
                seen.add(key)
                item = {"id": f"{record.get('id')}-{len(seen)}", "text": coded["text"],
                        "context": record["text"], "date": record.get("date"), "country": coded["country"]}
                if "sector" in coded:
                    item["sector"] = coded["sector"]
                else:
                    conv.counts["sector unknown (***), not scored"] += 1
                conv.items.append(item)
    return conv
