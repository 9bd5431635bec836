"""PETRARCH compatibility: read a PETRARCH (TABARI-style) verb dictionary and code with it, and run
PETRARCH's unit-test suite.

A PETRARCH verb dictionary (the format of ``PETR.Validate.verbs.txt``) has

- synsets: ``&NAME`` followed by ``+PHRASE`` lines (words joined by ``_`` or spaces; a regular plural is
  added unless the phrase or the label ends in ``_``; a synset may name another synset);
- verb blocks: a header ``--- NAME [CODE] ---``, verb lines ``VERB [CODE] {IRREGULAR FORMS}`` (``+`` inside
  a multi-word verb marks its verb: ``WIRE_+TAP``, ``+BREAK_DOWN``), and pattern lines
  ``- WORDS * WORDS [CODE]`` where ``*`` is the verb, ``_`` joins adjacent words, ``&NAME`` is a synset,
  ``+`` the target, ``$`` the source, ``%`` a compound (reciprocal) actor and ``^`` any one word;
- ``#`` comments and ``<!-- -->`` blocks. A code ``---`` codes nothing; ``[A:B]`` codes A from source to
  target and B back.

``read_verbs(path)`` returns the dictionary and the ``file:line: message`` of each line it could not read.
``PetrarchEventStage(verbs)`` codes with it in place of Tacitus's own lexicon: a verb of the dictionary
with its most specific matching pattern (most words), source and target from the pattern's ``$``/``+`` or
from the parse (subject; first actor after the verb). Like PETRARCH it reads no modality: its patterns
carry that.

``unit_test_pass_rate(folder)`` codes ``PETR.UnitTest.records.xml`` with the ``PETR.Validate.*``
dictionaries of ``folder`` (actors and agents through ``tacitus.actors.petrarch``) and returns the share of
records whose events match exactly (source code, target code, event code), and of records whose event
codes match. ``python -m tacitus.events.petrarch FOLDER`` prints it.
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

from .. import ontology
from ..model import CodedArticle, Event
from .roles import parties
from .syntax import direct_objects, subjects, with_conjuncts

NULL_CODE = "---"
_COMMENT = re.compile(r"(^|\s)#.*$")  # "#" starts a comment at a word start ("[###]" is a code)
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")
_HEADER = re.compile(r"^-{3}\s*(?P<name>.*?)\s*(\[(?P<code>[^\]]*)\])?\s*-{3}")


@dataclass(frozen=True)
class Item:
    """One element of a pattern: a word, a synset, the verb, an actor slot or a wildcard."""

    kind: str  # word | synset | verb | target | source | compound | skip
    value: str = ""
    adjacent: bool = False  # joined to the previous item by "_"


@dataclass
class Pattern:
    before: list[Item]
    after: list[Item]
    code: str
    line: int
    verb_adjacent: bool = False  # "WOULD_*": the word before is joined to the verb

    @property
    def weight(self) -> int:
        return sum(1 for i in self.before + self.after if i.kind in ("word", "synset"))


@dataclass
class VerbEntry:
    words: tuple[str, ...]  # the verb and, for a multi-word verb, its other words in order
    head: int  # index of the verb in ``words``
    code: str | None
    block: int


@dataclass
class Block:
    name: str
    code: str | None
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class PetrarchVerbs:
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    forms: dict[str, list[VerbEntry]] = field(default_factory=dict)  # inflected verb form -> entries

    def entries_for(self, token: Token) -> list[VerbEntry]:
        found = self.forms.get(token.lower_, []) + self.forms.get(token.lemma_.lower(), [])
        unique: list[VerbEntry] = []
        for entry in found:
            if entry not in unique:
                unique.append(entry)
        return unique


# ---- reading --------------------------------------------------------------------------------------------

def _strip(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) without comments; blank lines kept (they end synsets)."""
    out: list[tuple[int, str]] = []
    in_block = False
    for number, raw in enumerate(lines, 1):
        line = raw
        while True:
            if in_block:
                if "-->" not in line:
                    line = ""
                    break
                line = line.split("-->", 1)[1]
                in_block = False
            if "<!--" in line:
                head, rest = line.split("<!--", 1)
                in_block = True
                line = head + " " + rest if "-->" in rest else head
                if "-->" in rest:
                    line = head + rest.split("-->", 1)[1]
                    in_block = False
                continue
            break
        line = _COMMENT.sub("", line).rstrip()
        out.append((number, line))
    return out


