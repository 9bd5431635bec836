"""``tacitus eval``: score Tacitus on gold data, convert published gold sets, write the accuracy report."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..eval import TASKS
from ..eval.convert import CONVERTERS, ConvertError
from ..eval.figures import Scores
from ..eval.formats import GoldError
from .common import err, out_console, progress, report

GOLD_HELP = "Gold file in the generic JSON Lines format of the task (see ../shared/eval/FORMATS.md)."
PRED_HELP = "Also write Tacitus's predictions to this file, in the gold format (same ids)."
SCORE_HELP = "Score this predictions file (gold format, same ids) instead of coding the texts with Tacitus."
JSON_HELP = "Print the figures and their counts as JSON."


def register(app: typer.Typer) -> None:
    evaluation = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                             help="Measure accuracy on gold data (events, actors, quotes, places).")
    for task in TASKS:
        evaluation.command(task, help=f"Score Tacitus on a gold {task} file.")(_task_command(task))
    evaluation.command("convert")(convert_command)
    evaluation.command("report")(report_command)
    app.add_typer(evaluation, name="eval")


def _task_command(task: str):
    def command(
        gold: Annotated[Path, typer.Argument(help=GOLD_HELP)],
        predictions: Annotated[Path | None, typer.Option("--predictions", help=PRED_HELP)] = None,
        score_file: Annotated[Path | None, typer.Option("--score", help=SCORE_HELP)] = None,
        as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
    ) -> None:
        run_task(task, gold, predictions, score_file, as_json)

    command.__name__ = f"eval_{task}"
    return command


def run_task(task: str, gold_path: Path, predictions: Path | None, score_file: Path | None, as_json: bool) -> None:
    from ..eval.formats import read_items, write_items
    from ..eval.score import score

    try:
        gold = read_items(gold_path, task)
        predicted = read_items(score_file, task) if score_file else None
    except GoldError as exc:
        report(str(exc))
        raise typer.Exit(2) from None
    if predicted is None:
        predicted = _code(task, gold)
    if predictions is not None:
        write_items(predictions, predicted)
    scores = score(task, gold, predicted)
    if as_json:
        sys.stdout.write(json.dumps({"file": str(gold_path), **scores.to_dict()}, ensure_ascii=False, indent=1) + "\n")
    else:
        print_scores(str(gold_path), scores)


def _code(task: str, gold: list[dict]) -> list[dict]:
    from ..eval.predict import predict
    from ..pipeline import Coder

    result = predict(task, gold, Coder(), progress=_progress)
    for failure in result.failures:
        report(f"could not code item {failure}", "warning")
    return result.items


def _progress(items, total: int, label: str):
    return progress(items, total, label, enabled=sys.stderr.isatty())


def print_scores(name: str, scores: Scores) -> None:
    table = Table(title=f"{name}: {scores.task}, {scores.items} items", title_justify="left")
    for column in ("metric", "value", "n", "counts"):
        table.add_column(column, justify="right" if column in ("value", "n") else "left")
    for f in scores.figures:
        counts = ", ".join(f"{k} {v}" for k, v in f.counts.items())
        table.add_row(f.label, "–" if f.value is None else f"{f.value:.4f}", str(f.n), counts)
    out_console().print(table)
    for note in scores.notes:
        report(note, "warning")


def convert_command(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=f"Source format: {', '.join(CONVERTERS)}.")],
    src: Annotated[Path, typer.Argument(help="Source file or folder (for example ../shared/eval/plover_gsr/PLOVER_GSR_CAMEO.json).")],
    out: Annotated[Path, typer.Argument(help="Output JSON Lines file (keep it under build/eval/: gold text is not committed).")],
) -> None:
    """Convert a published gold set to the generic JSON Lines format of its task."""
    from ..eval.convert import convert

    try:
        conversion = convert(fmt, src, out)
    except ConvertError as exc:
        report(str(exc))
        raise typer.Exit(2) from None
    except Exception as exc:  # noqa: BLE001 - a source the converter did not foresee: one line, no traceback
        report(f"{src}: could not be converted as {fmt} ({type(exc).__name__}: {exc})")
        raise typer.Exit(1) from None
    err.print(f"{out}: {conversion.summary()}", highlight=False, soft_wrap=True)


def report_command(
    out: Annotated[Path, typer.Option("--out", help="Markdown report; the JSON report goes next to it (.json).")] = Path("docs/accuracy.md"),
    gold_dir: Annotated[Path, typer.Option("--gold", help="Folder holding the published gold sets.")] = Path("../shared/eval"),
    build: Annotated[Path, typer.Option("--build", help="Where converted sets and predictions are written.")] = Path("build/eval"),
) -> None:
    """Convert every gold set, code and score the dev/test sets, and write the accuracy report."""
    from .. import nlp
    from ..eval import report as accuracy
    from ..pipeline import Coder

    if not gold_dir.is_dir():
        report(f"{gold_dir}: gold folder not found (use --gold)")
        raise typer.Exit(2)
    started = time.perf_counter()
    results, absent = accuracy.run(gold_dir, build, Coder, progress=_progress,
                                   say=lambda line: err.print(line, highlight=False, soft_wrap=True))
    meta = accuracy.meta_for(nlp.model_name(), time.perf_counter() - started)
    json_path = accuracy.write(results, absent, out, meta)
    err.print(f"wrote {out} and {json_path}", highlight=False)
    if any(r.error for r in results):
        raise typer.Exit(1)
