"""`tacitus eval`: scoring commands, conversion, and the report (on hand-written fixtures)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.eval import report as accuracy

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
GOLD = [
    {"id": "g1", "text": "Polish President Jan Nowak met Lithuanian Prime Minister Rasa Kairiene in Warsaw on Monday.",
     "date": "2024-01-10", "events": [{"plover": "CONSULT", "cameo": "040", "source": {"country": "POL"},
                                       "target": {"country": "LTU"}}]},
    {"id": "g2", "text": "Rebels shelled the port of Xanadu overnight, killing four people.", "events": [
        {"plover": "ASSAULT", "cameo": "195", "source": None, "target": None}]},
    {"id": "g3", "text": "The weather in the capital was mild all week.", "events": []},
]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    return path


def test_events_command_codes_scores_and_writes_predictions(runner, gold_file, tmp_path, coder, monkeypatch):
    monkeypatch.setattr("tacitus.pipeline.Coder", lambda: coder)  # share the session's coder
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["eval", "events", str(gold_file), "--predictions", str(out), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["task"] == "events" and data["items"] == 3
    recall = next(f for f in data["figures"] if f["key"] == "type.plover.micro.recall")
    assert recall["n"] == 2 and recall["counts"]["fn"] + recall["counts"]["tp"] == 2
    predictions = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in predictions] == ["g1", "g2", "g3"]
    rescored = runner.invoke(app, ["eval", "events", str(gold_file), "--score", str(out), "--json"])
    assert json.loads(rescored.stdout)["figures"] == data["figures"]  # the file holds what was scored


def test_scoring_a_gold_file_against_itself_is_perfect(runner, gold_file):
    result = runner.invoke(app, ["eval", "events", str(gold_file), "--score", str(gold_file), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)["figures"]
    assert figures and all(f["value"] in (None, 1.0) for f in figures)
    table = runner.invoke(app, ["eval", "events", str(gold_file), "--score", str(gold_file)])
    assert "PLOVER type (micro) F1" in table.stdout and "1.0000" in table.stdout


def test_malformed_gold_exits_2_naming_file_and_line(runner, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": "x", "places": [{"start": 0, "end": 40}]}\n')
    result = runner.invoke(app, ["eval", "places", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2: places[0]: offsets [0, 40] out of range" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_task_is_refused(runner, gold_file):
    result = runner.invoke(app, ["eval", "relations", str(gold_file)])
    assert result.exit_code == 2 and "relations" in result.output


def test_convert_command_writes_the_generic_format(runner, tmp_path):
    out = tmp_path / "places.jsonl"
    result = runner.invoke(app, ["eval", "convert", "geovirus", str(FIXTURES / "geovirus.xml"), str(out)])
    assert result.exit_code == 0, result.output
    assert "2 places items" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    bad = runner.invoke(app, ["eval", "convert", "shapefile", str(FIXTURES / "geovirus.xml"), str(out)])
    assert bad.exit_code == 2 and "unknown format 'shapefile'" in bad.stderr


def test_report_without_gold_folder_exits_2(runner, tmp_path):
    result = runner.invoke(app, ["eval", "report", "--gold", str(tmp_path / "nowhere"), "--out", str(tmp_path / "a.md")])
    assert result.exit_code == 2 and "gold folder not found" in result.stderr


def test_report_on_fixture_sets_writes_figures_but_no_gold_text(tmp_path, coder):
    sets = (
        accuracy.GoldSet("fixture_plover", "plover-gsr", "plover_gsr.json", True, "a note"),
        accuracy.GoldSet("fixture_actors", "plover-gsr-actors", "plover_gsr.json", True),
        accuracy.GoldSet("fixture_quotes", "polnear", "polnear", True),
        accuracy.GoldSet("fixture_places", "geovirus", "geovirus.xml", True),
        accuracy.GoldSet("fixture_class", "conflibert-class", "cameo_class.tsv", False),
        accuracy.GoldSet("fixture_absent", "geovirus", "absent.xml", True),
    )
    said: list[str] = []
    results, absent = accuracy.run(FIXTURES, tmp_path / "build", lambda: coder, say=said.append, sets=sets)
    assert [g.name for g in absent] == ["fixture_absent"]
    assert any("skipped fixture_absent" in line for line in said)
    assert (tmp_path / "build" / "fixture_plover.predictions.jsonl").exists()
    out = tmp_path / "docs" / "accuracy.md"
    json_path = accuracy.write(results, absent, out, accuracy.meta_for("model-x", 1.0, repo=tmp_path))
    md = out.read_text(encoding="utf-8")
    assert "| set | task | metric | value | n |" in md and "- commit: `unknown`" in md  # tmp_path: no git
    assert "| fixture_plover | events | PLOVER type (micro) recall |" in md
    assert "| fixture_actors | actors | country accuracy |" in md
    assert "| fixture_places | places | place span overlap F1 |" in md
    assert "fixture_class" in md and "| fixture_class |" not in md  # converted only
    assert "`absent.xml` not present, skipped" in md
    report = json.loads(json_path.read_text(encoding="utf-8"))
    assert {s["set"] for s in report["sets"]} == {"fixture_plover", "fixture_actors", "fixture_quotes",
                                                  "fixture_places", "fixture_class"}
    plover = next(s for s in report["sets"] if s["set"] == "fixture_plover")
    assert plover["items"] == 4 and plover["scores"]["figures"]
    for sentence in ("Kurdish farmers in Diyarbakir", "Cases rose in Lyon", "We are nearly done"):
        assert sentence not in md and sentence not in json_path.read_text(encoding="utf-8")
