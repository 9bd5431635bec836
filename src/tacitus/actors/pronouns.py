"""Which actor a third-person pronoun refers to.

Persons ("he", "her", "himself") are chosen among the persons mentioned so far, by gender and recency:

- a reflexive ("himself") is the nearest fitting person of its own sentence;
- else the nearest fitting subject of its own sentence before it, then the nearest fitting person of its
  own sentence, then the last subject of the sentence before, then the nearest fitting person of the last
  few sentences;
- a person of the wrong gender never fits, and one known to fit beats one of unknown gender. A person's
  gender comes from the first name, a form of address ("Mr.", "Ms.") or a gendered noun of the title
  ("spokeswoman");
- inside quotation marks, the speaker of the quote ("'He is right,' Graham said") does not fit: a speaker
  says "I" of himself.

Organisations, states and groups ("it", "its", "they", "their") are the subject of the clause that
reports them: "Russia said it would ...", "the rebels said they ...", "the ministry denied its troops
...". An "it" that only fills the subject slot ("it is important to ...") refers to nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..nlp import governing_verb, token_view
from ..resources import read_table

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
REFLEXIVE = frozenset({"himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "themselves"})
# How many sentences back a person stays a candidate antecedent.
PERSON_WINDOW = 3
# Verbs whose "it" subject is a placeholder ("it is important", "it seems").
PLACEHOLDER_VERBS = frozenset({"be", "seem", "appear", "remain", "become", "take", "matter", "look", "mean"})
# Clauses whose subject pronoun is the reporting clause's subject: "X said it ...", "X agreed they ...".
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj"})
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "write", "state", "note", "argue", "insist", "explain",
                           "declare", "continue", "ask", "reply", "answer", "recall", "stress", "warn"})
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})
QUOTED_KEY = "tacitus.actors.quoted"
# Actor kinds that "it" and "they" may refer to.
THING_KINDS = frozenset({"state", "organization", "group"})


@lru_cache(maxsize=1)
def gender_words() -> dict[tuple[str, str], str]:
    """(kind, word) -> gender, from ``genders.tsv``."""
    return {(r["kind"], r["word"]): r["gender"] for r in read_table("actors", "genders.tsv")}


def name_gender(name: str, before: str = "") -> str | None:
    """The gender a person's name (and the word before it, "Mr.") tells, or None."""
    words = gender_words()
    honorific = words.get(("honorific", before.lower().rstrip(".")))
    if honorific:
        return honorific
    first = name.split()[0].lower() if name.split() else ""
    return words.get(("first_name", first))


def noun_gender(noun: str) -> str | None:
    return gender_words().get(("noun", noun.lower()))


def pronoun_gender(word: str) -> str | None:
    word = word.lower()
    return "m" if word in MALE else "f" if word in FEMALE else None


@dataclass
class Seen:
    person: object  # resolve.Person
    sentence: int
    token: int
    subject: bool


