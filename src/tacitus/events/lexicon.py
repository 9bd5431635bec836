"""The event lexicons (``tacitus/data/events/*.tsv``), read once per process and indexed by lemma.

- ``verbs.tsv`` / ``nouns.tsv``: trigger words with a CAMEO code, the frame they set for a governed act,
  the conditions an entry needs (``obj=&AGREEMENT``, ``prep=with``) and how its roles are found;
- ``synsets.tsv``: word classes the conditions name as ``&NAME``;
- ``contexts.tsv`` + ``refine.tsv``: words that make a code more specific (060 + military -> 062);
- ``derive.tsv``: the code a frame gives an act (intent to 062 -> 0312, appeal for 0841 -> 0253 ...);
- ``modality.tsv``: negation, future, possibility, obligation, condition, question and purpose words;
- ``sentiment.tsv``: tone words that make a statement optimistic (013) or pessimistic (012);
- ``plover_overrides.tsv``: PLOVER types for codes the official map leaves without one (appeals).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import read_table

FRAMES = frozenset({"speech", "intent", "appeal", "demand", "refuse", "threaten", "deny", "accuse", "stop",
                    "attempt", "realis", "negate", "light", "consider", "prepare"})
CONDITION_KINDS = frozenset({"obj", "noobj", "prep", "prt", "subj", "mod", "near", "comp", "xcomp"})
# A condition naming words is more telling than one that only asks for a slot.
WEIGHT_WORDS, WEIGHT_SLOT = 2, 1


class LexiconError(ValueError):
    """A malformed lexicon row; the message names the file, the entry and the field."""


@dataclass(frozen=True)
class Condition:
    kind: str
    prep: frozenset[str] | None = None  # for prep=P / prep=P:SET and prt=P
    words: frozenset[str] | None = None
    negated: bool = False

    @property
    def weight(self) -> int:
        return WEIGHT_WORDS if self.words else WEIGHT_SLOT


@dataclass(frozen=True)
class Roles:
    """Where an entry's source and target are: see the ``roles`` column of verbs.tsv."""

    recip: bool = False
    swap: bool = False
    addressee: bool = False
    needtarget: bool = False
    target_preps: tuple[str, ...] = ()
    source_preps: tuple[str, ...] = ()
    of: str | None = None  # nouns: "source" or "target"


