"""The canonical input end to end (issue 2's acceptance): the seed article coded with publication date
2012-10-24. Reads ../shared/seeds; skips when it is absent."""
from __future__ import annotations

import json

from tacitus.model import CodedArticle


def actor_by_name(coded: CodedArticle, surname: str):
    matches = [a for a in coded.actors if surname in a.name]
    assert len(matches) == 1, [(a.name, a.code) for a in coded.actors]
    return matches[0]


def mention_texts(coded: CodedArticle, actor_id: str) -> set[str]:
    return {" ".join(m.text.split()).lower() for m in coded.mentions if m.actor == actor_id}


def test_leaders_resolve_with_country_sector_and_later_mentions(seed):
    luka = actor_by_name(seed, "Lukashenko")
    rogo = actor_by_name(seed, "Rogozin")
    assert (luka.country, luka.sector, luka.kind) == ("BLR", "GOV", "person")
    assert (rogo.country, rogo.sector, rogo.kind) == ("RUS", "GOV", "person")
    assert luka.name == "Aleksandr Lukashenko" and rogo.name == "Dmitry Rogozin"
    luka_mentions = mention_texts(seed, luka.id)
    assert "lukashenko" in {t.split()[-1] for t in luka_mentions}
    assert any("belarusian head of state" in t for t in luka_mentions), luka_mentions
    assert any("vice premier of russia" in t for t in mention_texts(seed, rogo.id))


def test_meeting_between_them_dated_23_october(seed):
    luka, rogo = actor_by_name(seed, "Lukashenko").id, actor_by_name(seed, "Rogozin").id
    consults = [e for e in seed.events if e.cameo.startswith("04") and {e.source, e.target} == {luka, rogo}]
    assert consults, [(e.cameo, e.source, e.target) for e in seed.events]
    assert any(e.date == "2012-10-23" and e.date_resolution == "day" for e in consults)
    assert all(e.plover == "CONSULT" for e in consults)


def test_intent_to_cooperate_from_belarus_to_russia(seed):
    agree = [e for e in seed.events if e.cameo.startswith("03") and e.plover == "AGREE"
             and seed.actor(e.source) and seed.actor(e.source).country == "BLR"
             and seed.actor(e.target) and seed.actor(e.target).country == "RUS"]
    assert agree, [(e.cameo, e.source, e.target) for e in seed.events]
    event = agree[0]
    assert 0.0 <= event.confidence <= 1.0 and event.rule
    assert "cooperation" in seed.span_text(event.evidence)


def test_quotes_are_attributed_to_the_two_leaders(seed):
    luka, rogo = actor_by_name(seed, "Lukashenko").id, actor_by_name(seed, "Rogozin").id
    attributed = [q for q in seed.quotes if q.speaker in (luka, rogo)]
    assert len(attributed) >= 5, [(seed.span_text(q.content[0])[:40], q.speaker) for q in seed.quotes]
    assert {q.speaker for q in attributed} == {luka, rogo}


def test_every_event_traces_to_its_evidence(seed):
    text = seed.article.text
    for event in seed.events:
        start, end = event.evidence
        t0, t1 = event.trigger
        assert 0 <= start <= t0 < t1 <= end <= len(text)
        assert event.goldstein is not None and event.quad_class in (1, 2, 3, 4)


def test_seed_round_trips_through_json(seed):
    again = CodedArticle.from_dict(json.loads(json.dumps(seed.to_dict())))
    assert again == seed
