"""Code gold texts with Tacitus and write what it finds in the gold format (same ids, same fields).

The coder sees only ``text`` (with ``date`` as publication date, and for actors the ``context`` sentence),
never a gold label. Only the public pipeline is used: ``Coder.code_articles`` and ``CodedArticle``.

- events: every coded event, best first (highest confidence), with ``plover``, ``cameo``, source/target
  actor (country, sector, code, and the text of its span), ``date``, ``place`` and ``confidence``; the
  item's ``pentaclass`` is that of the top event's CAMEO code (``null`` when no event is found).
- actors: the ``context`` (or the text alone) is coded; the answer is the actor of the mentions overlapping
  the first occurrence of ``text`` in it that speaks for the phrase (``tacitus.actors.actors_in_span``, the
  actors stage's own rule: a name before a nation before a nominal), ``null``/``null`` when there is none.
- quotes: ``coded.quotes`` (content, speaker span, cue span, direct), with ``speaker_mentions``: the spans of
  every mention of the actor the speaker was resolved to (for "resolves to the same entity").
- places: ``coded.places`` (start, end, name, lat, lon).

Texts repeated across items (or sets, through a shared ``cache``) are coded once.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import ontology
from ..actors import actors_in_span
from ..model import Article, CodedArticle, Event

Item = dict[str, Any]
Key = tuple[str, str | None]
Progress = Callable[[Iterable, int, str], Iterable]


@dataclass
class Predictions:
    items: list[Item]
    failures: list[str] = field(default_factory=list)  # "id: error" for texts the coder could not code


def predict(task: str, gold: list[Item], coder, progress: Progress | None = None,
            cache: dict[Key, CodedArticle | None] | None = None) -> Predictions:
    """Tacitus's predictions for every gold item of ``task``, in the gold format."""
    cache = {} if cache is None else cache
    keys = [_key(task, item) for item in gold]
    failures = _code_missing(keys, coder, cache, progress, task)
    build = BUILDERS[task]
    items = [build(item, cache[key]) for item, key in zip(gold, keys)]
    failed = [f"{item['id']}: {failures[key]}" for item, key in zip(gold, keys) if key in failures]
    return Predictions(items, failed)


def _key(task: str, item: Item) -> Key:
    text = (item.get("context") or item["text"]) if task == "actors" else item["text"]
    return text, item.get("date")


def _code_missing(keys: list[Key], coder, cache: dict, progress: Progress | None, task: str) -> dict[Key, str]:
    """Code every text not yet in ``cache`` (in batches) and store the result, or None when it fails."""
    todo = list(dict.fromkeys(k for k in keys if k not in cache))
    articles = [Article(text=text, date=date, date_source="argument" if date else None) for text, date in todo]
    key_of = {id(article): key for article, key in zip(articles, todo)}
    failures: dict[Key, str] = {}

    def on_error(article: Article, exc: Exception) -> None:
        key = key_of[id(article)]
        failures[key] = f"{type(exc).__name__}: {exc}"
        cache[key] = None

    stream: Iterable[Article] = progress(articles, len(articles), f"coding {task}") if progress else articles
    for coded in coder.code_articles(stream, on_error=on_error):
        cache[key_of[id(coded.article)]] = coded
    return failures


# --- events ------------------------------------------------------------------------------------------------

def _side(coded: CodedArticle, actor_id: str | None, span) -> Item | None:
    actor = coded.actor(actor_id)
    text = coded.span_text(span)
    if actor is None and text is None:
        return None
    return {"country": actor.country if actor else None, "sector": actor.sector if actor else None,
            "code": (actor.code or None) if actor else None, "text": text if text is not None else actor.name}


def _place(coded: CodedArticle, place_id: str | None) -> Item | None:
    place = coded.place(place_id)
    return None if place is None else {"name": place.name, "lat": place.lat, "lon": place.lon}


def event_record(coded: CodedArticle, event: Event) -> Item:
    return {"plover": event.plover, "cameo": event.cameo,
            "source": _side(coded, event.source, event.source_span),
            "target": _side(coded, event.target, event.target_span),
            "date": event.date, "place": _place(coded, event.place), "confidence": event.confidence}


def _events_item(gold: Item, coded: CodedArticle | None) -> Item:
    events = [] if coded is None else sorted(coded.events, key=lambda e: -e.confidence)
    records = [event_record(coded, e) for e in events]
    top = next((r["cameo"] for r in records if ontology.is_cameo(r["cameo"] or "")), None)
    return {**_base(gold), "events": records, "pentaclass": ontology.pentaclass(top) if top else None}


def _base(gold: Item, *keys: str) -> Item:
    out = {"id": gold["id"], "text": gold["text"]}
    for key in ("date", *keys):
        if key in gold:
            out[key] = gold[key]
    return out


# --- actors ------------------------------------------------------------------------------------------------

def find_span(text: str, context: str) -> tuple[int, int] | None:
    """Where gold actor ``text`` stands in ``context``: as is; else ignoring case and white space; else with
    its words in order but other words between them (gold actor texts are retyped and abridged:
    "Freedom)  opposition", "U.S. ... negotiators", "French warships" for "French and Egyptian warships").
    The span runs from the first word to the last."""
    at = context.find(text) if text else -1
    if at >= 0:
        return at, at + len(text)
    words = [w for w in re.split(r"\s+|\.{2,}|…", text) if w.strip()]
    if not words:
        return None
    for gap in (r"\s+", r"\W+(?:\w+\W+){0,6}?"):
        match = re.search(gap.join(map(re.escape, words)), context, re.IGNORECASE)
        if match:
            return match.span()
    return None


def _actors_item(gold: Item, coded: CodedArticle | None) -> Item:
    out = {**_base(gold, "context"), "country": None, "sector": None}
    span = find_span(gold["text"], gold.get("context") or gold["text"])
    if coded is None or span is None:
        return out
    actors = actors_in_span(coded, *span)
    if actors:
        out.update(country=actors[0].country, sector=actors[0].sector)
    return out


# --- quotes and places -------------------------------------------------------------------------------------

def _spans(span) -> list[list[int]] | None:
    return None if span is None else [[span[0], span[1]]]


def _speaker_mentions(coded: CodedArticle, actor_id: str | None) -> list[list[int]]:
    if actor_id is None:
        return []
    return [[m.start, m.end] for m in coded.mentions if m.actor == actor_id]


def _quotes_item(gold: Item, coded: CodedArticle | None) -> Item:
    quotes = [] if coded is None else [
        {"content": [[s, e] for s, e in q.content], "speaker": _spans(q.speaker_span), "cue": _spans(q.cue),
         "direct": q.direct, "speaker_mentions": _speaker_mentions(coded, q.speaker)}
        for q in coded.quotes if q.content]
    return {**_base(gold), "quotes": quotes}


def _places_item(gold: Item, coded: CodedArticle | None) -> Item:
    places = [] if coded is None else [
        {"start": p.start, "end": p.end, "name": p.name, "lat": p.lat, "lon": p.lon, "feature": p.feature}
        for p in coded.places
        if p.end > p.start]
    return {**_base(gold), "places": places}


BUILDERS: dict[str, Callable[[Item, CodedArticle | None], Item]] = {
    "events": _events_item, "actors": _actors_item, "quotes": _quotes_item, "places": _places_item,
}
