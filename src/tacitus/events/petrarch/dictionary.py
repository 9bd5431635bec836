"""Reading a PETRARCH/TABARI verb dictionary into ``PetrarchVerbs`` (see the package docstring for the
format)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

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
