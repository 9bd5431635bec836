"""Analysis over a store of hand-coded articles: filters, dyad series and plot, network, top actors,
quotes by speaker and about an actor, summary, and every export format."""
from __future__ import annotations

import csv
import json

import duckdb
import pytest

from fixtures.coded import report
from tacitus import analysis
from tacitus.analysis.export import GDELT_COLUMNS, export
from tacitus.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis") / "a.duckdb"
    articles = [
        # January: Belarus and Russia meet twice (one meeting reported by two wires) and sign a deal
        report("Belarus", "met", "Russia", "040", "2024-01-10", place="Minsk", publisher="Wire A"),
        report("Russia", "held talks with", "Belarus", "040", "2024-01-10", place="Minsk", publisher="Wire B"),
        report("Belarus", "signed a deal with", "Russia", "057", "2024-01-25", place="Moscow"),
        # March: Russia criticises Belarus; Rogozin speaks about NATO
        report("Russia", "criticised", "Belarus", "111", "2024-03-02", place="Moscow"),
        report("Dmitry Rogozin", "criticised", "NATO", "111", "2024-03-05", place="Moscow",
               quote="NATO is moving closer to our borders"),
        # unrelated: Finland and Estonia
        report("Aino Virtanen", "met", "Kaarel Tamm", "040", "2024-03-14", place="Helsinki",
               quote="We share one sea"),
    ]
    with Store(path) as store:
        for coded in articles:
            store.save(coded)
    return str(path)


def test_events_are_merged_and_filtered(db):
    everything = analysis.events(db)
    assert len(everything) == 5  # six reports, one meeting reported twice
    meeting = analysis.events(db, type="04", country="BLR")
    assert len(meeting) == 1 and meeting[0]["num_articles"] == 2 and meeting[0]["num_sources"] == 2
    assert len(analysis.events(db, actor="BLR")) == 3
    assert len(analysis.events(db, source="RUS", target="BLR", type="11")) == 1
    assert analysis.events(db, source="BLR", target="RUS", type="11") == []
    assert [e["cameo"] for e in analysis.events(db, type="AGREE")] == ["057"]
    assert len(analysis.events(db, start="2024-03-01", end="2024-03-31")) == 3
    assert len(analysis.events(db, place="Moscow")) == 3
    assert len(analysis.events(db, place="FIN")) == 1
    assert [e["target_name"] for e in analysis.events(db, actor="Rogozin")] == ["NATO"]
    assert len(analysis.events(db, sector="IGO")) == 1
    assert len(analysis.events(db, quad=3)) == 2
    assert len(analysis.events(db, merged=False)) == 6


def test_dyad_series_by_month_counts_quads_plover_and_goldstein(db):
    series = analysis.dyad(db, "BLR", "RUS", by="month")
    assert [r["period"] for r in series] == ["2024-01-01", "2024-03-01"]
    january, march = series
    assert january["events"] == 2 and january["mentions"] == 3 and january["verbal_coop"] == 2
    assert january["plover"] == {"AGREE": 1, "CONSULT": 1}
    assert january["goldstein"] == pytest.approx((1.0 + 8.0) / 2)
    assert march["verbal_conflict"] == 1 and march["goldstein"] == pytest.approx(-2.0)
    assert [r["events"] for r in analysis.dyad(db, "RUS", "BLR", directed=True, start="2024-02-01")] == [1]
    assert analysis.dyad(db, "BLR", "RUS", directed=True, start="2024-02-01") == []
    assert analysis.dyad(db, "BLR", "RUS", by="day")[0]["period"] == "2024-01-10"
    with pytest.raises(ValueError):
        analysis.dyad(db, "BLR", "RUS", by="fortnight")


def test_dyad_plot_is_an_image(db, tmp_path):
    from tacitus.analysis.plot import plot_dyad

    out = tmp_path / "dyad.png"
    plot_dyad(analysis.dyad(db, "BLR", "RUS"), str(out), "BLR", "RUS", "month")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 5000