@dataclass(frozen=True)
class Entry:
    lemma: str
    pos: str  # "V" verb, "N" noun
    code: str | None
    frame: str | None
    conditions: tuple[Condition, ...]
    roles: Roles
    standalone: bool
    rule: str  # "verbs.tsv:attack" etc.: where the entry came from

    @property
    def specificity(self) -> int:
        return sum(c.weight for c in self.conditions)


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)
    contexts: dict[str, frozenset[str]] = field(default_factory=dict)
    refine: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    derive: dict[str, dict[str, str]] = field(default_factory=dict)
    modality: dict[str, str] = field(default_factory=dict)
    sentiment: dict[str, int] = field(default_factory=dict)
    plover: dict[str, tuple[str, str | None, tuple[str, ...]]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        index = self.verbs if entry.pos == "V" else self.nouns
        index.setdefault(entry.lemma, []).append(entry)

    def derived(self, code: str, frame: str) -> str | None:
        """The code ``frame`` gives act ``code``: its own row, else its parent's (0841 -> 084 -> 08)."""
        for key in (code, code[:3], code[:2]):
            value = self.derive.get(key, {}).get(frame)
            if value:
                return value
        return None


def parse_words(text: str, synsets: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    words: set[str] = set()
    for item in text.split("|"):
        item = item.strip().lower()
        if not item:
            continue
        if item.startswith("&"):
            name = item[1:].upper()
            if name not in synsets:
                raise LexiconError(f"{where}: unknown word set &{name} (define it in events/synsets.tsv)")
            words |= synsets[name]
        else:
            words.add(item)
    return frozenset(words)


def parse_condition(atom: str, synsets: dict[str, frozenset[str]], where: str) -> Condition:
    negated = atom.startswith("!")
    atom = atom.lstrip("!")
    kind, _, arg = atom.partition("=")
    if kind not in CONDITION_KINDS:
        raise LexiconError(f"{where}: unknown condition {kind!r} in 'requires' (known: "
                           f"{', '.join(sorted(CONDITION_KINDS))})")
    if kind == "prep" or kind == "prt":
        if not arg:
            raise LexiconError(f"{where}: condition {kind} needs a word: {kind}=P")
        preps, _, words = arg.partition(":")
        return Condition(kind, frozenset(p.strip().lower() for p in preps.split("|")),
                         parse_words(words, synsets, where) if words else None, negated)
    return Condition(kind, None, parse_words(arg, synsets, where) if arg else None, negated)


def parse_roles(text: str, where: str) -> Roles:
    values: dict = {}
    for flag in (f.strip() for f in text.split(",") if f.strip()):
        name, _, arg = flag.partition("=")
        if name in ("recip", "swap", "addressee", "needtarget"):
            values[name] = True
        elif name == "target":
            values["target_preps"] = tuple(arg.split("|"))
        elif name == "source":
            values["source_preps"] = tuple(arg.split("|"))
        elif name == "of" and arg in ("source", "target"):
            values["of"] = arg
        else:
            raise LexiconError(f"{where}: unknown role flag {flag!r} in 'roles'")
    return Roles(**values)


def entry_from_row(row: dict[str, str], pos: str, synsets: dict[str, frozenset[str]], file: str) -> Entry:
    lemma = row["lemma"].strip().lower()
    where = f"events/{file} entry {lemma!r}"
    if not lemma:
        raise LexiconError(f"events/{file}: a row has an empty 'lemma'")
    code = row.get("code", "").strip() or None
    frame = row.get("frame", "").strip() or None
    if frame is not None and frame not in FRAMES:
        raise LexiconError(f"{where}: unknown frame {frame!r} (known: {', '.join(sorted(FRAMES))})")
    if code is not None and not code.isdigit():
        raise LexiconError(f"{where}: code {code!r} is not a CAMEO code")
    if code is None and frame is None:
        raise LexiconError(f"{where}: needs a code or a frame")
    conditions = tuple(parse_condition(a, synsets, where) for a in row.get("requires", "").split())
    roles = parse_roles(row.get("roles", ""), where)
    standalone = row.get("standalone", "").strip().lower() == "yes"
    return Entry(lemma, pos, code, frame, conditions, roles, standalone, f"{file}:{lemma}")


def _synsets() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for row in read_table("events", "synsets.tsv"):
        out[row["name"].strip().upper()] = frozenset(w.strip().lower() for w in row["words"].split("|")
                                                     if w.strip())
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process."""
    lex = Lexicon(synsets=_synsets())
    for row in read_table("events", "verbs.tsv"):
        lex.add(entry_from_row(row, "V", lex.synsets, "verbs.tsv"))
    for row in read_table("events", "nouns.tsv"):
        lex.add(entry_from_row(row, "N", lex.synsets, "nouns.tsv"))
    contexts: dict[str, set[str]] = {}
    for row in read_table("events", "contexts.tsv"):
        contexts.setdefault(row["word"].lower(), set()).add(row["context"])
    lex.contexts = {w: frozenset(c) for w, c in contexts.items()}
    for row in read_table("events", "refine.tsv"):
        lex.refine.setdefault(row["code"], []).append((row["context"], row["refined"]))
    for row in read_table("events", "derive.tsv"):
        lex.derive[row["act"]] = {k: v for k, v in row.items() if k != "act" and v}
    lex.modality = {r["word"].lower(): r["kind"] for r in read_table("events", "modality.tsv")}
    lex.sentiment = {r["word"].lower(): (1 if r["polarity"] == "+" else -1)
                     for r in read_table("events", "sentiment.tsv")}
    for row in read_table("events", "plover_overrides.tsv"):
        lex.plover[row["code"]] = (row["plover_type"], row["plover_mode"] or None,
                                   tuple(c for c in row["plover_context"].split(";") if c))
    return lex
