"""Records of the document model as table rows, and back. Pure Python: no SQL here.

Column order follows ``schema.TABLES``; ``ROW_COLUMNS`` names the columns each ``*_rows`` function fills.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..model import (Actor, Article, CodedArticle, DatedCode, DictionaryEntry, Event, Evidence, Mention, Place,
                     Quote, Sentence, Span, TimeRef)
from .merge import actor_key

ROW_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "seq", "title", "date", "day", "source", "url", "date_source", "origin", "text",
                 "sentences", "warnings", "added"),
    "actors": ("article", "id", "name", "country", "sector", "kind", "code", "key", "aliases", "mentions",
               "source", "evidence"),
    "mentions": ("article", "idx", "start_char", "end_char", "text", "label", "sentence", "kind", "actor"),
    "places": ("article", "id", "name", "start_char", "end_char", "sentence", "lat", "lon", "country", "admin1",
               "geonames_id", "feature", "resolved", "reason"),
    "times": ("article", "id", "text", "start_char", "end_char", "sentence", "value", "resolution", "relative"),
    "events": ("article", "id", "idx", "source", "target", "cameo", "name", "goldstein", "quad_class", "plover",
               "plover_mode", "plover_context", "date", "date_resolution", "date_source", "place", "sentence",
               "evidence_start", "evidence_end", "trigger_start", "trigger_end", "source_start", "source_end",
               "target_start", "target_end", "confidence", "rule", "quote", "day", "root", "source_key",
               "target_key"),
    "quotes": ("article", "id", "content", "direct", "speaker_start", "speaker_end", "speaker", "cue_start",
               "cue_end", "cue_text", "sentence", "events", "text"),
    "dictionary": ("name", "country", "sector", "kind", "aliases", "first_seen", "last_seen", "count", "origin",
                   "codes"),
    "dictionary_evidence": ("name", "idx", "article", "start_char", "end_char", "text", "date", "country", "sector"),
}


def day_of(value: str | None) -> date | None:
    """The calendar day of an ISO date string; None for partial dates ('2012-10') or anything else."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def flat(spans: list[Span]) -> list[int]:
    return [x for span in spans for x in span]


