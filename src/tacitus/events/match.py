"""Finding trigger words: each verb or noun whose lemma is in the lexicon gets the most specific entry
whose conditions hold ("sign" + object "agreement" -> 057 before bare "sign"). Lookup is by lemma, so a
sentence costs one dictionary probe per token plus the conditions of the few entries found."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..nlp import token_view
from .lexicon import Condition, Entry, Lexicon
from .syntax import (SUBJECT_DEPS, direct_objects, lemma, own_subjects, particles, phrase_tokens,
                     preposition_children)

VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Children whose word can complete a phrasal verb key: "pull out", "call on", "open fire", "take part".
# Verbs used as auxiliaries or as adjectives ("the detained sailors") name no event.
# A noun inside a name is no event: "the Trans-Pacific Partnership", "the Security Council".
NAME_ENTITIES = frozenset({"ORG", "LAW", "PRODUCT", "WORK_OF_ART", "FAC", "GPE", "NORP", "PERSON", "LOC", "EVENT"})
NON_EVENT_VERB_DEPS = frozenset({"aux", "auxpass", "amod", "compound"})
# Adjectives that govern an act like a verb: "is willing to withdraw", "ready to host".
ADJ_FRAME_DEPS = frozenset({"acomp", "oprd", "xcomp", "ccomp", "conj", "ROOT", "advcl"})
PHRASAL_GAP = 3
PHRASAL_WEIGHT = 3
PHRASAL_DEPS = frozenset({"prt", "prep", "dobj", "advmod", "acomp", "oprd", "agent"})


@dataclass
class Trigger:
    token: Token
    entry: Entry
    parts: list[Token] = field(default_factory=list)  # other words of the trigger phrase ("pulled ... out")

    @property
    def frame(self) -> str | None:
        return self.entry.frame

    @property
    def is_noun(self) -> bool:
        return self.entry.pos == "N"

    def span(self) -> tuple[int, int]:
        tokens = [self.token, *self.parts]
        return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    found: list[Trigger] = []
    doc = sent.doc
    view = token_view(doc)
    pos_of, dep_of, ent_of = view.pos, view.dep, view.ent
    for i in range(sent.start, sent.end):
        # the tests below without the Token: a word none of them can pass makes no Token object
        pos, dep = pos_of[i], dep_of[i]
        if not ((pos in VERB_POS and dep not in NON_EVENT_VERB_DEPS) or (pos == "NOUN" and dep == "ROOT")
                or ((pos in NOUN_POS or pos == "NUM") and ent_of[i] not in NAME_ENTITIES)
                or (pos == "ADJ" and dep in ADJ_FRAME_DEPS)):
            continue
        token = doc[i]
        if (token.pos_ in VERB_POS and token.dep_ not in NON_EVENT_VERB_DEPS and not _background(token)) \
                or _verb_in_disguise(token):
            trigger = best_entry(token, lex.verbs, verb_keys(token, lex.verbs))
        elif (token.pos_ in NOUN_POS or token.pos_ == "NUM") and token.ent_type_ not in NAME_ENTITIES:
            trigger = best_entry(token, lex.nouns, [(w, None) for w in word_forms(token, lex.nouns)])
        elif token.pos_ == "ADJ" and token.dep_ in ADJ_FRAME_DEPS:
            trigger = best_entry(token, lex.verbs, [(lemma(token), None)])
        else:
            continue
        if trigger is not None:
            found.append(trigger)
    return found


def _verb_in_disguise(token: Token) -> bool:
    """A headline verb the tagger took for a noun: it has a subject ("Germany and UNICEF hand over 30
    vehicles")."""
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children)


