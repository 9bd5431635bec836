"""Benchmarks behind `make bench`; writes one JSON document.

Speed: words per second of the whole coding pipeline (``Coder.code_articles``: parsing plus every stage)
and of bare spaCy parsing (``nlp.pipe`` with the same model) on the same texts, in the same process,
alternating runs and keeping each one's best. The ratio is the figure that matters (target >= 0.85).
Memory: peak RSS of ingesting a 1x and a 10x corpus (bench/memory.py), when that script is present.

Texts: the PolNeAR dev articles when ../shared is present (real news), else the bundled examples repeated.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_DEV = ROOT.parent / "shared" / "eval" / "polnear" / "dev" / "text"


def bench_texts(limit_words: int) -> tuple[str, list[str]]:
    if POLNEAR_DEV.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_DEV.glob("*.txt"))]
        corpus = "polnear-dev"
    else:
        from tacitus.ingest import Article, read_paths

        texts = [a.text for a in read_paths([str(ROOT / "examples" / "articles")]) if isinstance(a, Article)] * 40
        corpus = "examples x40"
    out, words = [], 0
    for text in texts:
        if words >= limit_words:
            break
        out.append(text)
        words += len(text.split())
    return corpus, out


def timed(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of ``fn()``."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def speed(rounds: int, limit_words: int) -> dict:
    from tacitus import nlp as nlp_layer
    from tacitus.model import Article
    from tacitus.pipeline import Coder

    corpus, texts = bench_texts(limit_words)
    words = sum(len(t.split()) for t in texts)
    nlp = nlp_layer.load()
    coder = Coder(nlp=nlp)
    articles = [Article(text=t, date="2016-06-01") for t in texts]
    list(coder.code_articles(articles[:3]))  # warm caches and lazy lexicons before timing

    bare_runs, pipeline_runs = [], []
    for _ in range(rounds):
        bare_runs.append(timed(lambda: sum(1 for _ in nlp.pipe(texts, batch_size=32))))
        pipeline_runs.append(timed(lambda: sum(1 for _ in coder.code_articles(articles))))
    bare, full = min(w for w, _ in bare_runs), min(w for w, _ in pipeline_runs)
    bare_cpu, full_cpu = min(c for _, c in bare_runs), min(c for _, c in pipeline_runs)
    return {
        "corpus": corpus, "texts": len(texts), "words": words, "rounds": rounds,
        "bare_spacy_words_per_s": round(words / bare, 1),
        "pipeline_words_per_s": round(words / full, 1),
        "ratio": round(bare / full, 3),
        "target_ratio": 0.85,
        # the same ratio in CPU time, which other processes on a busy machine disturb far less than wall time
        "cpu_ratio": round(bare_cpu / full_cpu, 3),
        "bare_spacy_seconds": [round(w, 3) for w, _ in bare_runs],
        "pipeline_seconds": [round(w, 3) for w, _ in pipeline_runs],
        "bare_spacy_cpu_seconds": [round(c, 3) for _, c in bare_runs],
        "pipeline_cpu_seconds": [round(c, 3) for _, c in pipeline_runs],
        "model": nlp_layer.model_name(),
    }


def memory() -> dict | None:
    script = ROOT / "bench" / "memory.py"
    if not script.exists():
        return None
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        return {"error": done.stderr.strip()[-2000:]}
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench/results.json")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--words", type=int, default=40_000, help="words of text to time (default 40,000)")
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    result = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
              "speed": speed(args.rounds, args.words)}
    if not args.no_memory:
        result["memory"] = memory()
    text = json.dumps(result, indent=2)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
