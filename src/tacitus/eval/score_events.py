"""Scoring of the ``events`` task: gold and predicted items are paired by ``id``; a gold item without a
prediction counts as predicting nothing.

How each figure is computed (per text, then summed over texts):

- **type** (families ``plover`` and ``cameo``; the CAMEO family compares roots, the first two digits).
  A family is scored only if some gold event in the file carries it. A text is scored in a family when its
  gold ``events`` is ``[]`` or every gold event has a value in that family (partly labelled texts are left
  out). Gold and predicted labels of the text are matched one-to-one as multisets (tp = shared labels,
  fn = gold labels left, fp = predicted labels left). A predicted event without a value in the family makes
  no claim there, except in a text whose gold is ``events: []``, where every predicted event is a false
  positive (counted in the micro figures). Micro = from summed counts; macro = unweighted mean over every
  label seen in gold or predictions.
- **triple** (source country, type, target country), reported when some gold event names both countries.
  The type is ``plover`` where the gold event has one, else the CAMEO root. A text is scored when its gold is ``events: []`` or every gold event states both
  sides (``source``/``target`` either ``null`` or an object with a ``country`` key). Gold triples are the
  gold events naming both countries; predicted triples are predicted events naming both countries. They
  are paired one-to-one (maximum matching) when countries and type agree.
- **pentaclass** (texts whose gold has a non-null ``pentaclass``). The prediction is the item's own
  ``pentaclass`` when it has the key, else derived from its top event (below). A text with no prediction
  is wrong. Accuracy, and macro F1 over the classes seen.
- **CAMEO code** (texts whose gold lists exactly one event, with a ``cameo`` code): the text's one
  predicted code is that of its top event; root accuracy compares the first two digits, full accuracy the
  whole code. No predicted event = wrong.
- The **top event** of a text is the predicted event (with a ``cameo`` code) of highest ``confidence``;
  without confidences, the first one listed (predictions list events best first).
- **source/target text** (for sets that label actor text): a text is scored for a side when its gold is
  ``events: []`` or every gold event has that side as ``null`` or an object with a ``text`` key. The
  distinct actor texts of the side (gold and predicted) are compared: exact = same case-folded words;
  overlap = more than half of the shorter one's words shared; pairs are one-to-one.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from .. import ontology
from .figures import Figure, LabelCounts, Scores, accuracy, missing_note, prf
from .match import max_matching, norm_text, tokens_overlap

Item = dict[str, Any]
Event = dict[str, Any]


def plover_label(event: Event) -> str | None:
    return event.get("plover") or None


def cameo_root(event: Event) -> str | None:
    code = event.get("cameo")
    return code[:2] if isinstance(code, str) and len(code) >= 2 else None


FAMILIES: dict[str, tuple[str, Callable[[Event], str | None]]] = {
    "plover": ("PLOVER type", plover_label),
    "cameo": ("CAMEO root", cameo_root),
}


def score_events(gold: list[Item], preds: dict[str, Item]) -> Scores:
    scored = [(g, preds.get(g["id"], {})) for g in gold]
    figures: list[Figure] = []
    for family, (label, get) in FAMILIES.items():
        if any(get(e) for g in gold for e in g.get("events") or []):
            figures += _type_figures(scored, family, label, get)
    if any(_gold_triple(e) for g in gold if _triple_scored(g) for e in g["events"]):
        figures += _triple_figures(scored)
    if any(g.get("pentaclass") is not None for g in gold):
        figures += _pentaclass_figures(scored)
    if any(_single_code(g) for g in gold):
        figures += _code_figures(scored)
    for side in ("source", "target"):
        if any(_text_scored(g, side) and g["events"] for g in gold):
            figures += _text_figures(scored, side)
    notes = missing_note(gold, preds)
    return Scores("events", len(gold), figures, notes)



def _events(item: Item) -> list[Event]:
    return item.get("events") or []


# --- type --------------------------------------------------------------------------------------------------

def _type_figures(scored, family: str, label: str, get) -> list[Figure]:
    counts = LabelCounts()
    for gold, pred in scored:
        if "events" not in gold:
            continue
        gold_events = gold["events"]
        if any(get(e) is None for e in gold_events):
            continue
        pred_events = _events(pred)
        pred_labels = [x for x in (get(e) for e in pred_events) if x]
        if not gold_events:
            counts.extra_fp += len(pred_events) - len(pred_labels)
        counts.add([get(e) for e in gold_events], pred_labels)
    return counts.micro(f"type.{family}.micro", f"{label} (micro)") + \
        counts.macro(f"type.{family}.macro", f"{label} (macro)")


# --- triples -----------------------------------------------------------------------------------------------

def _side_states(event: Event, side: str, key: str) -> bool:
    if side not in event:
        return False
    value = event[side]
    return value is None or (isinstance(value, dict) and key in value)


def _triple_scored(item: Item) -> bool:
    if not isinstance(item.get("events"), list):
        return False
    return all(_side_states(e, "source", "country") and _side_states(e, "target", "country")
               for e in item["events"])


def _country(event: Event, side: str) -> str | None:
    value = event.get(side)
    return value.get("country") if isinstance(value, dict) else None


def _gold_triple(event: Event) -> tuple[str, str, str, str] | None:
    source, target = _country(event, "source"), _country(event, "target")
    kind, value = ("plover", plover_label(event)) if plover_label(event) else ("cameo", cameo_root(event))
    if not (source and target and value):
        return None
    return source, kind, value, target


def _triple_matches(triple: tuple[str, str, str, str], event: Event) -> bool:
    source, kind, value, target = triple
    return (_country(event, "source") == source and _country(event, "target") == target
            and FAMILIES[kind][1](event) == value)


def _triple_figures(scored) -> list[Figure]:
    tp = fp = fn = 0
    for gold, pred in scored:
        if not _triple_scored(gold):
            continue
        triples = [t for t in (_gold_triple(e) for e in gold["events"]) if t]
        candidates = [e for e in _events(pred) if _country(e, "source") and _country(e, "target")]
        matched = len(max_matching(triples, candidates, _triple_matches))
        tp += matched
        fn += len(triples) - matched
        fp += len(candidates) - matched
    return prf("triple", "triple (source country, type, target country)", tp, fp, fn)


# --- one label per text: pentaclass and CAMEO code ---------------------------------------------------------

def top_event(item: Item) -> Event | None:
    """The predicted event that stands for the whole text: highest confidence, else first listed."""
    coded = [e for e in _events(item) if isinstance(e.get("cameo"), str)]
    if not coded:
        return None
    return max(coded, key=lambda e: e.get("confidence") if isinstance(e.get("confidence"), (int, float)) else 0.0)


def predicted_pentaclass(item: Item) -> int | None:
    if "pentaclass" in item:
        return item["pentaclass"]
    top = top_event(item)
    return ontology.pentaclass(top["cameo"]) if top else None


def _pentaclass_figures(scored) -> list[Figure]:
    correct = total = 0
    counts = LabelCounts()
    for gold, pred in scored:
        if gold.get("pentaclass") is None:
            continue
        guess = predicted_pentaclass(pred)
        total += 1
        correct += guess == gold["pentaclass"]
        counts.add([str(gold["pentaclass"])], [] if guess is None else [str(guess)])
    return [accuracy("pentaclass.accuracy", "pentaclass accuracy", correct, total)] + \
        [f for f in counts.macro("pentaclass.macro", "pentaclass (macro)") if f.key.endswith(".f1")]


def _single_code(item: Item) -> str | None:
    events = item.get("events")
    if isinstance(events, list) and len(events) == 1 and isinstance(events[0].get("cameo"), str):
        return events[0]["cameo"]
    return None


def _code_figures(scored) -> list[Figure]:
    root = full = total = 0
    for gold, pred in scored:
        code = _single_code(gold)
        if code is None:
            continue
        total += 1
        top = top_event(pred)
        guess = top["cameo"] if top else ""
        root += guess[:2] == code[:2]
        full += guess == code
    return [accuracy("cameo.root.accuracy", "CAMEO root accuracy (one code per text)", root, total),
            accuracy("cameo.code.accuracy", "CAMEO full-code accuracy (one code per text)", full, total)]


# --- actor text spans --------------------------------------------------------------------------------------

def _text_scored(item: Item, side: str) -> bool:
    events = item.get("events")
    return isinstance(events, list) and all(_side_states(e, side, "text") for e in events)


def _side_texts(events: list[Event], side: str) -> list[str]:
    texts: dict[str, str] = {}
    for event in events:
        value = event.get(side)
        if isinstance(value, dict) and isinstance(value.get("text"), str) and norm_text(value["text"]):
            texts.setdefault(norm_text(value["text"]), value["text"])
    return list(texts.values())


def _text_figures(scored, side: str) -> list[Figure]:
    exact = Counter()
    loose = Counter()
    for gold, pred in scored:
        if not _text_scored(gold, side):
            continue
        gold_texts = _side_texts(gold["events"], side)
        pred_texts = _side_texts(_events(pred), side)
        same = len({norm_text(t) for t in gold_texts} & {norm_text(t) for t in pred_texts})
        near = len(max_matching(gold_texts, pred_texts, tokens_overlap))
        exact.update(tp=same, fp=len(pred_texts) - same, fn=len(gold_texts) - same)
        loose.update(tp=near, fp=len(pred_texts) - near, fn=len(gold_texts) - near)
    return prf(f"{side}_text.exact", f"{side} text (exact)", exact["tp"], exact["fp"], exact["fn"]) + \
        prf(f"{side}_text.overlap", f"{side} text (token overlap)", loose["tp"], loose["fp"], loose["fn"])
