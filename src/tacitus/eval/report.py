"""``tacitus eval report`` (``make eval``): convert every gold set found in ``../shared/eval`` into
``build/eval``, code the sets used for measurement with Tacitus, score them, and write
``docs/accuracy.md`` (a table: set, task, metric, value, n) and ``docs/accuracy.json`` (every figure with
its counts). Only figures and counts are written to ``docs/``, never gold text. Sets that are absent are
skipped and listed.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .convert import CONVERTERS, Conversion, ConvertError, read as read_source
from .figures import Figure, Scores
from .formats import write_items
from .predict import Progress, predict
from .score import score


MAX_FAILURES_LISTED = 20


@dataclass(frozen=True)
class GoldSet:
    name: str
    fmt: str  # converter name
    source: str  # path under the eval folder
    scored: bool  # coded and scored in the report (dev/test splits); else only converted
    note: str = ""


SETS: tuple[GoldSet, ...] = (
    GoldSet("plover_gsr", "plover-gsr", "plover_gsr/PLOVER_GSR_CAMEO.json", True,
            "CAMEO-manual sentences coded in PLOVER 0.5b1, mapped to PLOVER 2.0; compound actors give one "
            "event per source-target pair."),
    GoldSet("plover_gsr_actors", "plover-gsr-actors", "plover_gsr/PLOVER_GSR_CAMEO.json", True,
            "Every source/target actor text of the PLOVER records, coded in its sentence. Country codes are "
            "the records' own (IGO and NGO are not countries); the few non-ISO codes that plainly stand for an "
            "ISO3 one (JAP, ITL, VTN) are normalised (data/eval/country_code_fixes.tsv)."),
    GoldSet("cameo_codebook", "cameo-codebook", "cameo_codebook_examples/cameo-codes.csv", True,
            "One example sentence per CAMEO code; the gold lists only the illustrated code, although the "
            "codebook's notes say some examples hold two events (precision is therefore understated)."),
    GoldSet("conflibert_class_test", "conflibert-class", "conflibert_cameo/cameo_class/test.tsv", True,
            "5-way class; label meaning inferred (0 statement ... 4 material conflict). Largely the same "
            "sentences as plover_gsr and cameo_codebook: not an independent test."),
    GoldSet("conflibert_ner_test", "conflibert-ner", "conflibert_cameo/cameo_ner/test.txt", True,
            "Source/target actor text spans (R spans count as both); same sentences as conflibert_class_test."),
    GoldSet("petrarch_unittest", "petrarch", "petrarch_unittest/PETR.UnitTest.records.xml", True,
            "PETRARCH's functional tests: fictional actors (Arnor, Gondor...) resolve only with its own "
            "dictionaries, so triples stay near zero by design; event types are the meaningful figure. "
            "Sentences using non-CAMEO test codes are left out."),
    GoldSet("polnear_dev", "polnear", "polnear/dev", True,
            "Attribution relations of US political news (dev split), one annotator per article."),
    GoldSet("geovirus", "geovirus", "geovirus/GeoVirus.xml", True,
            "WikiNews articles on virus outbreaks with place names and coordinates."),
    GoldSet("conflibert_class_train", "conflibert-class", "conflibert_cameo/cameo_class/train.tsv", False),
    GoldSet("conflibert_ner_train", "conflibert-ner", "conflibert_cameo/cameo_ner/train.txt", False),
    GoldSet("polnear_train", "polnear", "polnear/train", False),
    GoldSet("polnear_annotator_training", "polnear", "polnear/annotator-training", False),
    GoldSet("polnear_test", "polnear", "polnear/test", False,
            "Kept for a final evaluation (the corpus authors ask not to tune on it)."),
)


@dataclass
class SetResult:
    gold: GoldSet
    task: str
    conversion: Conversion | None = None
    scores: Scores | None = None
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"set": self.gold.name, "format": self.gold.fmt, "source": self.gold.source, "task": self.task,
                "scored": self.gold.scored, "note": self.gold.note,
                "conversion": dict(sorted(self.conversion.counts.items())) if self.conversion else None,
                "items": len(self.conversion.items) if self.conversion else 0,
                "scores": self.scores.to_dict() if self.scores else None,
                "coding_failures": self.failures[:MAX_FAILURES_LISTED], "seconds": round(self.seconds, 1), "error": self.error}


def run(eval_dir: Path, build_dir: Path, coder_factory: Callable[[], Any], progress: Progress | None = None,
        say: Callable[[str], None] = print, sets: tuple[GoldSet, ...] = SETS) -> tuple[list[SetResult], list[GoldSet]]:
    """Convert every set found, then code and score those marked ``scored``. Returns results and absent sets."""
    results, absent = [], []
    coder = None
    cache: dict = {}
    for gold in sets:
        src = eval_dir / gold.source
        if not src.exists():
            absent.append(gold)
            say(f"skipped {gold.name}: {src} is not present")
            continue
        result = SetResult(gold, CONVERTERS[gold.fmt].task)
        results.append(result)
        try:
            result.conversion = read_source(gold.fmt, src)
        except ConvertError as exc:
            result.error = str(exc)
            say(f"error: {exc}")
            continue
        write_items(build_dir / f"{gold.name}.jsonl", result.conversion.items)
        say(f"converted {gold.name}: {result.conversion.summary()}")
        if gold.scored:
            coder = coder or coder_factory()
            _score_set(result, coder, build_dir, progress, cache)
            say(f"scored {gold.name} in {result.seconds:.1f} s")
    suite = eval_dir / PETRARCH_SUITE.source
    if suite.exists():
        results.append(petrarch_suite(suite))
        say(f"ran the PETRARCH unit-test suite in {results[-1].seconds:.1f} s")
    return results, absent


PETRARCH_SUITE = GoldSet(
    "petrarch_suite", "petrarch", "petrarch_unittest", True,
    "PETRARCH's unit-test records coded with the suite's own dictionaries imported (actors, agents, verbs): "
    "a record passes when Tacitus codes exactly its expected (source, target, event) triples; the second "
    "figure asks only for the event codes, with subject and object standing in for unresolved actors.")


def petrarch_suite(folder: Path) -> SetResult:
    """The PETRARCH compatibility figures (``tacitus.events.petrarch.unit_test_pass_rate``)."""
    from ..events.petrarch import unit_test_pass_rate

    started = time.perf_counter()
    result = SetResult(PETRARCH_SUITE, "events")
    try:
        rate = unit_test_pass_rate(folder)
    except (OSError, ValueError) as exc:
        result.error = str(exc)
        return result
    n = rate["records"]
    result.scores = Scores("events", n, [
        Figure("petrarch.records_exact", "records coded exactly (PETRARCH dictionaries)", rate["pass_rate"], n,
               {"passed": rate["passed"], "records": n}),
        Figure("petrarch.event_codes", "records with the right event codes", rate["event_code_pass_rate"], n,
               {"passed": rate["event_codes_passed"], "records": n}),
    ], notes=[f"failures by category: {rate['failures_by_category']}"])
    result.seconds = time.perf_counter() - started
    return result


def _score_set(result: SetResult, coder, build_dir: Path, progress: Progress | None, cache: dict) -> None:
    started = time.perf_counter()
    items = result.conversion.items
    predictions = predict(result.task, items, coder, progress=progress, cache=cache)
    write_items(build_dir / f"{result.gold.name}.predictions.jsonl", predictions.items)
    result.scores = score(result.task, items, predictions.items)
    result.failures = predictions.failures
    result.seconds = time.perf_counter() - started


# --- writing -------------------------------------------------------------------------------------------------

def code_root() -> Path:
    """The checkout whose code is running (src/tacitus/eval/report.py -> the repository root)."""
    return Path(__file__).resolve().parents[3]


def git_commit(repo: Path) -> str:
    """The commit of the code that produced the figures, flagged when the checkout has uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=repo, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=repo,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" (with uncommitted changes)" if dirty else "")


