"""Dates: expressions found and resolved against the publication date, datelines, and event dates."""
from __future__ import annotations

import pytest

from tacitus.model import Article
from tacitus.when import TimeStage, event_date
from tacitus.when.dateline import dateline_date


@pytest.fixture(scope="module")
def dated(nlp):
    """Code one text with the when stage only: returns (doc, coded)."""
    from tacitus import nlp as nlp_layer
    from tacitus.pipeline import Coder

    coder = Coder(nlp=nlp, stages=[TimeStage()])

    def run(text: str, date: str | None):
        doc = next(nlp_layer.parse([text], nlp))
        return doc, coder.code_doc(Article(text=text, date=date), doc)

    return run


def values(dated, text: str, date: str | None) -> dict[str, tuple[str | None, str | None]]:
    _, coded = dated(text, date)
    return {t.text: (t.value, t.resolution) for t in coded.times}


@pytest.mark.parametrize("text, date, phrase, expected", [
    ("The ministers met on 23 October in the capital.", "2012-10-24", "23 October", ("2012-10-23", "day")),
    ("The talks ended on 30 December without a deal.", "2013-01-02", "30 December", ("2012-12-30", "day")),
    ("The vote took place on December 30.", "2013-01-02", "December 30", ("2012-12-30", "day")),
    ("The minister will travel there on 5 January.", "2012-12-28", "5 January", ("2013-01-05", "day")),
    ("Protesters gathered on Monday outside the parliament.", "2013-01-02", "Monday", ("2012-12-31", "day")),
    ("The delegation will arrive on Friday.", "2012-10-24", "Friday", ("2012-10-26", "day")),
    ("The army said it withdrew last week.", "2013-01-02", "last week", ("2012-W52", "week")),
    ("Exports have grown this year.", "2013-01-02", "this year", ("2013", "year")),
    ("Production fell last year.", "2013-01-02", "last year", ("2012", "year")),
    ("Elections are due next month.", "2012-12-15", "next month", ("2013-01", "month")),
    ("The border was closed yesterday.", "2013-01-01", "yesterday", ("2012-12-31", "day")),
    ("Talks resume tomorrow.", "2012-12-31", "tomorrow", ("2013-01-01", "day")),
    ("The deal was signed three days ago.", "2013-01-02", "three days ago", ("2012-12-30", "day")),
    ("Fighting broke out in December.", "2013-01-02", "December", ("2012-12", "month")),
    ("Fighting broke out last Friday.", "2012-10-24", "last Friday", ("2012-10-19", "day")),
    ("The treaty was signed on 4 May 1999.", "2012-10-24", "4 May 1999", ("1999-05-04", "day")),
    ("The treaty was signed in March 2004.", "2012-10-24", "March 2004", ("2004-03", "month")),
    ("The plant has been closed since 2008.", "2012-10-24", "2008", ("2008", "year")),
    ("Officials said on 2012-10-20 that the road was open.", None, "2012-10-20", ("2012-10-20", "day")),
])
def test_relative_and_explicit_dates(dated, text, date, phrase, expected):
    assert values(dated, text, date)[phrase] == expected


def test_words_that_are_not_dates(dated):
    found = values(dated, "We may march together, said Theresa May at the Sunday Times.", "2012-10-24")
    assert found == {}


def test_token_extension_marks_the_date(dated):
    doc, coded = dated("Troops left on 23 October.", "2012-10-24")
    marked = [t.text for t in doc if t._.time == coded.times[0].id]
    assert marked == ["23", "October"]


def test_relative_dates_without_publication_date_stay_unresolved(dated):
    _, coded = dated("The talks ended on Monday.", None)
    assert coded.article.date is None
    assert [(t.text, t.value) for t in coded.times] == [("Monday", None)]


def test_dateline_sets_publication_date(dated):
    _, coded = dated("24 October 2012\n\nThe delegation arrived yesterday.", None)
    assert coded.article.date == "2012-10-24"
    assert coded.article.date_source == "dateline"
    assert ("yesterday", "2012-10-23") in [(t.text, t.value) for t in coded.times]


def test_dateline_without_year_takes_the_article_year():
    text = "KYIV, Oct 24 (Agency) - The ministry said the 2012 budget was approved."
    assert dateline_date(text) == "2012-10-24"


