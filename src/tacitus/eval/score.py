"""Pure scorers: gold items and predicted items (the same format, paired by ``id``) in, figures with their
counts out. A gold item without a prediction counts as predicting nothing; absent gold keys are not scored.

Matching rules (FORMATS.md; the events task is documented in ``score_events``):

- **actors**: each of ``country`` and ``sector`` is scored on the items whose gold has the key; a ``null``
  gold value is correct only if the prediction is ``null`` too (a missing prediction counts as ``null``).
  Both-correct accuracy is over items whose gold has both keys.
- **quotes**: within a document, a predicted quote matches a gold quote when their content spans (all
  pieces of a discontinuous content together) share at least half the characters of the shorter one;
  pairs are taken greedily by largest overlap, one-to-one. This is the "token-overlap" figure: for spans
  on word boundaries, sharing half the shorter's characters is sharing about half its tokens.
  Exact = identical content once white space and quotation marks are trimmed from the ends of every
  piece (pieces separated only by such characters are joined), matched one-to-one as multisets.
  Speaker accuracy is over overlap-matched pairs whose gold quote has a ``speaker`` key: correct when both
  are ``null``, or the predicted speaker span overlaps the gold one, or the gold span overlaps one of the
  predicted ``speaker_mentions`` (other mentions of the entity the prediction resolved the speaker to, so
  a gold "he" is right when the coder names the person "he" refers to). The "direct" figures repeat all this
  on gold quotes with ``direct: true`` against predicted quotes with ``direct: true``.
- **places**: spans matched as for quotes (start/end of each place). Of the overlap-matched pairs whose
  gold has coordinates, the share resolved within 161 km (a prediction without coordinates is not within),
  and the median great-circle error in km over pairs where both have coordinates.
"""
from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable
from typing import Any

from .figures import Figure, Scores, accuracy, missing_note, prf, ratio
from .match import as_spans, greedy_overlap, overlap, trimmed
from .score_events import score_events

Item = dict[str, Any]
WITHIN_KM = 161.0
EARTH_KM = 6371.0088


def score(task: str, gold: list[Item], predictions: list[Item]) -> Scores:
    """Score predictions against gold for ``task`` (events, actors, quotes, places)."""
    by_id = {str(p.get("id")): p for p in predictions}
    return SCORERS[task](gold, by_id)


# --- actors ------------------------------------------------------------------------------------------------

def score_actors(gold: list[Item], preds: dict[str, Item]) -> Scores:
    tallies = Counter()
    for item in gold:
        pred = preds.get(item["id"], {})
        hits = {}
        for key in ("country", "sector"):
            if key in item:
                hits[key] = item[key] == pred.get(key)
                tallies[f"{key}_n"] += 1
                tallies[key] += hits[key]
        if len(hits) == 2:
            tallies["both_n"] += 1
            tallies["both"] += all(hits.values())
    figures = [accuracy("country.accuracy", "country accuracy", tallies["country"], tallies["country_n"]),
               accuracy("sector.accuracy", "sector accuracy", tallies["sector"], tallies["sector_n"]),
               accuracy("both.accuracy", "country and sector both correct", tallies["both"], tallies["both_n"])]
    return Scores("actors", len(gold), figures, missing_note(gold, preds))


# --- quotes ------------------------------------------------------------------------------------------------

def _content(quote: Item) -> tuple:
    return as_spans(quote.get("content"))


def score_quotes(gold: list[Item], preds: dict[str, Item]) -> Scores:
    figures: list[Figure] = []
    for subset, label, keep in (("all", "all quotes", lambda q: True),
                                ("direct", "direct quotes", lambda q: q.get("direct") is True)):
        tallies = Counter()
        for item in gold:
            if "quotes" not in item:
                continue
            pred = preds.get(item["id"], {})
            g = [q for q in item["quotes"] if keep(q)]
            p = [q for q in pred.get("quotes") or [] if keep(q)]
            _quote_tallies(item["text"], g, p, tallies)
        figures += prf(f"content.exact.{subset}", f"content exact, {label}",
                       tallies["exact"], tallies["pred"] - tallies["exact"], tallies["gold"] - tallies["exact"])
        figures += prf(f"content.overlap.{subset}", f"content token-overlap, {label}",
                       tallies["near"], tallies["pred"] - tallies["near"], tallies["gold"] - tallies["near"])
        figures.append(accuracy(f"speaker.accuracy.{subset}", f"speaker accuracy on matched {label}",
                                tallies["speaker"], tallies["speaker_n"]))
    return Scores("quotes", len(gold), figures, missing_note(gold, preds))


