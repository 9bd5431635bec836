"""Merged events: reports of one event from several articles become one event, traceable to each mention,
whatever order the articles arrive in."""
from __future__ import annotations

import itertools
import random
from datetime import date

import pytest

from fixtures.coded import report
from tacitus.model import Actor
from tacitus.store import Store
from tacitus.store.merge import MentionRef, PlaceRef, actor_key, cluster, compatible, run_of

HELSINKI = PlaceRef("Helsinki", "FIN", 60.17, 24.94, 658225, "city")
ESPOO = PlaceRef("Espoo", "FIN", 60.2, 24.66, 660129, "city")
MINSK = PlaceRef("Minsk", "BLR", 53.9, 27.57, 625144, "city")
FINLAND = PlaceRef("Finland", "FIN", 64.0, 26.0, 660013, "country")


def m(article: str, day: int, place: PlaceRef = PlaceRef()) -> MentionRef:
    return MentionRef(article, "e1", date(2024, 3, day), place, "040", None, 0.5)


def shape(clusters) -> list[list[str]]:
    return sorted(sorted(x.article for x in c.mentions) for c in clusters)


def test_places_compatible_by_id_name_distance_or_country():
    assert compatible(HELSINKI, PlaceRef("helsinki"))
    assert compatible(HELSINKI, ESPOO)  # about 16 km apart
    assert not compatible(HELSINKI, MINSK)
    assert compatible(FINLAND, HELSINKI) and compatible(HELSINKI, FINLAND)
    assert not compatible(FINLAND, MINSK)


def test_days_within_a_day_merge_and_windows_do_not_chain():
    assert shape(cluster([m("a", 13), m("b", 14)])) == [["a", "b"]]
    assert shape(cluster([m("a", 13), m("b", 15)])) == [["a"], ["b"]]
    # a daily series is not one event: two-day windows from the first day
    assert shape(cluster([m("a", 1), m("b", 2), m("c", 3), m("d", 4)])) == [["a", "b"], ["c", "d"]]


def test_places_split_a_window_and_unplaced_mentions_join_the_largest():
    mentions = [m("a", 13, HELSINKI), m("b", 13, ESPOO), m("c", 13, MINSK), m("d", 14), m("e", 14, FINLAND)]
    assert shape(cluster(mentions)) == [["a", "b", "d", "e"], ["c"]]


def test_clusters_do_not_depend_on_arrival_order():
    rng = random.Random(3)
    places = [HELSINKI, ESPOO, MINSK, FINLAND, PlaceRef()]
    mentions = [m(f"x{i}", rng.randint(1, 9), rng.choice(places)) for i in range(14)]
    expected = shape(cluster(mentions))
    for _ in range(30):
        rng.shuffle(mentions)
        assert shape(cluster(mentions)) == expected


def test_run_of_consecutive_days():
    days = [date(2024, 3, d) for d in (1, 2, 3, 5, 6, 9)]
    assert run_of(days, date(2024, 3, 2)) == (date(2024, 3, 1), date(2024, 3, 3))
    assert run_of(days, date(2024, 3, 4)) == (date(2024, 3, 1), date(2024, 3, 6))  # a new day joins two runs
    assert run_of(days, date(2024, 3, 9)) == (date(2024, 3, 9), date(2024, 3, 9))


def test_actor_keys_name_people_and_code_groups():
    person = Actor("a1", "Aino  Virtánen", country="FIN", sector="GOV", kind="person")
    assert actor_key(person) == "person:aino virtanen"
    assert actor_key(Actor("a2", "Belarus", country="BLR", kind="state")) == "BLR"
    assert actor_key(Actor("a3", "Belarusian officials", country="BLR", sector="GOV", kind="group")) == "BLRGOV"
    assert actor_key(Actor("a4", "NATO", sector="IGO", kind="organization")) == "organization:nato"
    assert actor_key(None) is None


def two_reports():
    first = report("Aino Virtanen", "met", "Kaarel Tamm", "040", "2024-03-14", place="Helsinki",
                   event_date="2024-03-13", publisher="Wire A")
    second = report("Kaarel Tamm", "held talks with", "Aino Virtanen", "040", "2024-03-14", place="Helsinki",
                    event_date="2024-03-13", publisher="Courier B")
    return first, second


def test_two_articles_reporting_one_meeting_make_one_event(tmp_path):
    first, second = two_reports()
    with Store(tmp_path / "s.duckdb") as store:
        store.save(first)
        store.save(second)
        counts = store.counts()
        assert counts["events"] == 2 and counts["merged_events"] == 1
        [merged_id] = [r["id"] for r in store.rows("SELECT id FROM merged_events")]
        event = store.merged_event(merged_id)
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (2, 2, 2)
    assert event["root"] == "04" and event["day"] == date(2024, 3, 13)
    traced = {(x["article"], x["evidence"]) for x in event["mentions"]}
    assert traced == {(first.article.id, "Aino Virtanen met Kaarel Tamm in Helsinki."),
                      (second.article.id, "Kaarel Tamm held talks with Aino Virtanen in Helsinki.")}


