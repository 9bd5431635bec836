"""Read, validate and write the generic gold formats (JSON Lines, one object a line; see FORMATS.md).

Every problem is reported as a ``GoldError`` naming the file, the line and the field, for example
``gold.jsonl:12: quotes[0].content[1]: offsets [40, 999] out of range (text has 312 characters)``.
A key that is absent is not scored; a key whose value is ``null`` asserts "none": validation keeps that
distinction (it never fills in missing keys).
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .. import ontology
from . import TASKS

Item = dict[str, Any]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CAMEO = re.compile(r"^\d{2,4}$")


class GoldError(ValueError):
    """A malformed gold (or predictions) file: ``origin`` is ``file:line``."""

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


class _Invalid(ValueError):
    """Raised inside validators with the field path; turned into a GoldError with file and line."""


def check_task(task: str) -> str:
    if task not in TASKS:
        raise GoldError("task", f"unknown task {task!r} (tasks: {', '.join(TASKS)})")
    return task


def read_items(path: str | Path, task: str) -> list[Item]:
    """All items of a gold or predictions file, validated for ``task``. Blank lines are skipped; ids must be
    unique (an item without ``id`` gets ``line<N>``)."""
    check_task(task)
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise GoldError(str(path), "no such file") from None
    except UnicodeDecodeError as exc:
        raise GoldError(str(path), f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise GoldError(str(path), exc.strerror or str(exc)) from None
    items: list[Item] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        item = parse_line(line, origin)
        try:
            validate_item(item, task)
        except _Invalid as exc:
            raise GoldError(origin, str(exc)) from None
        item.setdefault("id", f"line{number}")
        item["id"] = str(item["id"])
        if item["id"] in seen:
            raise GoldError(origin, f"id: {item['id']!r} repeats line {seen[item['id']]}")
        seen[item["id"]] = number
        items.append(item)
    return items


def parse_line(line: str, origin: str) -> Item:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldError(origin, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(item, dict):
        raise GoldError(origin, f"expected a JSON object, got {type(item).__name__}")
    return item


def write_items(path: str | Path, items: Iterable[Item]) -> int:
    """Write items as JSON Lines (UTF-8, one object a line); returns how many were written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
    return count


# --- validation -------------------------------------------------------------------------------------------

def validate_item(item: Item, task: str) -> None:
    _common(item)
    VALIDATORS[task](item)


def _common(item: Item) -> None:
    if "id" in item and not isinstance(item["id"], (str, int)):
        raise _Invalid("id: must be a string or an integer")
    if "text" not in item:
        raise _Invalid("text: missing")
    if not isinstance(item["text"], str):
        raise _Invalid("text: must be a string")
    _optional_date(item, "date", "date")


def _events_item(item: Item) -> None:
    if "pentaclass" in item and item["pentaclass"] is not None:
        if not isinstance(item["pentaclass"], int) or isinstance(item["pentaclass"], bool) \
                or not 0 <= item["pentaclass"] <= 4:
            raise _Invalid("pentaclass: must be an integer 0-4 or null")
    if "events" not in item:
        return
    events = item["events"]
    if not isinstance(events, list):
        raise _Invalid("events: must be a list ([] means no event)")
    for i, event in enumerate(events):
        _event(event, f"events[{i}]")


def _event(event: Any, where: str) -> None:
    if not isinstance(event, dict):
        raise _Invalid(f"{where}: must be an object")
    plover = event.get("plover")
    if plover is not None and plover not in ontology.plover_types():
        raise _Invalid(f"{where}.plover: unknown PLOVER 2.0 type {plover!r} "
                       f"(types: {', '.join(ontology.plover_types())})")
    cameo = event.get("cameo")
    if cameo is not None and (not isinstance(cameo, str) or not _CAMEO.match(cameo)
                              or not ontology.is_cameo(cameo)):
        raise _Invalid(f"{where}.cameo: unknown CAMEO code {cameo!r} (a string such as \"040\")")
    for side in ("source", "target"):
        if side in event and event[side] is not None:
            _actor_fields(event[side], f"{where}.{side}", ("country", "sector", "code", "text"))
    _optional_date(event, "date", f"{where}.date")
    if event.get("place") is not None:
        place = event["place"]
        if not isinstance(place, dict):
            raise _Invalid(f"{where}.place: must be an object or null")
        _coordinates(place, f"{where}.place")
    if "confidence" in event and not isinstance(event["confidence"], (int, float)):
        raise _Invalid(f"{where}.confidence: must be a number")


