"""Places: candidates, offline resolution with context, dateline places and event places."""
from __future__ import annotations

import pytest

from tacitus.model import Article
from tacitus.where import PlaceStage, event_place
from tacitus.where.gazetteer import distance_km, gazetteer


def places(placed, text: str) -> dict[str, tuple[str | None, str | None]]:
    _, coded = placed(text)
    return {p.name: (p.country, p.feature) for p in coded.places}


def test_countries_and_towns_resolve(placed):
    found = places(placed, "Belarus and Russia agreed in Minsk to expand trade with Kazakhstan.")
    assert found["Belarus"] == ("BLR", "country")
    assert found["Russia"] == ("RUS", "country")
    assert found["Minsk"] == ("BLR", "city")


def test_demonyms_are_not_places(placed):
    found = places(placed, "Belarusian officials and Russian diplomats met Chinese traders.")
    assert not {"Belarusian", "Russian", "Chinese"} & set(found)


def test_aliases(placed):
    found = places(placed, "The U.S. and the UK imposed sanctions.")
    assert found["U.S."] == ("USA", "country")
    assert found["UK"] == ("GBR", "country")


def test_context_picks_the_right_town(placed):
    """Two towns share a name: the one in the country the article is about wins over population."""
    _, coded = placed("Floods hit Queensland. In Innisfail, the river burst its banks.")
    town = next(p for p in coded.places if p.name == "Innisfail")
    assert town.country == "AUS"


def test_container_after_comma(placed):
    _, coded = placed("Police in Santa Ana, California, arrested two men.")
    town = next(p for p in coded.places if p.name == "Santa Ana")
    assert town.country == "USA" and town.admin1 == "California"


def test_container_beats_a_bigger_namesake(placed):
    """A famous town must not vote for itself: "Paris, Texas" is in Texas."""
    _, coded = placed("The band played in Paris, Texas, last night.")
    town = next(p for p in coded.places if p.name == "Paris")
    assert (town.country, town.admin1) == ("USA", "Texas")


def test_place_named_in_an_organisation(placed):
    found = places(placed, "The U.S. Centers for Disease Control confirmed the case.")
    assert found.get("U.S.") == ("USA", "country")


def test_disease_named_after_a_place_is_not_a_place(placed):
    found = places(placed, "Cases of West Nile virus and Marburg fever were reported in Kenya.")
    assert set(found) == {"Kenya"}


def test_unknown_name_stays_unresolved_with_reason(placed):
    _, coded = placed("Fighting was reported in Zzyzxtown province.")
    unresolved = [p for p in coded.places if not p.resolved]
    assert all(p.reason and p.lat is None for p in unresolved)


def test_token_extension(placed):
    doc, coded = placed("Talks were held in Sochi.")
    sochi = next(p for p in coded.places if p.name == "Sochi")
    assert [t.text for t in doc if t._.place == sochi.id] == ["Sochi"]


def test_gazetteer_lookup_is_case_aware_for_codes():
    gaz = gazetteer()
    assert gaz.lookup("US")[0].cc == "US"
    assert all(e.cc != "US" for e in gaz.lookup("us"))
    assert gaz.lookup("NSW")[0].admin1 == "New South Wales"


def test_distance():
    assert distance_km(53.9, 27.57, 55.75, 37.62) == pytest.approx(675, abs=10)  # Minsk - Moscow


def _token(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_event_place_from_locative_phrase(placed):
    doc, coded = placed("The envoy of France met the minister in Minsk on Monday.")
    place = event_place(doc, coded, _token(doc, "met"))
    assert place is not None and place.name == "Minsk"


def test_event_place_never_from_other_roles(placed):
    doc, coded = placed("The envoy of France criticised the minister.")
    assert event_place(doc, coded, _token(doc, "criticised")) is None


def test_event_place_falls_back_to_dateline(placed):
    doc, coded = placed("MINSK, Oct 24 (Agency) - The president criticised the opposition.")
    place = event_place(doc, coded, _token(doc, "criticised"))
    assert place is not None and place.name == "MINSK" and place.country == "BLR"


def test_dateline_town_in_capitals(placed):
    _, coded = placed("ROME, Oct 24 (Agency) - The government resigned.")
    assert [(p.name, p.country) for p in coded.places][:1] == [("ROME", "ITA")]


def test_seed_sochi(seed):
    sochi = next(p for p in seed.places if p.name == "Sochi")
    assert sochi.country == "RUS"
    assert sochi.lat == pytest.approx(43.6, abs=0.1) and sochi.lon == pytest.approx(39.7, abs=0.1)


def test_seed_event_place(nlp, seed_text):
    from tacitus import nlp as nlp_layer
    from tacitus.pipeline import Coder

    doc = next(nlp_layer.parse([seed_text], nlp))
    coded = Coder(nlp=nlp, stages=[PlaceStage()]).code_doc(Article(text=seed_text, date="2012-10-24"), doc)
    latest = next(t for t in doc if t.text == "meeting" and "Sochi" in t.sent.text)
    place = event_place(doc, coded, latest)
    assert place is not None and place.name == "Sochi"
    discussed = next(t for t in doc if t.text == "meeting" and "Rogozin" in t.sent.text)
    assert event_place(doc, coded, discussed) is None  # the text does not say where; no dateline
