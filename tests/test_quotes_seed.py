"""The seed article through the whole pipeline: every quoted passage is found with the speaker the text
gives it, and the command line prints who said what."""
from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from tacitus.cli import app

QUOTED = re.compile(r"“[^”]*”")


def passages(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTED.finditer(text)]


def quote_holding(coded, span):
    lo, hi = span
    return next((q for q in coded.quotes if any(s <= lo and hi <= e for s, e in q.content)), None)


def actor_name(coded, quote) -> str | None:
    actor = coded.actor(quote.speaker)
    return actor.name if actor else None


def test_every_quoted_passage_is_a_direct_quote(seed):
    spans = passages(seed.article.text)
    assert len(spans) == 5
    found = [quote_holding(seed, span) for span in spans]
    assert all(q is not None and q.direct and q.speaker_span is not None for q in found)
    assert len({q.id for q in found}) == 5


def test_seed_speaker_spans(seed):
    text = seed.article.text
    found = [quote_holding(seed, span) for span in passages(text)]
    speakers = [seed.span_text(q.speaker_span) for q in found]
    assert speakers == ["The Belarus President", "the Belarusian head of state", "Dmitry Rogozin",
                        "The Vice Premier of Russia", "Dmitry Rogozin"]
    cues = [q.cue_text for q in found]
    assert cues[:3] == ["added", "said", "pointed out"] and cues[4] == "said"


def test_seed_speaker_actors(seed):
    found = [quote_holding(seed, span) for span in passages(seed.article.text)]
    names = [actor_name(seed, q) or "" for q in found]
    assert ["Lukashenko" in n for n in names] == [True, True, False, False, False]
    assert ["Rogozin" in n for n in names] == [False, False, True, True, True]


def test_seed_reported_speech(seed):
    reported = {(seed.span_text(q.speaker_span), q.cue_text) for q in seed.quotes if not q.direct}
    assert ("Aleksandr Lukashenko", "said") in reported
    assert ("The Vice Premier of Russia", "underlined") in reported


def test_cli_quotes_table_and_jsonl(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["quotes", str(path), "--date", "2012-10-24", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    direct = [r for r in rows if r["direct"]]
    assert len(direct) == 5
    assert {r["cue"] for r in direct} >= {"added", "pointed out", "said"}
    assert all(r["date"] == "2012-10-24" for r in rows)
    table = runner.invoke(app, ["quotes", str(path), "--date", "2012-10-24"])
    assert table.exit_code == 0 and "pointed out" in table.stdout


def test_cli_quotes_rejects_store_options_without_db(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("He said that it rained.", encoding="utf-8")
    result = CliRunner().invoke(app, ["quotes", str(path), "--speaker", "Smith"])
    assert result.exit_code != 0 and "--db" in result.output


def test_cli_quotes_from_a_store(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    db = tmp_path / "store.duckdb"
    runner = CliRunner()
    ingest = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--date", "2012-10-24"])
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(app, ["quotes", "--db", str(db), "--speaker", "Rogozin", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows and all("Rogozin" in (r["speaker_actor"] or "") for r in rows)
    assert {r["cue"] for r in rows} >= {"pointed out", "said"}
