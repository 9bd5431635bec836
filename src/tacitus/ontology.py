"""CAMEO and PLOVER facts, loaded once from package data (data/cameo.tsv, data/plover.tsv)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .resources import read_table


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad: int
    plover: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class PloverType:
    type: str
    quad: int
    legacy: tuple[str, ...]
    description: str


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    codes = {}
    for row in read_table("cameo.tsv"):
        ctx = tuple(c for c in row["plover_context"].split(";") if c)
        codes[row["code"]] = CameoCode(row["code"], row["name"], float(row["goldstein"]), int(row["quad"]),
                                       row["plover_type"] or None, row["plover_mode"] or None, ctx)
    return codes


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    return {r["type"]: PloverType(r["type"], int(r["quad"]), tuple(x for x in r["legacy"].split(";") if x),
                                  r["description"]) for r in read_table("plover.tsv")}


@lru_cache(maxsize=1)
def plover_legacy_map() -> dict[str, str]:
    """PLOVER 0.5b1 label -> PLOVER 2.0 type."""
    return {old: t.type for t in plover_types().values() for old in t.legacy}


def cameo(code: str) -> CameoCode:
    """The codebook entry for a CAMEO code; raises KeyError for codes not in CAMEO 1.1b3."""
    return cameo_codes()[code]


def is_cameo(code: str) -> bool:
    return code in cameo_codes()


def pentaclass(code: str) -> int:
    """Coarse 5-way class of a CAMEO code: 0 statement/appeal, 1 verbal coop., 2 material coop.,
    3 verbal conflict, 4 material conflict (roots 01-02, 03-05, 06-08, 09-13, 14-20)."""
    root = int(code[:2])
    return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
