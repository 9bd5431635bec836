"""Direct quotes: quoted passages that are someone's words, and the frame that says whose.

A passage is an *utterance* when it stands as a clause of its own (it opens a sentence, or follows a colon,
a comma or a speech verb) and is more than a few words or ends in its own punctuation; shorter passages
inside a sentence are scare quotes or titles and are left to reported speech. An utterance is attributed
by the text right after it (``"...," X said``, ``"...," said X``, ``"...", according to X``) or right
before it (``X said: "..."``). A second passage after the same frame (``"...," she said, "..."``) joins the
first. A passage that is a whole sentence with no frame (``bare``) is settled later by the stage: it
continues the nearest earlier quote.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .context import TERMINALS, DocContext, Found, TokenRange
from .lexicon import VERB_TAGS, CueLexicon
from .marks import ALL_MARKS, CLOSING, Region
from .speakers import phrase_span, source_span, subject_of

# What may stand right before an utterance's opening mark: a sentence or clause boundary.
CLAUSE_BOUNDARY = frozenset(".?!:;,—―–-(…")
# What may stand right before an utterance attributed by the text before it.
INTRODUCING = frozenset(":,—―–-")
# Punctuation at the end of a passage that says the sentence goes on with its attribution.
CONTINUING = frozenset(",?!—―–-…")
AFTER_CONTINUING = frozenset(",—―–-")
DASHES = frozenset({"—", "―", "–", "-", "--"})
MAX_TAG = 12  # tokens of a dash tag
SENTENCE_END = frozenset(".?!…")
NOMINAL = frozenset({"PROPN", "PRON", "NOUN"})
NOUN_MODIFIERS = frozenset({"compound", "flat", "amod", "det", "poss", "nmod", "nn"})
MIN_WORDS = 3
LED_IN = frozenset({"ccomp", "xcomp"})  # complements of a cue that may start its content before a quotation
MAX_TITLE_WORDS = 12  # a passage in title case this short is a title or a slogan, not someone's words
TITLE_CONTEXT = 30  # tokens on either side of a passage that tell a headline from running text
MAX_FRAME = 60


@dataclass
class Utterance:
    region: Region
    first: int  # token of the opening mark
    last: int  # token of the closing mark (or the last token of an unclosed passage)
    tail: str  # last character inside the marks
    before: str  # last character before the opening mark in the paragraph ('' at its start)
    after: str  # first character after the passage in the paragraph ('' at its end)
    after_cue: bool  # the word before the opening mark is a cue verb (said "...")

    @property
    def whole_sentence(self) -> bool:
        starts = self.before == "" or self.before in SENTENCE_END or self.before in CLOSING or self.before == '"'
        ends = self.tail in SENTENCE_END or self.after in ("", ".", "?", "!")
        return starts and ends


class DirectFinder:
    def __init__(self, ctx: DocContext, lexicon: CueLexicon) -> None:
        self.ctx = ctx
        self.lexicon = lexicon
        self.region_of: dict[int, int] = {}  # token index -> utterance index

    # -- which passages are utterances ------------------------------------------------------------------
    def utterances(self, regions: list[Region]) -> list[Utterance]:
        found = []
        for region in regions:
            utterance = self.utterance(region)
            if utterance is not None:
                found.append(utterance)
        for n, u in enumerate(found):
            for i in range(u.first, u.last + 1):
                self.region_of[i] = n
        return found

    def utterance(self, region: Region) -> Utterance | None:
        ctx = self.ctx
        first = ctx.token_at(region.start)
        last = ctx.token_at(region.end - 1)
        inner = ctx.text[region.spans[-1][0]:region.end].rstrip().rstrip(ALL_MARKS).rstrip()
        tail = inner[-1:] if inner else ""
        prev = ctx.doc[first - 1] if first > 0 else None
        after_cue = prev is not None and self.lexicon.verb(prev) is not None
        u = Utterance(region, first, last, tail, self.char_before(region.start), self.char_after(region.end),
                      after_cue)
        initial = u.before == "" or u.before in CLAUSE_BOUNDARY or u.before in CLOSING or after_cue
        words = sum(1 for i in range(first, last + 1) if ctx.doc[i].is_alpha) if last - first < 50 else 50
        if not initial or not (words >= MIN_WORDS or tail in SENTENCE_END or tail in CONTINUING):
            return None
        if self.fragment(u) and (after_cue or (u.before not in ("", ":") and words < MIN_WORDS)):
            return None  # a piece of the author's sentence ("said “it gets me mad”", "the term, “soft power,”")
        if words <= MAX_TITLE_WORDS and self.titled(first, last) \
                and not self.titled(*self.around(first, last), skip=(first, last)):
            return None  # a title or slogan in running text ("his memoir, “Gifted Hands,”")
        return u

    def titled(self, lo: int, hi: int, skip: tuple[int, int] | None = None) -> bool:
        """Title case: the longer words of tokens ``lo``..``hi`` after the first all open with a capital
        (at least one does; the first word of a sentence is capitalised anyway)."""
        doc = self.ctx.doc
        words = [t.text for t in doc[lo:hi + 1] if t.is_alpha and (skip is None or not skip[0] <= t.i <= skip[1])]
        longer = [w for w in words[1:] if len(w) > 3]
        return bool(longer) and all(w[0].isupper() for w in longer)

    def around(self, first: int, last: int) -> tuple[int, int]:
        """The tokens of the passage's line on either side of it (a few dozen at most), without the passage:
        a headline in title case quotes in title case too."""
        doc, ctx = self.ctx.doc, self.ctx
        lo = first
        while lo > 0 and first - lo < TITLE_CONTEXT and not ctx.is_break(doc[lo - 1]):
            lo -= 1
        hi = last
        while hi + 1 < len(doc) and hi - last < TITLE_CONTEXT and not ctx.is_break(doc[hi + 1]):
            hi += 1
        return lo, hi

    def char_before(self, i: int) -> str:
        text = self.ctx.text
        i -= 1
        while i >= 0 and text[i] in " \t\xa0":
            i -= 1
        return "" if i < 0 or text[i] == "\n" else text[i]

    def char_after(self, i: int) -> str:
        text = self.ctx.text
        while i < len(text) and text[i] in " \t\xa0":
            i += 1
        return "" if i >= len(text) or text[i] == "\n" else text[i]

    # -- frames: the text around an utterance up to the sentence boundary ----------------------------------
    def frame_after(self, u: Utterance) -> TokenRange:
        doc, i = self.ctx.doc, u.last + 1
        while i < len(doc) and i - u.last <= MAX_FRAME:
            token = doc[i]
            if self.ctx.is_break(token) or i in self.region_of or token.text in TERMINALS:
                break
            i += 1
        return u.last + 1, i

    def frame_before(self, u: Utterance) -> TokenRange:
        doc, i = self.ctx.doc, u.first
        while i > 0 and u.first - i <= MAX_FRAME:
            token = doc[i - 1]
            if self.ctx.is_break(token) or (i - 1) in self.region_of or token.text in TERMINALS:
                break
            i -= 1
        return i, u.first

    def frame_above(self, u: Utterance) -> TokenRange | None:
        """The frame of a passage that opens a paragraph after one that ends in a colon ("The ministry said
        in a statement:" and the statement below it): that paragraph's last clause."""
        doc, first = self.ctx.doc, u.first
        if u.before != "" or first < 2 or not self.ctx.is_break(doc[first - 1]) or doc[first - 2].text != ":":
            return None
        colon = first - 2
        if colon in self.region_of:
            return None
        i = colon
        while i > 0 and colon - i <= MAX_FRAME:
            token = doc[i - 1]
            if self.ctx.is_break(token) or (i - 1) in self.region_of or token.text in TERMINALS:
                break
            i -= 1
        return (i, colon + 1) if i < colon else None

    # -- cues and speakers in a frame -------------------------------------------------------------------
    def attribute(self, frame: TokenRange, any_verb: bool, near_end: bool = False) -> Found | None:
        """The cue and speaker in a frame: the cue nearest the quote whose source lies in the frame, else
        the nearest cue; with ``any_verb``, any verb with a subject in the frame counts as a cue.
        ``near_end``: the quote follows the frame (its nearest cue is the last one)."""
        lo, hi = frame
        doc = self.ctx.doc
        order = range(hi - 1, lo - 1, -1) if near_end else range(lo, hi)
        first: Found | None = None
        for i in order:
            found = self.cue_at(doc[i], frame)
            if found is None:
                continue
            if found.speaker is not None and lo <= found.speaker_head < hi:
                return found
            first = first or found
        if first is not None or not any_verb:
            return first
        for i in order:
            token = doc[i]
            if token.pos_ == "VERB":
                head = subject_of(token)
                if head is not None and lo <= head.i < hi:
                    return self.found(cue_range(token), head, frame)
        return None

    def cue_at(self, token: Token, frame: TokenRange) -> Found | None:
        phrase = self.lexicon.phrase(token)
        if phrase is not None:
            _, length = phrase
            end = token.i + length
            obj = next((c for c in token.doc[end - 1].children if c.dep_ == "pobj"), None)
            return self.found((token.i, end), obj, frame)
        if self.lexicon.verb(token) is not None:
            return self.found(cue_range(token), subject_of(token), frame)
        return None

    def found(self, cue: TokenRange, head: Token | None, frame: TokenRange) -> Found:
        lo, hi = frame
        if head is not None and head.i in self.region_of:
            head = self.nominal_near(cue, frame)  # the parser took a word of the quote for the speaker
        inside = head is not None and lo <= head.i < hi
        if head is None:
            return Found(content=[], direct=True, cue=cue)
        speaker, actor_head = source_span(head, lo, hi) if inside else source_span(head)
        return Found(content=[], direct=True, cue=cue, speaker=speaker, speaker_head=actor_head.i)

    def nominal_near(self, cue: TokenRange, frame: TokenRange) -> Token | None:
        """The noun phrase of the frame nearest the cue ("said X", "X said"), by its head."""
        doc = self.ctx.doc
        lo, hi = frame
        order = sorted((i for i in range(lo, hi) if not cue[0] <= i < cue[1]),
                       key=lambda i: min(abs(i - cue[0]), abs(i - cue[1] + 1)))
        for i in order:
            if doc[i].pos_ in NOMINAL:
                token = doc[i]
                while token.dep_ in NOUN_MODIFIERS and lo <= token.head.i < hi and token.head.pos_ in NOMINAL:
                    token = token.head
                return token
        return None

    # -- putting it together ----------------------------------------------------------------------------
    def find(self, regions: list[Region]) -> tuple[list[Found], list[Utterance]]:
        """Attributed direct quotes, and the bare utterances (whole sentences with no frame)."""
        quotes: list[Found] = []
        bare: list[Utterance] = []
        last_frame: TokenRange | None = None  # the frame after the previous quote, if it attributed it
        for u in self.utterances(regions):
            found, frame = self.attribute_after(u)
            if found is None:
                before = self.frame_before(u)
                if quotes and last_frame is not None and before == last_frame:
                    self.join_frame(quotes, u, before)  # "...," she said, "..."
                    last_frame = None
                    continue
                above = self.frame_above(u)
                if above is not None:
                    found = self.attribute(above, any_verb=True, near_end=True)
                elif (u.before in INTRODUCING or u.after_cue) and not self.fragment(u):
                    found = self.attribute(before, any_verb=u.before == ":", near_end=True)
                if found is not None:
                    found.via = "before"
            if found is None:
                if u.whole_sentence and u.region.closed:
                    bare.append(u)  # (an unclosed passage with no frame is a stray mark: left out)
                last_frame = None
                continue
            found.content = list(u.region.spans)
            if found.via == "after" and frame is not None:
                self.run_on(u, found, frame)
            elif found.via == "before":
                self.led_in(u, found)
            quotes.append(found)
            last_frame = frame
        return quotes, bare

    def run_on(self, u: Utterance, found: Found, frame: TokenRange) -> None:
        """``“We are happy” about the ruling, she said``: a passage that ends in a word and runs on into the
        author's words is a piece of the content, which goes on up to the attribution; the whole is reported
        speech (the guidelines' mixed quotes)."""
        if not (u.tail.isalnum() and u.after.islower()) or found.cue is None:
            return
        doc = self.ctx.doc
        end = found.cue[0]
        if found.speaker is not None and frame[0] <= found.speaker[0] < end:
            end = found.speaker[0]
        while end > frame[0] and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end <= frame[0]:
            return
        last = doc[end - 1]
        start, _ = found.content[-1]
        found.content[-1] = (start, last.idx + len(last.text))
        found.direct = False

    def led_in(self, u: Utterance, found: Found) -> None:
        """``She tweeted that, “...”``, ``he recalled thinking, “...”``: when the cue's clause starts before the
        passage, the passage is the end of a content that starts there; the whole is reported speech."""
        if found.cue is None:
            return
        doc = self.ctx.doc
        lo, hi = found.cue
        verb = next((doc[i] for i in range(hi - 1, lo - 1, -1) if doc[i].tag_ in VERB_TAGS), None)
        if verb is None or hi >= u.first:
            return
        start = None
        if doc[hi].lower_ == "that" and doc[hi].dep_ in ("mark", "dobj", "nsubj"):
            start = hi
        else:
            comp = next((c for c in verb.rights if c.dep_ in LED_IN and hi <= c.i < u.first), None)
            if comp is not None:
                start = max(comp.left_edge.i, hi)
        if start is None or not any(t.is_alpha for t in doc[start:u.first]):
            return
        found.content[0] = (doc[start].idx, found.content[0][1])
        found.direct = False

    def fragment(self, u: Utterance) -> bool:
        """A passage that starts in lower case after its cue ("called it "a disgrace"", "said, "we were
        floored"") is a piece of the author's sentence: a mixed quote, left to reported speech."""
        inner = self.ctx.text[u.region.start:u.region.spans[0][1]].lstrip(ALL_MARKS + " ")
        first = next((ch for ch in inner[:40] if ch.isalpha()), "")
        return first.islower()

    def join_frame(self, quotes: list[Found], u: Utterance, frame: TokenRange) -> None:
        """A passage after the frame of the previous quote is more of it, unless the frame has a second cue
        of its own ("...," he said, adding: "...")."""
        last = quotes[-1]
        doc = self.ctx.doc
        start = last.cue[1] if last.cue is not None else frame[0]
        for i in range(max(start, frame[0]), frame[1]):
            if self.lexicon.verb(doc[i]) is not None:
                quotes.append(Found(content=list(u.region.spans), direct=True, cue=cue_range(doc[i]),
                                    speaker=last.speaker, speaker_head=last.speaker_head, via="before"))
                return
        last.content.extend(u.region.spans)

    def dash_tag(self, u: Utterance, frame: TokenRange) -> Found | None:
        """``"..." -- Albert Einstein``: a dash after the quote, on its line or the next, then a name."""
        doc = self.ctx.doc
        lo, hi = frame
        if lo == hi and lo + 1 < len(doc) and self.ctx.is_break(doc[lo]):
            lo = lo + 1  # the tag on the next line
            hi = lo
            while hi < len(doc) and hi - lo <= MAX_TAG and not self.ctx.is_break(doc[hi]):
                hi += 1
        if lo >= hi or doc[lo].text not in DASHES or hi - lo > MAX_TAG:
            return None
        head = self.nominal_near((lo, lo + 1), (lo + 1, hi))
        if head is None or head.pos_ != "PROPN":
            return None
        return Found(content=[], direct=True, cue=(lo, lo + 1), speaker=phrase_span(head, lo + 1, hi),
                     speaker_head=head.i, via="after")

    def attribute_after(self, u: Utterance) -> tuple[Found | None, TokenRange | None]:
        frame = self.frame_after(u)
        tagged = self.dash_tag(u, frame)
        if tagged is not None:
            return tagged, frame
        if not (u.tail in CONTINUING or u.after in AFTER_CONTINUING or u.tail == "" or u.after.islower()):
            return None, None
        if frame[1] <= frame[0]:
            return None, None
        found = self.attribute(frame, any_verb=u.tail == "," or u.after == ",")
        if found is not None:
            found.via = "after"
        return found, frame


def cue_range(verb: Token) -> TokenRange:
    """The verb group of a cue: the verb with the auxiliaries and negation right before it and its particle."""
    start, end = verb.i, verb.i + 1
    for child in reversed(list(verb.lefts)):
        if child.dep_ in ("aux", "auxpass", "neg") and child.i == start - 1:
            start = child.i
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
    return start, end
