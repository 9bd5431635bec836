"""The learned actor dictionary (in memory): persons learned from the titles and appositions of the articles
Tacitus reads, entries imported from PETRARCH/TABARI dictionaries, and entries edited by users.

``ActorDictionary(entries)`` answers ``lookup(name, date)`` for the actor stage and grows with
``learn(coded)``. Every learned reading keeps its evidence (article id, character span, text, date and the
country and sector that evidence claims); conflicting evidence is all kept and the entry's current
``country``/``sector`` is the reading with most articles behind it, the most recent one among equals.
Persistence is the store's (``Store.actor_entries()`` / ``put_actor_entries()``).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ..model import CodedArticle, DatedCode, DictionaryEntry, Evidence

# Entry kinds the actor stage finds by their own rules (persons by name, agents as role nouns); the others
# ("actor" of an imported dictionary) are found as names of states, organisations and groups.
NAMED_KINDS = frozenset({"person", "agent"})
# The most words of such a name.
MAX_NAME_WORDS = 5
# How an actor's identity must have been resolved for the dictionary to learn it from the article.
LEARNABLE_SOURCES = frozenset({"title", "apposition"})
MIN_SURNAME = 3
# An Arabic article at the start of a word of a name: "al-", "el-", or the word "al" / "el" itself.
_ARTICLE = re.compile(r"^(al|el)(-|$)")
# Words before a father's name ("bin Salman"), which is no surname to find a person by.
PATRONYM_MARKERS = frozenset({"bin", "ibn", "bint", "ben", "ould"})


@lru_cache(maxsize=1 << 16)  # the same names recur from article to article
def name_key(name: str) -> str:
    """The form names are compared in: lower case, without accents, typographic quotes, extra spaces or an
    Arabic article inside the name ("François Mitterrand" = "Francois Mitterrand", "Omar El Bashir" =
    "Omar al-Bashir"; "Al Gore" keeps his first name)."""
    plain = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    words = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower().split()
    return " ".join(words[:1] + [w for w in (_ARTICLE.sub("", w) for w in words[1:]) if w])


class ActorDictionary:
    """Known actors by name and alias. Lookups of a bare surname succeed when one entry alone has it."""

    def __init__(self, entries: Iterable[DictionaryEntry] = ()) -> None:
        self._entries: dict[str, DictionaryEntry] = {}
        self._index: dict[str, str] = {}
        self._surnames: dict[str, set[str]] = {}
        self._firsts: set[str] = set()  # first words of names of states, organisations and groups
        for entry in entries:
            self.add(entry)

    # ----- reading ---------------------------------------------------------------------------------
    def entries(self) -> list[DictionaryEntry]:
        return list(self._entries.values())

    def get(self, name: str) -> DictionaryEntry | None:
        key = self._index.get(name_key(name))
        return self._entries.get(key) if key else None

    def lookup(self, name: str, date: str | None = None) -> DictionaryEntry | None:
        """The entry for ``name`` (a full name, an alias, or a surname only one entry has), with country and
        sector as valid on ``date`` (``YYYY-MM-DD``) when the entry has dated codes."""
        entry = self.get(name)
        if entry is None and len(name.split()) == 1:
            owners = sorted(self._surnames.get(name_key(name), set()))
            if len(owners) == 1:
                entry = self._entries[owners[0]]
            elif owners:
                return self._one_reading([self._entries[k] for k in owners], date)
        if entry is None or entry.kind == "agent":
            return None
        return _on_date(entry, date) if entry.codes else entry

    @staticmethod
    def _one_reading(entries: list[DictionaryEntry], date: str | None) -> DictionaryEntry | None:
        """A surname several entries share ("Bush"): the one whose dated code covers ``date``, or any of them
        when they all read the same (country, sector) on that date; None when they disagree."""
        pairs = [((_on_date(e, date) if e.codes else e), e) for e in entries if e.kind != "agent"]
        pairs = [(r, e) for r, e in pairs if r is not None]
        readings = [r for r, _ in pairs]
        in_office = [r for r, e in pairs if e.codes and _dated_code_on(e.codes, date)]
        if len(in_office) == 1:
            return in_office[0]
        if readings and len({(r.country, r.sector) for r in readings}) == 1:
            return readings[0]
        return None

    def __len__(self) -> int:
        return len(self._entries)

    # ----- writing ---------------------------------------------------------------------------------
    def add(self, entry: DictionaryEntry) -> None:
        """Add or replace an entry (by name)."""
        key = name_key(entry.name)
        old = self._entries.get(key)
        if old is not None:
            self._unindex(key, old)
        self._entries[key] = entry
        for form in [entry.name, *entry.aliases]:
            self._index.setdefault(name_key(form), key)
        surname = _surname(entry)
        if surname:
            self._surnames.setdefault(surname, set()).add(key)
        if entry.kind not in NAMED_KINDS:
            self._firsts.update(name_key(form).split(" ", 1)[0] for form in [entry.name, *entry.aliases])

    def actor_at(self, words: list[str], date: str | None = None) -> tuple[int, DictionaryEntry] | None:
        """The longest name of a state, organisation or group (an imported PETRARCH actor: "Arnor",
        "Minas Tirith") that ``words`` begin with: (how many words, the entry as valid on ``date``)."""
        if not words or name_key(words[0]).split(" ", 1)[0] not in self._firsts:
            return None
        for length in range(min(len(words), MAX_NAME_WORDS), 0, -1):
            entry = self.get(" ".join(words[:length]))
            if entry is not None and entry.kind not in NAMED_KINDS:
                found = _on_date(entry, date) if entry.codes else entry
                return (length, found) if found is not None else None
        return None

    def remove(self, name: str) -> bool:
        key = self._index.get(name_key(name))
        if key is None:
            return False
        self._unindex(key, self._entries.pop(key))
        return True

    def _unindex(self, key: str, entry: DictionaryEntry) -> None:
        for form in [entry.name, *entry.aliases]:
            if self._index.get(name_key(form)) == key:
                del self._index[name_key(form)]
        self._surnames.get(_surname(entry), set()).discard(key)

    def learn(self, coded: CodedArticle) -> list[DictionaryEntry]:
        """Learn the persons an article defines by title or apposition. Returns the entries created or
        changed. An article already counted for an entry adds no second piece of evidence."""
        changed: list[DictionaryEntry] = []
        for actor in coded.actors:
            if actor.kind != "person" or actor.source not in LEARNABLE_SOURCES or not actor.country:
                continue
            evidence = [e for e in actor.evidence if e.article == coded.article.id]
            if not evidence or len(actor.name.split()) < 2:
                continue
            entry = self.get(actor.name)
            if entry is None:
                entry = DictionaryEntry(name=actor.name, kind="person", origin="learned")
                self.add(entry)
            elif entry.origin == "user":
                continue  # a user's own reading is not overridden by reading
            if any(e.article == coded.article.id for e in entry.evidence):
                continue
            entry.evidence.extend(evidence)
            _refresh(entry)
            changed.append(entry)
        return changed


def _surname(entry: DictionaryEntry) -> str:
    """The last word of a person's name, by which a bare surname finds the entry ("" for a one-word name, and
    when it is too short to tell anyone apart: "Un" of "Kim Jong Un")."""
    words = name_key(entry.name).split()
    if entry.kind != "person" or len(words) < 2 or len(words[-1]) < MIN_SURNAME:
        return ""
    if words[-2] in PATRONYM_MARKERS or words[-1] == words[0]:
        return ""  # "Mohammed bin Salman": a father's name; "Abdullah Abdullah": as likely the first name
    return words[-1]


def _refresh(entry: DictionaryEntry) -> None:
    """Current reading = the (country, sector) most articles support, the latest one among equals."""
    per_article: dict[str, Evidence] = {}
    for ev in entry.evidence:
        per_article.setdefault(ev.article, ev)
    votes = Counter((ev.country, ev.sector) for ev in per_article.values())
    latest = {}
    for ev in per_article.values():
        key = (ev.country, ev.sector)
        latest[key] = max(latest.get(key, ""), ev.date or "")
    (country, sector) = max(votes, key=lambda k: (votes[k], latest[k]))
    entry.country, entry.sector = country, sector
    dates = sorted(ev.date for ev in entry.evidence if ev.date)
    entry.first_seen, entry.last_seen = (dates[0], dates[-1]) if dates else (None, None)
    entry.count = len(per_article)


def _on_date(entry: DictionaryEntry, date: str | None) -> DictionaryEntry | None:
    """A copy of an imported entry with the country/sector of the code valid on ``date`` (an undated code
    when no dated one applies). None when the applicable code is a discard ("---")."""
    code = _code_on(entry.codes, date)
    if code is None:
        return entry
    if code.code.startswith("---"):
        return None
    country, sector = split_code(code.code)
    return DictionaryEntry(**{**entry.__dict__, "country": country, "sector": sector})


def _code_on(codes: list[DatedCode], date: str | None) -> DatedCode | None:
    undated = next((c for c in codes if c.start is None and c.end is None), None)
    if not (date or "").strip():
        return undated or codes[-1]
    return _dated_code_on(codes, date) or undated


def _dated_code_on(codes: list[DatedCode], date: str | None) -> DatedCode | None:
    """The code whose date range covers ``date`` (ranges with an open end included), or None."""
    day = (date or "").replace("-", "")
    if not day:
        return None
    for code in codes:
        if code.start is None and code.end is None:
            continue
        start = (code.start or "").replace("-", "")
        end = (code.end or "").replace("-", "")
        if (not start or start <= day) and (not end or day <= end):
            return code
    return None


def split_code(code: str) -> tuple[str | None, str | None]:
    """"USAGOV" -> ("USA", "GOV"); "IGOUNO" -> ("IGO", "UNO"); "~GOV" (an agent) -> (None, "GOV")."""
    code = code.strip().upper()
    if code.startswith("~"):
        return None, code[1:4] or None
    if code.endswith("~"):
        return None, code[:3] or None
    return (code[:3] or None), (code[3:6] or None)
