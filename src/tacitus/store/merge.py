"""Merging reports of the same event into one, as a pure function of the set of event mentions.

Several articles (or sentences) often report one event. Mentions are merged when they share the dyad (the
cross-article keys of both actors, see ``actor_key``), the CAMEO root, fall within a day of each other and
name compatible places. The result depends only on the set of mentions, never on the order they arrived
in, so a corpus ingested in any order, or resumed after a crash, merges the same way:

1. Mentions of one group (source key, target key, root) are sorted by day. Days are cut into windows
   greedily: a window starts at the earliest day not yet covered and spans that day and the next.
   A window's extent depends only on earlier days up to the last gap, so a day without mentions cuts the
   group into independent runs; a new mention only changes the run of consecutive days it falls in.
2. Inside a window, mentions that name a place are grouped by place compatibility (same GeoNames id or
   name, within ``NEAR_KM``, or a country that holds the other place); mentions without a place join the
   window's largest cluster.

For roots listed in ``data/symmetric_roots.tsv`` (consultations: "A met B" and "B met A" report one
meeting) the dyad is unordered.
"""
from __future__ import annotations

import hashlib
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from ..model import Actor
from ..resources import read_table

NEAR_KM = 50.0


@lru_cache(maxsize=1)
def symmetric_roots() -> frozenset[str]:
    return frozenset(row["root"] for row in read_table("symmetric_roots.tsv"))


def normalize_name(name: str) -> str:
    """Case, accents, punctuation and spacing removed: 'Lukashenko', 'LUKASHENKO ' and 'Lukashénko' agree."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = "".join(ch if ch.isalnum() else " " for ch in text.casefold())
    return " ".join(text.split())


def actor_key(actor: Actor | None) -> str | None:
    """Who an actor is across articles. Persons and organisations are told apart by name (two presidents
    share a code, two organisations may share the IGO sector); states by country; other groups by their
    CAMEO code ("BLRGOV", "GEOOPP"), which is what two reports of the same group share, and by name when
    they have no code."""
    if actor is None:
        return None
    if actor.kind == "person" or actor.kind == "organization":
        return f"{actor.kind}:{normalize_name(actor.name)}"
    if actor.kind == "state" and actor.country:
        return actor.country
    return actor.code or f"{actor.kind}:{normalize_name(actor.name)}"


def dyad_of(root: str, source_key: str | None, target_key: str | None) -> tuple[str, str]:
    """The group's dyad: ordered, or sorted for symmetric roots. Missing actors read as ''."""
    pair = (source_key or "", target_key or "")
    return tuple(sorted(pair)) if root in symmetric_roots() else pair  # type: ignore[return-value]


@dataclass(frozen=True)
class PlaceRef:
    """What merging needs of a place."""

    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.name or self.geonames_id or self.country)

    @property
    def rank(self) -> int:
        """More specific places first, so a cluster is represented by its most precise place."""
        return {"city": 0, "region": 1, "country": 2, "continent": 3}.get(self.feature or "", 1)

    def sort_key(self) -> tuple:
        return (self.rank, self.geonames_id or 0, normalize_name(self.name or ""), self.country or "")


def compatible(a: PlaceRef, b: PlaceRef) -> bool:
    """Could both names describe where one event happened?"""
    if a.geonames_id and a.geonames_id == b.geonames_id:
        return True
    if a.name and b.name and normalize_name(a.name) == normalize_name(b.name):
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon) and a.feature != "country" and b.feature != "country":
        return distance_km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM  # type: ignore[arg-type]
    for whole, part in ((a, b), (b, a)):
        if whole.feature == "country" and whole.country and whole.country == part.country:
            return True
    return False


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


@dataclass(frozen=True)
class MentionRef:
    """One event mention as merging sees it."""

    article: str
    event: str
    day: date | None
    place: PlaceRef = field(default_factory=PlaceRef)
    cameo: str = ""
    source: str | None = None  # the publisher, for NumSources
    confidence: float = 0.0

    def order(self) -> tuple:
        return (self.day or date.min, not self.place.known, self.place.sort_key(), self.article, self.event)


@dataclass
class Cluster:
    """Mentions merged into one event; ``anchor`` is the window's first day, ``place`` its representative."""

    anchor: date
    place: PlaceRef
    mentions: list[MentionRef] = field(default_factory=list)


def cluster(mentions: Iterable[MentionRef]) -> list[Cluster]:
    """Clusters of one group's dated mentions; a function of the set of mentions alone."""
    unique = {(m.article, m.event): m for m in mentions if m.day is not None}  # a mention counts once
    ordered = sorted(unique.values(), key=MentionRef.order)
    out: list[Cluster] = []
    for window in windows(ordered):
        out.extend(split_by_place(window))
    return out


def windows(ordered: Sequence[MentionRef]) -> Iterable[list[MentionRef]]:
    """Greedy two-day windows over mentions sorted by day."""
    current: list[MentionRef] = []
    end: date | None = None
    for mention in ordered:
        if end is None or mention.day > end:  # type: ignore[operator]
            if current:
                yield current
            current, end = [], mention.day + timedelta(days=1)  # type: ignore[operator]
        current.append(mention)
    if current:
        yield current


def split_by_place(window: list[MentionRef]) -> list[Cluster]:
    anchor = window[0].day
    placed = sorted((m for m in window if m.place.known), key=lambda m: (m.place.sort_key(), m.order()))
    clusters: list[Cluster] = []
    for mention in placed:
        home = next((c for c in clusters if compatible(c.place, mention.place)), None)
        if home is None:
            home = Cluster(anchor, mention.place)  # type: ignore[arg-type]
            clusters.append(home)
        home.mentions.append(mention)
    unplaced = [m for m in window if not m.place.known]
    if unplaced:
        if clusters:
            max(clusters, key=lambda c: len(c.mentions)).mentions.extend(unplaced)  # first of the largest
        else:
            clusters.append(Cluster(anchor, PlaceRef(), unplaced))  # type: ignore[arg-type]
    for c in clusters:
        c.mentions.sort(key=MentionRef.order)
    return clusters


def run_of(days: Iterable[date], day: date) -> tuple[date, date]:
    """First and last day of the run of consecutive days (among ``days``) that holds ``day``."""
    present = set(days) | {day}
    first = last = day
    while first - timedelta(days=1) in present:
        first -= timedelta(days=1)
    while last + timedelta(days=1) in present:
        last += timedelta(days=1)
    return first, last


def merged_id(group: tuple[str, str, str], c: Cluster, index: int) -> str:
    """Stable for a given set of mentions: the group, the window's first day and the place it is about."""
    place = c.place
    parts = [*group, c.anchor.isoformat(), str(place.geonames_id or ""), normalize_name(place.name or ""), str(index)]
    return "m" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:15]


def single_id(article: str, event: str) -> str:
    """Id of an event that cannot be merged (no date, or no actor at all): it stands alone."""
    return "s" + hashlib.sha1(f"{article}\x1f{event}".encode("utf-8")).hexdigest()[:15]


def pick_cameo(mentions: Sequence[MentionRef]) -> str:
    """The code most mentions give; on a tie the most specific (longest), then the smallest."""
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.cameo] = counts.get(m.cameo, 0) + 1
    return min(counts, key=lambda code: (-counts[code], -len(code), code))


def count_sources(mentions: Sequence[MentionRef]) -> int:
    """Distinct publishers; an article with none known counts as its own source."""
    return len({m.source or f"article:{m.article}" for m in mentions})
