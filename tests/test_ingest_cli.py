"""`tacitus ingest` and the store commands: bad input reported and skipped, idempotent re-runs, a 1,000
article corpus, kill -9 at random moments then resume, worker processes, and the question commands."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fixtures import corpus_gen
from fixtures.coded import report
from tacitus.cli import app
from tacitus.ingest import ReadOptions
from tacitus.store import Store
from tacitus.store.ingest import Ingest

GOOD = ("Polish President Jan Nowak met Lithuanian Prime Minister Rasa Kairiene in Warsaw on Monday. "
        "The two leaders agreed to expand military cooperation between their countries.")


@pytest.fixture
def runner():
    return CliRunner()


def ingest(runner, *args):
    return runner.invoke(app, ["ingest", "--quiet", *map(str, args)])


def test_bad_inputs_are_reported_with_file_and_line_and_good_ones_stored(runner, tmp_path, nlp):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD)
    (corpus / "corrupt.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 300)
    (corpus / "missing.csv").write_text("headline,body\nA,Something happened.\n")
    lines = [json.dumps({"text": GOOD + " First wire item.", "date": "2024-02-01"}),
             json.dumps({"title": "no text here", "date": "2024-02-02"}),
             "{not json",
             json.dumps({"text": GOOD + " Third wire item.", "date": "2024-02-03"})]
    (corpus / "wire.jsonl").write_text("\n".join(lines) + "\n")
    (corpus / "ok.csv").write_text("title,text,date\nT1,\"" + GOOD + " From a table.\",2024-02-04\n")
    db = tmp_path / "s.duckdb"
    result = ingest(runner, corpus, "--db", db, "--date", "2024-01-15")
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "corrupt.txt: binary data" in err
    assert "missing.csv: no column 'text'" in err
    assert "wire.jsonl:2: no 'text' field" in err
    assert "wire.jsonl:3: not valid JSON" in err
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 4  # good.txt, two wire lines, one CSV row
        dates = sorted(store.article(i).article.date for i in store.article_ids())
    assert dates == ["2024-01-15", "2024-02-01", "2024-02-03", "2024-02-04"]


def test_csv_column_options(runner, tmp_path, nlp):
    path = tmp_path / "news.csv"
    path.write_text("headline;body;published\nTalks;\"" + GOOD + "\";2024-05-06\n")
    db = tmp_path / "s.duckdb"
    result = ingest(runner, path, "--db", db, "--text-column", "body", "--title-column", "headline",
                    "--date-column", "published", "--delimiter", ";")
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        [article_id] = store.article_ids()
        article = store.article(article_id).article
    assert (article.title, article.date, article.text) == ("Talks", "2024-05-06", GOOD)


def test_exit_status_is_an_error_only_when_nothing_could_be_stored(runner, tmp_path, nlp):
    db = tmp_path / "s.duckdb"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "x"}\n')
    assert ingest(runner, bad, "--db", db).exit_code == 1
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    assert ingest(runner, good, bad, "--db", db).exit_code == 0
    assert ingest(runner, good, bad, "--db", db).exit_code == 0  # the good one is already there
    missing = ingest(runner, tmp_path / "nope.txt", "--db", db)
    assert missing.exit_code == 1 and "nope.txt" in missing.stderr


def test_not_a_store_is_a_clear_error(runner, tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_text("hello" * 1000)
    result = runner.invoke(app, ["summary", "--db", str(junk)])
    assert result.exit_code == 2 and "not a Tacitus store" in result.stderr
    result = runner.invoke(app, ["summary", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such store" in result.stderr


@pytest.fixture
def hand_coded_db(tmp_path):
    db = tmp_path / "h.duckdb"
    with Store(db) as store:
        for coded in (report("Belarus", "met", "Russia", "040", "2024-01-10", place="Minsk"),
                      report("Russia", "criticised", "Belarus", "111", "2024-03-02", place="Moscow"),
                      report("Dmitry Rogozin", "criticised", "NATO", "111", "2024-03-05",
                             quote="NATO is moving closer to our borders")):
            store.save(coded)
    return db


def test_question_commands(runner, hand_coded_db, tmp_path):
    db = str(hand_coded_db)
    summary = runner.invoke(app, ["summary", "--db", db])
    assert summary.exit_code == 0 and "3 articles" in summary.stdout and "CONSULT" in summary.stdout
    png = tmp_path / "dyad.png"
    dyad = runner.invoke(app, ["dyad", "BLR", "RUS", "--db", db, "--by", "month", "--plot", str(png), "-f", "json"])
    assert dyad.exit_code == 0, dyad.output
    assert [r["period"] for r in json.loads(dyad.stdout)] == ["2024-01-01", "2024-03-01"]
    assert png.read_bytes()[:4] == b"\x89PNG"
    events = runner.invoke(app, ["events", "--db", db, "--actor", "Rogozin", "-f", "jsonl"])
    [event] = [json.loads(line) for line in events.stdout.splitlines()]
    assert event["target_name"] == "NATO"
    trace = runner.invoke(app, ["trace", event["id"], "--db", db])
    assert json.loads(trace.stdout)["mentions"][0]["evidence"] == "Dmitry Rogozin criticised NATO."
    network = runner.invoke(app, ["network", "--db", db, "--level", "country"])
    assert {(e["source"], e["target"]) for e in json.loads(network.stdout)["edges"]} >= {("RUS", "BLR")}
    top = runner.invoke(app, ["top", "--db", db, "-n", "1", "-f", "json"])
    assert json.loads(top.stdout)[0]["key"] in ("BLR", "RUS")
    out = tmp_path / "events.tsv"
    export = runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "--out", str(out)])
    assert export.exit_code == 0 and len(out.read_text().splitlines()) == 4


# ---- corpus scale ---------------------------------------------------------------------------------------

def run_ingest(db: Path, paths: list[Path], nlp) -> Ingest:
    """An ingest run in this process (reusing the loaded spaCy pipeline), as `tacitus ingest` does it."""
    with Store(db) as store:
        run = Ingest(store, ReadOptions(), nlp=nlp)
        for _ in run.run([str(p) for p in paths]):
            pass
    return run


def snapshot(db: Path) -> dict:
    """Everything a store holds that a run decides: articles as coded, event rows, merged events."""
    with Store(db, read_only=True) as store:
        articles = {i: store.article(i).to_dict() for i in store.article_ids()}
        links: dict[str, set] = {}
        for r in store.rows("SELECT merged, article, event FROM merged_links"):
            links.setdefault(r["merged"], set()).add((r["article"], r["event"]))
        merged = {r["id"]: ({k: v for k, v in r.items()}, frozenset(links[r["id"]]))
                  for r in store.rows("SELECT * FROM merged_events")}
        counts = store.counts()
        dictionary = [e.to_dict() for e in store.actor_entries()]
    return {"articles": articles, "merged": merged, "counts": counts, "dictionary": dictionary}


@pytest.mark.slow
def test_a_thousand_articles_then_again_changes_nothing(tmp_path, nlp):
    corpus = corpus_gen.write_jsonl(tmp_path / "corpus.jsonl", 1000, short=True)
    db = tmp_path / "big.duckdb"
    first = run_ingest(db, [corpus], nlp)
    assert (first.counts.stored, first.counts.failed) == (1000, 0)
    before = snapshot(db)
    assert before["counts"]["articles"] == 1000
    started = time.perf_counter()
    second = run_ingest(db, [corpus], nlp)
    assert (second.counts.stored, second.counts.skipped) == (0, 1000)
    assert time.perf_counter() - started < 30  # stored articles are skipped before coding
    assert snapshot(db)["counts"] == before["counts"]


def tacitus_ingest(corpus: Path, db: Path, *extra: str) -> subprocess.Popen:
    code = "from tacitus.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, "ingest", str(corpus), "--db", str(db), "--quiet", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_after(process: subprocess.Popen, stored: int, pause: float) -> int:
    """SIGKILL ``process`` ``pause`` seconds after it reports its ``stored``-th newly stored article (so every
    kill lands mid-corpus, at a random point of coding, saving or committing); returns how many it reported."""
    seen = 0
    for line in process.stdout:  # type: ignore[union-attr]
        seen += line.startswith("stored\t")
        if seen >= stored:
            break
    time.sleep(pause)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return seen


@pytest.mark.slow
def test_kill_9_at_random_moments_then_resume_equals_a_clean_run(tmp_path, nlp):
    n = 150
    corpus = corpus_gen.write_jsonl(tmp_path / "corpus.jsonl", n, seed=21, short=True)
    clean = tmp_path / "clean.duckdb"
    run_ingest(clean, [corpus], nlp)
    db = tmp_path / "killed.duckdb"
    rng = random.Random(9)
    counts = []
    for _ in range(5):
        kill_after(tacitus_ingest(corpus, db, "--verbose"), rng.randint(1, 20), rng.uniform(0.0, 0.4))
        with Store(db, read_only=True) as store:
            counts.append(store.counts()["articles"])
    assert all(0 < c < n for c in counts) and counts == sorted(counts), counts
    final = tacitus_ingest(corpus, db)
    assert final.wait(timeout=600) == 0, final.stderr.read()  # type: ignore[union-attr]
    assert snapshot(db) == snapshot(clean)


@pytest.mark.slow
def test_worker_processes_code_and_store_every_article(tmp_path, nlp):
    """Workers code with the dictionary as it was when the run started (empty here), so each article must
    equal what one process codes with an empty dictionary."""
    from tacitus.ingest import read_paths
    from tacitus.pipeline import Coder
    from tacitus.store.ingest import make_dictionary

    corpus = corpus_gen.write_jsonl(tmp_path / "corpus.jsonl", 30, seed=5, short=True)
    pooled = tmp_path / "pooled.duckdb"
    process = tacitus_ingest(corpus, pooled, "--workers", "2")
    assert process.wait(timeout=600) == 0, process.stderr.read()  # type: ignore[union-attr]
    frozen = Coder(nlp=nlp, dictionary=make_dictionary([]))
    expected = {c.article.id: c.to_dict() for c in frozen.code_articles(read_paths([str(corpus)]))}
    with Store(pooled, read_only=True) as store:
        assert {i: store.article(i).to_dict() for i in store.article_ids()} == expected
        assert store.article_ids() == list(expected)  # saved in input order
        assert store.counts()["dictionary"] > 0  # the writer still learns
