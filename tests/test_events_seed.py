"""The seed article's events (issue 5): the meeting of Lukashenko and Rogozin dated 23 October, the
intent to cooperate militarily from Belarus to Russia, Rogozin's positive remark toward Belarus, and no
event from the sentence about selling and buying ready-made products. Skips when ../shared is absent."""
from __future__ import annotations


def _actor(seed, surname: str):
    return next(a for a in seed.actors if surname in a.name)


def _country(seed, actor_id):
    actor = seed.actor(actor_id)
    return actor.country if actor else None


def test_consultation_between_the_two_dated_23_october(seed):
    luka, rogo = _actor(seed, "Lukashenko").id, _actor(seed, "Rogozin").id
    consults = [e for e in seed.events if e.cameo.startswith("04") and {e.source, e.target} == {luka, rogo}]
    assert any(e.date == "2012-10-23" and e.date_source == "text" for e in consults), consults


def test_intent_to_cooperate_militarily_from_belarus_to_russia(seed):
    agree = [e for e in seed.events if e.cameo.startswith("03") and _country(seed, e.source) == "BLR"
             and _country(seed, e.target) == "RUS"]
    assert agree, [(e.cameo, e.source, e.target) for e in seed.events]
    best = max(agree, key=lambda e: e.confidence)
    assert best.cameo == "0312" and best.plover == "AGREE" and "military" in best.plover_context
    assert "cooperation" in seed.span_text(best.evidence)
    assert seed.actor(best.source).name == "Aleksandr Lukashenko"


def test_rogozin_remark_on_cooperation_is_positive_toward_belarus(seed):
    rogo = _actor(seed, "Rogozin").id
    remarks = [e for e in seed.events if e.source == rogo and seed.span_text(e.trigger) == "pointed out"]
    assert remarks, [(e.cameo, seed.span_text(e.trigger)) for e in seed.events if e.source == rogo]
    assert all(e.cameo[:2] in ("01", "05") and e.cameo not in ("011", "012", "016") for e in remarks)
    assert any(_country(seed, e.target) == "BLR" for e in remarks)


def test_nothing_coded_from_should_not_sell_and_buy(seed):
    text = seed.article.text
    start = text.index("We should not just sell and buy")
    sentence = seed.sentence_at(start)
    assert not [e for e in seed.events if e.sentence == sentence], \
        [(e.cameo, seed.span_text(e.trigger)) for e in seed.events if e.sentence == sentence]