def regular_forms(verb: str) -> set[str]:
    """A verb and its regular inflections (the dictionary lists irregular ones in braces)."""
    v = verb.lower()
    forms = {v}
    if v.endswith("e"):
        forms |= {v + "s", v + "d", v[:-1] + "ing"}
    elif v.endswith("y") and len(v) > 2 and v[-2] not in "aeiou":
        forms |= {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    elif v.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {v + "es", v + "ed", v + "ing"}
    else:
        forms |= {v + "s", v + "ed", v + "ing"}
        if len(v) >= 3 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" and v[-3] not in "aeiou":
            forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    return forms


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in re.split(r"[_\s]+", text.strip("_ ")) if w)


def read_verbs(path: str | Path) -> tuple[PetrarchVerbs, list[str]]:
    """The verb dictionary at ``path`` and the errors (``file:line: message``) of the lines skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the verb dictionary ({exc.strerror})") from None
    verbs = PetrarchVerbs()
    errors: list[str] = []
    raw_synsets: dict[str, list[tuple[int, str]]] = {}
    current_synset: str | None = None
    block: Block | None = None
    pending_patterns: list[tuple[int, str]] = []
    for number, line in _strip(lines):
        text = line.strip()
        if not text:
            current_synset = None
            continue
        if text.startswith("&") and not text.startswith("&&"):
            current_synset = text.split()[0][1:].rstrip("_").upper()
            raw_synsets[current_synset] = []
            if text.split()[0].endswith("_"):
                raw_synsets[current_synset].append((0, "_NOPLURAL_"))
            continue
        if current_synset is not None and text.startswith("+"):
            raw_synsets[current_synset].append((number, text[1:]))
            continue
        current_synset = None
        header = _HEADER.match(text)
        if header:
            block = Block(header["name"], _clean_code(header["code"]))
            verbs.blocks.append(block)
            continue
        if block is None:
            errors.append(f"{path}:{number}: line outside a verb block: {text[:40]!r}")
            continue
        if text.startswith("-"):
            pending_patterns.append((number, text[1:]))
            block.patterns.append(Pattern([], [], "", number))  # placeholder, parsed once synsets are known
            block.patterns[-1].code = f"__raw__{len(pending_patterns) - 1}"
            continue
        try:
            _add_verb_line(verbs, block, text)
        except ValueError as exc:
            errors.append(f"{path}:{number}: {exc}")
    verbs.synsets = _expand_synsets(raw_synsets)
    for block in verbs.blocks:
        parsed = []
        for pattern in block.patterns:
            number, raw = pending_patterns[int(pattern.code.removeprefix("__raw__"))]
            try:
                parsed.append(parse_pattern(raw, number, verbs.synsets))
            except ValueError as exc:
                errors.append(f"{path}:{number}: {exc}")
        block.patterns = parsed
    return verbs, errors


def _clean_code(code: str | None) -> str | None:
    if code is None:
        return None
    code = code.strip()
    return code or None


def _add_verb_line(verbs: PetrarchVerbs, block: Block, text: str) -> None:
    code_match = _CODE.search(text)
    forms_match = _FORMS.search(text)
    name = _FORMS.sub(" ", _CODE.sub(" ", text)).split()
    if not name:
        raise ValueError(f"no verb on line {text[:40]!r}")
    words, head = _verb_words(name[0])
    entry = VerbEntry(words, head, _clean_code(code_match.group(1)) if code_match else None,
                      len(verbs.blocks) - 1)
    spellings = regular_forms(words[head])
    if forms_match:
        for form in forms_match.group(1).split():
            form_words, form_head = _verb_words(form)
            spellings.add(form_words[form_head])
    for form in spellings:
        verbs.forms.setdefault(form, []).append(entry)


def _verb_words(text: str) -> tuple[tuple[str, ...], int]:
    parts = [p for p in text.split("_") if p]
    head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    return tuple(p.lstrip("+").lower() for p in parts), head


def _expand_synsets(raw: dict[str, list[tuple[int, str]]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}

    def expand(name: str, seen: frozenset[str]) -> list[tuple[str, ...]]:
        if name in out:
            return out[name]
        phrases: list[tuple[str, ...]] = []
        plural = not any(text == "_NOPLURAL_" for _, text in raw.get(name, []))
        for _, text in raw.get(name, []):
            if text == "_NOPLURAL_":
                continue
            if text.startswith("&"):
                inner = text[1:].rstrip("_").upper()
                if inner not in seen:
                    phrases.extend(expand(inner, seen | {name}))
                continue
            phrase = _phrase(text)
            if not phrase:
                continue
            phrases.append(phrase)
            if plural and not text.endswith("_"):
                phrases.append(phrase[:-1] + (_plural(phrase[-1]),))
        out[name] = phrases
        return phrases

    for name in raw:
        expand(name, frozenset())
    return out


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("ss"):
        return word + "es"
    return word + "s"


_SLOTS = {"+": "target", "$": "source", "%": "compound", "^": "skip", "*": "verb"}


def parse_pattern(text: str, line: int, synsets: dict[str, list[tuple[str, ...]]]) -> Pattern:
    code_match = _CODE.search(text)
    if not code_match:
        raise ValueError("pattern without a [code]")
    body = text[: code_match.start()]
    items: list[Item] = []
    for chunk in body.split():
        parts = [p for p in re.split(r"(_)", chunk)]
        adjacent_next = False
        first = True
        for part in parts:
            if part == "_":
                adjacent_next = True
                continue
            if not part:
                continue
            adjacent = adjacent_next and not first
            adjacent_next = False
            first = False
            items.extend(_items(part, adjacent, synsets))
    verbs = [i for i, item in enumerate(items) if item.kind == "verb"]
    if len(verbs) != 1:
        raise ValueError(f"pattern needs exactly one '*' verb position: {body.strip()!r}")
    v = verbs[0]
    return Pattern(items[:v], items[v + 1:], code_match.group(1).strip(), line, items[v].adjacent)


def _items(part: str, adjacent: bool, synsets: dict[str, list[tuple[str, ...]]]) -> list[Item]:
    out: list[Item] = []
    # a slot may be glued to a word: "+ABC", "KLM_NOP_+RST"
    while part and part[0] in _SLOTS:
        out.append(Item(_SLOTS[part[0]], "", adjacent))
        part = part[1:]
        adjacent = True
    if not part:
        return out
    if part.startswith("&"):
        name = part[1:].rstrip("_").upper()
        if name not in synsets:
            raise ValueError(f"unknown synset &{name}")
        out.append(Item("synset", name, adjacent))
    else:
        out.append(Item("word", part.lower(), adjacent))
    return out


# ---- matching -------------------------------------------------------------------------------------------

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


# ---- coding ---------------------------------------------------------------------------------------------

class PetrarchEventStage:
    """An events stage that codes with an imported PETRARCH verb dictionary instead of Tacitus's lexicon."""

    def __init__(self, verbs: PetrarchVerbs, discards: list[str] | None = None, require_dyad: bool = True
                 ) -> None:
        self.verbs = verbs
        self.discards = [d.lower() for d in (discards or [])]
        self.require_dyad = require_dyad  # PETRARCH's default: code only events with source and target

    def __call__(self, doc: Doc, coded: CodedArticle) -> None:
        if any(d in doc.text.lower() for d in self.discards):
            return
        found: list[Event] = []
        for token in doc:
            if not token.tag_.startswith("VB") or token.dep_ in ("aux", "auxpass"):
                continue
            match = match_verb(self.verbs, token)
            if match is None or match.code == NULL_CODE:
                continue
            found.extend(self._events(token, match, coded))
        for n, event in enumerate(found, len(coded.events) + 1):
            event.id = f"e{n}"
        coded.events.extend(found)

    def _events(self, verb: Token, match: Match, coded: CodedArticle) -> list[Event]:
        compound = match.slots.get("compound")
        sources = [match.slots["source"]] if "source" in match.slots else (subjects(verb) or _upper_subject(verb))
        if compound is not None:
            sources = with_conjuncts([compound])
        targets = [match.slots["target"]] if "target" in match.slots else _first_actor_after(verb, coded)
        src = [p for t in sources for p in parties(t, coded) if p.actor or not self.require_dyad]
        tgt = [p for t in targets for p in parties(t, coded) if p.actor or not self.require_dyad]
        forward, _, back = match.code.partition(":")
        out: list[Event] = []
        if compound is not None and len(src) >= 2 and not tgt:
            pairs = [(a, b) for a in src for b in src if a.actor != b.actor]
        else:
            pairs = [(s, t) for s in (src or [None]) for t in (tgt or [None])]
        for s, t in pairs:
            if s is None or t is None:
                continue  # PETRARCH codes complete dyads only
            out.append(_event(coded, verb, forward, s, t))
            if back:
                out.append(_event(coded, verb, back, t, s))
        return out