class PronounTracker:
    """Persons in the order the article mentions them, and the choice of antecedents."""

    def __init__(self, doc: Doc, person_named=None) -> None:
        self.doc = doc
        self.view = token_view(doc)
        self.person_named = person_named  # token -> the person whose name it is part of (or None)
        self.seen: list[Seen] = []
        self._speakers: dict[int, list[Token]] = {}
        self.sent_of: dict[int, int] = {}
        for n, sent in enumerate(doc.sents):
            self.sent_of[sent.start] = n

    def sentence(self, token: Token) -> int:
        return self.sent_of.get(self.view.sent_bounds[token.i][0], 0)

    def note(self, person, token: Token, subject: bool) -> None:
        self.seen.append(Seen(person, self.sentence(token), token.i, subject))

    def person_for(self, token: Token):
        """The person a he/she pronoun refers to, or None."""
        gender = pronoun_gender(token.lower_)
        here = self.sentence(token)
        speaker = self._quote_speaker(token) if in_quote(token) else None
        recent = []
        for seen in reversed(self.seen):
            if here - seen.sentence > PERSON_WINDOW:
                break
            recent.append(seen)
        fits = [s for s in reversed(recent) if s.token < token.i
                and getattr(s.person, "gender", None) in (None, gender) and s.person is not speaker]
        known = [s for s in fits if getattr(s.person, "gender", None) == gender]
        fits = known or fits  # a person known to fit beats one who may
        if not fits:
            return None
        same = [s for s in fits if s.sentence == here]
        if token.lower_ in REFLEXIVE:
            return (same or fits)[-1].person
        previous = [s for s in fits if s.sentence == here - 1 and s.subject]
        for group in ([s for s in same if s.subject], same, previous, fits):
            if group:
                return group[-1].person
        return None

    def _quote_speaker(self, token: Token):
        """The person who says the quote ``token`` stands in, if the article names one."""
        for subject in self.quote_speakers(token):
            for seen in self.seen:
                if subject.left_edge.i <= seen.token <= subject.right_edge.i:
                    return seen.person
            if self.person_named is not None:  # named after the quote: not walked yet
                found = self.person_named(subject)
                if found is not None:
                    return found
        return None

    def quote_speakers(self, token: Token) -> list[Token]:
        """Subjects of the speech verbs outside the quotation marks of the sentence ``token`` stands in, then
        of the sentence before and after (a quote of several sentences names its speaker once)."""
        bounds = self.view.sent_bounds
        start, end = bounds[token.i]
        around = [(start, end)]
        if start > 0:
            around.append(bounds[start - 1])
        if end < len(bounds):
            around.append(bounds[end])
        return [subject for part in around for subject in self._speakers_of(*part)]

    def _speakers_of(self, start: int, end: int) -> list[Token]:
        found = self._speakers.get(start)
        if found is None:
            doc, lemma = self.doc, self.view.lemma
            verbs = [doc[i] for i in range(start, end) if lemma[i] in SPEECH_LEMMAS]
            found = [subject for verb in verbs if not in_quote(verb)
                     for subject in verb.children if subject.dep_ == "nsubj"]
            self._speakers[start] = found
        return found


def in_quote(token: Token) -> bool:
    """Whether an odd number of quotation marks precede ``token`` in its sentence (or a closing mark
    follows it while none precedes: a quote begun in an earlier sentence)."""
    start, end = token_view(token.doc).sent_bounds[token.i]
    return _quoted(token.doc, start, end)[token.i - start]


def quoted(sent) -> list[bool]:
    """For each token of the sentence, whether it stands inside quotation marks (cached per sentence)."""
    return _quoted(sent.doc, sent.start, sent.end)


def _quoted(doc: Doc, start: int, end: int) -> list[bool]:
    cache = doc.user_data.setdefault(QUOTED_KEY, {})
    found = cache.get(start)
    if found is None:
        texts = token_view(doc).text[start:end]
        marks = [i for i, text in enumerate(texts) if text in QUOTE_MARKS]
        # a quote begun in an earlier sentence: the first mark closes it
        open_before = bool(marks) and texts[marks[0]] == "\u201d"  # ('' opens and closes in some styles)
        found, inside = [], open_before
        for text in texts:
            if text in QUOTE_MARKS:
                inside = not inside
                found.append(False)
            else:
                found.append(inside)
        cache[start] = found
    return found


def thing_antecedent(pronoun: Token, mention_at) -> object | None:
    """The organisation, state or group an "it"/"they"/"its" refers to: the subject of its own clause for a
    possessive ("Russia withdrew its troops"), else the subject of the clause that reports it ("Russia said
    it would ..."). ``mention_at(token)`` gives the actor of a token's mention, or None."""
    if pronoun.lower_ == "it" and pronoun.dep_ in ("nsubj", "nsubjpass") and (
            pronoun.head.lemma_ in PLACEHOLDER_VERBS):
        return None
    clause = governing_verb(pronoun)
    if pronoun.dep_ == "poss":
        found = _subject_actor(clause, pronoun, mention_at)
        if found is not None:
            return found
    current = clause
    for _ in range(3):
        if current.dep_ not in REPORTED_DEPS or current.head.i == current.i:
            return None
        current = current.head
        found = _subject_actor(current, pronoun, mention_at)
        if found is not None:
            return found
    return None


def _subject_actor(verb: Token, pronoun: Token, mention_at):
    for subject in verb.children:
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.i != pronoun.i and subject.pos_ != "PRON":
            actor = mention_at(subject)
            if actor is not None and actor.kind in THING_KINDS:
                return actor
    return None