def pairs(values: list[int] | None) -> list[Span]:
    values = values or []
    return [(values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else (start, end)


def _ends(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else (span[0], span[1])


# ---- CodedArticle -> rows -------------------------------------------------------------------------------

def article_rows(coded: CodedArticle, seq: int, added: Any) -> dict[str, list[tuple]]:
    """Every row one article adds, table by table."""
    a = coded.article
    aid = a.id
    actors = {actor.id: actor for actor in coded.actors}
    return {
        "articles": [(aid, seq, a.title, a.date, day_of(a.date), a.source, a.url, a.date_source, a.origin, a.text,
                      flat([(s.start, s.end) for s in coded.sentences]), list(coded.warnings), added)],
        "actors": [(aid, x.id, x.name, x.country, x.sector, x.kind, x.code, actor_key(x), list(x.aliases),
                    list(x.mentions), x.source, json.dumps([e.to_dict() for e in x.evidence], ensure_ascii=False))
                   for x in coded.actors],
        "mentions": [(aid, i, m.start, m.end, m.text, m.label, m.sentence, m.kind, m.actor)
                     for i, m in enumerate(coded.mentions)],
        "places": [(aid, p.id, p.name, p.start, p.end, p.sentence, p.lat, p.lon, p.country, p.admin1, p.geonames_id,
                    p.feature, p.resolved, p.reason) for p in coded.places],
        "times": [(aid, t.id, t.text, t.start, t.end, t.sentence, t.value, t.resolution, t.relative)
                  for t in coded.times],
        "events": [event_row(aid, i, e, actors, a.date) for i, e in enumerate(coded.events)],
        "quotes": [(aid, q.id, flat(q.content), q.direct, *_ends(q.speaker_span), q.speaker, *_ends(q.cue), q.cue_text,
                    q.sentence, list(q.events), " … ".join(a.text[s:e] for s, e in q.content)) for q in coded.quotes],
    }


def event_row(aid: str, index: int, e: Event, actors: dict[str, Actor], published: str | None) -> tuple:
    return (aid, e.id, index, e.source, e.target, e.cameo, e.name, e.goldstein, e.quad_class, e.plover,
            e.plover_mode, list(e.plover_context), e.date, e.date_resolution, e.date_source, e.place, e.sentence,
            *e.evidence, *e.trigger, *_ends(e.source_span), *_ends(e.target_span), e.confidence, e.rule, e.quote,
            day_of(e.date) or day_of(published), e.cameo[:2], actor_key(actors.get(e.source or "")),
            actor_key(actors.get(e.target or "")))


def entry_rows(entry: DictionaryEntry) -> tuple[tuple, list[tuple]]:
    row = (entry.name, entry.country, entry.sector, entry.kind, list(entry.aliases), entry.first_seen,
           entry.last_seen, entry.count, entry.origin, json.dumps([c.to_dict() for c in entry.codes]))
    evidence = [(entry.name, i, ev.article, ev.start, ev.end, ev.text, ev.date, ev.country, ev.sector)
                for i, ev in enumerate(entry.evidence)]
    return row, evidence


# ---- rows -> CodedArticle -------------------------------------------------------------------------------

def coded_from_rows(rows: dict[str, list[dict[str, Any]]]) -> CodedArticle:
    """The CodedArticle saved as ``rows`` (table -> list of column dicts, each list in saved order)."""
    [a] = rows["articles"]
    article = Article(text=a["text"], title=a["title"], date=a["date"], source=a["source"], url=a["url"],
                      id=a["id"], date_source=a["date_source"], origin=a["origin"])
    return CodedArticle(
        article=article,
        sentences=[Sentence(i, s, e) for i, (s, e) in enumerate(pairs(a["sentences"]))],
        mentions=[Mention(m["start_char"], m["end_char"], m["text"], m["label"], m["sentence"], m["kind"], m["actor"])
                  for m in rows["mentions"]],
        actors=[Actor(id=x["id"], name=x["name"], country=x["country"], sector=x["sector"], kind=x["kind"],
                      aliases=list(x["aliases"] or []), mentions=list(x["mentions"] or []), source=x["source"],
                      evidence=[Evidence.from_dict(ev) for ev in json.loads(x["evidence"] or "[]")])
                for x in rows["actors"]],
        places=[Place(id=p["id"], name=p["name"], start=p["start_char"], end=p["end_char"], sentence=p["sentence"],
                      lat=p["lat"], lon=p["lon"], country=p["country"], admin1=p["admin1"],
                      geonames_id=p["geonames_id"], feature=p["feature"], resolved=p["resolved"], reason=p["reason"])
                for p in rows["places"]],
        times=[TimeRef(id=t["id"], text=t["text"], start=t["start_char"], end=t["end_char"], sentence=t["sentence"],
                       value=t["value"], resolution=t["resolution"], relative=t["relative"]) for t in rows["times"]],
        events=[event_from_row(e) for e in rows["events"]],
        quotes=[Quote(id=q["id"], content=pairs(q["content"]), direct=q["direct"],
                      speaker_span=_span(q["speaker_start"], q["speaker_end"]), speaker=q["speaker"],
                      cue=_span(q["cue_start"], q["cue_end"]), cue_text=q["cue_text"], sentence=q["sentence"],
                      events=list(q["events"] or [])) for q in rows["quotes"]],
        warnings=list(a["warnings"] or []),
    )


def event_from_row(e: dict[str, Any]) -> Event:
    return Event(id=e["id"], source=e["source"], target=e["target"], cameo=e["cameo"], name=e["name"],
                 goldstein=e["goldstein"], quad_class=e["quad_class"], plover=e["plover"],
                 plover_mode=e["plover_mode"], plover_context=list(e["plover_context"] or []), date=e["date"],
                 date_resolution=e["date_resolution"], date_source=e["date_source"], place=e["place"],
                 sentence=e["sentence"], evidence=(e["evidence_start"], e["evidence_end"]),
                 trigger=(e["trigger_start"], e["trigger_end"]),
                 source_span=_span(e["source_start"], e["source_end"]),
                 target_span=_span(e["target_start"], e["target_end"]), confidence=e["confidence"], rule=e["rule"],
                 quote=e["quote"])


def entry_from_rows(row: dict[str, Any], evidence: list[dict[str, Any]]) -> DictionaryEntry:
    return DictionaryEntry(
        name=row["name"], country=row["country"], sector=row["sector"], kind=row["kind"],
        aliases=list(row["aliases"] or []), first_seen=row["first_seen"], last_seen=row["last_seen"],
        count=row["count"], origin=row["origin"],
        codes=[DatedCode.from_dict(c) for c in json.loads(row["codes"] or "[]")],
        evidence=[Evidence(article=ev["article"], start=ev["start_char"], end=ev["end_char"], text=ev["text"],
                           date=ev["date"], country=ev["country"], sector=ev["sector"]) for ev in evidence])
