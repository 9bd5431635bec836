"""The quotes stage: who said what, in direct quotes and reported speech, with the speaker's actor.

Steps, each linear in the length of the text:

1. ``marks.scan`` finds quoted passages (straight and curly marks, nested quotes, passages over several
   paragraphs, unbalanced marks closed at the end of their paragraph with a warning);
2. ``direct.DirectFinder`` keeps the passages that are someone's words and attributes each through the
   frame after or before it (``"...," X said``, ``X said: "..."``, ``"...", according to X``);
3. ``reported.ReportedFinder`` finds reported speech, beliefs and intentions from the cue lexicon and the
   syntax (``X said that ...``, ``X pointed out ...``, ``according to X, ...``, ``X is expected to ...``,
   ``her criticism of ...``, ``X leads in a new poll``), and title-case headlines (``headlines``);
4. a passage that is a whole sentence with no frame continues the nearest earlier quote (the same or the
   previous paragraph), else the next one; else it is kept without a speaker, with a warning.

Speakers are spans found from the syntax; their actor is read from the actor stage's mentions. Every
token inside a quote's content gets ``Token._.quote`` (the quote id), so that later stages can tell
reported speech and resolve "I" and "we" inside a quote to its speaker.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ..model import CodedArticle, Quote
from . import marks
from .context import DocContext, Found
from .direct import DirectFinder, Utterance
from .lexicon import CueLexicon, lexicon
from .reported import ReportedFinder
from .speakers import actor_of, char_span

MAX_WARNINGS = 10
QUOTING = frozenset('"“”„«»‟‘')  # marks that open or close a quotation (not the apostrophe ’)
QUOTE_TAIL = frozenset(" \t\n\xa0.,;:!?…)]")  # what may end a passage before its closing mark
LOOK_BACK = 5  # quotes looked back over for the direct quote whose attribution holds reported speech
MAX_CONTINUATION_BREAKS = 1
MAX_ATTRIBUTION_CHARS = 300  # length of an attribution frame after a quote, at most  # a bare quote continues a quote in the same or the previous paragraph


class QuoteStage:
    """``stage(doc, coded)`` fills ``coded.quotes``. ``reported=False`` keeps direct quotes only."""

    def __init__(self, cues: CueLexicon | None = None, reported: bool = True, **_: object) -> None:
        self.lexicon = cues or lexicon()
        self.reported = reported

    def __call__(self, doc: Doc, coded: CodedArticle) -> None:
        ctx = DocContext.of(doc, coded.article.text)
        regions, warnings = marks.scan(ctx.text)
        coded.warnings.extend(f"quotes: {w}" for w in warnings)
        found, bare = DirectFinder(ctx, self.lexicon).find(regions)
        if self.reported:
            quoted = tokens_in(ctx, [s for f in found for s in f.content] + [s for u in bare for s in u.region.spans])
            used = {i for f in found if f.cue is not None for i in range(*f.cue)}
            found += ReportedFinder(ctx, self.lexicon, quoted, used).find()
        found.sort(key=lambda f: f.start)
        mark_quoted(found, regions, ctx.text)
        for u in bare:
            settle(u, found, ctx)
        starts = [s.start for s in coded.sentences]
        for n, f in enumerate(found, start=1):
            coded.quotes.append(to_record(f"q{n}", f, ctx, coded, starts))
        warn_unattributed(coded)


def mark_quoted(found: list[Found], regions: list[marks.Region], text: str) -> None:
    """Reported speech whose every piece is a whole quoted passage is direct (``denounced “the plan,”``,
    ``chanted “Dump the tax”``): what is quoted is the speaker's own words, whatever syntax found it. A
    piece of a passage is not (the passage is a quotation the reported speech was found inside)."""
    spans = sorted(s for r in regions for s in r.spans)
    starts = [s for s, _ in spans]
    for f in found:
        if not f.direct and f.content and all(whole(piece, spans, starts, text) for piece in f.content):
            f.direct = True


def whole(piece: tuple[int, int], spans: list[tuple[int, int]], starts: list[int], text: str) -> bool:
    """The piece holds all the words of the quoted passage it lies in."""
    at = bisect.bisect_right(starts, piece[0] + 1) - 1
    if at < 0:
        return False
    start, end = spans[at]
    while start < end and (text[start] in marks.ALL_MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in marks.ALL_MARKS or text[end - 1] in QUOTE_TAIL):
        end -= 1
    return spans[at][0] <= piece[0] <= start and end <= piece[1] <= spans[at][1] + 1


def tokens_in(ctx: DocContext, spans: list[tuple[int, int]]) -> set[int]:
    return {i for start, end in spans for i in range(ctx.token_at(start), ctx.token_at(end - 1) + 1)}


def quoting(f: Found, text: str) -> bool:
    """Reported speech that quotes some of its words (``the plan was “dead on arrival,” she said``)."""
    return any(ch in QUOTING for start, end in f.content for ch in text[start:end]) \
        or any("''" in text[start:end] for start, end in f.content)  # typewriter double marks


def settle(u: Utterance, found: list[Found], ctx: DocContext) -> None:
    """Attach a bare quoted sentence to the quote it continues, or keep it as a quote of its own."""
    at = bisect.bisect_left(found, u.region.start, key=lambda f: f.start)
    before = continued(found, at, ctx, u.region.start)
    after = found[at] if at < len(found) else None
    spans = list(u.region.spans)
    if before is not None and ctx.paragraph_breaks(before.end, u.region.start) <= MAX_CONTINUATION_BREAKS:
        if before.direct or quoting(before, ctx.text):
            # more of the same quotation (after reported speech that quotes: "...", she said. "...")
            before.content = sorted(before.content + spans)
            return
        # a quotation after reported speech: the same speaker's own words
        found.insert(at, Found(content=spans, direct=True, speaker=before.speaker, speaker_head=before.speaker_head,
                               via="continuation"))
        return
    if (after is not None and after.direct and after.speaker is not None
            and ctx.paragraph_breaks(u.region.end, after.start) <= MAX_CONTINUATION_BREAKS):
        after.content = sorted(spans + after.content)  # the quoted paragraph comes before its attribution
        return
    found.insert(at, Found(content=spans, direct=True, via="none"))


def continued(found: list[Found], at: int, ctx: DocContext, start: int) -> Found | None:
    """The quote before position ``at`` that a bare quote starting at ``start`` continues: the last one,
    unless a direct quote earlier in the same paragraph is interrupted by reported speech ("...," Obama
    said. He did not suggest retaliation. "...") or that reported speech lies inside its attribution
    ("...," said X, referring to Y. "..."): the bare quote continues the direct quote."""
    if at == 0:
        return None
    last = found[at - 1]
    if last.direct:
        return last
    for i in range(at - 2, max(at - 2 - LOOK_BACK, -1), -1):
        if found[i].direct and ctx.paragraph_breaks(found[i].end, start) == 0:
            return found[i]
    direct = next((found[i] for i in range(at - 2, max(at - 2 - LOOK_BACK, -1), -1) if found[i].direct), None)
    if direct is None or last.start - direct.end > MAX_ATTRIBUTION_CHARS:
        return last
    between = ctx.text[direct.end:last.start]
    return direct if not any(ch in between for ch in ".?!\n") else last


def token_range_chars(ctx: DocContext, rng: tuple[int, int] | None):
    return None if rng is None else char_span(ctx.doc, *rng)


def to_record(quote_id: str, f: Found, ctx: DocContext, coded: CodedArticle, sentence_starts: list[int]) -> Quote:
    doc = ctx.doc
    cue = token_range_chars(ctx, f.cue)
    speaker_span = token_range_chars(ctx, f.speaker)
    speaker = None
    if f.speaker is not None and f.speaker_head is not None:
        speaker = actor_of([doc[i] for i in range(*f.speaker)], doc[f.speaker_head], coded)
    anchor = cue[0] if cue is not None else f.start
    quote = Quote(id=quote_id, content=list(f.content), direct=f.direct, speaker_span=speaker_span,
                  speaker=speaker, cue=cue, cue_text=coded.span_text(cue), sentence=max(bisect.bisect_right(sentence_starts, anchor) - 1, 0))
    for start, end in f.content:
        for i in range(ctx.token_at(start), ctx.token_at(end - 1) + 1):
            if doc[i]._.quote is None:
                doc[i]._.quote = quote_id
    return quote


def warn_unattributed(coded: CodedArticle) -> None:
    """One warning per direct quote left without a speaker (the first few; then a count)."""
    missing = [q for q in coded.quotes if q.direct and q.speaker_span is None]
    for q in missing[:MAX_WARNINGS]:
        start, end = q.content[0][0], q.content[-1][1]
        preview = " ".join(coded.article.text[start:end][:60].split())
        coded.warnings.append(f"quotes: quote {q.id} at characters {start}-{end} ({preview!r}) has no speaker: "
                              "left unattributed")
    if len(missing) > MAX_WARNINGS:
        coded.warnings.append(f"quotes: {len(missing) - MAX_WARNINGS} more quotes left unattributed")
