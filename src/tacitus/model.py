"""The document model: what Tacitus reads (Article) and what it finds in it (CodedArticle).

Every record keeps character offsets into ``Article.text`` (Python string indices, end exclusive), so any
actor, event, quote, date or place can be traced back to its evidence. Records serialise to plain JSON
and back without loss (``to_dict`` / ``from_dict``).
"""
from __future__ import annotations

import bisect
import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar

Span = tuple[int, int]


def content_id(text: str) -> str:
    """Article id: a hash of the text with whitespace and Unicode form normalised, so re-fetched copies match."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


class Record:
    """JSON round-tripping for the dataclasses below: tuples become lists and back, nested records recurse."""

    _nested: ClassVar[dict[str, type]] = {}
    _span_fields: ClassVar[frozenset[str]] = frozenset()
    _span_list_fields: ClassVar[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if f.name in self._nested:
                value = [v.to_dict() for v in value] if isinstance(value, list) else (
                    value.to_dict() if value is not None else None)
            elif isinstance(value, tuple):
                value = list(value)
            elif f.name in self._span_list_fields:
                value = [list(s) for s in value]
            elif isinstance(value, (list, dict)):
                value = _plain(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        kwargs: dict[str, Any] = {}
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        for key, value in data.items():
            if key not in names:
                continue
            if key in cls._nested and value is not None:
                sub = cls._nested[key]
                value = [sub.from_dict(v) for v in value] if isinstance(value, list) else sub.from_dict(value)
            elif key in cls._span_fields and value is not None:
                value = (int(value[0]), int(value[1]))
            elif key in cls._span_list_fields and value is not None:
                value = [(int(s[0]), int(s[1])) for s in value]
            kwargs[key] = value
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@dataclass
class Article(Record):
    """One news text as read. ``date`` is the publication date (ISO ``YYYY-MM-DD``) and the base for
    relative dates; ``date_source`` says where it came from (argument, metadata, dateline, field)."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    id: str = ""
    date_source: str | None = None
    origin: str | None = None  # file (and line) the article was read from

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)


@dataclass
class Sentence(Record):
    index: int
    start: int
    end: int


@dataclass
class Mention(Record):
    """A span that refers to an actor (or, for label GPE/LOC, possibly a place).

    kind: name | title | demonym | country | organization | pronoun | nominal.
    """

    start: int
    end: int
    text: str
    label: str
    sentence: int
    kind: str = "name"
    actor: str | None = None


@dataclass
class Evidence(Record):
    """Where an actor's identity was learned: article id, character span of the defining phrase, and the
    country and sector that phrase claims (evidence may conflict; all of it is kept)."""

    article: str
    start: int
    end: int
    text: str
    date: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class Actor(Record):
    """A resolved participant. ``code`` joins country and sector CAMEO-style (``BLRGOV``); ``kind`` is
    person | state | organization | group. ``source`` says how the identity was resolved
    (title, apposition, lexicon, dictionary)."""

    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    kind: str = "group"
    aliases: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)
    source: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    _nested: ClassVar[dict[str, type]] = {"evidence": Evidence}

    @property
    def code(self) -> str:
        return (self.country or "") + (self.sector or "")

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "code": self.code}


@dataclass
class Place(Record):
    """A place name in the text and, when resolved, where it is. ``reason`` says why it is unresolved."""

    id: str
    name: str
    start: int
    end: int
    sentence: int
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO3
    admin1: str | None = None
    geonames_id: int | None = None
    feature: str | None = None  # city | country | region | continent
    resolved: bool = False
    reason: str | None = None


@dataclass
class TimeRef(Record):
    """A date expression resolved against the publication date. resolution: day | week | month | year
    (a week value is an ISO week, ``2012-W52``)."""

    id: str
    text: str
    start: int
    end: int
    sentence: int
    value: str | None = None
    resolution: str | None = None
    relative: bool = False


@dataclass
class Event(Record):
    """Who did what to whom. Actor fields hold actor ids of the same CodedArticle.

    ``date_source`` is "text" when a date expression in the clause supports the date, "publication" when the
    publication date stands in for it, "unknown" when the text says the event happened earlier but not when
    (``date`` is then None). ``rule`` names the lexicon entry or model that produced the event.
    """

    id: str
    source: str | None
    target: str | None
    cameo: str
    name: str = ""
    goldstein: float | None = None
    quad_class: int | None = None
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: list[str] = field(default_factory=list)
    date: str | None = None
    date_resolution: str | None = None
    date_source: str | None = None
    place: str | None = None
    sentence: int = 0
    evidence: Span = (0, 0)
    trigger: Span = (0, 0)
    source_span: Span | None = None
    target_span: Span | None = None
    confidence: float = 0.5
    rule: str = ""
    quote: str | None = None
    _span_fields: ClassVar[frozenset[str]] = frozenset({"evidence", "trigger", "source_span", "target_span"})


@dataclass
class Quote(Record):
    """Words attributed to a speaker. ``content`` may be discontinuous (several spans)."""

    id: str
    content: list[Span]
    direct: bool
    speaker_span: Span | None = None
    speaker: str | None = None  # actor id
    cue: Span | None = None
    cue_text: str | None = None
    sentence: int = 0
    events: list[str] = field(default_factory=list)
    _span_fields: ClassVar[frozenset[str]] = frozenset({"speaker_span", "cue"})
    _span_list_fields: ClassVar[frozenset[str]] = frozenset({"content"})


@dataclass
class CodedArticle(Record):
    """An article with everything Tacitus found in it."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _nested: ClassVar[dict[str, type]] = {
        "article": Article, "sentences": Sentence, "mentions": Mention, "actors": Actor,
        "places": Place, "times": TimeRef, "events": Event, "quotes": Quote,
    }

    def sentence_at(self, char: int) -> int:
        """Index of the sentence holding character offset ``char`` (the nearest one before it if none does)."""
        starts = self.__dict__.get("_sentence_starts")
        if starts is None or len(starts) != len(self.sentences):
            starts = self.__dict__["_sentence_starts"] = [s.start for s in self.sentences]
        return max(bisect.bisect_right(starts, char) - 1, 0)

    def span_text(self, span: Span | None) -> str | None:
        return None if span is None else self.article.text[span[0]:span[1]]

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str | None) -> Place | None:
        if place_id is None:
            return None
        return next((p for p in self.places if p.id == place_id), None)


@dataclass
class DatedCode(Record):
    """An actor code valid in a date range (PETRARCH/TABARI ``[USAGOV 890120-930120]``); open ends are None."""

    code: str
    start: str | None = None
    end: str | None = None


@dataclass
class DictionaryEntry(Record):
    """A known actor in the actor dictionary: learned from reading (origin "learned", with evidence),
    imported from a PETRARCH/TABARI dictionary ("imported", with dated codes) or edited by a user ("user").
    ``country``/``sector`` are the current best reading of the evidence; ``first_seen``/``last_seen`` the
    publication dates it was seen between; ``count`` how many articles support it."""

    name: str
    country: str | None = None
    sector: str | None = None
    kind: str = "person"
    aliases: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    count: int = 0
    origin: str = "learned"
    codes: list[DatedCode] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    _nested: ClassVar[dict[str, type]] = {"codes": DatedCode, "evidence": Evidence}
