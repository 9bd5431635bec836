"""The where stage (being built: finds no places yet)."""
from __future__ import annotations


class PlaceStage:
    def __init__(self, **_: object) -> None:
        pass

    def __call__(self, doc, coded) -> None:
        return None