def _quote_tallies(text: str, gold: list[Item], pred: list[Item], tallies: Counter) -> None:
    tallies["gold"] += len(gold)
    tallies["pred"] += len(pred)
    exact_g = Counter(trimmed(_content(q), text) for q in gold)
    exact_p = Counter(trimmed(_content(q), text) for q in pred)
    tallies["exact"] += sum((exact_g & exact_p).values())
    pairs = greedy_overlap([_content(q) for q in gold], [_content(q) for q in pred])
    tallies["near"] += len(pairs)
    for i, j in pairs:
        if "speaker" not in gold[i]:
            continue
        tallies["speaker_n"] += 1
        tallies["speaker"] += _same_speaker(gold[i]["speaker"], pred[j])


def _same_speaker(gold: list | None, pred: Item) -> bool:
    spoken = pred.get("speaker")
    if not gold or not spoken:
        return not gold and not spoken
    gold_spans = as_spans(gold)
    return any(overlap(gold_spans, as_spans(spans)) > 0
               for spans in [spoken] + [[m] for m in pred.get("speaker_mentions") or []])


# --- places ------------------------------------------------------------------------------------------------

def _place_span(place: Item) -> tuple:
    return as_spans([(place["start"], place["end"])])


def score_places(gold: list[Item], preds: dict[str, Item]) -> Scores:
    tallies = Counter()
    errors: list[float] = []
    for item in gold:
        if "places" not in item:
            continue
        g = item["places"]
        p = [x for x in preds.get(item["id"], {}).get("places") or [] if "start" in x and "end" in x]
        tallies.update(gold=len(g), pred=len(p))
        text = item["text"]
        same = Counter(trimmed(_place_span(x), text) for x in g) & Counter(trimmed(_place_span(x), text) for x in p)
        tallies["exact"] += sum(same.values())
        pairs = greedy_overlap([_place_span(x) for x in g], [_place_span(x) for x in p])
        tallies["near"] += len(pairs)
        for i, j in pairs:
            _distance_tally(g[i], p[j], tallies, errors)
    figures = prf("span.exact", "place span exact", tallies["exact"], tallies["pred"] - tallies["exact"],
                  tallies["gold"] - tallies["exact"])
    figures += prf("span.overlap", "place span overlap", tallies["near"], tallies["pred"] - tallies["near"],
                   tallies["gold"] - tallies["near"])
    figures.append(accuracy("within_161km", f"matched places resolved within {WITHIN_KM:g} km",
                            tallies["within"], tallies["located"]))
    for group, label in FEATURE_GROUPS:
        if tallies[f"located.{group}"]:
            figures.append(accuracy(f"within_161km.{group}", f"matched places resolved within {WITHIN_KM:g} km, "
                                    f"{label}", tallies[f"within.{group}"], tallies[f"located.{group}"]))
    median = round(statistics.median(errors), 1) if errors else None
    figures.append(Figure("median_error_km", "median error (km) of matched, resolved places", median,
                          len(errors), {"pairs": len(errors)}))
    return Scores("places", len(gold), figures, missing_note(gold, preds))


# Predictions may say what kind of place they resolved to (``feature``); the 161 km share is then also
# given per kind, since one point for a whole country is a convention (sources differ by hundreds of km).
FEATURE_GROUPS = (("country", "predicted countries"), ("other", "predicted towns, regions and others"))


def _distance_tally(gold: Item, pred: Item, tallies: Counter, errors: list[float]) -> None:
    if gold.get("lat") is None or gold.get("lon") is None:
        return
    tallies["located"] += 1
    group = None if "feature" not in pred else "country" if pred["feature"] == "country" else "other"
    tallies[f"located.{group}"] += group is not None
    if pred.get("lat") is None or pred.get("lon") is None:
        return
    km = haversine_km(gold["lat"], gold["lon"], pred["lat"], pred["lon"])
    errors.append(km)
    tallies["within"] += km <= WITHIN_KM
    tallies[f"within.{group}"] += group is not None and km <= WITHIN_KM


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))



SCORERS: dict[str, Callable[[list[Item], dict[str, Item]], Scores]] = {
    "events": score_events, "actors": score_actors, "quotes": score_quotes, "places": score_places,
}

__all__ = ["score", "Scores", "Figure", "haversine_km", "ratio"]
