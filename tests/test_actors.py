"""The actors stage on the seed article and on invented sentences."""
from __future__ import annotations

import pytest

from tacitus.actors import ActorStage, actor_of, actors_in_span, actors_of
from tacitus.actors.dictionary import ActorDictionary
from tacitus.pipeline import Coder


@pytest.fixture(scope="module")
def actor_coder(nlp):
    return Coder(nlp=nlp, stages=[ActorStage()])


def _codes_of(coded, text):
    """Codes of the actors of every mention whose text is ``text``."""
    out = []
    for mention in coded.mentions:
        if mention.text == text:
            actor = coded.actor(mention.actor)
            out.append(actor.code if actor else None)
    return out


def _actor_named(coded, name):
    return next(a for a in coded.actors if a.name == name)


def test_seed_people_resolve_to_their_actors(seed):
    luka = _actor_named(seed, "Aleksandr Lukashenko")
    rogo = _actor_named(seed, "Dmitry Rogozin")
    assert (luka.country, luka.sector, luka.kind) == ("BLR", "GOV", "person")
    assert (rogo.country, rogo.sector, rogo.kind) == ("RUS", "GOV", "person")
    text = seed.article.text

    def actor_at(phrase, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(phrase, start + 1)
        found = actors_in_span(seed, start, start + len(phrase))
        return found[0].id if found else None

    for phrase in ("the Belarusian head of state", "The head of state", "The Belarus President"):
        assert actor_at(phrase) == luka.id, phrase
    assert actor_at("the Belarusian head of state", 1) == luka.id
    assert actor_at("The Vice Premier of Russia") == rogo.id
    assert actor_at("Deputy Prime Minister") == rogo.id
    for nth in range(3):
        assert actor_at("Dmitry Rogozin", nth) == rogo.id
        assert actor_at("Aleksandr Lukashenko", nth) == luka.id
    # "his latest meeting": the head of state is the subject of that sentence
    his = next(m for m in seed.mentions if m.kind == "pronoun" and m.text == "his")
    assert his.actor == luka.id


def test_seed_president_of_russia_is_a_third_person(seed):
    text = seed.article.text
    start = text.index("the President of Russia")
    actor = actors_in_span(seed, start, start + len("the President of Russia"))[0]
    assert actor.name not in ("Aleksandr Lukashenko", "Dmitry Rogozin")
    assert (actor.country, actor.sector, actor.kind) == ("RUS", "GOV", "person")


def test_seed_countries(seed):
    for text, country in (("Belarus", "BLR"), ("Russia", "RUS"), ("Russian Federation", "RUS"),
                          ("Belarusian", "BLR")):
        codes = _codes_of(seed, text)
        assert codes, text
        assert all(code and code.startswith(country) for code in codes), (text, codes)


def test_tokens_carry_their_mention(actor_coder, nlp):
    from tacitus import nlp as nlp_layer
    from tacitus.model import Article

    text = "Senior Hungarian and Romanian officials met in Budapest. Belarusian-Russian cooperation grew."
    doc = next(nlp_layer.parse([text], nlp))
    coded = actor_coder.code_doc(Article(text=text, date="2020-01-01"), doc)
    officials = next(t for t in doc if t.text == "officials")
    assert sorted(a.code for a in actors_of(officials, coded)) == ["HUNGOV", "ROUGOV"]
    cooperation = next(t for t in doc if t.text == "cooperation")
    assert sorted(a.country for a in actors_of(cooperation, coded)) == ["BLR", "RUS"]
    hungarian = next(t for t in doc if t.text == "Hungarian")
    assert actor_of(hungarian, coded).code == "HUNGOV"
    assert coded.mentions[hungarian._.mention].kind == "demonym"


@pytest.mark.parametrize("sentence, phrase, code", [
    ("Israeli troops opened fire on protesters in Hebron on Monday.", "Israeli troops", "ISRMIL"),
    ("Egyptian police arrested 12 demonstrators.", "Egyptian police", "EGYCOP"),
    ("Afghan rebel leaders said they would meet the envoy.", "Afghan rebel leaders", "AFGREB"),
    ("The Kremlin rejected the proposal on Tuesday.", "Kremlin", "RUSGOV"),
    ("Moscow warned Washington against new sanctions.", "Moscow", "RUSGOV"),
    ("Moscow warned Washington against new sanctions.", "Washington", "USAGOV"),
    ("Thousands of tourists travelled to Moscow last summer.", "Moscow", "RUS"),  # a destination: the country
    ("NATO ministers met in Brussels.", "NATO ministers", "IGOGOV"),
    ("NATO said it would send more planes.", "NATO", "IGOMIL"),
    ("Kazakh lawmakers approved the budget.", "Kazakh lawmakers", "KAZLEG"),
    ("Former Peruvian President Juan Perez criticised the plan.", "Juan Perez", "PERELI"),
    ("Ethnic Albanians in southern Serbia demanded autonomy.", "Ethnic Albanians", "SRBCVL"),
])
def test_phrases(actor_coder, sentence, phrase, code):
    coded = actor_coder.code(sentence, date="2020-01-01")
    start = sentence.index(phrase)
    found = actors_in_span(coded, start, start + len(phrase))
    assert found and found[0].code == code, [(a.name, a.code) for a in found]


def test_dictionary_resolves_a_name_from_an_earlier_article(nlp):
    dictionary = ActorDictionary()
    coder = Coder(nlp=nlp, stages=[ActorStage(dictionary=dictionary)])
    first = coder.code("Defence Minister Tomas Varga of Slovakia inspected the new barracks on Friday.",
                       date="2021-03-05")
    learned = dictionary.learn(first)
    assert [e.name for e in learned] == ["Tomas Varga"]
    second = coder.code("Varga said the army would buy new helicopters.", date="2021-04-01")
    varga = next(a for a in second.actors if a.name == "Varga")
    assert (varga.country, varga.sector, varga.source) == ("SVK", "GOV", "dictionary")
    assert varga.evidence and varga.evidence[0].article == first.article.id
    assert "Defence Minister Tomas Varga of Slovakia" in varga.evidence[0].text
