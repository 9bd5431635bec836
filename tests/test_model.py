"""The document model round-trips through JSON and keeps offsets into the article text."""
from __future__ import annotations

import json

from tacitus.model import (Actor, Article, CodedArticle, DatedCode, DictionaryEntry, Event, Evidence, Mention, Place,
                           Quote, Sentence, TimeRef, content_id)

TEXT = "President Alpha of Freedonia met Minister Beta in Sylvania on Monday. \"We agreed,\" Alpha said."


def sample() -> CodedArticle:
    article = Article(text=TEXT, title="Talks", date="2024-05-02", source="Wire", url="http://x")
    return CodedArticle(
        article=article,
        sentences=[Sentence(0, 0, 69), Sentence(1, 70, len(TEXT))],
        mentions=[Mention(0, 28, "President Alpha of Freedonia", "PERSON", 0, "title", "a1")],
        actors=[Actor("a1", "Alpha", "FRE", "GOV", "person", ["Alpha"], [0], "title",
                      [Evidence(article.id, 0, 28, "President Alpha of Freedonia", "2024-05-02", "FRE", "GOV")])],
        places=[Place("p1", "Sylvania", 50, 58, 0, 1.5, 2.5, "SYL", None, 42, "country", True)],
        times=[TimeRef("t1", "on Monday", 59, 68, 0, "2024-04-29", "day", True)],
        events=[Event("e1", "a1", None, "040", "Consult", 1.0, 1, "CONSULT", None, [], "2024-04-29", "day", "text",
                      "p1", 0, (0, 69), (29, 32), (0, 28), (33, 46), 0.8, "verb:meet")],
        quotes=[Quote("q1", [(71, 81)], True, (83, 88), "a1", (89, 93), "said", 1, ["e1"])],
        warnings=["something"],
    )


def test_json_round_trip_is_lossless():
    coded = sample()
    data = json.loads(json.dumps(coded.to_dict()))
    again = CodedArticle.from_dict(data)
    assert again == coded
    assert again.events[0].trigger == (29, 32) and isinstance(again.quotes[0].content[0], tuple)


def test_actor_code_joins_country_and_sector_and_is_serialised():
    coded = sample()
    assert coded.actors[0].code == "FREGOV"
    assert coded.to_dict()["actors"][0]["code"] == "FREGOV"
    assert Actor("a2", "Somebody").code == ""


def test_spans_trace_back_to_the_text():
    coded = sample()
    assert coded.span_text(coded.events[0].trigger) == "met"
    assert coded.span_text(coded.quotes[0].content[0]) == 'We agreed,'
    assert coded.sentence_at(75) == 1 and coded.sentence_at(3) == 0
    assert coded.actor("a1").name == "Alpha" and coded.actor("zz") is None
    assert coded.place("p1").name == "Sylvania"


def test_article_id_is_stable_and_content_based():
    assert Article(text=TEXT).id == content_id(TEXT) == Article(text=TEXT + "\n").id
    assert len(Article(text=TEXT).id) == 16


def test_dictionary_entry_round_trip():
    entry = DictionaryEntry("Beta", "SYL", "GOV", aliases=["Minister Beta"], first_seen="2024-01-01", count=2,
                            codes=[DatedCode("SYLGOV", "2020-01-01", None)],
                            evidence=[Evidence("abc", 1, 5, "Beta", "2024-01-01", "SYL", "GOV")])
    assert DictionaryEntry.from_dict(json.loads(json.dumps(entry.to_dict()))) == entry
