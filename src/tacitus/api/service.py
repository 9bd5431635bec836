"""What the API serves from: the open store (or none), the coder, and the locks that let a threaded server
share them.

A DuckDB connection must not run two statements at once, so every use of the store holds ``store_lock``.
The coder (spaCy and the stages' caches) and the learned actor dictionary are guarded by ``coder_lock``;
when both are needed the store lock is taken first, so the two can never deadlock.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..ingest import Article, InputError, ReadOptions, make_article
from ..model import CodedArticle
from ..store import Store
from ..store.ingest import make_dictionary, save_learning

WRITER_MEMORY = "256MB"  # as `tacitus ingest`: DuckDB's share of a process that also codes
ORIGIN = "api"
WARM_UP_TEXT = "The president of Freedonia met the prime minister of Sylvania in the capital on Monday."


class NoStore(Exception):
    """The server was started without a store, so questions about one cannot be answered."""


class IngestDisabled(Exception):
    """The server was started without --allow-ingest."""


@dataclass
class Ingested:
    article_id: str
    stored: bool
    coded: CodedArticle


class Service:
    """The store at ``db_path`` (read-only unless ``allow_ingest``; none when ``db_path`` is None) and a coder
    that consults the store's learned actor dictionary, as `tacitus ingest` does."""

    def __init__(self, db_path: str | None, allow_ingest: bool = False, nlp=None) -> None:
        self.db_path = db_path
        self.allow_ingest = allow_ingest and db_path is not None
        self.store: Store | None = None
        if db_path is not None:
            self.store = (Store(db_path, memory_limit=WRITER_MEMORY, threads=1) if self.allow_ingest
                          else Store(db_path, read_only=True))
        self.store_lock = threading.Lock()
        self.coder_lock = threading.Lock()
        self._nlp = nlp
        self._coder = None
        self._dictionary = None
        self.coder_ready = False  # True once a text has been coded: the stages' resources are loaded

    def close(self) -> None:
        with self.store_lock:
            if self.store is not None:
                self.store.close()
                self.store = None

    @property
    def read_only(self) -> bool:
        return self.store is None or self.store.read_only

    @contextmanager
    def opened(self) -> Iterator[Store]:
        """The store, held for the duration; ``NoStore`` when there is none."""
        if self.store is None:
            raise NoStore()
        with self.store_lock:
            yield self.store

    # ---- coding ---------------------------------------------------------------------------------------------

    def article(self, text: str, *, date: str | None = None, title: str | None = None, source: str | None = None,
                url: str | None = None, any_language: bool = False) -> Article:
        """An Article after the checks every ingested input gets (``tacitus.ingest.make_article``); the
        request models have already made them, so an ``InputError`` here is a ValueError."""
        item = make_article(text, ORIGIN, ReadOptions(check_language=not any_language), title=title, date_value=date,
                            url=url, source=source, date_source="argument")
        if isinstance(item, InputError):
            raise ValueError(item.message)
        return item

    def code(self, article: Article) -> CodedArticle:
        coder = self._loaded_coder()
        with self.coder_lock:
            coded = next(coder.code_articles([article]))
        self.coder_ready = True
        return coded

    def warm_up(self) -> None:
        """Load the coder, and the resources its stages load on first use, now rather than on the first
        request (coding one short text loads them)."""
        self.code(Article(text=WARM_UP_TEXT, date="2024-01-01"))

    def _loaded_coder(self):
        from ..pipeline import Coder  # deferred: loading spaCy takes a few seconds

        if self.store is not None and self._dictionary is None:
            with self.store_lock:  # taken before the coder lock, never inside it
                if self._dictionary is None:
                    self._dictionary = make_dictionary(self.store.actor_entries())
        with self.coder_lock:
            if self._coder is None:
                self._coder = Coder(nlp=self._nlp, dictionary=self._dictionary)
            return self._coder

    def ingest(self, article: Article) -> Ingested:
        """Code and store one article as `tacitus ingest` does: skipped when its id is stored, else saved
        with the dictionary entries learned from it, in one transaction."""
        if self.store is None:
            raise NoStore()
        if not self.allow_ingest:
            raise IngestDisabled()
        with self.opened() as store:
            if store.has_article(article.id):
                return Ingested(article.id, False, store.article(article.id))
        coded = self.code(article)
        with self.opened() as store, self.coder_lock:
            if store.has_article(article.id):  # stored by a concurrent request while this one was coding
                return Ingested(article.id, False, store.article(article.id))
            stored = save_learning(store, self._dictionary, coded)
        return Ingested(article.id, stored, coded)

    # ---- status ---------------------------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        status: dict[str, Any] = {"status": "ok", "store": self.db_path, "read_only": self.read_only,
                                  "allow_ingest": self.allow_ingest, "coder_ready": self.coder_ready}
        if self.store is not None:
            with self.opened() as store:
                status["articles"] = store.counts()["articles"]
        return status
