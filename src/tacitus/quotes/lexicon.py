"""The cue lexicon (``data/quotes/cues.tsv``): which words attribute content to a source, and what they take.

Verbs are looked up by lemma, first together with a particle or preposition they govern ("point out",
"call for"), then alone; nouns by lemma; fixed phrases ("according to") by their lower-cased words.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..resources import read_table

VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


@dataclass(frozen=True)
class Cue:
    """A lexicon entry: the cue words, their part of speech, what they take as content, and the kind of
    attribution (speech, belief, intention)."""

    words: str
    pos: str
    takes: tuple[str, ...]
    kind: str

    @property
    def particle(self) -> str | None:
        """The particle or preposition of a two-word verb cue ("out" of "point out")."""
        parts = self.words.split(" ")
        return parts[1] if self.pos == "VERB" and len(parts) == 2 else None


class CueLexicon:
    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.verbs: dict[str, Cue] = {}
        self.nouns: dict[str, Cue] = {}
        self.phrases: dict[tuple[str, ...], Cue] = {}
        for row in rows:
            cue = Cue(row["cue"], row["pos"], tuple(t for t in row["takes"].split(",") if t), row["kind"])
            if cue.pos == "VERB":
                self.verbs[cue.words] = cue
            elif cue.pos == "NOUN":
                self.nouns[cue.words] = cue
            else:
                self.phrases[tuple(cue.words.split(" "))] = cue
        self.phrase_starts = {words[0] for words in self.phrases}

    def verb(self, token: Token) -> Cue | None:
        """The entry for a verb token, preferring the entry with one of its particles or prepositions."""
        if token.tag_ not in VERB_TAGS:
            return None
        lemma = token.lemma_.lower()
        for particle in particles(token):
            cue = self.verbs.get(f"{lemma} {particle.lower_}")
            if cue is not None:
                return cue
        cue = self.verbs.get(lemma)
        return cue if cue is not None and cue.particle is None else None

    def noun(self, token: Token) -> Cue | None:
        if token.pos_ != "NOUN":
            return None
        return self.nouns.get(token.lemma_.lower())

    def phrase(self, token: Token) -> tuple[Cue, int] | None:
        """The fixed phrase starting at ``token`` and its length in tokens, if there is one."""
        if token.lower_ not in self.phrase_starts:
            return None
        doc = token.doc
        for words, cue in self.phrases.items():
            end = token.i + len(words)
            if end <= len(doc) and all(doc[token.i + k].lower_ == w for k, w in enumerate(words)):
                return cue, len(words)
        return None


def particles(verb: Token):
    """The verb's particles and prepositions, and the "for" opening a clause it governs ("called for them
    to go", parsed as a clause marker)."""
    for child in verb.children:
        if child.dep_ in ("prt", "prep"):
            yield child
        elif child.dep_ == "advcl":
            yield from (m for m in child.children if m.dep_ == "mark" and m.i == verb.i + 1)


@lru_cache(maxsize=1)
def lexicon() -> CueLexicon:
    """The cue lexicon, read once per process."""
    return CueLexicon(read_table("quotes", "cues.tsv"))
