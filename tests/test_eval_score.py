"""Scorers on small hand-made gold/prediction pairs whose answers are worked out by hand."""
from __future__ import annotations

import pytest

from tacitus.eval.match import as_spans, greedy_overlap, max_matching, tokens_overlap, trimmed
from tacitus.eval.score import haversine_km, score


def values(scores) -> dict[str, float | None]:
    return {f.key: f.value for f in scores.figures}


def counts(scores, key: str) -> dict[str, int]:
    return scores.get(key).counts


# --- matching helpers ---------------------------------------------------------------------------------------

def test_max_matching_finds_the_larger_pairing_that_greedy_would_miss():
    gold = ["A", "B"]
    preds = [{"A", "B"}, {"A"}]
    assert max_matching(gold, preds, lambda g, p: g in p) == [(0, 1), (1, 0)]


def test_spans_merge_trim_and_overlap():
    text = '  "Yes," he said. "We will."'
    assert as_spans([[5, 9], [2, 6]]) == ((2, 9),)
    assert trimmed(((2, 9),), text) == ((3, 7),)  # quotes and spaces gone, the comma stays
    # pieces separated only by quotation marks and spaces join into one; others stay apart
    assert trimmed(((0, 6), (7, 12)), '"Yes," "No."') == ((1, 11),)
    assert trimmed(((2, 9), (19, 28)), text) == ((3, 7), (19, 27))
    assert greedy_overlap([((0, 10),)], [((5, 20),), ((0, 9),)]) == [(0, 1)]
    assert greedy_overlap([((0, 10),)], [((8, 30),)]) == []  # 2 shared < half of 10


def test_actor_text_token_overlap_needs_more_than_half_the_shorter():
    assert tokens_overlap("President Ana Ruiz", "Ruiz")
    assert tokens_overlap("the Sylvanian army", "Sylvanian army units")
    assert not tokens_overlap("the government", "the rebels")


# --- events -------------------------------------------------------------------------------------------------

EVENTS_GOLD = [
    {"id": "a", "text": "t", "events": [{"plover": "CONSULT", "source": {"country": "BLR"}, "target": {"country": "RUS"}}]},
    {"id": "b", "text": "t", "events": []},
    {"id": "c", "text": "t", "events": [
        {"plover": "ASSAULT", "source": {"country": "ISR"}, "target": None},
        {"plover": "ACCUSE", "source": {"country": "SYR"}, "target": {"country": "ISR"}}]},
]
EVENTS_PRED = [
    {"id": "a", "text": "t", "events": [{"plover": "CONSULT", "source": {"country": "BLR"}, "target": {"country": "UKR"}}]},
    {"id": "b", "text": "t", "events": [{"plover": "PROTEST"}, {"cameo": "010"}]},
    {"id": "c", "text": "t", "events": [{"plover": "ASSAULT", "source": {"country": "ISR"}, "target": {"country": "PSE"}}]},
]


def test_events_partial_type_and_triples():
    s = score("events", EVENTS_GOLD, EVENTS_PRED)
    v = values(s)
    # tp: CONSULT in a, ASSAULT in c; fn: ACCUSE; fp: both events of b (gold says no event)
    assert counts(s, "type.plover.micro.f1") == {"tp": 2, "fp": 2, "fn": 1}
    assert v["type.plover.micro.precision"] == 0.5
    assert v["type.plover.micro.recall"] == 0.6667
    assert v["type.plover.micro.f1"] == 0.5714
    # per type: CONSULT 1, ASSAULT 1, PROTEST 0, ACCUSE 0
    assert v["type.plover.macro.f1"] == 0.5
    # triples: (BLR, CONSULT, RUS) and (SYR, ACCUSE, ISR) missed; BLR->UKR and ISR->PSE are wrong
    assert counts(s, "triple.f1") == {"tp": 0, "fp": 2, "fn": 2}
    assert v["triple.f1"] == 0.0
    assert not any(k.startswith("type.cameo") for k in v)  # no gold event carries a CAMEO code