def test_network_is_directed_and_weighted(db):
    graph = analysis.network(db, level="country", end="2024-02-01")
    edges = {(e["source"], e["target"]): e["events"] for e in graph["edges"]}
    # the deal goes BLR -> RUS; the merged meeting keeps the direction of its representative report
    assert set(edges) <= {("BLR", "RUS"), ("RUS", "BLR")} and sum(edges.values()) == 2
    assert edges[("BLR", "RUS")] >= 1
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["BLR"]["out"] + nodes["BLR"]["in"] == 2 == nodes["RUS"]["out"] + nodes["RUS"]["in"]
    actors = analysis.network(db)
    assert {"organization:nato", "person:dmitry rogozin"} <= {n["id"] for n in actors["nodes"]}


def test_top_actors(db):
    top = analysis.top_actors(db, n=2)
    assert [t["key"] for t in top] == ["BLR", "RUS"]
    assert top[0]["events"] == 3 and top[0]["as_source"] + top[0]["as_target"] == 3


def test_quotes_by_speaker_and_about(db):
    said = analysis.quotes(db, speaker="Rogozin")
    assert [q["text"] for q in said] == ["NATO is moving closer to our borders"]
    assert said[0]["speaker_code"] == "RUSGOV" and said[0]["content"] and said[0]["direct"] is True
    assert [q["speaker_name"] for q in analysis.quotes(db, about="NATO")] == ["Dmitry Rogozin"]
    assert analysis.quotes(db, speaker="Rogozin", about="IGO")  # NATO's sector code, through the mention
    assert analysis.quotes(db, speaker="Rogozin", about="Estonia") == []
    assert len(analysis.quotes(db)) == 2


def test_summary(db):
    s = analysis.summary(db)
    assert s["counts"]["articles"] == 6 and s["counts"]["merged_events"] == 5
    assert {r["type"]: r["events"] for r in s["events_by_plover"]}["CONSULT"] == 2
    assert s["dates"] == {"first": "2024-01-10", "last": "2024-03-14"}


@pytest.mark.parametrize("table", ["events", "mentions", "articles", "quotes"])
def test_csv_and_parquet_exports(db, tmp_path, table):
    out_csv, out_parquet = tmp_path / f"{table}.csv", tmp_path / f"{table}.parquet"
    n = export(db, "csv", str(out_csv), table)
    with open(out_csv, newline="", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == n > 0
    assert export(db, "parquet", str(out_parquet), table) == n
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{out_parquet}'").fetchone()[0] == n


def test_jsonl_exports(db, tmp_path):
    out = tmp_path / "articles.jsonl"
    assert export(db, "jsonl", str(out), "articles") == 6
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert all({"article", "actors", "events"} <= set(r) for r in records)
    events = tmp_path / "events.jsonl"
    assert export(db, "jsonl", str(events)) == 5
    assert {"num_mentions", "evidence", "cameo"} <= set(json.loads(events.read_text().splitlines()[0]))


def test_gdelt_export_has_the_codebook_columns(db, tmp_path):
    out = tmp_path / "events.tsv"
    assert export(db, "gdelt", str(out)) == 5
    lines = out.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert len(header) == 61 and header[:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"]
    assert header[-2:] == ["DATEADDED", "SOURCEURL"] and header[25:35] == list(GDELT_COLUMNS[25:35])
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert all(len(line.split("\t")) == 61 for line in lines)
    meeting = next(r for r in rows if r["EventCode"] == "040" and r["Actor1CountryCode"] in ("BLR", "RUS"))
    assert meeting["SQLDATE"] == "20240110" and meeting["NumArticles"] == "2" and meeting["NumMentions"] == "2"
    assert meeting["EventRootCode"] == "04" and meeting["QuadClass"] == "1"
    assert meeting["ActionGeo_CountryCode"] == "BO"  # FIPS 10-4 for Belarus, as GDELT has it
    assert meeting["ActionGeo_FeatureID"] == "625144" and meeting["AvgTone"] == ""


def test_plover_export(db, tmp_path):
    out = tmp_path / "plover.json"
    n = export(db, "plover", str(out))
    records = json.loads(out.read_text(encoding="utf-8"))
    assert n == len(records) == 5
    meeting = next(r for r in records if r["event"] == "CONSULT" and r["source"][0]["code"] in ("BLR", "RUS"))
    assert meeting["date"] == "2024-01-10" and meeting["eventLoc"]["name"] == "Minsk"
    assert meeting["numArticles"] == 2 and len(meeting["mentions"]) == 2
    assert {"id", "eventText", "text", "language", "version", "dateCoded", "coder"} <= set(meeting)