def _upper_subject(verb: Token) -> list[Token]:
    """The subject of the nearest clause above ("Arnor is about to restore ...": PETRARCH reads the
    sentence's noun phrase before the verb phrase)."""
    for head in verb.ancestors:
        found = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found:
            return with_conjuncts(found)
    return []


def _first_actor_after(verb: Token, coded: CodedArticle) -> list[Token]:
    """PETRARCH's target: the object if it is an actor, else the first actor in the verb phrase after it."""
    objects = [o for o in direct_objects(verb) if o._.mention is not None]
    if objects:
        return objects
    for token in verb.subtree:
        if token.i > verb.i and token._.mention is not None and token.dep_ not in ("nsubj", "nsubjpass"):
            return [token]
    # no actor: the first proper noun after the verb stands in (for scoring the verb dictionary alone)
    return [t for t in verb.subtree if t.i > verb.i and t.pos_ == "PROPN" and t.dep_ in ("pobj", "dobj")
            and t.ent_type_ not in ("DATE", "TIME")][:1]


def _event(coded: CodedArticle, verb: Token, code: str, source, target) -> Event:
    entry = ontology.cameo_codes().get(code)
    start, end = verb.idx, verb.idx + len(verb.text)
    sentence = coded.sentence_at(start)
    sent = coded.sentences[sentence] if coded.sentences else None
    return Event(id="", source=source.actor if source else None, target=target.actor if target else None,
                 cameo=code,
                 name=entry.name if entry else "", goldstein=entry.goldstein if entry else None,
                 quad_class=entry.quad if entry else None, plover=entry.plover if entry else None,
                 plover_mode=entry.plover_mode if entry else None,
                 plover_context=list(entry.plover_context) if entry else [],
                 date=coded.article.date, date_resolution="day" if coded.article.date else None,
                 date_source="publication" if coded.article.date else "unknown", sentence=sentence,
                 evidence=(sent.start, sent.end) if sent else (start, end), trigger=(start, end),
                 source_span=source.span if source else None, target_span=target.span if target else None,
                 confidence=0.5, rule="petrarch")


