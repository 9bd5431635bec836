"""Stage placeholder: finds no quotes yet (being built; see issues)."""
from __future__ import annotations


class QuoteStage:
    def __init__(self, **_: object) -> None:
        pass

    def __call__(self, doc, coded) -> None:
        return None
