"""The when stage: every date expression of an article, resolved against its publication date."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import CodedArticle, TimeRef
from .dateline import dateline_date
from .finder import DateMatch, find_dates
from .resolve import parse_iso, resolve
from .tense import is_future

# A weekday or month word inside one of these entities is a name ("Sunday Times", "Bloody Sunday").
NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "PERSON", "FAC", "EVENT", "PRODUCT", "LAW"})
DEICTIC_KINDS = frozenset({"weekday", "deictic", "shift", "ago"})


def fill_publication_date(article) -> None:
    """Without a publication date from the input, take the dateline's ("MINSK, Oct 24 (Agency) -")."""
    if not article.date:
        found = dateline_date(article.text)
        if found:
            article.date, article.date_source = found, "dateline"


class TimeStage:
    """Fills ``coded.times`` and ``Token._.time``; fills ``Article.date`` from a dateline when missing."""

    def __init__(self, **_: object) -> None:
        pass

    def __call__(self, doc: Doc, coded: CodedArticle) -> None:
        article = coded.article
        fill_publication_date(article)
        pub = parse_iso(article.date)
        if article.date and pub is None:
            coded.warnings.append(f"publication date {article.date!r} is not an ISO date; "
                                  "relative dates are left unresolved")
        text = article.text  # the same string as doc.text, which Doc rebuilds on every access
        for found in find_dates(text):
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is None or _is_name(span, found):
                continue
            value, resolution = resolve(found, pub, future=is_future(span))
            ref = TimeRef(id=f"t{len(coded.times) + 1}", text=text[found.start:found.end], start=found.start,
                          end=found.end, sentence=coded.sentence_at(found.start), value=value,
                          resolution=resolution, relative=found.year is None and found.kind != "year")
            coded.times.append(ref)
            for token in span:
                token._.time = ref.id


def _is_name(span: Span, found: DateMatch) -> bool:
    if found.kind not in ("weekday", "month", "date"):
        return False
    return any(t.ent_type_ in NAME_LABELS for t in span)
