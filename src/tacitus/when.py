"""Stage placeholder: resolves no dates yet (being built; see issues)."""
from __future__ import annotations


class TimeStage:
    def __init__(self, **_: object) -> None:
        pass

    def __call__(self, doc, coded) -> None:
        return None