def _background(verb: Token) -> bool:
    """A past participle describing a noun, without an agent, is background, not a reported event: "the
    fishermen, held captive in Libya", "weapons seized last year", "the curfew imposed in Sudan"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return False
    # a sentence whose root is no verb: the parse missed the predicate, and this may be it
    return verb.head.dep_ != "ROOT" and verb.sent.root.pos_ in ("VERB", "AUX")


def word_forms(token: Token, index: dict[str, list[Entry]]) -> list[str]:
    """The lemma, or when the lemmatizer's guess is not in the lexicon, forms stripped of a regular
    inflection ("staged" -> "stage" where the model says "stag")."""
    base = lemma(token)
    if base in index:
        return [base]
    key = (id(index), token.lower_, base)
    found = _FORMS_SEEN.get(key)
    if found is None:
        found = next((f for f in _stripped(token.lower_) if f in index), base)
        if len(_FORMS_SEEN) > 200_000:
            _FORMS_SEEN.clear()
        _FORMS_SEEN[key] = found
    return [found]


# word forms already looked up, per lexicon index: most words of a text are not triggers
_FORMS_SEEN: dict[tuple[int, str, str], str] = {}


def _stripped(word: str) -> list[str]:
    forms = [word]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            forms.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2] and not repl:
                forms.append(stem[:-1])  # "planned" -> "plann" -> "plan"
    return forms


def verb_keys(verb: Token, index: dict[str, list[Entry]]) -> list[tuple[str, Token | None]]:
    """The lemma and its phrasal forms present in the sentence: (key, word that completes it)."""
    base = word_forms(verb, index)[0]
    keys: list[tuple[str, Token | None]] = [(base, None)]
    doc, at = verb.doc, verb.i
    view = token_view(doc)
    dep = view.dep
    for i in view.children[at]:
        # the particle or preposition follows the verb closely ("pulled out", "called on"), and a
        # preposition of time is no particle ("called X on Friday")
        near = dep[i] == "prt" or i - at <= PHRASAL_GAP  # a particle may follow the object
        if dep[i] in PHRASAL_DEPS and i > at and near:
            child = doc[i]
            if not _timed(child):
                keys.append((f"{base}_{lemma(child)}", child))
    return keys


def _timed(child: Token) -> bool:
    return any(o.ent_type_ in ("DATE", "TIME") for o in child.children if o.dep_ == "pobj")


def best_entry(token: Token, index: dict[str, list[Entry]], keys: list[tuple[str, Token | None]]
               ) -> Trigger | None:
    best: tuple[int, int, Entry, Token | None] | None = None
    order = 0
    for key, part in keys:
        for entry in index.get(key, ()):
            order += 1
            if not all(holds(c, token) for c in entry.conditions):
                continue
            # a phrasal key ("call_off", "call_on") says more than any one condition on the bare verb
            score = entry.specificity + (PHRASAL_WEIGHT if part is not None else 0)
            if best is None or score > best[0]:
                best = (score, -order, entry, part)
    if best is None:
        return None
    return Trigger(token, best[2], [best[3]] if best[3] is not None else [])


def holds(condition: Condition, token: Token) -> bool:
    result = _check(condition, token)
    return not result if condition.negated else result


def _in(words: frozenset[str] | None, token: Token) -> bool:
    if words is None:
        return True
    return lemma(token) in words or token.lower_ in words


def _to_clause(verb: Token) -> bool:
    """An infinitive clause: "(for Britain) to stay", "to assure him"."""
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)


def _noun_in(words: frozenset[str] | None, token: Token) -> bool:
    """The head of a noun phrase or one of its modifiers is in ``words``: "peacekeeping force"."""
    if _in(words, token):
        return True
    return words is not None and any(_in(words, m) for m in token.children if m.dep_ in ("compound", "amod"))


def _objects(token: Token) -> list[Token]:
    """Objects, and the "of" phrase of an object ("the return of inspectors", "a group of protesters")."""
    if token.pos_ in NOUN_POS:
        return [o for p, o in preposition_children(token) if p == "of"]
    objs = direct_objects(token)
    return objs + [o for obj in objs for p, o in preposition_children(obj) if p == "of"]


def _check(condition: Condition, token: Token) -> bool:
    kind, words = condition.kind, condition.words
    if kind == "obj":
        return any(_noun_in(words, o) for o in _objects(token))
    if kind == "noobj":
        return not _objects(token)
    if kind == "prep":
        return any(p in condition.prep and _noun_in(words, o) for p, o in preposition_children(token))
    if kind == "prt":
        return bool(particles(token) & condition.prep)
    if kind == "subj":
        subj = own_subjects(token)
        if not subj and token.dep_ in ("conj", "xcomp"):
            subj = own_subjects(token.head)
        return any(_in(words, s) or any(_in(words, c) for c in s.children if c.dep_ == "compound")
                   for s in subj)
    if kind == "mod":
        return any(_in(words, c) for c in token.children
                   if c.dep_ in ("amod", "compound", "nmod", "npadvmod", "advmod", "poss"))
    if kind == "near":
        skip = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        around = [t for t in phrase_tokens(token, skip) if t != token]
        if token.dep_ in ("acl", "relcl"):
            around.append(token.head)  # "a tweet attacking X"
        return any(_in(words, t) for t in around)
    if kind == "comp":
        return any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "advcl" and _to_clause(c)) for c in token.children)
    if kind == "xcomp":
        return any(c.dep_ == "xcomp" or (c.dep_ in ("ccomp", "advcl") and _to_clause(c))
                   for c in token.children)
    return False
