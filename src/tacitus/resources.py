"""Package data files: tab-separated tables in ``tacitus/data``, read once by the stage that owns them."""
from __future__ import annotations

from importlib import resources


def data_text(*path: str) -> str:
    return resources.files("tacitus").joinpath("data", *path).read_text(encoding="utf-8")


def read_table(*path: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file as dicts. Lines starting with '#' and blank lines are skipped; the
    first remaining line is the header; missing trailing cells read as ''."""
    lines = [ln for ln in data_text(*path).splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    width = len(header)
    return [dict(zip(header, (ln.split("\t") + [""] * width)[:width])) for ln in lines[1:]]
