"""The only place where stages are wired together.

An article is parsed once by spaCy; then each stage, in order, reads the ``Doc`` and the ``CodedArticle``
built so far and adds its own records:

    actors -> quotes -> when -> where -> events

A stage is any callable ``stage(doc, coded) -> None``. Stages never import later stages; what a later
stage needs from an earlier one travels on the Doc's token extensions (see ``tacitus.nlp``) and in the
CodedArticle.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as nlp_layer
from .actors import ActorStage
from .events import EventStage
from .model import Article, CodedArticle, Sentence
from .quotes import QuoteStage
from .when import TimeStage, fill_publication_date
from .where import PlaceStage


class Stage(Protocol):
    def __call__(self, doc: Doc, coded: CodedArticle) -> None: ...


class ActorLookup(Protocol):
    """What the actor stage asks of an actor dictionary (the store's learned dictionary implements it)."""

    def lookup(self, name: str, date: str | None = None): ...


class Coder:
    """Codes articles: parse once, then run every stage. Reuse one Coder for many articles.

    ``dictionary`` is an optional actor dictionary (for example the store's learned one) consulted for
    names the article itself does not define.
    """

    def __init__(self, nlp: Language | None = None, dictionary: ActorLookup | None = None,
                 stages: list[Stage] | None = None) -> None:
        self.nlp = nlp or nlp_layer.load()
        self.stages: list[Stage] = stages if stages is not None else default_stages(dictionary)

    def code(self, text: str, date: str | None = None, title: str | None = None, source: str | None = None,
             url: str | None = None) -> CodedArticle:
        article = Article(text=text, title=title, date=date, source=source, url=url,
                          date_source="argument" if date else None)
        return next(self.code_articles([article]))

    def code_articles(self, articles: Iterable[Article], batch_size: int = nlp_layer.BATCH_SIZE,
                      on_error: Callable[[Article, Exception], None] | None = None) -> Iterator[CodedArticle]:
        """Code articles in order, parsing them in batches. With ``on_error``, an article whose coding raises
        is reported there and skipped; without it the exception propagates."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._code_batch(batch, on_error)
                batch = []
        if batch:
            yield from self._code_batch(batch, on_error)

    def _code_batch(self, batch: list[Article], on_error) -> Iterator[CodedArticle]:
        docs = nlp_layer.parse([a.text for a in batch], self.nlp)
        for article, doc in zip(batch, docs):
            try:
                yield self.code_doc(article, doc)
            except Exception as exc:  # noqa: BLE001 - reported per article, the batch goes on
                if on_error is None:
                    raise
                on_error(article, exc)

    def code_doc(self, article: Article, doc: Doc) -> CodedArticle:
        fill_publication_date(article)  # every stage, not only dates, works from the publication date
        coded = CodedArticle(article=article, sentences=sentences_of(doc))
        for stage in self.stages:
            stage(doc, coded)
        link_quotes_to_events(coded)
        return coded


def default_stages(dictionary: ActorLookup | None = None) -> list[Stage]:
    return [ActorStage(dictionary=dictionary), QuoteStage(), TimeStage(), PlaceStage(), EventStage()]


def sentences_of(doc: Doc) -> list[Sentence]:
    """Sentences with their character spans, blank ones (white space only) left out and counted past."""
    out = []
    view = nlp_layer.token_view(doc)
    for sent in doc.sents:
        text = view.span_text(sent.start, sent.end)  # (Span.text reads every token through a Token object)
        if text.strip():
            start = sent.start_char + (len(text) - len(text.lstrip()))
            end = sent.end_char - (len(text) - len(text.rstrip()))
            out.append(Sentence(index=len(out), start=start, end=end))
    return out


def link_quotes_to_events(coded: CodedArticle) -> None:
    """Each quote lists the events coded from inside its content; each such event names its quote."""
    for quote in coded.quotes:
        quote.events = []
        for event in coded.events:
            lo, hi = event.trigger
            if any(s <= lo and hi <= e for s, e in quote.content):
                quote.events.append(event.id)
                event.quote = quote.id


_default: Coder | None = None


def default_coder() -> Coder:
    global _default
    if _default is None:
        _default = Coder()
    return _default


def code(text: str, date: str | None = None, title: str | None = None, source: str | None = None,
         url: str | None = None) -> CodedArticle:
    """Code one text with the default pipeline. ``date`` (``YYYY-MM-DD``) is the publication date that
    relative dates are resolved against."""
    return default_coder().code(text, date=date, title=title, source=source, url=url)
