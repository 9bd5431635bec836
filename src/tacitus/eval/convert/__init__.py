"""Converters from each published gold set (``../shared/eval/<folder>``) to the generic formats.

``convert(fmt, src, out)`` reads ``src`` in format ``fmt`` (see ``CONVERTERS``), checks every item
against the generic format, writes JSON Lines to ``out`` and returns the counts of what was kept and left
out. Converted files hold gold text: they belong under ``build/eval/`` (git-ignored), never in the
repository.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..formats import _Invalid, validate_item, write_items
from . import cameo_codebook, conflibert, geovirus, petrarch, plover_gsr, polnear
from .common import Conversion, ConvertError


@dataclass(frozen=True)
class Converter:
    task: str
    read: Callable[[Path], Conversion]
    source: str  # what SRC is, for help texts


CONVERTERS: dict[str, Converter] = {
    "plover-gsr": Converter("events", plover_gsr.read_events, "plover_gsr/PLOVER_GSR_CAMEO.json"),
    "plover-gsr-actors": Converter("actors", plover_gsr.read_actors, "plover_gsr/PLOVER_GSR_CAMEO.json"),
    "cameo-codebook": Converter("events", cameo_codebook.read, "cameo_codebook_examples/cameo-codes.csv"),
    "conflibert-class": Converter("events", conflibert.read_class, "conflibert_cameo/cameo_class/test.tsv"),
    "conflibert-ner": Converter("events", conflibert.read_ner, "conflibert_cameo/cameo_ner/test.txt"),
    "petrarch": Converter("events", petrarch.read, "petrarch_unittest/PETR.UnitTest.records.xml"),
    "polnear": Converter("quotes", polnear.read, "polnear/dev (a split folder with text/ and attributions/)"),
    "geovirus": Converter("places", geovirus.read, "geovirus/GeoVirus.xml"),
}


def read(fmt: str, src: str | Path) -> Conversion:
    """Read ``src`` in format ``fmt``; every item is checked against the generic format of its task."""
    if fmt not in CONVERTERS:
        raise ConvertError("format", f"unknown format {fmt!r} (formats: {', '.join(CONVERTERS)})")
    src = Path(src)
    if not src.exists():
        raise ConvertError(str(src), "no such file or folder")
    converter = CONVERTERS[fmt]
    conversion = converter.read(src)
    for item in conversion.items:
        try:
            validate_item(item, converter.task)
        except _Invalid as exc:
            raise ConvertError(str(src), f"item {item.get('id')} does not fit the {converter.task} format: {exc}") from None
    return conversion


def convert(fmt: str, src: str | Path, out: str | Path) -> Conversion:
    conversion = read(fmt, src)
    write_items(out, conversion.items)
    return conversion


__all__ = ["CONVERTERS", "Conversion", "ConvertError", "convert", "read"]
