"""Matching the verbs of a parsed sentence against a PETRARCH verb dictionary: the most specific pattern
(most words) of the verb's block, else the verb's own code."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .dictionary import Item, PetrarchVerbs, VerbEntry, _plural

@dataclass
class Match:
    code: str
    weight: int
    slots: dict[str, Token]


class _Matcher:
    def __init__(self, verbs: PetrarchVerbs, doc: Doc, start: int, end: int) -> None:
        self.verbs = verbs
        self.doc = doc
        self.start, self.end = start, end

    def word_at(self, i: int, word: str) -> bool:
        token = self.doc[i]
        low = token.lower_
        return low == word or token.lemma_.lower() == word or low == word + "s" or low == _plural(word)

    def phrase_at(self, i: int, phrase: tuple[str, ...], step: int) -> int | None:
        """Index just past ``phrase`` read from ``i`` in direction ``step`` (words stay in text order)."""
        n = len(phrase)
        lo = i if step > 0 else i - n + 1
        if lo < self.start or lo + n > self.end:
            return None
        if all(self.word_at(lo + k, phrase[k]) for k in range(n)):
            return lo + n if step > 0 else lo - 1
        return None

    def item_at(self, i: int, item: Item, step: int, slots: dict[str, Token]) -> int | None:
        if not (self.start <= i < self.end):
            return None
        if item.kind == "word":
            return self.phrase_at(i, (item.value,), step)
        if item.kind == "synset":
            for phrase in sorted(self.verbs.synsets.get(item.value, []), key=len, reverse=True):
                found = self.phrase_at(i, phrase, step)
                if found is not None:
                    return found
            return None
        if item.kind == "skip":
            return i + step
        token = self.doc[i]
        if token._.mention is None:
            return None
        slots.setdefault(item.kind, token)
        # an actor slot takes the whole mention
        j = i
        while self.start <= j + step < self.end and self.doc[j + step]._.mention == token._.mention:
            j += step
        return j + step

    def sequence(self, items: list[Item], origin: int, step: int, slots: dict[str, Token],
                 verb_adjacent: bool = False) -> bool:
        """Match ``items`` going away from the verb at ``origin`` (leftward for the words before it).
        An item's ``adjacent`` joins it to the item before it in text order."""
        if step > 0:
            ordered = [(item, item.adjacent) for item in items]
        else:
            joins = [item.adjacent for item in items[1:]] + [verb_adjacent]
            ordered = list(reversed(list(zip(items, joins))))
        pos = origin + step
        for item, adjacent in ordered:
            found = None
            candidates = [pos] if adjacent else range(pos, self.end if step > 0 else self.start - 1, step)
            for i in candidates:
                found = self.item_at(i, item, step, slots)
                if found is not None:
                    break
            if found is None:
                return False
            pos = found
        return True


def match_verb(verbs: PetrarchVerbs, token: Token) -> Match | None:
    """The best pattern of the verb ``token`` (most words), else the verb's own code."""
    sent = token.sent
    best: Match | None = None
    for entry in verbs.entries_for(token):
        if not _multiword_ok(entry, token):
            continue
        block = verbs.blocks[entry.block]
        matcher = _Matcher(verbs, token.doc, sent.start, sent.end)
        for pattern in block.patterns:
            slots: dict[str, Token] = {}
            if matcher.sequence(pattern.before, token.i, -1, slots, pattern.verb_adjacent) and \
                    matcher.sequence(pattern.after, token.i, 1, slots):
                if best is None or pattern.weight > best.weight:
                    best = Match(pattern.code, pattern.weight, slots)
        if best is None:
            code = entry.code or block.code
            if code:
                best = Match(code, -1, {})
    return best


def _multiword_ok(entry: VerbEntry, token: Token) -> bool:
    doc = token.doc
    for k, word in enumerate(entry.words):
        i = token.i + (k - entry.head)
        if k == entry.head:
            continue
        if not (0 <= i < len(doc)) or doc[i].lower_ != word and not doc[i].lower_.startswith(word):
            return False
    return True
