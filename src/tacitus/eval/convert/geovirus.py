"""GeoVirus (WikiNews articles with place names and coordinates, XML) -> places items.

Every ``<location>`` element with its own ``<name>`` is a place (the file nests one location inside
another once; both are read). Articles inside XML comments (empty templates at the end of the file) are
not articles. The published offsets are one character past the name in this copy, so each place is
aligned to its name: the given offsets if the text there is the name, else the same span shifted by up to
two characters, else the nearest occurrence of the name; a place whose name is not in the text is left
out. All of this is counted.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from .common import Conversion, ConvertError

SHIFTS = (0, -1, 1, -2, 2)


def _float(node: ET.Element, tag: str) -> float | None:
    value = (node.findtext(tag) or "").strip()
    try:
        return float(value) if value else None
    except ValueError:
        return None


def align(text: str, name: str, start: int, end: int) -> tuple[tuple[int, int] | None, str]:
    """The span of ``name`` in ``text`` near (start, end), and how it was found."""
    for shift in SHIFTS:
        if start + shift >= 0 and text[start + shift:end + shift] == name:
            return (start + shift, end + shift), "as given" if shift == 0 else f"shifted by {shift:+d}"
    found, at = [], text.find(name) if name else -1
    while at >= 0:
        found.append(at)
        at = text.find(name, at + 1)
    if not found:
        return None, "name not in text (left out)"
    best = min(found, key=lambda i: abs(i - start))
    return (best, best + len(name)), "nearest occurrence of the name"


def place(node: ET.Element, text: str, conv: Conversion) -> dict[str, Any] | None:
    name = node.findtext("name") or ""
    try:
        start, end = int(node.findtext("start") or ""), int(node.findtext("end") or "")
    except ValueError:
        conv.counts["places without offsets (left out)"] += 1
        return None
    span, how = align(text, name, start, end)
    conv.counts[f"place offsets: {how}"] += 1
    if span is None:
        return None
    return {"start": span[0], "end": span[1], "name": name, "lat": _float(node, "lat"), "lon": _float(node, "lon")}


def read(path: Path) -> Conversion:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ConvertError(f"{path}:{exc.position[0]}", f"not well-formed XML ({exc})") from None
    except OSError as exc:
        raise ConvertError(str(path), f"cannot read ({exc})") from None
    conv = Conversion("places")
    for number, article in enumerate(root.iter("article"), 1):
        text = article.findtext("text") or ""
        if not text.strip():
            conv.counts["articles without text (left out)"] += 1
            continue
        places = [p for node in article.iter("location") if node.find("name") is not None
                  for p in [place(node, text, conv)] if p]
        conv.counts["places"] += len(places)
        conv.items.append({"id": f"geovirus-{number}", "text": text, "source": article.findtext("source"),
                           "places": places})
    conv.counts["articles"] = len(conv.items)
    return conv