def test_events_perfect_and_empty_predictions():
    perfect = values(score("events", EVENTS_GOLD, EVENTS_GOLD))
    assert perfect["type.plover.micro.f1"] == perfect["triple.f1"] == 1.0
    empty = score("events", EVENTS_GOLD, [])
    assert counts(empty, "type.plover.micro.f1") == {"tp": 0, "fp": 0, "fn": 3}
    assert values(empty)["type.plover.micro.precision"] is None  # nothing predicted: no precision
    assert values(empty)["type.plover.micro.recall"] == 0.0
    assert empty.notes == ["3 gold items have no prediction (scored as predicting nothing)"]


def test_events_null_expected_text_counts_every_prediction_as_false():
    gold = [{"id": "x", "text": "t", "events": []}, {"id": "y", "text": "t", "events": [{"plover": "AID"}]}]
    pred = [{"id": "x", "events": [{"plover": "AID"}]}, {"id": "y", "events": [{"plover": "AID"}]}]
    assert counts(score("events", gold, pred), "type.plover.micro.f1") == {"tp": 1, "fp": 1, "fn": 0}


def test_events_one_code_per_text_and_cameo_roots():
    gold = [{"id": "c1", "text": "t", "events": [{"cameo": "0311"}]},
            {"id": "c2", "text": "t", "events": [{"cameo": "190"}]},
            {"id": "c3", "text": "t", "events": [{"cameo": "042"}, {"cameo": "043"}]}]
    pred = [{"id": "c1", "events": [{"cameo": "120", "confidence": 0.3}, {"cameo": "0312", "confidence": 0.4}]},
            {"id": "c2", "events": []}]
    s = score("events", gold, pred)
    v = values(s)
    # c1's top event (confidence 0.4) has root 03 but not code 0311; c2 has none; c3 has two gold events
    assert (v["cameo.root.accuracy"], v["cameo.code.accuracy"]) == (0.5, 0.0)
    assert s.get("cameo.root.accuracy").n == 2
    assert counts(s, "type.cameo.micro.f1") == {"tp": 1, "fp": 1, "fn": 3}


def test_events_pentaclass_from_field_or_top_event():
    gold = [{"id": "p1", "text": "t", "pentaclass": 4}, {"id": "p2", "text": "t", "pentaclass": 1},
            {"id": "p3", "text": "t", "pentaclass": 0}]
    pred = [{"id": "p1", "events": [{"cameo": "190", "confidence": 0.9}, {"cameo": "040", "confidence": 0.2}]},
            {"id": "p2", "pentaclass": 3}]
    v = values(score("events", gold, pred))
    assert v["pentaclass.accuracy"] == 0.3333
    assert v["pentaclass.macro.f1"] == 0.25  # classes 0, 1, 3, 4: only 4 is right


def test_events_actor_text_exact_and_token_overlap():
    gold = [{"id": "s", "text": "t", "events": [
        {"source": {"text": "the Freedonian minister and his Sylvanian counterpart"}, "target": {"text": "the border town"}}]}]
    pred = [{"id": "s", "events": [
        {"source": {"text": "Freedonian minister"}, "target": {"text": "border town"}},
        {"source": {"text": "his Sylvanian counterpart"}, "target": None}]}]
    s = score("events", gold, pred)
    assert counts(s, "source_text.exact.f1") == {"tp": 0, "fp": 2, "fn": 1}
    assert counts(s, "source_text.overlap.f1") == {"tp": 1, "fp": 1, "fn": 0}  # one-to-one
    assert counts(s, "target_text.overlap.f1") == {"tp": 1, "fp": 0, "fn": 0}
    assert values(s)["target_text.exact.recall"] == 0.0
    assert not any(k.startswith("triple") for k in values(s))  # no countries in the gold
    no_actor = [{"id": "n", "text": "t", "events": [{"source": None, "target": None}]}]
    assert not any(k.startswith("triple") for k in values(score("events", no_actor, no_actor)))


# --- actors -------------------------------------------------------------------------------------------------

