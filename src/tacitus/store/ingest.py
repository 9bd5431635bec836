"""Coding a corpus into a store: read, skip what is stored, code, save each article in its own transaction.

Everything streams: articles are read one at a time, coded in small batches and saved as they come, so
memory does not grow with the corpus. Crash safety comes from the store (an article is saved whole or not
at all) and from skipping stored articles by id before coding them: after ``kill -9`` a re-run codes only
what is missing, in the same order, and ends with the same store as a run that was never interrupted.

With ``workers > 1`` articles are coded in that many processes while this process alone writes. Workers
consult the learned actor dictionary as it was when the run started; the writer keeps learning and saving
entries, which the next run uses.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from typing import NamedTuple

from ..actors.dictionary import ActorDictionary
from ..ingest import CSV_EXT, JSONL_EXT, Article, InputError, ReadOptions, read_paths, walk
from ..model import CodedArticle, DictionaryEntry
from .store import Store

STORED, SKIPPED, FAILED = "stored", "skipped", "failed"
WORKER_BATCH = 8  # articles per task sent to a worker process


class Outcome(NamedTuple):
    """What became of one input item: stored, skipped (already stored) or failed; ``where`` is its origin."""

    kind: str
    article: str | None
    where: str | None


@dataclass
class IngestCounts:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


# ---- the learned actor dictionary ------------------------------------------------------------------------

def make_dictionary(entries: list[DictionaryEntry]) -> ActorDictionary:
    """The learned actor dictionary as stored: what the coder consults and what learns from each article."""
    return ActorDictionary(entries)


def save_learning(store: Store, dictionary: ActorDictionary, coded: CodedArticle) -> bool:
    """Store one coded article together with what the learned actor dictionary learns from it, in one
    transaction: the path every ingest (CLI, workers, HTTP API) takes. False when it was already stored."""
    return store.save(coded, dictionary.learn(coded) or [])


# ---- running ---------------------------------------------------------------------------------------------

class Ingest:
    """One ingest run into ``store``. Iterate ``run(paths)`` for one ``Outcome`` per input item (stored,
    skipped or failed); problems go to ``report`` as ``origin: message`` lines."""

    def __init__(self, store: Store, options: ReadOptions | None = None, workers: int = 1,
                 report: Callable[[str], None] = lambda message: None, nlp=None) -> None:
        self.store = store
        self.options = options or ReadOptions()
        self.workers = max(1, workers)
        self.report = report
        self.counts = IngestCounts()
        self._nlp = nlp  # a loaded spaCy pipeline to reuse (tests); by default the coder loads its own
        self._outcomes: deque[Outcome] = deque()
        self._in_flight: set[str] = set()  # read but not yet saved: only what is being coded, never the corpus

    def run(self, paths: Iterable[str]) -> Iterator[Outcome]:
        entries = self.store.actor_entries()
        self.dictionary = make_dictionary(entries)
        fresh = self._fresh(read_paths(paths, self.options))
        if self.workers == 1:
            yield from self._run_here(fresh)
        else:
            yield from self._run_pool(fresh, entries)
        yield from self._drain()

    def _fresh(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        """Articles not yet stored; input errors and stored articles become outcomes on the way."""
        for item in items:
            if isinstance(item, InputError):
                self._fail(str(item), None, item.origin)
            elif item.id in self._in_flight or self.store.has_article(item.id):
                self._outcome(SKIPPED, item.id, item.origin)
            else:
                self._in_flight.add(item.id)
                yield item

    def _run_here(self, articles: Iterator[Article]) -> Iterator[Outcome]:
        from ..pipeline import Coder

        coder = Coder(nlp=self._nlp, dictionary=self.dictionary)
        for coded in coder.code_articles(articles, on_error=self._coding_failed):
            self._save(coded)
            yield from self._drain()

    def _run_pool(self, articles: Iterator[Article], entries: list[DictionaryEntry]) -> Iterator[Outcome]:
        pending: deque[Future] = deque()
        with ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"), initializer=_worker_start,
                                 initargs=(entries,)) as pool:
            for batch in _batches(articles, WORKER_BATCH):
                pending.append(pool.submit(_worker_code, batch))
                while len(pending) >= 2 * self.workers:  # bounded: memory stays flat however long the corpus
                    yield from self._take(pending.popleft())
            while pending:
                yield from self._take(pending.popleft())

    def _take(self, future: Future) -> Iterator[Outcome]:
        for result in future.result():
            if isinstance(result, CodedArticle):
                self._save(result)
            else:
                article_id, origin, message = result
                self._in_flight.discard(article_id)
                self._fail(f"{origin}: could not be coded ({message})", article_id, origin)
        yield from self._drain()

    def _save(self, coded: CodedArticle) -> None:
        saved = save_learning(self.store, self.dictionary, coded)
        self._in_flight.discard(coded.article.id)
        self._outcome(STORED if saved else SKIPPED, coded.article.id, coded.article.origin)

    def _coding_failed(self, article: Article, exc: Exception) -> None:
        self._in_flight.discard(article.id)
        self._fail(f"{article.origin or article.id}: could not be coded ({type(exc).__name__}: {exc})",
                   article.id, article.origin)

    def _fail(self, message: str, article_id: str | None, where: str | None) -> None:
        self.report(message)
        if len(self.counts.errors) < 1000:  # enough to show; the count goes on
            self.counts.errors.append(message)
        self._outcome(FAILED, article_id, where)

    def _outcome(self, kind: str, article_id: str | None, where: str | None) -> None:
        self.counts.add(kind)
        self._outcomes.append(Outcome(kind, article_id, where))

    def _drain(self) -> Iterator[Outcome]:
        while self._outcomes:
            yield self._outcomes.popleft()


def _batches(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# ---- worker processes ------------------------------------------------------------------------------------

_worker_coder = None


def _worker_start(entries: list[DictionaryEntry]) -> None:
    global _worker_coder
    from ..pipeline import Coder

    _worker_coder = Coder(dictionary=make_dictionary(entries))


def _worker_code(batch: list[Article]) -> list[CodedArticle | tuple[str, str, str]]:
    """Coded articles, in order; an article whose coding failed gives (id, origin, message) instead."""
    failed: dict[str, str] = {}

    def on_error(article: Article, exc: Exception) -> None:
        failed[article.id] = f"{type(exc).__name__}: {exc}"

    coded = {c.article.id: c for c in _worker_coder.code_articles(batch, on_error=on_error)}  # type: ignore[union-attr]
    return [coded[a.id] if a.id in coded else (a.id, a.origin or a.id, failed.get(a.id, "unknown error"))
            for a in batch]


# ---- how much is there to do ----------------------------------------------------------------------------

def estimate_items(paths: Iterable[str], options: ReadOptions) -> int | None:
    """About how many articles the inputs hold (for the progress bar's ETA), without parsing them: one per
    file, one per line of JSON Lines and CSV files. None when reading stdin."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            files: Iterable[str] = walk(path, options.extensions)
        elif not os.path.exists(path) and any(ch in path for ch in "*?["):
            import glob

            files = [f for f in sorted(glob.glob(path, recursive=True)) if os.path.isfile(f)]
        else:
            files = [path]
        total += sum(_items_in(f, options) for f in files)
    return total


def _items_in(path: str, options: ReadOptions) -> int:
    ext = Path(path).suffix.lower()
    if options.format not in (None, "jsonl", "csv") or (ext not in JSONL_EXT | CSV_EXT and options.format is None):
        return 1
    try:
        lines = 0
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                lines += chunk.count(b"\n")
        header = 1 if (options.format == "csv" or ext in CSV_EXT) else 0
        return max(1, lines - header)
    except OSError:
        return 1
