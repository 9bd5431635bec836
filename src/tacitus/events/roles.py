"""Source and target of an event: which tokens fill the roles (syntax), and which actors they are (the
actor stage's ``actors_of``; first-person pronouns inside a quote are the quote's speaker)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..actors import actors_of
from ..model import CodedArticle
from .lexicon import Entry
from .syntax import (datives, direct_objects, is_passive, prep_objects, preposition_children,
                     subjects, with_conjuncts)

# Prepositions whose object is the target when an entry names none, best first ("attacked positions of
# X" -> of is not here; "met with X", "sanctions on X", "aid to X").
DEFAULT_VERB_TARGETS = ("dobj", "dative", "against", "on", "upon", "with", "to", "toward", "towards", "at",
                        "into", "over")
DEFAULT_NOUN_TARGETS = ("on", "against", "with", "to", "toward", "towards", "between", "at", "upon")
NOUN_SOURCE_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
THIRD_PERSON = frozenset({"it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "itself",
                          "themselves"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
MAX_PHRASE_CHARS = 80
# Dependents left out of a participant's phrase span.
SPAN_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "conj", "cc", "punct", "prep", "parataxis"})


@dataclass(frozen=True)
class Party:
    """One participant: the actor id (None when the token names no known actor) and the text span."""

    actor: str | None
    span: tuple[int, int]
    token: Token


def np_span(token: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``token`` (without relative clauses, appositions and
    coordinated phrases)."""
    tokens = [token]
    # a date is no part of who acts ("HELSINKI, 14 March 2024 - President X", "Monday's meeting")
    stack = [c for c in token.children if c.dep_ not in SPAN_CUT_DEPS and c.dep_ not in ("det", "predet")
             and c.ent_type_ not in ("DATE", "TIME")]
    while stack:
        current = stack.pop()
        tokens.append(current)
        stack.extend(c for c in current.children if c.dep_ not in ("relcl", "acl", "advcl", "parataxis"))
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens)
    doc = token.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ in ("det", "predet", "case")):
        lo += 1  # "the IAEA" -> "IAEA"
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def parties(token: Token, coded: CodedArticle) -> list[Party]:
    """The actors ``token`` stands for ("Senior Hungarian and Romanian officials" gives two), or one party
    without an actor."""
    speaker = quote_speaker(token, coded)
    if speaker is not None:
        return [Party(speaker, (token.idx, token.idx + len(token.text)), token)]
    found = actors_of(token, coded)
    span = phrase_span(token, coded)
    if not found:
        # "regional rival Japan's Prime Minister Shinzo Abe": the apposition names the actor
        # (and "HELSINKI, 14 March - President X met ...": the parser's subject is the dateline's town)
        for appos in (c for c in token.children if c.dep_ == "appos"):
            found = actors_of(appos, coded) or [a for c in appos.children if c.dep_ == "appos"
                                                for a in actors_of(c, coded)]
            if found:
                subtree = (appos.left_edge.idx, appos.right_edge.idx + len(appos.right_edge.text))
                span = _actor_extent(found[0].id, subtree, coded) or phrase_span(appos, coded)
                break
    if not found and token.pos_ == "PRON" and token.lower_ in THIRD_PERSON:
        found = _antecedent(token, coded)
    if not found:
        return [Party(None, span, token)]
    # "U.S. border patrol agents" is one party; "Hungarian and Romanian officials" are two, each shown by
    # its own mention
    kept, countries = [], set()
    for actor in found:
        if actor.country and actor.country in countries:
            continue
        countries.add(actor.country)
        kept.append(actor)
    if len(kept) == 1:
        return [Party(kept[0].id, span, token)]
    return [Party(a.id, _actor_span(a.id, span, coded) or span, token) for a in kept]


def _actor_span(actor_id: str, within: tuple[int, int], coded: CodedArticle) -> tuple[int, int] | None:
    """The first mention of the actor inside the phrase span."""
    for mention in coded.mentions:
        if mention.actor == actor_id and within[0] <= mention.start and mention.end <= within[1]:
            return mention.start, mention.end
    return None


def _actor_extent(actor_id: str, within: tuple[int, int], coded: CodedArticle) -> tuple[int, int] | None:
    """From the first to the last mention of the actor inside ``within`` ("President of Finland Aino
    Virtanen": the title's and the name's mentions)."""
    spans = [(m.start, m.end) for m in coded.mentions
             if m.actor == actor_id and within[0] <= m.start and m.end <= within[1]]
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


def _antecedent(pronoun: Token, coded: CodedArticle) -> list:
    """A pronoun the actor stage left unresolved, in a clause under another: the subject of the nearest
    clause above ("Syria says it is willing ...", "the rebels said they will release ...")."""
    current = pronoun.head
    for _ in range(6):
        if current.head == current:
            return []
        if current.dep_ in ("ccomp", "xcomp", "advcl", "conj") and current.head.pos_ in ("VERB", "AUX"):
            head = current.head
            for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
                if subject.lower_ not in THIRD_PERSON and subject != pronoun:
                    found = actors_of(subject, coded)
                    if found:
                        return found
        current = current.head
    return []


def phrase_span(token: Token, coded: CodedArticle) -> tuple[int, int]:
    """The participant's noun phrase ("Chinese troops"), or its mention when the phrase runs long."""
    span = np_span(token)
    mention = _mention_span(token, coded)
    if mention is not None and span[1] - span[0] > MAX_PHRASE_CHARS:
        return mention
    return span