def test_actors_null_expected_and_absent_keys():
    gold = [{"id": "a1", "text": "x", "country": "KAZ", "sector": "GOV"},
            {"id": "a2", "text": "x", "country": None, "sector": None},
            {"id": "a3", "text": "x", "country": "USA"},
            {"id": "a4", "text": "x", "country": "RUS", "sector": "MIL"},
            {"id": "a5", "text": "x", "country": "FRA", "sector": None}]
    pred = [{"id": "a1", "country": "KAZ", "sector": "GOV"}, {"id": "a2", "country": None, "sector": None},
            {"id": "a3", "country": "USA", "sector": "GOV"}, {"id": "a4", "country": "RUS", "sector": "GOV"}]
    v = values(score("actors", gold, pred))
    assert v["country.accuracy"] == 0.8  # a5 has no prediction
    assert v["sector.accuracy"] == 0.75  # a3 not scored; a4 wrong; a5's null is right
    assert v["both.accuracy"] == 0.5
    wrong_null = values(score("actors", gold[1:2], [{"id": "a2", "country": "KAZ", "sector": None}]))
    assert wrong_null["country.accuracy"] == 0.0


# --- quotes -------------------------------------------------------------------------------------------------

QUOTE_TEXT = ('Maria Lopez said: "We will rebuild the bridge." Officials added that the work will take a year. '
              '"It is late," the mayor said, "but we are ready."')


def at(phrase: str, text: str = QUOTE_TEXT) -> list[int]:
    start = text.index(phrase)
    return [start, start + len(phrase)]


def quotes_pair():
    gold = [{"id": "d1", "text": QUOTE_TEXT, "quotes": [
        {"content": [at('"We will rebuild the bridge."')], "speaker": [at("Maria Lopez")], "direct": True},
        {"content": [at("the work will take a year")], "speaker": [at("Officials")], "direct": False},
        {"content": [at('"It is late,"'), at('"but we are ready."')], "speaker": [at("the mayor")], "direct": True}]},
        {"id": "d2", "text": "No one spoke.", "quotes": []}]
    pred = [{"id": "d1", "quotes": [
        {"content": [at("We will rebuild the bridge.")], "speaker": [at("Lopez")], "direct": True},
        {"content": [at("Officials added that the work")], "speaker": None, "direct": False},
        {"content": [at('"It is late,"')], "speaker": None, "direct": True}]},
        {"id": "d2", "quotes": [{"content": [[0, 6]], "direct": False}]}]
    return gold, pred


def test_quotes_partial_exact_overlap_speaker_and_discontinuous():
    gold, pred = quotes_pair()
    s = score("quotes", gold, pred)
    v = values(s)
    assert counts(s, "content.exact.all.f1") == {"tp": 1, "fp": 3, "fn": 2}  # quote marks trimmed
    assert counts(s, "content.overlap.all.f1") == {"tp": 2, "fp": 2, "fn": 1}  # 1st piece of a 2-piece quote
    assert (v["content.overlap.all.precision"], v["content.overlap.all.recall"]) == (0.5, 0.6667)
    assert v["speaker.accuracy.all"] == 0.5
    assert counts(s, "content.overlap.direct.f1") == {"tp": 2, "fp": 0, "fn": 0}
    assert v["content.exact.direct.recall"] == 0.5
    assert v["speaker.accuracy.direct"] == 0.5


def test_quotes_null_speaker_is_right_only_when_predicted_null():
    text = "The memo said taxes will rise."
    gold = [{"id": "m", "text": text, "quotes": [{"content": [at("taxes will rise", text)], "speaker": None}]}]
    right = [{"id": "m", "quotes": [{"content": [at("taxes will rise", text)], "speaker": None}]}]
    wrong = [{"id": "m", "quotes": [{"content": [at("taxes will rise", text)], "speaker": [at("The memo", text)]}]}]
    assert values(score("quotes", gold, right))["speaker.accuracy.all"] == 1.0
    assert values(score("quotes", gold, wrong))["speaker.accuracy.all"] == 0.0


