"""Stage placeholder: finds no mentions and actors yet (being built; see issues)."""
from __future__ import annotations


class ActorStage:
    def __init__(self, dictionary=None, **_: object) -> None:
        pass

    def __call__(self, doc, coded) -> None:
        return None
