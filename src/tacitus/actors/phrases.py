"""Reading actor phrases off the parse: which lexicon hits count, where a person's name is, and which
countries and sectors a noun phrase carries ("Senior Hungarian and Romanian officials", "Dmitry Rogozin,
Deputy Prime Minister of the Russian Federation", "members of the Syrian parliament").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lexicon import Entry, Hit

NOUNS = frozenset({"NOUN", "PROPN"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# Prepositions whose object gives a title its country or body: "President of Belarus", "Minister for
# Interior"; groups also take their place: "rebels in Darfur", "students at a university".
TITLE_PREPS = frozenset({"of", "for"})
GROUP_PREPS = frozenset({"of", "for", "in", "from", "at", "throughout", "inside"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
# Words that end a run of capitalised words taken as a name after a title.
NAME_STOP = frozenset({"on", "said", "says", "and", "of", "the", "in", "at", "to", "for", "with"})
MAX_NAME_TOKENS = 5
# Entity labels of names of works, products, events and laws.
TITLE_ENTITIES = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
# Forms of address before a surname ("Mr. King" is no king).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam"})


@dataclass
class RolePhrase:
    """A sector noun with what modifies it: the hit, the noun phrase's token range, the countries and
    organisations found among its modifiers, the person's name if the phrase names one."""

    hit: Hit
    root: Token
    left: int
    right: int
    carriers: list[Hit] = field(default_factory=list)   # country/org hits that give the phrase its country
    sector: str | None = None
    name: tuple[int, int] | None = None  # token range of the person's name
    apposition: bool = False
    located: bool = False  # country only from an "in"/"at" place
    ethnic: bool = False   # "ethnic Albanians": the carriers name a people, not the country
    officer: bool = False  # "president of the Center for American Progress": an officer of a body, no state office
    bodies: list[Entry] = field(default_factory=list)  # group nouns after "of" ("president of the union")
    first_person: bool = False  # "our troops", "my government": the speaker's own

    @property
    def entry(self) -> Entry:
        return self.hit.entry

    @property
    def person(self) -> bool:
        return self.hit.entry.kind == "title"


def span_root(doc: Doc, start: int, end: int) -> Token:
    """The token of doc[start:end] whose head lies outside it (the last such one)."""
    root = doc[end - 1]
    for token in doc[start:end]:
        if not (start <= token.head.i < end) or token.head.i == token.i:
            root = token
    return root


def keep_hit(doc: Doc, hit: Hit, ent_label: dict[int, str], person_ents: set[int]) -> bool:
    """Whether a lexicon match stands for an actor here: sector nouns must be nouns, cities must be named
    places to the NER, and nothing inside a person's multi-word name counts as a country."""
    entry = hit.entry
    tokens = range(hit.start, hit.end)
    if any(ent_label.get(i) in TITLE_ENTITIES for i in tokens):
        return False  # "Shark Tank", "the Clean Air Act": a word of a title or a law names no actor
    if entry.is_sector:
        if entry.kind == "title" and (any(i in person_ents for i in tokens) or _after_honorific(doc, hit.start)):
            return False  # "Larry King", "Mr. King": a surname, not a title
        return doc[hit.end - 1].pos_ in NOUNS or doc[hit.start].pos_ in NOUNS
    if any(i in person_ents for i in tokens) and entry.kind != "org":
        return False
    if entry.kind == "city":
        return all(ent_label.get(i) in ("GPE", "LOC", "FAC") for i in tokens)
    return True


def _after_honorific(doc: Doc, i: int) -> bool:
    return i > 0 and doc[i - 1].lower_.rstrip(".") in HONORIFICS


def name_after(doc: Doc, i: int, taken: set[int], person_ents: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """A person's name starting at token i: a PERSON entity, or else a short run of capitalised proper nouns
    (the NER often swallows a title into an ORG: "Belarus Aleksandr Lukashenko")."""
    if i >= len(doc) or i in taken:
        return None
    if i in person_ents:
        return person_ents[i]
    j = i
    while (j < len(doc) and j - i < MAX_NAME_TOKENS and j not in taken and doc[j].pos_ == "PROPN"
           and doc[j].text[:1].isupper() and doc[j].lower_ not in NAME_STOP and doc[j].ent_type_ not in
           ("DATE", "TIME", "GPE", "CARDINAL")):
        j += 1
    return (i, j) if j > i else None


def name_before(doc: Doc, end: int, person_ents_end: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """A PERSON entity ending just before token ``end``."""
    return person_ents_end.get(end)


# Words before "of" that count members of a people rather than name it as a whole ("thousands of Nigerians").
QUANTITIES = frozenset({"thousands", "hundreds", "dozens", "millions", "tens", "scores", "some", "many", "most",
                        "few", "number", "group", "groups", "third", "half", "quarter", "majority", "minority",
                        "all", "several", "both", "each", "one", "two", "none", "part", "percent", "contingent",
                        "batch", "band", "crowd", "handful"})
# Dependents that make a people a particular set of its members ("Palestinians living in Gaza").
PARTICULAR_DEPS = frozenset({"acl", "relcl", "amod", "nummod", "prep", "compound"})


def bare_people(doc: Doc, phrase: RolePhrase) -> bool:
    """Whether a plural demonym names its people as a whole ("the Palestinians", "Israel and the Palestinians")
    rather than some of them ("thousands of Palestinians", "4 Iraqis", "Palestinians living in Gaza")."""
    hit = phrase.hit
    if phrase.carriers or phrase.ethnic or any(t.lower_ not in ("the",) for t in doc[phrase.left:hit.start]):
        return False
    head = doc[hit.end - 1]
    if any(child.dep_ in PARTICULAR_DEPS for child in head.children):
        return False
    before = phrase.left - 1
    return not (before >= 1 and doc[before].lower_ == "of" and doc[before - 1].lower_ in QUANTITIES)
