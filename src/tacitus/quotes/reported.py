"""Reported (indirect) speech, beliefs and intentions: a cue, its content from the syntax, its source.

Cues are verbs, nouns ("her criticism of X", "his decision to ..."), adjectives ("confident that ...",
"critical of X") and source prepositions ("in a new poll", "in her view") from the lexicon, a that-clause
after any verb with a subject ("the panel reasoned that ..."), and the verb of a title-case headline
(``headlines``). What a cue takes is data (``takes`` in the lexicon): a that-clause (``X said that ...``), an
object with what completes it (``called X a liar``, ``urged X to ...``, ``described X as ...``), an
infinitive (``X promised to ...``), the object of its preposition (``X called for ...``), the subject and
complement of a raising verb (``X seems to ...``), or, for phrases like "according to X", the rest of the
sentence; failing those, what the cue is about (``spoke about X``). A passive cue's subject is content
(``X was criticized as ...``); a clause the cue interrupts or follows (``The plan, he said, is dead``) is
content too.

Boundaries follow the PolNeAR guidelines: "that" and a quotation opened inside the content with its closing
punctuation are in; a trailing aside (an apposition, a non-restrictive relative or participle clause) and the
cue with its own source are out; a relative pronoun is its own piece (and its own source span). Only
outermost attributions are kept: a cue inside the content of another (``X said Y thinks ...``) is part of
what X said.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Token

from ..nlp import token_view
from . import headlines
from .context import DocContext, Found, TokenRange
from .direct import cue_range
from .lexicon import VERB_TAGS, Cue, CueLexicon, lexicon, particles
from .speakers import possessor_of, predicated_of, source_span, subject_of

QUOTE_MARKS = frozenset([*"\"“”„«»‟'‘’", "''", "``"])
# Objects that are the person spoken to ("told him"), not what was said.
RECIPIENT_PRONOUNS = frozenset({"me", "him", "her", "us", "them", "you"})
MIN_CONTENT_TOKENS = 2
NAMING = frozenset({"PROPN", "NOUN"})  # a content of one word must name something ("endorsed Smith")
PROPOSITIONS = frozenset({"it", "this", "so"})  # or stand for what was said ("she denied it", "said so")


def standing_alone(token: Token) -> bool:
    return token.pos_ in NAMING or token.lower_ in PROPOSITIONS
MAX_COLON_SPEAKER = 6  # tokens of the phrase before a line's colon ("Senate Majority Leader Tom Hale:")
MAX_COLON_LINE = 400  # tokens of the line after it
# Share of a content that may lie inside direct quotes before the attribution counts as one of them.
MAX_QUOTED_SHARE = 0.5


def subtree(token: Token) -> TokenRange:
    return token.left_edge.i, token.right_edge.i + 1


def child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def clause(cue_token: Token, cue: Cue) -> list[TokenRange] | None:
    comp = child(cue_token, "ccomp") or finite_xcomp(cue_token)
    if comp is None and cue.pos == "NOUN":
        comp = next((c for c in cue_token.children if c.dep_ in ("acl", "ccomp", "appos")
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if comp is None and cue_token.dep_ == "nsubj" and cue_token.head.lemma_ == "be":
            comp = child(cue_token.head, "ccomp")  # "his concern is that ..."
    if comp is None:
        return None
    lo, hi = subtree(comp)
    return [(lo, _conjoined(cue_token, comp, hi))]


def _conjoined(cue_token: Token, comp: Token, hi: int) -> int:
    """A clause content runs on over a clause the parser coordinated with the cue instead of with the
    content ("said requests were made, but no action was taken"), unless that clause has a cue of its own."""
    for c in cue_token.rights:
        if c.i < hi or c.dep_ in ("punct", "cc"):
            continue
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and child(c, "nsubj", "nsubjpass", "expl") is not None \
                and lexicon().verb(c) is None and all(t.dep_ in ("punct", "cc") for t in c.doc[hi:c.left_edge.i]):
            return c.right_edge.i + 1
        break
    return hi


def finite_xcomp(cue_token: Token) -> Token | None:
    """A finite clause the parser labelled as an open complement ("which they say left a gap")."""
    comp = child(cue_token, "xcomp")
    return comp if comp is not None and comp.tag_ in ("VBD", "VBZ", "VBP") else None


def obj(cue_token: Token, cue: Cue) -> list[TokenRange] | None:
    """The direct object (or the predicate of "called it a disgrace"), with what completes it right after:
    "urged voters to stay home", "described himself as a moderate", "accused her of lying". A relative
    pronoun object stands in for its antecedent: "which he described as a failure" gives "which" and the
    complement (the guidelines leave the antecedent out)."""
    target = child(cue_token, "dobj") or child(cue_token, "oprd")
    if target is None:  # "admitted using the loophole": a gerund stands as the object
        target = next((c for c in cue_token.children if gerund(c)), None)
    if target is None or target.lower_ in RECIPIENT_PRONOUNS or imperative(cue_token):
        return None
    lo, hi = subtree(target)
    if target.tag_ in RELATIVE_TAGS and target.i < cue_token.i:
        rest = cue_token.i + 1
        end = _complemented(cue_token, rest)
        return [(lo, hi), (rest, end)] if end > rest else None
    return [(lo, _adjuncts(cue_token, _complemented(cue_token, _nominal_tail(cue_token, hi))))]


ADJUNCTS = frozenset({"prep", "advmod", "npadvmod", "xcomp", "advcl", "ccomp", "dative"})


def when(adjunct: Token) -> bool:
    """A time adjunct ("on Friday", "last week"): when it was said, not what."""
    head = child(adjunct, "pobj") if adjunct.dep_ == "prep" else adjunct
    return head is not None and head.ent_type_ in ("DATE", "TIME")


def _adjuncts(cue_token: Token, hi: int) -> int:
    """An object content runs on over what the parser hung on the verb after it ("questioned her judgment
    in backing the war", "urged the council to act"): what is said is about them too."""
    for c in cue_token.rights:
        if c.i < hi:
            continue
        if c.left_edge.i != hi or c.dep_ not in ADJUNCTS or when(c):
            break
        hi = c.right_edge.i + 1
    return hi


def imperative(verb: Token) -> bool:
    """"See the results below": an order to the reader, not an attribution."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and child(verb, "nsubj", "aux") is None


# What completes an object on its right: "called him a liar" (oprd), "urged them to go" (xcomp), "described
# it as a disaster" (prep "as").
COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp", "acomp"})
COMPLEMENT_PREPS = frozenset({"as", "of", "for", "to", "like"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})


def _complemented(cue_token: Token, hi: int) -> int:
    """The end of an object carried over the complements that follow it right away."""
    for c in cue_token.rights:
        if c.i < hi:
            continue
        if c.left_edge.i != hi:
            break
        if c.dep_ in COMPLEMENTS or (c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPS and c.right_edge.i > c.i):
            hi = c.right_edge.i + 1  # (a stranded preposition, "the hearing he was called to", completes nothing)
        else:
            break
    return hi


def _nominal_tail(cue_token: Token, hi: int) -> int:
    """The object's end, carried over what the parser hung on the cue instead of on the object: a stray
    apostrophe or conjunction followed by a nominal conjunct ("the importance of combining Belarus’ and
    Russia’s potentials", where the small parser makes "potentials" a conjunct of the verb). A verbal
    conjunct ("and said nothing") ends the object where it was."""
    reach = hi
    for c in cue_token.children:
        if c.right_edge.i < hi:
            continue
        if c.left_edge.i != reach:
            break
        if c.dep_ == "conj" and c.pos_ in NOMINAL_POS:
            hi = reach = c.right_edge.i + 1
        elif c.dep_ in ("cc", "punct") and c.text not in TAIL_STOPS:
            reach = c.right_edge.i + 1  # kept only if a nominal conjunct follows
        else:
            break
    return hi


NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM"})
TAIL_STOPS = frozenset({".", ",", ";", ":", "!", "?", "—", "–", "-", "(", ")", '"', "“", "”"})


def infinitive(cue_token: Token, cue: Cue) -> list[TokenRange] | None:
    """``promised to resign``, ``her decision to resign`` (a noun's infinitive hangs on it as a clause);
    ``encouraged the council to act``: with the object it is said of (not a pronoun spoken to)."""
    for c in cue_token.children:
        if (c.dep_ in ("xcomp", "ccomp", "acl") and any(a.tag_ == "TO" for a in c.children)) or gerund(c):
            lo, hi = subtree(c)
            target = child(cue_token, "dobj")
            if target is not None and target.right_edge.i + 1 == lo and target.lower_ not in RECIPIENT_PRONOUNS:
                lo = target.left_edge.i
            return [(lo, hi)]
    return None


def gerund(c: Token) -> bool:
    """A gerund complement: "admitted using the loophole", "proposed doing away with the tax"."""
    return c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > c.head.i


def prep(cue_token: Token, cue: Cue) -> list[TokenRange] | None:
    """The object of the cue's particle or preposition ("called for talks", "pointed out the risks"), with
    an infinitive right after it ("called on them to resign"); "called for X to go": the clause after the
    particle."""
    particle = cue.particle
    for c in particles(cue_token):
        if c.lower_ != particle:
            continue
        if c.dep_ == "prep":
            target = child(c, "pobj", "pcomp")
            if target is None:
                return None
            lo, hi = subtree(target)
            return [(lo, _adjuncts(cue_token, _complemented(cue_token, hi)))]
        if c.dep_ == "prt":
            target = child(cue_token, "dobj", "ccomp")
            return [subtree(target)] if target is not None else None
        if c.dep_ == "mark" and c.head.head.i == cue_token.i:
            lo, hi = subtree(c.head)
            return [(c.i + 1, hi)]
    return None


# Prepositions after a cue that introduce what it is about: "spoke out against X", "boasted about Y".
TOPIC_PREPS = frozenset({"about", "against", "as"})


def topic(cue_token: Token) -> list[TokenRange] | None:
    """What a cue with none of its own contents is about: the object of a preposition of topic right after
    it ("she spoke about the war", "he was described as a moderate")."""
    for c in cue_token.rights:
        if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS:
            target = child(c, "pobj", "pcomp")
            return [subtree(target)] if target is not None else None
        if c.dep_ in ("dobj", "ccomp", "xcomp", "punct"):
            return None
    return None


def interrupted(cue_token: Token, cue: Cue) -> list[TokenRange] | None:
    """``The plan, he said, is dead``: the clause around the cue's own clause."""
    head = cue_token.head
    if cue_token.dep_ not in ("parataxis", "advcl") or head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if cue_token.dep_ == "advcl" and (child(cue_token, "mark", "advmod") is not None
                                      or cue_token.left_edge.i == 0 or cue_token.doc[cue_token.left_edge.i - 1].text != ","):
        return None  # "..., she said" is set off by a comma; "as she said", "when she said" are not reports
    lo, hi = subtree(head)
    inner_lo, inner_hi = subtree(cue_token)
    return [r for r in ((lo, inner_lo), (inner_hi, hi)) if r[1] > r[0]]


def with_relative(cue_token: Token, source: Token | None, ranges: list[TokenRange] | None):
    """A cue inside a relative clause whose pronoun stands for the content ("the policies, which he said
    had failed"): the pronoun is a piece of the content (the guidelines resolve no coreference)."""
    if not ranges or cue_token.dep_ != "relcl":
        return ranges
    pronoun = cue_token.left_edge
    if pronoun.tag_ not in RELATIVE_TAGS or pronoun.i >= cue_token.i or (source is not None and source.i == pronoun.i):
        return ranges
    if any(lo <= pronoun.i < hi for lo, hi in ranges) or pronoun.dep_ not in ("nsubj", "dobj", "nsubjpass"):
        return ranges
    return [(pronoun.i, pronoun.i + 1), *ranges]


def raising(cue_token: Token) -> list[TokenRange] | None:
    """``The plan seems to work``, ``She appeared ready to quit``: the subject and what the cue says of it,
    with no source (the appearance is the author's)."""
    subject = child(cue_token, "nsubj")
    start = cue_token.i + 1
    end = _complemented(cue_token, start)
    if subject is None or subject.tag_ in RELATIVE_TAGS or end == start:
        return None
    return [subtree(subject), (start, end)]


def passive(cue_token: Token, ranges: list[TokenRange] | None) -> list[TokenRange] | None:
    """A passive cue's subject is what was said or held ("the deal was criticized as weak", "he is
    expected to win"): content with its complement. After a clause ("they were told that ...") the
    subject is who was told, and stays out."""
    subject = child(cue_token, "nsubjpass")
    if subject is None or subject.tag_ in RELATIVE_TAGS or subject.lower_ in EMPTY_SUBJECTS:
        return ranges
    if ranges and not any(c.dep_ in ("xcomp", "oprd") and c.left_edge.i == lo for c in cue_token.children
                          for lo, _ in ranges):
        return ranges
    own = subtree(subject)
    if ranges:
        return [own, *ranges]
    start = cue_token.i + 1
    end = _complemented(cue_token, start)
    return [own, (start, end)] if end > start else [own]


EMPTY_SUBJECTS = frozenset({"it", "there", "this", "that"})
MAIN_CLAUSE = frozenset({"ROOT", "ccomp", "conj", "parataxis"})

CONTENT_OF = {"clause": clause, "object": obj, "infinitive": infinitive, "prep": prep}


class ReportedFinder:
    def __init__(self, ctx: DocContext, lexicon: CueLexicon, quoted: set[int], used: set[int]) -> None:
        self.ctx = ctx
        self.lexicon = lexicon
        self.quoted = quoted  # tokens inside direct quotes
        self.used = used  # cue tokens of direct quotes
        self.marks = Marks(ctx.doc, quoted)

    def find(self) -> list[Found]:
        candidates: list[tuple[int, list[TokenRange], Found]] = []
        seen: set[tuple[TokenRange, ...]] = set()  # a content found twice ("voiced support for X") is one
        doc = self.ctx.doc
        view = token_view(doc)
        pos, text = view.pos, view.text
        for i in range(len(doc)):
            if i in self.quoted or i in self.used or (pos[i] == "PUNCT" and text[i] != ":"):
                continue  # punctuation other than a colon is no cue (``candidate``): no Token made for it
            found = self.candidate(doc[i])
            if found is not None and tuple(found[1]) not in seen:
                seen.add(tuple(found[1]))
                candidates.append(found)
        candidates += self.from_headlines({c[0] for c in candidates})
        return [self.to_chars(ranges, found) for i, ranges, found in outermost(candidates, len(self.ctx.doc))]

    def candidate(self, token: Token) -> tuple[int, list[TokenRange], Found] | None:
        """The attribution whose cue is ``token``, if any; dispatched on the part of speech first, since
        this runs on every token."""
        pos = token.pos_
        if pos == "PUNCT":
            return self.from_colon(token) if token.text == ":" else None
        phrase = self.lexicon.phrase(token)
        if phrase is not None:
            return self.from_phrase(token, phrase[1])
        if pos in ("VERB", "AUX"):
            return self.from_verb(token)
        if pos == "NOUN":
            cue = self.lexicon.noun(token)
            if cue is not None:
                return self.checked(token, self.content(token, cue), (token.i, token.i + 1), possessor_of(token))
        elif pos == "ADJ":
            cue = self.lexicon.adjective(token)
            if cue is not None:
                return self.checked(token, self.content(token, cue), (token.i, token.i + 1), predicated_of(token))
        elif pos == "ADP" and self.lexicon.source(token) is not None:
            return self.from_source(token)
        return None

    def from_verb(self, token: Token):
        cue = self.lexicon.verb(token)
        if cue is None:
            return self.from_that_clause(token)
        if "raising" in cue.takes:
            return self.checked(token, raising(token), cue_range(token), None)
        head = subject_of(token)
        ranges = self.content(token, cue) or (interrupted(token, cue) if cue.kind == "speech" else None)
        return self.checked(token, with_relative(token, head, passive(token, ranges)), cue_range(token), head)

    def from_headlines(self, cues: set[int]):
        """Title-case headlines, which the parser does not read ("Union Leader Backs Smith"): the line's
        words before its verb cue are the source, those after it the content."""
        found = []
        ordered = sorted(cues)
        for k, (lo, hi), content in headlines.frames(self.ctx, self.lexicon):
            at = bisect.bisect_left(ordered, lo)
            if k in self.quoted or (at < len(ordered) and ordered[at] < content[1]):
                continue  # a line the syntax already read
            candidate = self.checked(self.ctx.doc[k], [content], (k, k + 1), None)
            if candidate is not None:
                head = max(range(lo, hi), key=lambda i: (self.ctx.doc[i].pos_ in headlines.SOURCE_POS, i))
                candidate[2].speaker, candidate[2].speaker_head = (lo, hi), head
                found.append(candidate)
        return found

    def from_that_clause(self, verb: Token):
        """A verb outside the lexicon with a subject and a that-clause complement ("the panel concluded
        that ...", "she conceded that ..."): a finite that-clause after a verb reports what someone said,
        thought or found, whatever the verb."""
        if verb.pos_ != "VERB" or verb.tag_ not in VERB_TAGS:
            return None
        comp = child(verb, "ccomp")
        if comp is None or not any(m.dep_ == "mark" and m.lower_ == "that" and m.i == comp.left_edge.i
                                   for m in comp.children):
            return None
        head = subject_of(verb)
        if head is None:
            return None
        lo, hi = subtree(comp)
        return self.checked(verb, [(lo, hi)], cue_range(verb), head)

    def from_source(self, prep: Token):
        """``Smith leads in a new poll``, ``The plan is dead, in her view``: the clause the phrase belongs to
        is the content; the poll, or the one whose view it is, the source."""
        obj = child(prep, "pobj")
        clause_head = prep.head
        while clause_head.pos_ not in ("VERB", "AUX") and clause_head.head.i != clause_head.i:
            clause_head = clause_head.head
        if self.lexicon.verb(clause_head) is not None or prep.head.dep_ in ("nsubj", "nsubjpass"):
            return None  # "said in an interview", "voters in the poll said": the verb is the cue
        if clause_head.dep_ not in MAIN_CLAUSE or child(clause_head, "nsubj", "nsubjpass", "expl") is None:
            return None  # a relative or adverbial clause ("who leads in the polls"): too little to say whose
        lo, hi = subtree(clause_head)
        inner_lo, inner_hi = subtree(prep)
        ranges = [r for r in ((lo, inner_lo), (inner_hi, hi)) if r[1] > r[0]]
        source = child(obj, "poss") or obj
        return self.checked(prep, ranges, (prep.i, prep.i + 1), source)

    def content(self, token: Token, cue: Cue) -> list[TokenRange] | None:
        for takes in cue.takes:
            finder = CONTENT_OF.get(takes)
            ranges = finder(token, cue) if finder is not None else None
            if ranges:
                return ranges
        return topic(token) if cue.particle is None else None

    def from_phrase(self, token: Token, length: int):
        """``according to X, ...``: X is the source, the rest of the sentence the content."""
        doc = token.doc
        last = doc[token.i + length - 1]
        head = child(last, "pobj")
        if head is None and token.i + length < len(doc):
            head = doc[token.i + length]
        phrase_lo = token.i
        phrase_hi = max(token.right_edge.i, head.right_edge.i if head is not None else 0) + 1
        sent = token.sent
        ranges = [r for r in ((sent.start, phrase_lo), (phrase_hi, sent.end)) if r[1] > r[0]]
        return self.checked(token, ranges, (token.i, token.i + length), head)

    def from_colon(self, colon: Token):
        """``Poll: Clinton and Trump tied`` or ``WALLACE: Governor, ...``: a line that opens with a short name
        or noun phrase and a colon gives the rest of the line to that phrase."""
        doc, ctx = colon.doc, self.ctx
        start = colon.i
        while start > 0 and colon.i - start < MAX_COLON_SPEAKER and not ctx.is_break(doc[start - 1]):
            start -= 1
        if not (start == 0 or ctx.is_break(doc[start - 1])) or start == colon.i:
            return None
        prefix = doc[start:colon.i]
        named = any(t.pos_ == "PROPN" for t in prefix) or (len(prefix) == 1 and prefix[0].pos_ == "NOUN")
        if not named or not (prefix[0].is_title or prefix[0].is_upper) or any(t.pos_ in ("VERB", "AUX") for t in prefix):
            return None
        end = colon.i + 1
        while end < len(doc) and end - colon.i <= MAX_COLON_LINE and not ctx.is_break(doc[end]):
            end += 1
        head = next(t for t in reversed(prefix) if t.pos_ in ("PROPN", "NOUN"))
        found = self.checked(colon, [(colon.i + 1, end)], (colon.i, colon.i + 1), None)
        if found is not None:
            found[2].speaker, found[2].speaker_head = (start, colon.i), head.i
        return found

    def checked(self, token: Token, ranges: list[TokenRange] | None, cue: TokenRange, head: Token | None):
        if not ranges:
            return None
        doc = self.ctx.doc
        ranges = around_cue(ranges, cue, head)
        ranges = [self.marks.open_quote(*self.marks.close_quote(*r)) for r in (trim(doc, *without_aside(doc, lo, hi)) for lo, hi in ranges)
                  if r is not None and not all(t.text in QUOTE_MARKS for t in doc[r[0]:r[1]])]  # (a stray mark)
        size = sum(hi - lo for lo, hi in ranges)
        if size < MIN_CONTENT_TOKENS and not (size == 1 and standing_alone(self.ctx.doc[ranges[0][0]])):
            return None
        quoted = sum(self.marks.quoted_in(lo, hi) for lo, hi in ranges)
        if quoted > MAX_QUOTED_SHARE * size:
            return None
        speaker, actor_head = source_span(head) if head is not None else (None, None)
        found = Found(content=[], direct=False, cue=cue, speaker=speaker,
                      speaker_head=actor_head.i if actor_head is not None else None, via="reported")
        return token.i, ranges, found

    def to_chars(self, ranges: list[TokenRange], found: Found) -> Found:
        doc = self.ctx.doc
        found.content = [(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)) for lo, hi in ranges]
        return found


def around_cue(ranges: list[TokenRange], cue: TokenRange, head: Token | None) -> list[TokenRange]:
    """Content pieces that leave out the cue and its source when the content runs around them ("policies
    which he said had failed": "which" and "had failed")."""
    lo_out = min(cue[0], head.left_edge.i if head is not None and head.i < cue[0] else cue[0])
    out = []
    for lo, hi in ranges:
        if lo <= cue[0] < hi:
            out += [r for r in ((lo, lo_out), (cue[1], hi)) if r[1] > r[0]]
        else:
            out.append((lo, hi))
    return out


def trim(doc, lo: int, hi: int) -> TokenRange | None:
    """A content range without the punctuation, white space and dangling conjunctions at its ends
    (quotation marks stay)."""
    def loose(token) -> bool:
        return token.is_space or (token.is_punct and token.text not in QUOTE_MARKS) or token.dep_ == "cc"

    while lo < hi and loose(doc[lo]):
        lo += 1
    while hi > lo and loose(doc[hi - 1]):
        hi -= 1
    return (lo, hi) if hi > lo else None


# An aside after a comma or dash at the end of a content is the author's gloss, not what was said
# ("..., a claim nobody believes", "..., which angered the crowd", "— drawing boos"): what it hangs on by.
ASIDE_DEPS = frozenset({"appos", "relcl", "advcl", "acl"})
ASIDE_MARKS = frozenset({",", "—", "–", "--", "-"})
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose"})
CONTRASTING = frozenset({"while", "though", "although", "whereas"})  # "..., while others disagreed"


def without_aside(doc, lo: int, hi: int) -> TokenRange:
    """The content without a trailing aside set off by a comma or a dash (guidelines: when in doubt, the
    author's gloss stays out). The phrases that end the content are the ancestors of its last token, so
    one climb finds them all (a content may be a whole run-on paragraph)."""
    cut = hi
    token = doc[hi - 1]
    while lo <= token.head.i < hi and token.head.i != token.i:
        mark = token.left_edge.i - 1
        if lo < mark and doc[mark].text in ASIDE_MARKS and lo <= token.head.i < mark and aside(token):
            cut = mark
        token = token.head
    return lo, cut


def aside(head: Token) -> bool:
    """A phrase that glosses what comes before it: an apposition, a non-restrictive relative clause, a
    participle clause."""
    if head.dep_ not in ASIDE_DEPS:
        return False
    return (head.dep_ == "appos" or head.left_edge.lower_ in RELATIVE_WORDS or head.tag_ in ("VBG", "VBN")
            or head.left_edge.lower_ in CONTRASTING)


OPENING_MARKS = frozenset({"“", "``", "«", "„"})
CLOSING_MARKS = frozenset({"”", "»"})
EITHER_MARKS = frozenset({'"', "''"})
CLOSING_TAIL = frozenset({".", ",", "?", "!", ";", ":", "…", "..."})
MAX_CLOSING_TAIL = 3  # tokens between a content's end and the mark that closes a quotation opened inside it


class Marks:
    """Running counts of quotation marks and of tokens inside direct quotes, built once per document so
    that each content is checked in constant time (contents may be whole run-on paragraphs)."""

    def __init__(self, doc, quoted: set[int]) -> None:
        self.doc = doc
        self.opening, self.either, self.quoted = [0], [0], [0]
        for i, text in enumerate(token_view(doc).text):
            self.opening.append(self.opening[-1] + (text in OPENING_MARKS) - (text in CLOSING_MARKS))
            self.either.append(self.either[-1] + (text in EITHER_MARKS))
            self.quoted.append(self.quoted[-1] + (i in quoted))

    def quoted_in(self, lo: int, hi: int) -> int:
        return self.quoted[hi] - self.quoted[lo]

    def open_quote(self, lo: int, hi: int) -> TokenRange:
        """A content that closes a quotation whose opening mark stands right before it takes the mark in
        (the parser leaves the mark out of the clause: ``said “the plan failed” on Monday``)."""
        if lo == 0 or (self.doc[lo - 1].text not in OPENING_MARKS and self.doc[lo - 1].text not in EITHER_MARKS):
            return lo, hi
        unopened = self.opening[hi] - self.opening[lo] < 0 or (self.either[hi] - self.either[lo]) % 2 == 1
        return (lo - 1, hi) if unopened else (lo, hi)

    def close_quote(self, lo: int, hi: int) -> TokenRange:
        """A content that opens a quotation and ends before its closing mark runs on to that mark, over
        the punctuation before it (everything inside quotation marks is content: ``said it was "over."``)."""
        doc = self.doc
        unclosed = self.opening[hi] - self.opening[lo] > 0 or (self.either[hi] - self.either[lo]) % 2 == 1
        if not unclosed:
            return lo, hi
        end = hi
        while end < len(doc) and end - hi < MAX_CLOSING_TAIL:
            text = doc[end].text
            if text in CLOSING_MARKS or text in EITHER_MARKS:
                return lo, end + 1
            if text not in CLOSING_TAIL:
                break
            end += 1
        return lo, hi


def outermost(candidates, n_tokens: int):
    """The candidates whose cue lies in no other candidate's content."""
    depth = [0] * (n_tokens + 1)
    for _, ranges, _ in candidates:
        for lo, hi in ranges:
            depth[lo] += 1
            depth[hi] -= 1
    covered = 0
    inside = [False] * n_tokens
    for i in range(n_tokens):
        covered += depth[i]
        inside[i] = covered > 0
    return [c for c in candidates if not inside[c[0]]]