def _actor_fields(value: Any, where: str, keys: tuple[str, ...]) -> None:
    if not isinstance(value, dict):
        raise _Invalid(f"{where}: must be an object or null")
    for key in keys:
        if key in value and value[key] is not None and not isinstance(value[key], str):
            raise _Invalid(f"{where}.{key}: must be a string or null")


def _actors_item(item: Item) -> None:
    if "context" in item and item["context"] is not None and not isinstance(item["context"], str):
        raise _Invalid("context: must be a string or null")
    for key in ("country", "sector"):
        if key in item and item[key] is not None and not isinstance(item[key], str):
            raise _Invalid(f"{key}: must be a string or null")


def _quotes_item(item: Item) -> None:
    quotes = item.get("quotes")
    if "quotes" not in item:
        return
    if not isinstance(quotes, list):
        raise _Invalid("quotes: must be a list")
    size = len(item["text"])
    for i, quote in enumerate(quotes):
        where = f"quotes[{i}]"
        if not isinstance(quote, dict):
            raise _Invalid(f"{where}: must be an object")
        if "content" not in quote:
            raise _Invalid(f"{where}.content: missing")
        _spans(quote["content"], f"{where}.content", size, nullable=False)
        for key in ("speaker", "cue"):
            if key in quote:
                _spans(quote[key], f"{where}.{key}", size, nullable=True)
        if quote.get("speaker_mentions"):
            _spans(quote["speaker_mentions"], f"{where}.speaker_mentions", size, nullable=True)
        if "direct" in quote and quote["direct"] is not None and not isinstance(quote["direct"], bool):
            raise _Invalid(f"{where}.direct: must be true, false or null")


def _places_item(item: Item) -> None:
    if "places" not in item:
        return
    places = item["places"]
    if not isinstance(places, list):
        raise _Invalid("places: must be a list")
    size = len(item["text"])
    for i, place in enumerate(places):
        where = f"places[{i}]"
        if not isinstance(place, dict):
            raise _Invalid(f"{where}: must be an object")
        for key in ("start", "end"):
            if key not in place:
                raise _Invalid(f"{where}.{key}: missing")
        _span([place["start"], place["end"]], where, size)
        if "name" in place and place["name"] is not None and not isinstance(place["name"], str):
            raise _Invalid(f"{where}.name: must be a string")
        _coordinates(place, where)


def _spans(value: Any, where: str, size: int, nullable: bool) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, list) or not value:
        raise _Invalid(f"{where}: must be a non-empty list of [start, end] pairs"
                       + (" or null" if nullable else ""))
    for j, span in enumerate(value):
        _span(span, f"{where}[{j}]", size)


def _span(span: Any, where: str, size: int) -> None:
    if not (isinstance(span, list) and len(span) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in span)):
        raise _Invalid(f"{where}: a span must be a [start, end] pair of integers, got {json.dumps(span)}")
    start, end = span
    if not 0 <= start < end <= size:
        raise _Invalid(f"{where}: offsets [{start}, {end}] out of range or empty "
                       f"(need 0 <= start < end <= {size}, the length of text)")


def _coordinates(place: dict, where: str) -> None:
    for key, limit in (("lat", 90.0), ("lon", 180.0)):
        value = place.get(key)
        if value is None:
            continue
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not -limit <= value <= limit:
            raise _Invalid(f"{where}.{key}: must be a number within ±{limit:g} or null")


def _optional_date(obj: dict, key: str, where: str) -> None:
    value = obj.get(key)
    if value is not None and (not isinstance(value, str) or not _DATE.match(value)):
        raise _Invalid(f"{where}: must be YYYY-MM-DD or null, got {json.dumps(value)}")


VALIDATORS: dict[str, Callable[[Item], None]] = {
    "events": _events_item, "actors": _actors_item, "quotes": _quotes_item, "places": _places_item,
}