def _value(value: float | None) -> str:
    """Figures are already rounded (4 decimals, km to 0.1), so their plain form is the shortest exact one."""
    return "–" if value is None else str(value)


def markdown(results: list[SetResult], absent: list[GoldSet], meta: dict[str, Any]) -> str:
    lines = [
        "# Accuracy of Tacitus on public gold data",
        "",
        "Generated by `tacitus eval report` (`make eval`); every figure below is computed by the code, none is "
        "typed in. Figures are for the coder at the commit named here, however low they are.",
        "",
        f"- date: {meta['date']}",
        f"- commit: `{meta['commit']}`",
        f"- spaCy model: `{meta['model']}`",
        f"- run time: {meta['seconds']:.0f} s",
        "- reproduce: `make eval` (or `tacitus eval report --out docs/accuracy.md`) with the gold sets in "
        "`../shared/eval`; converted sets and Tacitus's predictions are written to `build/eval/` (not committed: "
        "they hold gold text). One set is re-run with `tacitus eval TASK build/eval/SET.jsonl`; its stored "
        "predictions are re-scored with `--score build/eval/SET.predictions.jsonl`.",
        "- matching rules: `tacitus.eval.score` and `tacitus.eval.score_events` (module docstrings), after "
        "`../shared/eval/FORMATS.md`. `n` is the number of items a figure is computed over (gold items for "
        "recall, F1 and accuracies; predictions for precision; labels for macro averages). Full counts are in "
        "`docs/accuracy.json`.",
        "",
        "| set | task | metric | value | n |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        if r.scores is None:
            continue
        for f in r.scores.figures:
            lines.append(f"| {r.gold.name} | {r.task} | {f.label} | {_value(f.value)} | {f.n} |")
    lines += ["", "## Sets", ""]
    for r in results:
        lines.append(f"- **{r.gold.name}** (`{r.gold.source}`, {r.task}): "
                     + (r.conversion.summary() if r.conversion else f"{r.scores.items if r.scores else 0} records")
                     + ("." if r.gold.scored else "; converted only, not scored.")
                     + (f" {r.gold.note}" if r.gold.note else "")
                     + (f" The coder failed on {len(r.failures)} texts (scored as finding nothing), e.g. "
                        f"`{r.failures[0]}`." if r.failures else "")
                     + (f" Error: {r.error}" if r.error else ""))
    for gold in absent:
        lines.append(f"- **{gold.name}**: `{gold.source}` not present, skipped.")
    return "\n".join(lines) + "\n"


def write(results: list[SetResult], absent: list[GoldSet], out_md: Path, meta: dict[str, Any]) -> Path:
    """Write the markdown report and, next to it, the JSON one (same name, ``.json``)."""
    out_md.parent.mkdir(parents=True, exist_ok=True)
    out_md.write_text(markdown(results, absent, meta), encoding="utf-8")
    out_json = out_md.with_suffix(".json")
    payload = {**meta, "sets": [r.to_dict() for r in results], "absent": [g.name for g in absent]}
    out_json.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out_json


def meta_for(model: str, seconds: float, repo: Path | None = None) -> dict[str, Any]:
    return {"date": dt.date.today().isoformat(), "commit": git_commit(repo or code_root()), "model": model,
            "seconds": round(seconds, 1)}