def test_dateline_in_a_rarer_format_uses_the_fallback():
    assert dateline_date("Posted 2012/10/24\n\nThe ministry said the budget was approved.") == "2012-10-24"


def test_no_dateline_no_date():
    assert dateline_date("The ministry said the budget was approved on Monday.") is None


def test_argument_date_is_kept(dated):
    _, coded = dated("24 October 2012\n\nThe delegation arrived yesterday.", "2012-11-01")
    assert coded.article.date == "2012-11-01"


def _token(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def test_event_date_from_the_clause(dated):
    doc, coded = dated("The ministers met in Geneva on 20 October and agreed on a ceasefire.", "2012-10-24")
    value, resolution, source, time_id = event_date(doc, coded, _token(doc, "met"))
    assert (value, resolution, source) == ("2012-10-20", "day", "text")
    assert time_id == coded.times[0].id


def test_event_date_ignores_a_date_of_another_clause(dated):
    text = "The envoy, who arrived on Monday, said that the talks would go on."
    doc, coded = dated(text, "2012-10-24")
    value, _, source, _ = event_date(doc, coded, _token(doc, "said"))
    assert (value, source) == ("2012-10-24", "publication")


def test_event_date_falls_back_to_publication(dated):
    doc, coded = dated("The president criticised the opposition.", "2012-10-24")
    assert event_date(doc, coded, _token(doc, "criticised")) == ("2012-10-24", "day", "publication", None)


def test_earlier_event_is_not_dated_to_publication(dated):
    doc, coded = dated("The issue was raised during their previous meeting in Astana.", "2012-10-24")
    value, _, source, _ = event_date(doc, coded, _token(doc, "meeting"))
    assert value is None and source == "unknown"


def test_event_inside_an_earlier_event_is_not_dated_to_publication(dated):
    doc, coded = dated("They discussed the budget during their last meeting in Astana.", "2012-10-24")
    value, _, source, _ = event_date(doc, coded, _token(doc, "discussed"))
    assert value is None and source == "unknown"


def test_a_plan_dates_its_own_act_not_the_agreement(dated):
    text = "The two ministers agreed on Tuesday to hold joint naval drills next year."
    doc, coded = dated(text, "2019-05-09")
    agreed, _, source, _ = event_date(doc, coded, _token(doc, "agreed"))
    drills, _, _, _ = event_date(doc, coded, _token(doc, "hold"))
    assert (agreed, source) == ("2019-05-07", "text")
    assert drills == "2020"
    doc, coded = dated("The two ministers agreed to hold joint naval drills next year.", "2019-05-09")
    assert event_date(doc, coded, _token(doc, "agreed"))[:3] == ("2019-05-09", "day", "publication")


def test_a_dateline_date_dates_no_event(dated):
    text = "Headline about drills\n\nOSLO, 3 June 2019 - Norwegian troops began an exercise on Sunday."
    doc, coded = dated(text, None)
    assert coded.article.date == "2019-06-03"
    value, _, source, _ = event_date(doc, coded, _token(doc, "began"))
    assert (value, source) == ("2019-06-02", "text")  # "on Sunday", not the dateline's 3 June
    doc, coded = dated("OSLO, 3 June 2019 - Norwegian troops began an exercise.", None)
    assert event_date(doc, coded, _token(doc, "began"))[2] == "publication"


def test_seed_dates(seed):
    found = {t.text: (t.value, t.resolution) for t in seed.times}
    assert found["23 October"] == ("2012-10-23", "day")


def test_seed_event_dates(nlp, seed_text):
    from tacitus import nlp as nlp_layer
    from tacitus.pipeline import Coder

    doc = next(nlp_layer.parse([seed_text], nlp))
    coded = Coder(nlp=nlp, stages=[TimeStage()]).code_doc(Article(text=seed_text, date="2012-10-24"), doc)
    discussed = next(t for t in doc if t.text == "meeting" and "Rogozin" in t.sent.text)
    latest = next(t for t in doc if t.text == "meeting" and "Sochi" in t.sent.text)
    assert event_date(doc, coded, discussed)[:3] == ("2012-10-23", "day", "text")
    assert event_date(doc, coded, latest)[0] != "2012-10-23"
    assert event_date(doc, coded, latest)[2] != "publication"
