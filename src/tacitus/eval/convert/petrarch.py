"""PETRARCH/TABARI validation records (``<Sentence date id category>`` with ``<EventCoding>`` and ``<Text>``).

Each sentence becomes an events item dated by its ``date`` attribute. An EventCoding gives ``eventcode``
(CAMEO) and ``sourcecode``/``targetcode`` (actor codes, kept as ``code``; the first three letters, when
they are letters, are the ``country``). ``noevents`` codings, and ``error`` codings (records the coder
must reject: datelines, discarded stories, broken parses), mean no event. A sentence with an event code
that is not in CAMEO 1.1b3 (the suite tests some private codes) is left out and counted.

The suite's actors are fictional (Arnor = ARN, Gondor = GON): they resolve only with its own dictionaries.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from ... import ontology
from .common import Conversion, ConvertError, unique_id

_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ConvertError(f"{path}:{exc.position[0]}", f"not well-formed XML ({exc})") from None
    except OSError as exc:
        raise ConvertError(str(path), f"cannot read ({exc})") from None


def actor(code: str | None) -> dict[str, Any] | None:
    if not code:
        return None
    out: dict[str, Any] = {"code": code}
    if re.match(r"^[A-Z]{3}", code):
        out["country"] = code[:3]
    return out


def iso_date(value: str | None) -> str | None:
    match = _DATE.match((value or "").strip())
    return f"{match.group(1)}-{match.group(2)}-{match.group(3)}" if match else None


def read(path: Path) -> Conversion:
    conv = Conversion("events")
    seen: set[str] = set()
    for sentence in parse(path).iter("Sentence"):
        conv.counts["sentences read"] += 1
        text_node = sentence.find("Text")
        text = " ".join((text_node.text or "").split()) if text_node is not None else ""
        if not text:
            conv.counts["left out: no text"] += 1
            continue
        events, unknown = [], []
        for coding in sentence.findall("EventCoding"):
            if coding.get("noevents") or coding.get("error"):
                conv.counts["codings: no event" if coding.get("noevents") else "codings: error (to be rejected)"] += 1
                continue
            code = (coding.get("eventcode") or "").strip()
            if not ontology.is_cameo(code):
                unknown.append(code)
                continue
            events.append({"cameo": code, "source": actor(coding.get("sourcecode")),
                           "target": actor(coding.get("targetcode"))})
        if unknown:
            conv.counts["left out: event code not in CAMEO"] += 1
            continue
        conv.counts["events"] += len(events)
        conv.items.append({"id": unique_id(sentence.get("id") or "sentence", seen, conv),
                           "text": text, "date": iso_date(sentence.get("date")), "events": events})
    return conv

