"""Stage placeholder: finds no events yet (being built; see issues)."""
from __future__ import annotations


class EventStage:
    def __init__(self, **_: object) -> None:
        pass

    def __call__(self, doc, coded) -> None:
        return None
