"""The cue lexicon (``data/quotes/cues.tsv``): which words attribute content to a source, and what they take.

Verbs, nouns and adjectives are looked up by lemma, first together with a particle or preposition they
govern ("point out", "call for", "support for", "critical of"), then alone; fixed phrases ("according
to") by their lower-cased words; source prepositions ("in a poll", "in his view") by the preposition and
its object's lemma. ``forms.tsv`` corrects word forms the parser lemmatizes wrongly ("hoped" as "hop").
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
        """The particle or preposition of a two-word cue ("out" of "point out", "of" of "critical of")."""
        parts = self.words.split(" ")
        return parts[1] if self.pos in GOVERNING and len(parts) == 2 else None


GOVERNING = frozenset({"VERB", "NOUN", "ADJ"})  # cues looked up by lemma, with or without a preposition


class CueLexicon:
    def __init__(self, rows: list[dict[str, str]], forms: dict[str, str] | None = None) -> None:
        self.verbs: dict[str, Cue] = {}
        self.nouns: dict[str, Cue] = {}
        self.adjectives: dict[str, Cue] = {}
        self.sources: dict[str, Cue] = {}  # "in poll": a preposition whose object is the source
        self.phrases: dict[tuple[str, ...], Cue] = {}
        self.forms = forms or {}
        tables = {"VERB": self.verbs, "NOUN": self.nouns, "ADJ": self.adjectives, "SOURCE": self.sources}
        for row in rows:
            cue = Cue(row["cue"], row["pos"], tuple(t for t in row["takes"].split(",") if t), row["kind"])
            table = tables.get(cue.pos)
            if table is not None:
                table[cue.words] = cue
            else:
                self.phrases[tuple(cue.words.split(" "))] = cue
        self.phrase_starts = {words[0] for words in self.phrases}
        self.source_preps = {words.split(" ")[0] for words in self.sources}
        # first words of each table's entries: most tokens are rejected on their lemma alone
        self.heads = {id(table): {words.split(" ")[0] for words in table} for table in tables.values()}

    def lemma(self, token: Token) -> str:
        return self.forms.get(token.lower_) or token.lemma_.lower()

    def verb(self, token: Token) -> Cue | None:
        """The entry for a verb token, preferring the entry with one of its particles or prepositions."""
        if token.tag_ not in VERB_TAGS:
            return None
        return self._governing(token, self.verbs)

    def noun(self, token: Token) -> Cue | None:
        if token.pos_ != "NOUN":
            return None
        return self._governing(token, self.nouns)

    def adjective(self, token: Token) -> Cue | None:
        """An adjective cue predicated of its source ("she is confident that ...", "critical of X")."""
        if token.pos_ != "ADJ" or token.dep_ not in ("acomp", "xcomp", "oprd", "advcl", "conj"):
            return None
        return self._governing(token, self.adjectives)

    def source(self, token: Token) -> Cue | None:
        """A preposition whose object is the source ("in a new poll", "in his view")."""
        if token.dep_ != "prep" or token.lower_ not in self.source_preps:
            return None
        obj = next((c for c in token.children if c.dep_ == "pobj"), None)
        return None if obj is None else self.sources.get(f"{token.lower_} {self.lemma(obj)}")

    def _governing(self, token: Token, table: dict[str, Cue]) -> Cue | None:
        """The entry for the token's lemma with one of its particles or prepositions, else alone."""
        lemma = self.lemma(token)
        if lemma not in self.heads[id(table)]:
            return None
        for particle in particles(token):
            cue = table.get(f"{lemma} {particle.lower_}")
            if cue is not None:
                return cue
        cue = table.get(lemma)
        return cue if cue is not None and cue.particle is None else None

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
    for child in verb.rights:  # "on Twitter, she called ..." has no particle of the cue
        if child.dep_ in ("prt", "prep"):
            yield child
        elif child.dep_ == "advcl":
            yield from (m for m in child.children if m.dep_ == "mark" and m.i == verb.i + 1)


@lru_cache(maxsize=1)
def lexicon() -> CueLexicon:
    """The cue lexicon, read once per process."""
    forms = {row["form"]: row["lemma"] for row in read_table("quotes", "forms.tsv")}
    return CueLexicon(read_table("quotes", "cues.tsv"), forms)
