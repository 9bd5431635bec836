"""Actors: who is who in an article.

``ActorStage(dictionary=None, builtin=True)`` fills ``coded.mentions`` (kinds name, title, demonym, country,
organization, pronoun, nominal) and ``coded.actors`` (persons, states, organisations, groups) and sets
``Token._.mention`` on every token of every mention, so a later stage maps a token to its actor with
``coded.mentions[token._.mention].actor``. Use the helpers rather than reading the extension directly:

- ``actor_of(token, coded) -> Actor | None``: the actor a token refers to, also for the head noun of a
  phrase whose modifiers carry the mention ("officials" in "Russian officials").
- ``actors_of(token, coded) -> list[Actor]``: all of them, for coordinated modifiers ("Senior Hungarian and
  Romanian officials" -> HUN GOV and ROU GOV; "Belarusian-Russian cooperation" -> BLR and RUS).
- ``actors_in_span(coded, start, end) -> list[Actor]``: the actors of the mentions inside a character span,
  the one that speaks for the phrase first (for scoring a gold actor text against the coded article).

Code scheme (CAMEO style; ``Actor.code`` is country + sector):

- ``country`` is the ISO 3166 alpha-3 code (RUS, BLR, PSE, XKX for Kosovo); international governmental
  organisations have ``IGO``, non-governmental ones of no single country ``NGO``, transnational armed groups
  ``IMG``. An organisation's own short code (UNO, NAT, EEU, CSTO ...) is kept in ``Actor.aliases``. A
  people or community is coded with the country it lives in ("ethnic Albanians in Serbia": SRB).
- ``sector`` is a CAMEO role code: GOV, MIL, LEG, JUD, COP, REB, OPP, PTY, BUS, MED, CVL, EDU, REF, SPY, LAB,
  CRM, HLH, AGR, ELI, REL, UAF, NGO; ``None`` for a state, province or organisation named as a whole and for
  a nationality named as a whole ("the Palestinians": PSE, as CAMEO codes a nationality plural); the
  civilians of a people counted or qualified ("thousands of Kenyans") are CVL. Capitals and seats of
  government in actor positions ("Moscow said", "the Kremlin") are the government (GOV); towns named as
  places are CVL. MED is the media and HLH health, as in the CAMEO manual: older gold sets that write JRN
  for the media and MED for medical actors use another scheme, which the stage does not imitate.

Resolution:

- ``collect.py`` gathers the phrases that may name actors: the lexicon (``lexicon.py``: countries,
  demonyms, seats, organisations, sector nouns, peoples, and misspelt country words through ``fuzzy.py``),
  persons' names, towns and regions (``locate.py`` over the gazetteer of ``places.py``) and organisations
  read off their names (``orgnames.py``: "Moro Islamic Liberation Front" REB, "Union of Teachers" EDU).
- ``resolve.py`` makes the actors: titles and appositions define persons; later names, surnames, nominal
  titles ("the Belarusian head of state") and pronouns corefer within the article; group nouns take the
  countries of their modifiers ("US and British forces").
- ``countries.py`` decides a country the phrase does not name: a dictionary entry for the name (the
  optional user dictionary, ``tacitus.actors.dictionary.ActorDictionary`` or the store's, then the
  built-in figures of ``figures.py``), the article's country for a domestic title, else none for a head
  of state or minister (a country named nearby is as likely the counterpart's), the country an ethnic
  group lives in, the sentence's country for groups.

Lexicons are in ``tacitus/data/actors/`` and are loaded once per process.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Actor, CodedArticle
from .figures import figures
from .lexicon import lexicon
from .locate import place_words
from .phrases import QUANTITIES
from .plural import pair_actors
from .resolve import ArticleResolver

__all__ = ["ActorStage", "actor_of", "actors_of", "actors_in_span"]

# Dependency relations by which a modifier's mention stands for its head noun's actor.
_CARRIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})


class ActorStage:
    """The actors stage. ``dictionary`` is an optional lookup (``lookup(name, date)``) for names the article
    itself does not define."""

    def __init__(self, dictionary=None, builtin: bool = True, **_: object) -> None:
        self.dictionary = dictionary
        self.lexicon = lexicon()
        self.figures = figures() if builtin else None

    def __call__(self, doc: Doc, coded: CodedArticle) -> None:
        ArticleResolver(doc, coded, self.lexicon, self.dictionary, self.figures).run()


def _mention_actor(token: Token, coded: CodedArticle) -> Actor | None:
    index = token._.mention
    if index is None or index >= len(coded.mentions):
        return None
    return coded.actor(coded.mentions[index].actor)


def actors_of(token: Token, coded: CodedArticle) -> list[Actor]:
    """Every actor ``token`` stands for: its own mention's, and those of the modifiers (and their
    conjuncts) that carry its mention."""
    paired = pair_actors(token)
    if paired:  # "the two leaders": the two persons just named
        return [a for a in (coded.actor(i) for i in paired) if a is not None]
    out: list[Actor] = []

    def add(actor: Actor | None) -> None:
        if actor is not None and all(actor.id != a.id for a in out):
            out.append(actor)

    add(_mention_actor(token, coded))
    for part in _carriers(token):
        actor = _mention_actor(part, coded)
        if actor is not None and (not out or actor.kind == out[0].kind or out[0].kind == "state"):
            add(actor)
    if not out and _counts_members(token):
        # "Thousands of Iraqi Kurds", "a group of Chechen refugees", "1,800 of 2,200 Serbian teachers": the
        # members counted are the actor
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for actor in actors_of(obj, coded):
                    add(actor)
    return out


def _counts_members(token: Token) -> bool:
    return token._.mention is None and (token.pos_ == "NUM" or token.lower_ in QUANTITIES
                                         or token.lemma_.lower() in QUANTITIES)


def _carriers(token: Token) -> list[Token]:
    """Modifiers of ``token`` that may carry its actor, with their conjuncts and their own modifiers
    ("Belarusian" in "Belarusian-Russian cooperation" hangs from "Russian")."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in _CARRIER_DEPS:
            for part in [child, *child.conjuncts]:
                out.append(part)
                out.extend(g for g in part.children if g.dep_ in _CARRIER_DEPS)
    return sorted(set(out), key=lambda t: t.i)