# ---- the unit-test suite --------------------------------------------------------------------------------

@dataclass
class Record:
    id: str
    category: str
    date: str | None
    text: str
    expected: set[tuple[str, str, str]]


def read_records(path: str | Path) -> list[Record]:
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise ValueError(f"{path}: cannot read the PETRARCH records ({exc})") from None
    records = []
    for sentence in root.iter("Sentence"):
        text = " ".join((sentence.findtext("Text") or "").split())
        expected = set()
        for coding in sentence.iter("EventCoding"):
            if coding.get("noevents"):
                continue
            expected.add((coding.get("sourcecode", ""), coding.get("targetcode", ""), coding.get("eventcode", "")))
        date = sentence.get("date")
        iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 else None
        records.append(Record(sentence.get("id", ""), sentence.get("category", ""), iso, text, expected))
    return records


def _coder(folder: Path, require_dyad: bool = True):
    from ..actors import ActorStage
    from ..actors.dictionary import ActorDictionary
    from ..actors.petrarch import read_dictionary
    from ..pipeline import Coder
    from ..quotes import QuoteStage
    from ..when import TimeStage
    from ..where import PlaceStage

    entries = []
    for name in ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt"):
        found, _ = read_dictionary(folder / name)
        entries.extend(found)
    verbs, _ = read_verbs(folder / "PETR.Validate.verbs.txt")
    discards = _read_discards(folder / "PETR.Validate.discards.txt")
    stages = [ActorStage(dictionary=ActorDictionary(entries)), QuoteStage(), TimeStage(), PlaceStage(),
              PetrarchEventStage(verbs, discards, require_dyad)]
    return Coder(stages=stages)


