"""Predictions in the gold format, from CodedArticles: built with a stand-in coder (what the coder finds is
fixed here), so these tests check the conversion, not the stages."""
from __future__ import annotations

from tacitus.eval.formats import validate_item
from tacitus.eval.predict import find_span, predict
from tacitus.model import Actor, CodedArticle, Event, Mention, Place, Quote

CONTEXT = "The Sylvanian envoy met President Ana Ruiz in Port Royal."


def at(phrase: str, text: str = CONTEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


class StandInCoder:
    """Codes every article with ``build(coded)`` and records which texts it was asked to code."""

    def __init__(self, build=None, fail_on: str | None = None):
        self.build = build or (lambda coded: None)
        self.fail_on = fail_on
        self.seen: list[str] = []

    def code_articles(self, articles, on_error=None):
        for article in articles:
            self.seen.append(article.text)
            if self.fail_on and self.fail_on in article.text:
                on_error(article, RuntimeError("stand-in failure"))
                continue
            coded = CodedArticle(article=article)
            self.build(coded)
            yield coded


def ruiz_and_envoy(coded: CodedArticle) -> None:
    text = coded.article.text
    if "Ana Ruiz" not in text:
        return
    coded.actors = [Actor("a1", "Ana Ruiz", "RUT", "GOV", kind="person"), Actor("a2", "Sylvanian envoy", "SYL", "GOV")]
    coded.mentions = [Mention(*at("Ana Ruiz", text), "Ana Ruiz", "PERSON", 0, actor="a1")]
    if "Sylvanian envoy" in text:
        coded.mentions.append(Mention(*at("Sylvanian envoy", text), "Sylvanian envoy", "NORP", 0, actor="a2"))


def test_find_span_exact_then_case_insensitive():
    assert find_span("President Ana Ruiz", CONTEXT) == at("President Ana Ruiz")
    assert find_span("president ana ruiz", CONTEXT) == at("President Ana Ruiz")
    assert find_span("Lima", CONTEXT) is None
    assert find_span("President  Ana\nRuiz", CONTEXT) == at("President Ana Ruiz")  # white space may differ


def test_find_span_of_abridged_gold_text_runs_from_first_to_last_word():
    context = "Talks between Rutanian and Sylvanian negotiators ended."
    assert find_span("Rutanian ... negotiators", context) == at("Rutanian and Sylvanian negotiators", context)
    assert find_span("Rutanian negotiators", context) == at("Rutanian and Sylvanian negotiators", context)
    assert find_span("Rutanian diplomats", context) is None


def test_actors_take_the_mention_overlapping_the_text_and_code_each_context_once():
    gold = [{"id": "1", "text": "President Ana Ruiz", "context": CONTEXT, "country": "RUT", "sector": "GOV"},
            {"id": "2", "text": "Sylvanian", "context": CONTEXT, "country": "SYL", "sector": None},
            {"id": "3", "text": "Lima", "context": CONTEXT, "country": "PER", "sector": None},
            {"id": "4", "text": "Ana Ruiz", "context": None, "date": "2020-05-01", "country": None, "sector": None}]
    coder = StandInCoder(ruiz_and_envoy)
    result = predict("actors", gold, coder)
    answers = [(p["id"], p["country"], p["sector"]) for p in result.items]
    assert answers == [("1", "RUT", "GOV"), ("2", "SYL", "GOV"), ("3", None, None), ("4", "RUT", "GOV")]
    assert coder.seen == [CONTEXT, "Ana Ruiz"]  # one context coded once; no context: the text alone
    assert result.items[3]["date"] == "2020-05-01" and result.items[0]["context"] == CONTEXT
    for item in result.items:
        validate_item(item, "actors")


def test_events_best_first_with_actor_text_place_and_pentaclass():
    def build(coded):
        ruiz_and_envoy(coded)
        coded.places = [Place("p1", "Port Royal", *at("Port Royal"), 0, lat=18.0, lon=-76.8)]
        coded.events = [
            Event("e1", "a2", "a1", "010", confidence=0.3, source_span=at("The Sylvanian envoy")),
            Event("e2", "a2", "a1", "040", plover="CONSULT", confidence=0.8, date="2020-05-01", place="p1",
                  source_span=at("The Sylvanian envoy"), target_span=at("President Ana Ruiz"))]

    gold = [{"id": "s", "text": CONTEXT, "date": "2020-05-02", "events": [{"plover": "CONSULT"}]}]
    item = predict("events", gold, StandInCoder(build)).items[0]
    assert [e["cameo"] for e in item["events"]] == ["040", "010"]
    best = item["events"][0]
    assert best["source"] == {"country": "SYL", "sector": "GOV", "code": "SYLGOV", "text": "The Sylvanian envoy"}
    assert best["target"]["text"] == "President Ana Ruiz" and best["place"]["name"] == "Port Royal"
    assert best["date"] == "2020-05-01" and item["date"] == "2020-05-02"
    assert item["pentaclass"] == 1  # root 04
    validate_item(item, "events")


def test_quotes_places_and_coding_failures():
    text = 'Ruiz said: "The port will reopen." Rain hit Port Royal.'

    def build(coded):
        coded.actors = [Actor("a1", "Ruiz", "RUT", "GOV")]
        coded.mentions = [Mention(*at("Ruiz", text), "Ruiz", "PERSON", 0, actor="a1")]
        coded.quotes = [Quote("q1", [at('"The port will reopen."', text)], True,
                              speaker_span=at("Ruiz", text), speaker="a1", cue=at("said", text))]
        coded.places = [Place("p1", "Port Royal", *at("Port Royal", text), 0, lat=18.0, lon=-76.8, feature="city")]

    gold = [{"id": "d", "text": text}, {"id": "broken", "text": "This one breaks the coder."}]
    quotes = predict("quotes", gold, StandInCoder(build, fail_on="breaks"))
    assert quotes.items[0]["quotes"] == [{"content": [list(at('"The port will reopen."', text))],
                                          "speaker": [list(at("Ruiz", text))], "cue": [list(at("said", text))],
                                          "direct": True, "speaker_mentions": [list(at("Ruiz", text))]}]
    assert quotes.items[1] == {"id": "broken", "text": "This one breaks the coder.", "quotes": []}
    assert quotes.failures == ["broken: RuntimeError: stand-in failure"]
    places = predict("places", gold[:1], StandInCoder(build)).items[0]["places"]
    assert places == [{"start": at("Port Royal", text)[0], "end": at("Port Royal", text)[1], "name": "Port Royal",
                       "lat": 18.0, "lon": -76.8, "feature": "city"}]


def test_real_coder_predictions_keep_ids_and_fit_the_format(coder):
    gold = [{"id": "n1", "text": "Polish President Jan Nowak met Lithuanian Prime Minister Rasa Kairiene in Warsaw.",
             "date": "2024-01-10", "events": []},
            {"id": "n2", "text": "Nothing of note happened on the farm today.", "events": []}]
    seen = []

    class Spy:  # the real coder, recording what it is given
        def code_articles(self, articles, on_error=None):
            def record(items):
                for article in items:
                    seen.append(article)
                    yield article
            return coder.code_articles(record(articles), on_error=on_error)

    result = predict("events", gold, Spy())
    assert [p["id"] for p in result.items] == ["n1", "n2"] and not result.failures
    for item in result.items:
        validate_item(item, "events")
    # the coder is given the text and the date, nothing of the gold labels
    assert [(a.text, a.date, a.title, a.source) for a in seen] == [(g["text"], g.get("date"), None, None) for g in gold]
