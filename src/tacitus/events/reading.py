"""A reading: one event read off a sentence, before its actors are resolved (``compose`` makes them,
``assign`` finds their roles, ``build`` turns them into ``Event`` records)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .match import Trigger


@dataclass
class Reading:
    """One event read off a sentence, before its actors are resolved."""

    code: str
    chain: list[Trigger]  # outermost trigger first
    sources: list[Token]
    targets: list[Token]
    participants: list[Token] = field(default_factory=list)  # "between X and Y"
    recip: bool = False
    needtarget: bool = False
    swap: bool = False
    statement: bool = False
    content: list[Token] = field(default_factory=list)  # what a statement says
    future: bool = False
    target_options: list[list[Token]] = field(default_factory=list)  # places to look for the target, in order
    deep: list[Token] = field(default_factory=list)  # last resort: tokens inside the predicate

    @property
    def outer(self) -> Trigger:
        return self.chain[0]

    @property
    def act(self) -> Trigger:
        return self.chain[-1]

    @property
    def rule(self) -> str:
        return " > ".join(t.entry.rule for t in self.chain)
