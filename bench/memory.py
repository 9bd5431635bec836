"""Peak memory of `tacitus ingest` on a 1x and a 10x corpus: it should not grow with the corpus.

Each ingest runs in a fresh process (this script, with --measure) so its peak RSS is its own. The corpus
is a folder of generated article files (tests/fixtures/corpus_gen.py: invented, varied, short). Prints one
JSON document (or writes it with --out): the runs, the ratio of the 10x peak to the 1x peak, and whether
it is within the 1.2 target.

    python bench/memory.py [--base 200] [--factor 10] [--workers 1] [--out FILE]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.2


def measure(corpus: str, db: str, workers: int) -> dict:
    """Ingest in this process through the CLI and report its peak RSS."""
    from tacitus.cli import app

    started = time.perf_counter()
    try:
        app(["ingest", corpus, "--db", db, "--date", "2024-06-01", "--quiet", "--workers", str(workers)],
            standalone_mode=False)
    finally:
        seconds = time.perf_counter() - started
    from tacitus.store import Store

    with Store(db, read_only=True) as store:
        articles = store.counts()["articles"]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"articles": articles, "seconds": round(seconds, 1), "peak_rss_mb": round(own, 1),
            "worker_peak_rss_mb": round(children, 1) if workers > 1 else None}


def run(size: int, workers: int, folder: Path) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from fixtures.corpus_gen import write_folder

    corpus = write_folder(folder / f"corpus{size}", size)
    db = folder / f"store{size}.duckdb"
    done = subprocess.run([sys.executable, __file__, "--measure", str(corpus), str(db), "--workers", str(workers)],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"ingest of {size} articles failed:\n{done.stderr[-2000:]}")
    return {"size": size, **json.loads(done.stdout.strip().splitlines()[-1])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=200, help="articles in the 1x corpus")
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--out", help="write the JSON here too")
    parser.add_argument("--measure", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure, args.workers)))
        return 0
    with tempfile.TemporaryDirectory(prefix="tacitus-memory-") as tmp:
        runs = [run(size, args.workers, Path(tmp)) for size in (args.base, args.base * args.factor)]
    ratio = runs[1]["peak_rss_mb"] / runs[0]["peak_rss_mb"]
    result = {"what": "peak RSS of `tacitus ingest`, 1x vs 10x corpus", "workers": args.workers, "runs": runs,
              "ratio": round(ratio, 3), "target": TARGET, "flat": ratio <= TARGET}
    text = json.dumps(result, indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