def actor_of(token: Token, coded: CodedArticle) -> Actor | None:
    """The actor ``token`` refers to, or None (the first of ``actors_of``)."""
    found = actors_of(token, coded)
    return found[0] if found else None


# Which mention of a phrase speaks for it: a name or title first; then the head noun of a group phrase
# inside the span ("NATO ministers", "Israeli army"); then a nation, place or organisation, one the span does
# not introduce with a preposition first ("the Red Crescent in Bam"), the last one among equals (the head:
# "NATO-member Norway"); then any other nominal.
_SPAN_RANK = {"name": 0, "title": 0, "pronoun": 0, "demonym": 2, "country": 2, "organization": 2, "nominal": 3}
_SPAN_PREPS = ("in", "of", "from", "near", "at", "for", "with", "by")


def actors_in_span(coded: CodedArticle, start: int, end: int) -> list[Actor]:
    """Actors of the mentions overlapping the character span [start, end), the one that speaks for the
    phrase first (see ``_SPAN_RANK``)."""
    found = [(i, m) for i, m in enumerate(coded.mentions) if m.start < end and start < m.end and m.actor]
    text = coded.article.text

    last_name = max((m.start for _, m in found if _SPAN_RANK.get(m.kind) == 2), default=-1)

    def rank(item: tuple[int, object]) -> tuple[int, int, int]:
        i, mention = item
        level = _SPAN_RANK.get(mention.kind, 4)
        if (mention.kind == "nominal" and start <= mention.start and mention.end <= end
                and mention.start > last_name and _has_sector(coded, mention)):
            level = 1  # the group noun after every name in the span is its head ("NATO ministers")
        introduced = int(level == 2 and _introduced(text, start, mention.start))
        return (level, introduced, -i if level == 2 else i)

    ordered = sorted(found, key=rank)
    first = min(found, key=lambda item: item[1].start, default=None)
    if first is not None and _is_head(coded, first[1]):
        ordered.insert(0, first)  # "rebels in Darfur", "Ethnic Albanians in Serbia": the head comes first
    actors: list[Actor] = []
    for _, mention in ordered:
        actor = coded.actor(mention.actor)
        if actor is not None and all(actor.id != a.id for a in actors):
            actors.append(actor)
    return actors


def _has_sector(coded: CodedArticle, mention) -> bool:
    actor = coded.actor(mention.actor)
    return actor is not None and bool(actor.sector)


def _is_head(coded: CodedArticle, mention) -> bool:
    """A group noun, or a people named by its demonym alone ("Ethnic Albanians"), with a sector; not a
    demonym that modifies a group noun elsewhere ("Palestinian" in "Palestinian Islamic Jihad movement")."""
    if mention.kind not in ("nominal", "demonym") or not _has_sector(coded, mention):
        return False
    actor = coded.actor(mention.actor)
    return mention.kind == "nominal" or not any(coded.mentions[k].kind == "nominal" for k in actor.mentions)


def _introduced(text: str, start: int, at: int) -> bool:
    """Whether a preposition inside the span [start, ...) comes right before offset ``at`` (not the "of" of
    "the town of Gorazde", which names the town)."""
    words = text[start:at].split()
    if not words or words[-1].lower() not in _SPAN_PREPS:
        return False
    return not (words[-1].lower() == "of" and len(words) > 1 and words[-2].lower() in place_words())
