"""`tacitus code`: output formats, and bad inputs reported per file without stopping the run."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tacitus.cli import app

GOOD = ("Polish President Jan Nowak met Lithuanian Prime Minister Rasa Kairiene in Warsaw on Monday. "
        "The two leaders agreed to expand military cooperation between their countries.")


@pytest.fixture
def runner():
    return CliRunner()


def test_json_output_is_a_coded_article(runner, tmp_path, nlp):
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    result = runner.invoke(app, ["code", str(path), "--date", "2024-01-10", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["article"]["date"] == "2024-01-10" and data["article"]["text"] == GOOD
    assert [s["start"] for s in data["sentences"]] == [0, GOOD.index("The two")]


def test_jsonl_from_stdin_one_line_per_article(runner, nlp):
    lines = "\n".join(json.dumps({"text": GOOD + f" Item {i}.", "date": f"2024-02-0{i}"}) for i in (1, 2))
    result = runner.invoke(app, ["code", "-", "--format", "jsonl"], input=lines)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["article"]["date"] for o in out] == ["2024-02-01", "2024-02-02"]


def test_table_output_names_the_article(runner, tmp_path, nlp):
    path = tmp_path / "a.txt"
    path.write_text("Leaders meet in Warsaw\n\n" + GOOD)
    result = runner.invoke(app, ["code", str(path), "--date", "2024-01-10"])
    assert result.exit_code == 0, result.output
    assert "Leaders meet in Warsaw" in result.stdout and "2024-01-10" in result.stdout


def test_bad_inputs_are_reported_and_the_good_one_is_still_coded(runner, tmp_path, nlp):
    files = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 4,
        "latin1.txt": ("Caf\u00e9 " + GOOD).encode("latin-1"),
        "french.txt": ("Le président polonais a rencontré lundi la première ministre lituanienne à Varsovie "
                       "et les deux dirigeants ont convenu de renforcer la coopération militaire.").encode(),
        "feed.jsonl": (json.dumps({"text": GOOD}) + "\n{broken\n").encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = runner.invoke(app, ["code", *[str(tmp_path / n) for n in files], "--format", "jsonl"])
    assert result.exit_code == 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 5
    for name, fragment in [("empty.txt", "empty"), ("binary.txt", "binary"), ("latin1.txt", "UTF-8"),
                           ("french.txt", "English"), ("feed.jsonl:2", "JSON")]:
        assert any(f"{name}: " in e and fragment in e for e in errors), (name, errors)
    coded = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(coded) == 1 and coded[0]["article"]["origin"].endswith("feed.jsonl:1")


def test_exit_status_is_non_zero_when_nothing_could_be_coded(runner, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["code", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1
    assert "empty.txt: empty input" in result.stderr


def test_bad_date_option_is_a_usage_error(runner, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    result = runner.invoke(app, ["code", str(tmp_path / "a.txt"), "--date", "last tuesday"])
    assert result.exit_code == 2 and "--date" in result.output + result.stderr


def test_console_script_runs(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    exe = [sys.executable, "-m", "tacitus.cli", "code", str(tmp_path / "a.txt"), "--format", "jsonl"]
    done = subprocess.run(exe, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["article"]["text"] == GOOD