def _mention_span(token: Token, coded: CodedArticle) -> tuple[int, int] | None:
    index = token._.mention
    if index is None or index >= len(coded.mentions):
        return None
    mention = coded.mentions[index]
    return mention.start, mention.end


def quote_speaker(token: Token, coded: CodedArticle) -> str | None:
    """First-person pronouns inside a quote refer to its speaker."""
    if token.pos_ != "PRON" or token.lower_ not in FIRST_PERSON or token._.quote is None:
        return None
    quote = next((q for q in coded.quotes if q.id == token._.quote), None)
    return quote.speaker if quote is not None else None


def resolved(tokens: list[Token], coded: CodedArticle) -> list[Party]:
    out: list[Party] = []
    for token in tokens:
        for party in parties(token, coded):
            if all(not same(party, p) for p in out):
                out.append(party)
    return out


def same(a: Party, b: Party) -> bool:
    return a.actor == b.actor if a.actor and b.actor else a.token == b.token


# ---- which tokens fill the roles -------------------------------------------------------------------------

def verb_sources(verb: Token) -> list[Token]:
    return subjects(verb)


def verb_targets(verb: Token, entry: Entry | None) -> list[Token]:
    """Target candidates of a verb in the order its entry (or the default) gives."""
    order = entry.roles.target_preps if entry is not None and entry.roles.target_preps else DEFAULT_VERB_TARGETS
    out: list[Token] = []
    for slot in order:
        if slot == "dobj":
            found = direct_objects(verb) if not is_passive(verb) else \
                with_conjuncts(c for c in verb.children if c.dep_ in ("nsubjpass", "dobj"))
        elif slot == "dative":
            found = datives(verb)
        else:
            found = prep_objects(verb, (slot,))
        out.extend(t for t in found if t not in out)
    return out


def noun_sources(noun: Token, entry: Entry | None) -> list[Token]:
    out: list[Token] = []
    preps = ("by",) + (entry.roles.source_preps if entry is not None else ())
    if entry is not None and entry.roles.of == "source":
        preps += ("of",)
    out.extend(prep_objects(noun, preps))
    out.extend(c for c in noun.children if c.dep_ == "poss")
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.pos_ in ("PROPN", "ADJ", "NOUN") \
                and may_name_actor(child):
            out.extend(t for t in with_conjuncts([child]) if t not in out)
    return with_conjuncts(out)


NAME_TYPES = frozenset({"NORP", "GPE", "ORG", "PERSON"})


def may_name_actor(modifier: Token) -> bool:
    """A modifier of an event noun that can say who acts: a name, a nationality, or a word the actor stage
    found a mention in ("Israeli air strikes", "police raids"); "fierce fighting", "ethnic cleansing" and
    "roadside bombings" name no one."""
    if (modifier.pos_ == "PROPN" or modifier.ent_type_ in NAME_TYPES
            or getattr(modifier._, "mention", None) is not None):
        return True
    # "US Predator attacks": the modifier's own modifier names the actor
    return any(may_name_actor(c) for c in modifier.children if c.dep_ in ("amod", "compound", "nmod", "poss"))


def noun_targets(noun: Token, entry: Entry | None) -> list[Token]:
    order = entry.roles.target_preps if entry is not None and entry.roles.target_preps else DEFAULT_NOUN_TARGETS
    if entry is not None and entry.roles.of == "target":
        order = ("of", *order)
    out: list[Token] = []
    for prep in order:
        out.extend(t for t in prep_objects(noun, (prep,)) if t not in out)
    return out


def between(noun: Token) -> list[Token]:
    """Participants of "talks between X and Y"."""
    return prep_objects(noun, ("between", "among", "amongst"))


def phrase_actors(token: Token, coded: CodedArticle, limit: int = 3) -> list[Party]:
    """Actors named inside a phrase (modifiers and "of"/"between" objects, a few levels deep): the parties
    of "cooperation between Belarus and Russia" or "defense industries of Belarus and Russia"."""
    out: list[Party] = []
    frontier = [token]
    for _ in range(limit):
        nxt: list[Token] = []
        for current in frontier:
            for party in parties(current, coded):
                if party.actor and all(not same(party, p) for p in out):
                    out.append(party)
            for child in current.children:
                if child.dep_ in ("amod", "compound", "nmod", "poss", "conj", "pobj", "prep", "npadvmod"):
                    nxt.append(child)
        frontier = nxt
    return out


def addressees(frame: Token, entry: Entry) -> list[Token]:
    """Who is asked in "urged Y to", "called on Y to", "appealed to Y": the object or the entry's
    prepositions."""
    found = [o for o in direct_objects(frame) if o.pos_ in ("PROPN", "NOUN", "PRON")] if not is_passive(frame) \
        else []
    if not found and entry.roles.target_preps:
        found = prep_objects(frame, [p for p in entry.roles.target_preps if p != "dobj"])
    return found


def clause_subject(verb: Token) -> list[Token]:
    """Subject of a "that" clause: "demanded that Y release ..." -> Y."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def object_preps(token: Token) -> list[tuple[str, Token]]:
    return list(preposition_children(token))


def is_pronoun(token: Token) -> bool:
    return token.pos_ == "PRON"  # ("US" is no "us")
