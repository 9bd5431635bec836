"""Stage placeholder: finds no places yet (being built; see issues)."""
from __future__ import annotations


class PlaceStage:
    def __init__(self, **_: object) -> None:
        pass

    def __call__(self, doc, coded) -> None:
        return None