def test_different_events_stay_apart(tmp_path):
    first, _ = two_reports()
    elsewhere = report("Aino Virtanen", "met", "Kaarel Tamm", "040", "2024-03-14", place="Minsk",
                       event_date="2024-03-13", extra="A second meeting.")
    later = report("Aino Virtanen", "met", "Kaarel Tamm", "040", "2024-03-20", place="Helsinki", extra="Again.")
    other_type = report("Aino Virtanen", "criticised", "Kaarel Tamm", "111", "2024-03-13", place="Helsinki")
    # a directed root: the reverse dyad is another event
    reverse = report("Kaarel Tamm", "criticised", "Aino Virtanen", "111", "2024-03-13", place="Helsinki")
    with Store(tmp_path / "s.duckdb") as store:
        for coded in (first, elsewhere, later, other_type, reverse):
            assert store.save(coded)
        assert store.counts()["merged_events"] == 5


def test_runs_longer_than_the_fetch_window_merge_the_same(tmp_path, monkeypatch):
    """A daily series longer than the days fetched around a new mention is fetched whole."""
    import tacitus.store.store as store_module

    series = [report("Belarus", "criticised", "Russia", "111", f"2024-03-{d:02d}", extra=f"Day {d}.")
              for d in range(1, 13)]
    with Store(tmp_path / "wide.duckdb") as store:
        for coded in series:
            store.save(coded)
        expected = merged_state(store)
    monkeypatch.setattr(store_module, "MERGE_WINDOW", 2)
    with Store(tmp_path / "narrow.duckdb") as store:
        for coded in reversed(series):
            store.save(coded)
        assert merged_state(store) == expected
    assert len(expected) == 6  # twelve consecutive days, two-day windows


def merged_state(store: Store) -> set:
    links = {}
    for r in store.rows("SELECT merged, article, event FROM merged_links"):
        links.setdefault(r["merged"], set()).add((r["article"], r["event"]))
    rows = store.rows("SELECT * FROM merged_events")
    return {(r["id"], r["day"], r["cameo"], r["num_mentions"], r["num_articles"], r["num_sources"],
             frozenset(links[r["id"]])) for r in rows}


def corpus():
    """Reports of a few events over adjacent days, so arrivals can join and split windows."""
    out = []
    for i, (day, place, who) in enumerate(itertools.product((12, 13, 14, 15), ("Helsinki", "Minsk", None),
                                                            ("Wire A", "Wire B"))):
        out.append(report("Aino Virtanen", "met", "Kaarel Tamm", "040", f"2024-03-{day}", place=place,
                          publisher=who, extra=f"Report {i}."))
    out.append(report("Belarus", "criticised", "Russia", "111", "2024-03-13", extra="Undated otherwise."))
    both = report("Aino Virtanen", "met", "Kaarel Tamm", "040", "2024-03-13", place="Helsinki", extra="Both ways.")
    reverse = report("Kaarel Tamm", "met", "Aino Virtanen", "040", "2024-03-13", place="Helsinki").events[0]
    reverse.id, reverse.source, reverse.target = "e2", both.events[0].target, both.events[0].source
    both.events.append(reverse)  # one article reporting the meeting in both directions
    out.append(both)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_merged_events_do_not_depend_on_arrival_order(tmp_path, seed):
    articles = corpus()
    with Store(tmp_path / "ordered.duckdb") as store:
        for coded in articles:
            store.save(coded)
        expected = merged_state(store)
    random.Random(seed).shuffle(articles)
    with Store(tmp_path / f"shuffled{seed}.duckdb") as store:
        for coded in articles:
            store.save(coded)
        assert merged_state(store) == expected
    assert len(expected) < len(articles)  # something did merge
    mentions = sum(len(c.events) for c in articles)
    assert sum(r[3] for r in expected) == mentions  # every mention is in exactly one merged event...
    with Store(tmp_path / f"shuffled{seed}.duckdb") as store:
        assert store.counts()["merged_links"] == mentions  # ...linked once


def test_end_to_end_two_example_reports_of_one_meeting(tmp_path, coder):
    """The example articles 01 and 02 report one meeting of Virtanen and Tamm in Helsinki: coded by the real
    pipeline, the consultation between them merges into one event with both articles. The merge is this
    test's subject, so the consultation (with both people) must first be coded in each."""
    from conftest import EXAMPLES
    from tacitus.store.merge import actor_key

    texts = [(EXAMPLES / name).read_text(encoding="utf-8") for name in
             ("01_helsinki_talks.txt", "02_helsinki_talks_second_report.txt")]
    coded = [coder.code(t, date="2024-03-14", source=s) for t, s in zip(texts, ("Wire A", "Courier B"))]
    pair = {"person:aino virtanen", "person:kaarel tamm"}

    def meets(c) -> bool:
        return any(e.cameo.startswith("04") and {actor_key(c.actor(e.source)), actor_key(c.actor(e.target))} == pair
                   for e in c.events)

    assert all(meets(c) for c in coded), "each report codes the Virtanen-Tamm consultation"
    with Store(tmp_path / "e.duckdb") as store:
        for c in coded:
            store.save(c)
        best = store.rows("SELECT id, num_articles FROM merged_events WHERE root = '04' "
                          "ORDER BY num_articles DESC LIMIT 1")
        assert best and best[0]["num_articles"] == 2
        mentions = store.merged_event(best[0]["id"])["mentions"]
    assert {x["article"] for x in mentions} == {c.article.id for c in coded}
    assert all(x["evidence"] for x in mentions)