def test_quotes_speaker_right_when_resolved_to_the_same_entity():
    text = "Ana Ruiz spoke first. She said the port will reopen."
    gold = [{"id": "m", "text": text, "quotes": [{"content": [at("the port will reopen", text)],
                                                  "speaker": [at("She", text)]}]}]
    named = {"content": [at("the port will reopen", text)], "speaker": [at("Ana Ruiz", text)]}
    resolved = [{"id": "m", "quotes": [{**named, "speaker_mentions": [at("Ana Ruiz", text), at("She", text)]}]}]
    unresolved = [{"id": "m", "quotes": [{**named, "speaker_mentions": [at("Ana Ruiz", text)]}]}]
    assert values(score("quotes", gold, resolved))["speaker.accuracy.all"] == 1.0
    assert values(score("quotes", gold, unresolved))["speaker.accuracy.all"] == 0.0


# --- places -------------------------------------------------------------------------------------------------

PLACE_TEXT = "Floods hit Porto Alegre and Canoas, south of Brasilia."


def place(phrase: str, lat=None, lon=None, text: str = PLACE_TEXT) -> dict:
    start, end = at(phrase, text)
    return {"start": start, "end": end, "name": phrase, "lat": lat, "lon": lon}


def test_places_spans_distance_and_median_error():
    gold = [{"id": "p", "text": PLACE_TEXT, "places": [
        place("Porto Alegre", -30.03, -51.23), place("Canoas", -29.92, -51.18), place("Brasilia", -15.79, -47.88)]}]
    pred = [{"id": "p", "places": [
        place("Porto Alegre", -30.0, -51.2), place("Canoas,"), place("Brasilia", 40.42, -3.70), place("south")]}]
    s = score("places", gold, pred)
    v = values(s)
    assert counts(s, "span.exact.f1") == {"tp": 2, "fp": 2, "fn": 1}  # "Canoas," keeps its comma
    assert counts(s, "span.overlap.f1") == {"tp": 3, "fp": 1, "fn": 0}
    assert v["within_161km"] == 0.3333 and s.get("within_161km").n == 3
    near = haversine_km(-30.03, -51.23, -30.0, -51.2)
    far = haversine_km(-15.79, -47.88, 40.42, -3.70)
    assert near < 5 and far > 7000
    assert v["median_error_km"] == round((near + far) / 2, 1)


def test_places_within_161km_per_predicted_feature():
    gold = [{"id": "p", "text": PLACE_TEXT, "places": [
        place("Porto Alegre", -30.03, -51.23), place("Canoas", -29.92, -51.18), place("Brasilia", -15.79, -47.88)]}]
    pred = [{"id": "p", "places": [
        {**place("Porto Alegre", -30.0, -51.2), "feature": "city"}, {**place("Canoas", 10.0, 10.0), "feature": "city"},
        {**place("Brasilia", -15.8, -47.9), "feature": "country"}]}]
    v = values(score("places", gold, pred))
    assert v["within_161km"] == 0.6667
    assert v["within_161km.other"] == 0.5 and v["within_161km.country"] == 1.0
    assert "within_161km.country" not in values(score("places", gold, [{"id": "p", "places": [place("Canoas")]}]))


def test_haversine_one_degree_of_longitude_at_the_equator():
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)


# --- self-scoring -------------------------------------------------------------------------------------------

def test_every_task_scored_against_itself_is_perfect():
    gold_quotes, _ = quotes_pair()
    gold_places = [{"id": "p", "text": PLACE_TEXT, "places": [place("Canoas", -29.92, -51.18), place("south")]}]
    gold_actors = [{"id": "a", "text": "x", "country": None, "sector": None},
                   {"id": "b", "text": "y", "context": "y z", "country": "KAZ", "sector": "GOV"}]
    gold_events = EVENTS_GOLD + [
        {"id": "k", "text": "t", "pentaclass": 2, "events": [{"cameo": "0311", "plover": "AGREE",
                                                              "source": {"text": "Ruritania", "country": "RUT"},
                                                              "target": None}]}]
    for task, gold in (("events", gold_events), ("actors", gold_actors), ("quotes", gold_quotes),
                       ("places", gold_places)):
        scores = score(task, gold, gold)
        assert scores.figures
        for figure in scores.figures:
            perfect = 0.0 if figure.key == "median_error_km" else 1.0
            assert figure.value in (None, perfect), (task, figure)
        assert sum(f.value is not None for f in scores.figures) >= 3