def _read_discards(path: Path) -> list[str]:
    if not path.exists():
        return []
    out = []
    for _, line in _strip(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        phrase = line.split(";", 1)[0].strip().lstrip("+").strip()
        if phrase:
            out.append(phrase)
    return out


def unit_test_pass_rate(folder: str | Path) -> dict:
    """Code PETRARCH's unit-test records with the suite's own dictionaries; the share of records coded
    exactly right (all and only the expected (source, target, event) triples), and of records whose event
    codes alone are right when the subject and object stand in for actors the actor stage did not resolve
    (what the verb dictionary import does by itself), with counts and the failures by category."""
    folder = Path(folder)
    records = read_records(folder / "PETR.UnitTest.records.xml")
    coder, lenient = _coder(folder), _coder(folder, require_dyad=False)
    exact = codes = 0
    failures: dict[str, int] = {}
    details = []
    for record in records:
        coded = coder.code(record.text, date=record.date)
        got = set()
        for event in coded.events:
            source, target = coded.actor(event.source), coded.actor(event.target)
            got.add((source.code if source else "", target.code if target else "", event.cameo))
        ok = got == record.expected
        # the verb dictionary alone: event codes, with a subject and an object standing in for actors
        # the actor stage did not resolve
        loose = {e.cameo for e in lenient.code(record.text, date=record.date).events}
        ok_codes = loose == {c for _, _, c in record.expected}
        exact += ok
        codes += ok_codes
        if not ok:
            failures[record.category] = failures.get(record.category, 0) + 1
        details.append({"id": record.id, "expected": sorted(record.expected), "coded": sorted(got), "pass": ok})
    n = len(records)
    return {"records": n, "passed": exact, "pass_rate": round(exact / n, 4) if n else 0.0,
            "event_codes_passed": codes, "event_code_pass_rate": round(codes / n, 4) if n else 0.0,
            "failures_by_category": dict(sorted(failures.items())), "details": details}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tacitus.events.petrarch FOLDER  (the folder of PETR.UnitTest.records.xml)",
              file=sys.stderr)
        return 2
    try:
        result = unit_test_pass_rate(args[0])
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"PETRARCH unit tests: {result['passed']}/{result['records']} records coded exactly "
          f"({result['pass_rate']:.1%}); event codes right in {result['event_codes_passed']} "
          f"({result['event_code_pass_rate']:.1%})")
    for category, count in result["failures_by_category"].items():
        print(f"  {category}: {count} failing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
